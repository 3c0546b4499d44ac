import type { CellClassParams, ColDef, ValueFormatterParams } from 'ag-grid-community';
import { CATEGORIES, GENDERS, METALS, PURITIES, type Product } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';
import { isEditableField } from './cellEdit';
import { formatGrams, formatRupees } from './money';
import { RowActionsCell, ThumbnailCell, type GridContext } from './ProductCells';

type Col = ColDef<Product>;

const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const grams = ({ value }: ValueFormatterParams<Product>) => (typeof value === 'number' ? formatGrams(value) : '—');
const text = { filter: 'agTextColumnFilter', cellDataType: 'text' } as const;
const number = { filter: 'agNumberColumnFilter', cellDataType: 'number', type: 'rightAligned', cellEditor: 'agNumberCellEditor' } as const;
const select = (values: readonly string[], nullable: boolean): Col => ({
  ...text,
  cellEditor: 'agSelectCellEditor',
  cellEditorParams: { values: nullable ? ['', ...values] : [...values] },
  valueFormatter: ({ value }) => dash(value),
});
const list = (field: 'stones' | 'occasions'): Col => ({
  ...text,
  colId: field,
  valueGetter: ({ data }) => data?.[field].join(', ') ?? '',
});

/** The day an ISO time falls on in the store's zone, as YYYY-MM-DD (for the date filter). */
function dayIn(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

type ErrorParams = { data?: Product | undefined; context: GridContext };
const errorOf = (p: ErrorParams, field: string) => (p.data ? p.context.errorFor(p.data.sku, field) : undefined);
const INVALID = { backgroundColor: '#ffe3e3', boxShadow: 'inset 0 0 0 1px #fa5252' };

/** Editable cells show a refused edit in red, with the reason as a tooltip. */
function withEditing(col: Col): Col {
  const id = col.colId ?? col.field ?? '';
  if (!isEditableField(id)) return col;
  const ownStyle = typeof col.cellStyle === 'function' ? col.cellStyle : () => null;
  const rules = (col.cellClassRules ?? {}) as Record<string, (p: CellClassParams<Product>) => boolean>;
  return {
    ...col,
    colId: id,
    editable: true,
    tooltip: (p) => errorOf(p, id),
    cellClassRules: { ...rules, 'revive-cell-invalid': (p) => errorOf(p, id) !== undefined },
    cellStyle: (p) => (errorOf(p, id) !== undefined ? INVALID : ownStyle(p)),
  };
}

export function productColumns(timeZone: string): Col[] {
  const cols: Col[] = [
    // No default sort: the catalog comes in SKU order and a search's matches best first.
    { field: 'sku', headerName: 'SKU', pinned: 'left', lockPinned: true, width: 150, ...text },
    { colId: 'image', headerName: '', width: 62, sortable: false, filter: false, resizable: false, cellRenderer: ThumbnailCell, getQuickFilterText: () => '' },
    { field: 'name', headerName: 'Name', width: 260, ...text },
    { field: 'price', headerName: 'Price', width: 130, ...number, valueFormatter: ({ value }) => (typeof value === 'number' ? formatRupees(value) : '—') },
    {
      field: 'stock',
      headerName: 'Stock',
      width: 95,
      ...number,
      // Out of stock stands out: the assistant will not offer these to shoppers.
      cellStyle: ({ value }) => (value === 0 ? { color: '#c92a2a', fontWeight: 600, backgroundColor: '#fff5f5' } : null),
      cellClassRules: { 'revive-out-of-stock': ({ value }) => value === 0 },
    },
    { field: 'category', headerName: 'Category', width: 130, ...select(CATEGORIES, false) },
    { field: 'style', headerName: 'Style', width: 120, ...text, valueFormatter: ({ value }) => dash(value) },
    { field: 'metal', headerName: 'Metal', width: 120, ...select(METALS, true) },
    { field: 'purity', headerName: 'Purity', width: 100, ...select(PURITIES, true) },
    { field: 'grossWeightGrams', headerName: 'Gross wt', width: 115, ...number, valueFormatter: grams },
    { field: 'netWeightGrams', headerName: 'Net wt', width: 110, ...number, valueFormatter: grams },
    { headerName: 'Stones', width: 150, ...list('stones'), valueFormatter: ({ value }) => dash(value) },
    { field: 'gender', headerName: 'Gender', width: 110, ...select(GENDERS, true) },
    { headerName: 'Occasions', width: 170, ...list('occasions') },
    {
      field: 'updatedAt',
      headerName: 'Updated',
      width: 180,
      filter: 'agDateColumnFilter',
      cellDataType: 'text',
      valueFormatter: ({ value }) => (typeof value === 'string' ? formatDateTime(value, timeZone) : '—'),
      filterParams: { comparator: (filterDay: Date, value: string) => dayIn(value, timeZone).localeCompare(localDay(filterDay)) },
      getQuickFilterText: () => '',
    },
    { colId: 'actions', headerName: '', pinned: 'right', width: 118, sortable: false, filter: false, resizable: false, cellRenderer: RowActionsCell, getQuickFilterText: () => '' },
  ];
  return cols.map(withEditing);
}
