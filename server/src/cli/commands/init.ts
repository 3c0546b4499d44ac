import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { databasePath, loadConfig } from '../../config.js';
import { applyDemo, readDemo } from '../../demo/index.js';
import { openApp } from '../../main.js';
import { KEY_FILE } from '../../settings/index.js';
import { nowIso } from '../../shared/time.js';
import { output, UsageError } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

/** Files that make a data dir "ours"; `--force` moves them aside rather than deleting them. */
const OWNED = ['revive.sqlite', 'revive.sqlite-wal', 'revive.sqlite-shm', KEY_FILE];

export function initCommand(program: Command, run: Run): void {
  program
    .command('init')
    .description('create a data dir with the demo store (--demo) or nothing (--empty)')
    .addOption(dataOption())
    .option('--demo', 'fill it with the demo jewellery store')
    .option('--empty', 'start with no store data')
    .option('--force', 'reinitialise a data dir that is not empty (its old database is kept in replaced-<time>/)')
    .addOption(jsonOption())
    .action((opts: { data: string; demo?: boolean; empty?: boolean; force?: boolean; json?: boolean }) =>
      run(opts.json, async () => {
        if (Boolean(opts.demo) === Boolean(opts.empty)) throw new UsageError('choose one of --demo or --empty');
        const out = output(Boolean(opts.json));
        const demoFiles = opts.demo ? readDemo(loadConfig({ dataDir: opts.data }).resourcesDir) : null;
        const entries = existsSync(opts.data) ? readdirSync(opts.data) : [];
        let replaced: string | null = null;
        if (entries.length > 0) {
          if (!opts.force) throw new Error(`${opts.data} is not empty; add --force to reinitialise it (the old database is kept aside)`);
          replaced = join(opts.data, `replaced-${nowIso().replace(/[:.]/g, '-')}`);
          mkdirSync(replaced, { recursive: true });
          for (const f of OWNED) if (existsSync(join(opts.data, f))) renameSync(join(opts.data, f), join(replaced, f));
        }
        const core = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const demo = demoFiles ? await applyDemo(demoFiles, { settings: core.settings, catalog: core.services.catalog, agents: core.services.agents, knowledge: core.services.knowledge }) : null;
          out.result(
            { dataDir: core.config.dataDir, database: databasePath(core.config.dataDir), demo: Boolean(opts.demo), replaced, store: demo },
            demo
              ? `Created ${core.config.dataDir} with the demo store "${demo.store}" (${demo.products} products, ${demo.policies} policy documents).`
              : `Created an empty data dir at ${core.config.dataDir}.`,
          );
        } finally {
          core.close();
        }
      }),
    );
}
