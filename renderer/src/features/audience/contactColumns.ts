import type { CellClassParams, ColDef } from 'ag-grid-community';
import type { Contact } from '../../api/contracts';
import { formatRupees } from '../products/money';
import { formatDateTime } from '../../ui/format';
import { formatDay, formatPhone, formatRelative, hashTag, OPT_IN_LABELS, SOURCE_LABELS } from './contactFormat';
import { OpenContactCell, TagsCell, type ContactGridContext } from './ContactCells';
import { isEditableContactField } from './contactEdits';

type Col = ColDef<Contact>;
const text = { filter: 'agTextColumnFilter', cellDataType: 'text' } as const;
const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const INVALID = { backgroundColor: '#ffe3e3', boxShadow: 'inset 0 0 0 1px #fa5252' };
type ErrorParams = { data?: Contact | undefined; context: ContactGridContext };
const errorOf = (p: ErrorParams, field: string) => (p.data ? p.context.errorFor(p.data.id, field) : undefined);

/** Editable cells show a refused edit in red, with the reason as a tooltip. */
function withEditing(col: Col): Col {
  const id = col.colId ?? col.field ?? '';
  if (!isEditableContactField(id)) return col;
  return {
    ...col,
    colId: id,
    editable: true,
    tooltip: (p) => errorOf(p, id),
    cellClassRules: { 'revive-cell-invalid': (p: CellClassParams<Contact>) => errorOf(p, id) !== undefined },
    cellStyle: (p) => (errorOf(p, id) !== undefined ? INVALID : null),
  };
}

/** Text for the filter on a time column: empty when never. */
const timeFilter = (timeZone: string, show: (iso: string) => string): Col => ({
  filter: 'agTextColumnFilter',
  cellDataType: 'text',
  valueFormatter: ({ value }) => (typeof value === 'string' ? show(value) : '—'),
  tooltip: ({ value }) => (typeof value === 'string' ? formatDateTime(value, timeZone) : undefined),
  getQuickFilterText: () => '',
});

export function contactColumns(timeZone: string): Col[] {
  const cols: Col[] = [
    { field: 'name', headerName: 'Name', pinned: 'left', width: 180, ...text, valueFormatter: ({ value }) => dash(value) },
    {
      field: 'phone',
      headerName: 'Phone',
      width: 160,
      ...text,
      valueFormatter: ({ value }) => (typeof value === 'string' ? formatPhone(value) : '—'),
      // Found by any way of writing it: "98765", "+91 98765 43210".
      getQuickFilterText: ({ value }) => (typeof value === 'string' ? `${value} ${formatPhone(value)}` : ''),
    },
    {
      colId: 'tags',
      headerName: 'Tags',
      width: 230,
      ...text,
      // Edited as text ("BridalShopper, GoldBangles"); drawn as chips.
      valueGetter: ({ data }) => data?.tags.join(', ') ?? '',
      cellRenderer: TagsCell,
      getQuickFilterText: ({ data }) => data.tags.map(hashTag).join(' '),
    },
    {
      field: 'totalSpend',
      headerName: 'Total spend',
      width: 130,
      filter: 'agNumberColumnFilter',
      cellDataType: 'number',
      type: 'rightAligned',
      valueFormatter: ({ value }) => (typeof value === 'number' ? formatRupees(value) : '—'),
    },
    { field: 'lastMessageAt', headerName: 'Last message', width: 140, ...timeFilter(timeZone, (v) => formatRelative(v)) },
    { field: 'city', headerName: 'City', width: 130, ...text, valueFormatter: ({ value }) => dash(value) },
    { field: 'lastPurchaseAt', headerName: 'Last purchase', width: 140, ...timeFilter(timeZone, (v) => formatDay(v, timeZone)) },
    { field: 'source', headerName: 'Source', width: 130, ...text, valueFormatter: ({ value }) => SOURCE_LABELS[value as Contact['source']] ?? dash(value) },
    {
      field: 'optIn',
      headerName: 'Opt-in',
      width: 120,
      ...text,
      valueFormatter: ({ value }) => OPT_IN_LABELS[value as Contact['optIn']] ?? dash(value),
      cellStyle: ({ value }) => (value === 'opted_out' ? { color: '#c92a2a' } : null),
    },
    { field: 'email', headerName: 'Email', width: 200, ...text, valueFormatter: ({ value }) => dash(value) },
    { field: 'notes', headerName: 'Notes', width: 260, ...text, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: 5000, rows: 6, cols: 50 } },
    { colId: 'open', headerName: '', pinned: 'right', width: 64, sortable: false, filter: false, resizable: false, cellRenderer: OpenContactCell, getQuickFilterText: () => '' },
  ];
  return cols.map(withEditing);
}
