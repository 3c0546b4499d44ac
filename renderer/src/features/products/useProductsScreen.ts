import { useMemo, useState } from 'react';
import type { Product } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import type { RowAction } from './ProductCells';
import { useCellSaves } from './useCellSaves';
import { useProductList } from './useProductList';
import { useProductSearch } from './useProductSearch';

export type Dialog = { kind: 'import' } | { kind: 'add' } | { kind: RowAction; product: Product } | null;

/** Everything the Products screen shows: the catalog, the search over it, grid edits and which dialog is open. */
export function useProductsScreen() {
  const list = useProductList();
  const search = useProductSearch();
  const saves = useCellSaves(list);
  const store = useApi('getStore');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [quickFilter, setQuickFilter] = useState('');

  // Without a store profile (yet), times are shown in India time.
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;

  const bySku = useMemo(() => new Map((list.products ?? []).map((p) => [p.sku, p])), [list.products]);
  // A search shows its matches in the grid, best first; products not (yet) in the list are skipped.
  const rows = useMemo(() => {
    if (!search.active || !search.result) return list.products ?? [];
    return search.result.results.map((hit) => bySku.get(hit.sku)).filter((p): p is Product => p !== undefined);
  }, [search.active, search.result, list.products, bySku]);

  return { list, search, saves, dialog, setDialog, quickFilter, setQuickFilter, timeZone, rows };
}
