import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath } from '../../config.js';
import { openApp } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

/** `revive flows key`: the Flows public key to upload to Meta (made, and stored sealed, on first use). */
export function flowsCommand(program: Command, run: Run): void {
  const flows = program.command('flows').description('WhatsApp Flows (book appointment, feedback) and their data endpoint');
  flows
    .command('key')
    .description('print the public key to upload to Meta for the Flows data endpoint (a key pair is made on first use)')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((opts: { data: string; json?: boolean }) =>
      run(opts.json, () => {
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const publicKey = app.services.flows.publicKey();
          output(Boolean(opts.json)).result({ publicKey }, publicKey.trimEnd());
        } finally {
          app.close();
        }
      }),
    );
}
