import type { Command } from 'commander';
import { parseMapOption } from '../../catalog/index.js';
import type { ImportMapping, ImportReport } from '../../contracts/index.js';
import type { Run } from './common.js';
import { spreadsheetImportCommand } from './spreadsheet-import.js';

export function importCatalogCommand(group: Command, run: Run): void {
  spreadsheetImportCommand<ImportMapping, ImportReport>(group, run, {
    name: 'catalog',
    description: 'import products from a CSV or Excel (.xlsx) file: upsert by SKU; unreadable rows are reported, the rest imported',
    mapHelp: 'column mapping, e.g. "Item Code=sku,MRP (₹)=price,Remarks=" (empty = ignore); other columns use the suggestion',
    parseMap: parseMapOption,
    importFile: (app, path, opts) => app.services.catalog.imports.importFile(path, { source: 'cli', ...opts }),
    result: ({ created, updated, unchanged, rejected, mapping, ...rest }) => ({ created, updated, unchanged, rejected, mapping, ...rest }),
    summary: (file, r) => [
      `${r.dryRun ? 'Dry run of' : 'Imported'} ${file}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected (${r.rows} rows).`,
      `Columns: ${Object.entries(r.mapping).map(([h, f]) => `${h} → ${f ?? '(ignored)'}`).join(', ')}`,
    ],
  });
}
