import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { PRODUCT_FIELD_LABELS, type Product, type ProductField } from '../../api/contracts';
import { checkCellEdit, isEditableField, type EditableField } from './cellEdit';
import type { ProductList } from './useProductList';

/** `sku␀field` → why the last edit of that cell was not saved. */
export type CellErrors = Record<string, string>;
export const cellKey = (sku: string, field: string) => `${sku}\u0000${field}`;

export interface CellProblem {
  sku: string;
  field: string;
  label: string;
  message: string;
}

function withoutRow(errors: CellErrors, sku: string): CellErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith(`${sku}\u0000`)));
}

/**
 * Saves grid edits one cell at a time with PUT. A refused edit leaves the saved value in the cell
 * and marks it with the reason until the next successful save of that row.
 */
export function useCellSaves(list: ProductList) {
  const client = useApiClient();
  const [errors, setErrors] = useState<CellErrors>({});

  const fail = useCallback((sku: string, fields: Record<string, string>, message: string) => {
    setErrors((prev) => ({ ...withoutRow(prev, sku), ...Object.fromEntries(Object.entries(fields).map(([f, m]) => [cellKey(sku, f), m])) }));
    notifications.show({ id: 'product-cell', color: 'red', title: `${sku} was not saved`, message });
  }, []);

  const saveCell = useCallback(
    async (row: Product, field: string, raw: unknown) => {
      if (!isEditableField(field)) return;
      const check = checkCellEdit(row, field, raw);
      if (!check.ok) return fail(row.sku, { [field]: check.message }, check.message);
      list.markOwn(row.sku);
      try {
        const saved = await client.call('updateProduct', { params: { sku: row.sku }, body: check.patch });
        list.upsert(saved);
        setErrors((prev) => withoutRow(prev, row.sku));
        notifications.show({ id: 'product-cell', color: 'teal', title: 'Saved', message: `${row.sku} · ${PRODUCT_FIELD_LABELS[field as EditableField]}` });
      } catch (err) {
        const message = err instanceof Error ? err.message : 'Something went wrong.';
        const fields = err instanceof ApiClientError && Object.keys(err.fields).length > 0 ? err.fields : { [field]: message };
        fail(row.sku, fields, Object.values(fields)[0] ?? message);
      }
    },
    [client, fail, list],
  );

  const dismiss = useCallback((sku: string) => setErrors((prev) => withoutRow(prev, sku)), []);

  const problems: CellProblem[] = Object.entries(errors).map(([key, message]) => {
    const [sku = '', field = ''] = key.split('\u0000');
    return { sku, field, label: PRODUCT_FIELD_LABELS[field as ProductField] ?? field, message };
  });

  return { errors, problems, saveCell, dismiss };
}
