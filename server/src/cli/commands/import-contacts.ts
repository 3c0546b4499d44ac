import type { Command } from 'commander';
import type { ContactImportMapping, ContactImportReport } from '../../contracts/index.js';
import { parseContactMap } from '../../crm/index.js';
import type { Run } from './common.js';
import { spreadsheetImportCommand } from './spreadsheet-import.js';

export function importContactsCommand(group: Command, run: Run): void {
  spreadsheetImportCommand<ContactImportMapping, ContactImportReport>(group, run, {
    name: 'contacts',
    description: 'import customers from a CSV or Excel (.xlsx) file: one contact per phone number; duplicates merged, unreadable rows reported',
    mapHelp: 'column mapping, e.g. "Mobile No=phone,Cust Name=name,Ring Size=custom:Ring size,S.No=" (empty = ignore); other columns use the suggestion',
    parseMap: parseContactMap,
    importFile: (app, path, opts) => app.services.audience.imports.importFile(path, opts),
    result: ({ created, merged, unchanged, rejected, mapping, ...rest }) => ({ created, merged, unchanged, rejected, mapping, ...rest }),
    summary: (file, r) => {
      const lines = [
        `${r.dryRun ? 'Dry run of' : 'Imported'} ${file}: ${r.created} created, ${r.merged} merged, ${r.unchanged} unchanged, ${r.rejected.length} rejected (${r.rows} rows).`,
        `Columns: ${Object.entries(r.mapping).map(([h, f]) => `${h} → ${f ?? '(ignored)'}`).join(', ')}`,
      ];
      if (r.duplicatesInFile.length) lines.push(`${r.duplicatesInFile.length} rows repeat an earlier row's person (merged into it).`);
      if (r.duplicatesExisting.length) lines.push(`${r.duplicatesExisting.length} people were already contacts.`);
      return lines;
    },
  });
}
