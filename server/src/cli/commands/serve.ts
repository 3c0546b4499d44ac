import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath } from '../../config.js';
import { startServer } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, portOption, type Run } from './common.js';

export function serveCommand(program: Command, run: Run): void {
  program
    .command('serve')
    .description('run the server: admin UI/API and the public webhook listener, both on 127.0.0.1')
    .addOption(dataOption())
    .addOption(portOption('--admin-port <n>', 'admin port (0 = any free port)').default(0))
    .addOption(portOption('--public-port <n>', 'public (webhook) port (0 = any free port)').default(0))
    .addOption(jsonOption())
    .action((opts: { data: string; adminPort: number; publicPort: number; json?: boolean }) =>
      run(opts.json, async () => {
        if (!existsSync(databasePath(opts.data))) {
          throw new Error(`${opts.data} has no Revive data yet; run "revive init --data ${opts.data} --demo" (or --empty) first`);
        }
        const out = output(Boolean(opts.json));
        const server = await startServer({ dataDir: opts.data, adminPort: opts.adminPort, publicPort: opts.publicPort, logLevel: process.env.REVIVE_LOG_LEVEL as never });
        out.result(server.ready, [
          'Revive is running.',
          `  Open:      ${server.ready.adminUrl}`,
          `  Webhooks:  ${server.ready.publicUrl} (what the tunnel exposes)`,
          `  Data:      ${server.ready.dataDir}`,
          'Press Ctrl+C to stop.',
        ].join('\n'));
        await new Promise<void>((resolve) => {
          const stop = () => void server.close().then(resolve);
          process.once('SIGTERM', stop);
          process.once('SIGINT', stop);
        });
      }),
    );
}
