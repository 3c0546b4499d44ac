import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { backupsDir, databasePath } from '../../config.js';
import { listBackups } from '../../db/index.js';
import { openCore } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

export function backupCommand(program: Command, run: Run): void {
  program
    .command('backup')
    .description('make an online backup of the database now (the newest 7 are kept)')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((opts: { data: string; json?: boolean }) =>
      run(opts.json, async () => {
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database to back up`);
        const core = openCore({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const made = await core.backup();
          const kept = listBackups(backupsDir(core.config.dataDir)).length;
          output(Boolean(opts.json)).result({ backup: made, kept }, `Backed up to ${made.path} (${kept} backups kept).`);
        } finally {
          core.close();
        }
      }),
    );
}
