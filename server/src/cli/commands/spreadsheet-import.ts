import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import { openApp, type App } from '../../main.js';
import { DomainError } from '../../shared/errors.js';
import { output, UsageError } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

interface SpreadsheetReport {
  rejected: { row: number; reason: string }[];
  warnings: { row: number; message: string }[];
}

/** What differs between `revive import catalog` and `revive import contacts`. */
export interface SpreadsheetImportSpec<M, R extends SpreadsheetReport> {
  name: string;
  description: string;
  /** `--map` help, with an example for this kind of file. */
  mapHelp: string;
  parseMap(text: string): M;
  importFile(app: App, path: string, opts: { mapping: M | null; dryRun: boolean }): Promise<R>;
  /** The JSON printed: the documented keys first, in the documented order. */
  result(report: R): object;
  /** The summary lines a person reads before the rejected rows and notes. */
  summary(file: string, report: R): string[];
}

/** The lines every import prints after its summary: rejected rows (50 at most) and notes (20). */
function detailLines(r: SpreadsheetReport): string[] {
  const lines = r.rejected.slice(0, 50).map((x) => `  row ${x.row}: ${x.reason}`);
  if (r.rejected.length > 50) lines.push(`  … and ${r.rejected.length - 50} more (use --json for all)`);
  for (const w of r.warnings.slice(0, 20)) lines.push(`  note, row ${w.row}: ${w.message}`);
  return lines;
}

/** `revive import <name> FILE --data DIR [--map …] [--dry-run] [--json]`: one shape for every spreadsheet import. */
export function spreadsheetImportCommand<M, R extends SpreadsheetReport>(group: Command, run: Run, spec: SpreadsheetImportSpec<M, R>): void {
  group
    .command(spec.name)
    .description(spec.description)
    .argument('<file>', 'the CSV or .xlsx file')
    .addOption(dataOption())
    .addOption(new Option('--map <mapping>', spec.mapHelp))
    .option('--dry-run', 'read and check everything, write nothing')
    .addOption(jsonOption())
    .action((file: string, opts: { data: string; map?: string; dryRun?: boolean; json?: boolean }) =>
      run(opts.json, async () => {
        let mapping: M | null = null;
        if (opts.map !== undefined) {
          try {
            mapping = spec.parseMap(opts.map);
          } catch (err) {
            throw new UsageError(err instanceof Error ? err.message : String(err));
          }
        }
        const path = resolve(file);
        if (!existsSync(path) || !statSync(path).isFile()) throw new DomainError('not_found', `There is no file at ${path}`);
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init --data ${opts.data} --empty" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const report = await spec.importFile(app, path, { mapping, dryRun: Boolean(opts.dryRun) });
          output(Boolean(opts.json)).result(spec.result(report), [...spec.summary(file, report), ...detailLines(report)].join('\n'));
        } finally {
          app.close();
        }
      }),
    );
}
