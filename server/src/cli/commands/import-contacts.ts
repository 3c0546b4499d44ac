import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import type { ContactImportMapping, ContactImportReport } from '../../contracts/index.js';
import { parseContactMap } from '../../crm/index.js';
import { openApp } from '../../main.js';
import { DomainError } from '../../shared/errors.js';
import { output, UsageError } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

function human(file: string, r: ContactImportReport): string {
  const lines = [
    `${r.dryRun ? 'Dry run of' : 'Imported'} ${file}: ${r.created} created, ${r.merged} merged, ${r.unchanged} unchanged, ${r.rejected.length} rejected (${r.rows} rows).`,
    `Columns: ${Object.entries(r.mapping).map(([h, f]) => `${h} → ${f ?? '(ignored)'}`).join(', ')}`,
  ];
  if (r.duplicatesInFile.length) lines.push(`${r.duplicatesInFile.length} rows repeat an earlier row's person (merged into it).`);
  if (r.duplicatesExisting.length) lines.push(`${r.duplicatesExisting.length} people were already contacts.`);
  for (const x of r.rejected.slice(0, 50)) lines.push(`  row ${x.row}: ${x.reason}`);
  if (r.rejected.length > 50) lines.push(`  … and ${r.rejected.length - 50} more (use --json for all)`);
  for (const w of r.warnings.slice(0, 20)) lines.push(`  note, row ${w.row}: ${w.message}`);
  return lines.join('\n');
}

export function importContactsCommand(group: Command, run: Run): void {
  group
    .command('contacts')
    .description('import customers from a CSV or Excel (.xlsx) file: one contact per phone number; duplicates merged, unreadable rows reported')
    .argument('<file>', 'the CSV or .xlsx file')
    .addOption(dataOption())
    .addOption(new Option('--map <mapping>', 'column mapping, e.g. "Mobile No=phone,Cust Name=name,Ring Size=custom:Ring size,S.No=" (empty = ignore); other columns use the suggestion'))
    .option('--dry-run', 'read and check everything, write nothing')
    .addOption(jsonOption())
    .action((file: string, opts: { data: string; map?: string; dryRun?: boolean; json?: boolean }) =>
      run(opts.json, async () => {
        let mapping: ContactImportMapping | null = null;
        if (opts.map !== undefined) {
          try {
            mapping = parseContactMap(opts.map);
          } catch (err) {
            throw new UsageError(err instanceof Error ? err.message : String(err));
          }
        }
        const path = resolve(file);
        if (!existsSync(path) || !statSync(path).isFile()) throw new DomainError('not_found', `There is no file at ${path}`);
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init --data ${opts.data} --empty" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const report = await app.services.audience.imports.importFile(path, { mapping, dryRun: Boolean(opts.dryRun) });
          const { created, merged, unchanged, rejected, mapping: used, ...rest } = report;
          output(Boolean(opts.json)).result({ created, merged, unchanged, rejected, mapping: used, ...rest }, human(file, report));
        } finally {
          app.close();
        }
      }),
    );
}
