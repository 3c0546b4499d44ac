import type { CellEditRequestEvent, GetRowIdParams, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Product } from '../../api/contracts';
import { gridModules, gridTheme } from './gridSetup';
import type { GridContext, RowAction } from './ProductCells';
import { productColumns } from './productColumns';
import { cellKey, type CellErrors } from './useCellSaves';

export interface ProductGridProps {
  rows: Product[];
  quickFilter: string;
  timeZone: string;
  errors: CellErrors;
  onEdit: (row: Product, field: string, value: unknown) => void;
  onAction: (action: RowAction, product: Product) => void;
  height?: number | string;
}

const getRowId = ({ data }: GetRowIdParams<Product>) => data.sku;

/**
 * The catalog as a spreadsheet. Edits are requests (`readOnlyEdit`): the grid shows what the
 * server saved, so a refused edit never lingers as if it were saved.
 */
export function ProductGrid({ rows, quickFilter, timeZone, errors, onEdit, onAction, height = 'calc(100vh - 300px)' }: ProductGridProps) {
  const [api, setApi] = useState<GridApi<Product>>();
  const columnDefs = useMemo(() => productColumns(timeZone), [timeZone]);
  // One context object for the grid's lifetime; its functions read the latest props.
  const latest = useRef({ errors, onAction });
  useEffect(() => {
    latest.current = { errors, onAction };
  });
  const context = useMemo<GridContext>(
    () => ({
      onAction: (action, product) => latest.current.onAction(action, product),
      errorFor: (sku, field) => latest.current.errors[cellKey(sku, field)],
    }),
    [],
  );

  // Cell marks come from `errors`, which the grid cannot see change by itself.
  useEffect(() => {
    api?.refreshCells({ force: true });
  }, [api, errors]);

  const onCellEditRequest = (event: CellEditRequestEvent<Product>) => {
    if (event.data) onEdit(event.data, event.column.getColId(), event.newValue);
  };

  return (
    <div style={{ height, minHeight: 360, width: '100%' }} data-testid="product-grid">
      <AgGridReact<Product>
        modules={gridModules}
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
        tooltipShowDelay={200}
        suppressColumnVirtualisation
        onGridReady={(e) => setApi(e.api)}
        overlayNoRowsTemplate="No product matches this filter"
      />
    </div>
  );
}
