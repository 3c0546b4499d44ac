import {
  ClientSideRowModelApiModule,
  CustomEditorModule,
  LargeTextEditorModule,
  RowApiModule,
  RowSelectionModule,
  type CellEditRequestEvent,
  type GetRowIdParams,
  type GridApi,
  type Module,
  type ModelUpdatedEvent,
  type SelectionChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Contact } from '../../api/contracts';
import { gridModules, gridTheme } from '../products/gridSetup';
import type { ContactGridContext } from './ContactCells';
import { contactColumns } from './contactColumns';
import { contactCellKey, type ContactCellErrors } from './contactEdits';

/** The Products grid's modules, plus row selection (bulk tags), the notes editor and the row APIs the filtered export reads. */
const modules: Module[] = [...gridModules, RowSelectionModule, LargeTextEditorModule, CustomEditorModule, RowApiModule, ClientSideRowModelApiModule];
const getRowId = ({ data }: GetRowIdParams<Contact>) => String(data.id);

/** What the grid shows after its own filters and sort: for "Export CSV". */
export interface ContactGridView {
  /** A column's filter is set (the server's list knows nothing of these). */
  columnFilters: boolean;
  shown: number;
  /** The shown contacts' ids in the grid's order (read when needed: it walks every row). */
  ids(): number[];
}

export interface ContactGridProps {
  rows: Contact[];
  quickFilter: string;
  timeZone: string;
  errors: ContactCellErrors;
  onEdit: (row: Contact, field: string, value: unknown) => void;
  onOpen: (contact: Contact) => void;
  onSelection: (ids: number[]) => void;
  /** Changes to clear the selection (after a bulk change). */
  selectionKey: number;
  onView?: (view: ContactGridView) => void;
}

function viewOf(api: GridApi<Contact>): ContactGridView {
  return {
    columnFilters: api.isColumnFilterPresent(),
    shown: api.getDisplayedRowCount(),
    ids: () => {
      const ids: number[] = [];
      api.forEachNodeAfterFilterAndSort((node) => {
        if (node.data) ids.push(node.data.id);
      });
      return ids;
    },
  };
}

/** The store's contacts as a spreadsheet. Edits are requests: the grid shows what the server saved. */
export function ContactGrid({ rows, quickFilter, timeZone, errors, onEdit, onOpen, onSelection, selectionKey, onView }: ContactGridProps) {
  const [api, setApi] = useState<GridApi<Contact>>();
  const columnDefs = useMemo(() => contactColumns(timeZone), [timeZone]);
  const latest = useRef({ errors, onOpen });
  useEffect(() => {
    latest.current = { errors, onOpen };
  });
  const context = useMemo<ContactGridContext>(
    () => ({ onOpen: (c) => latest.current.onOpen(c), errorFor: (id, field) => latest.current.errors[contactCellKey(id, field)] }),
    [],
  );
  useEffect(() => {
    api?.refreshCells({ force: true });
  }, [api, errors]);
  // Only a new selection key clears the ticks: the grid's api arriving (which can come after the
  // first rows are drawn and ticked) must not.
  const clearedFor = useRef(selectionKey);
  useEffect(() => {
    if (!api || clearedFor.current === selectionKey) return;
    clearedFor.current = selectionKey;
    api.deselectAll();
  }, [api, selectionKey]);

  const onCellEditRequest = (event: CellEditRequestEvent<Contact>) => {
    if (event.data) onEdit(event.data, event.column.getColId(), event.newValue);
  };
  const onSelectionChanged = (event: SelectionChangedEvent<Contact>) => onSelection(event.api.getSelectedRows().map((c) => c.id));

  return (
    <div style={{ height: 'calc(100vh - 320px)', minHeight: 360, width: '100%' }} data-testid="contact-grid">
      <AgGridReact<Contact>
        modules={modules}
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: true, resizable: true, floatingFilter: true, suppressHeaderMenuButton: true }}
        getRowId={getRowId}
        context={context}
        quickFilterText={quickFilter}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        stopEditingWhenCellsLoseFocus
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, selectAll: 'filtered', enableClickSelection: false }}
        selectionColumnDef={{ pinned: 'left', width: 50 }}
        onSelectionChanged={onSelectionChanged}
        tooltipShowDelay={200}
        suppressColumnVirtualisation
        onGridReady={(e) => setApi(e.api)}
        onModelUpdated={(e: ModelUpdatedEvent<Contact>) => onView?.(viewOf(e.api))}
        overlayNoRowsTemplate="No contact matches this filter"
      />
    </div>
  );
}
