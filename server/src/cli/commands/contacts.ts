import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath } from '../../config.js';
import type { Contact } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

const line = (c: Contact) =>
  `  ${(c.phone ?? c.waId ?? c.userId ?? '').padEnd(15)} ${(c.name ?? '').slice(0, 28).padEnd(28)} ₹${c.totalSpend.toLocaleString('en-IN').padStart(11)}  ${c.tags.map((t) => `#${t}`).join(' ')}`;

export function contactsCommand(program: Command, run: Run): void {
  const group = program.command('contacts').description("the store's contacts: revive contacts list");
  group
    .command('list')
    .description('list contacts (test shoppers of the simulator left out), optionally one segment')
    .addOption(dataOption())
    .option('--segment <name>', 'only the contacts of this segment (name or id), e.g. "Big Spenders"')
    .option('--test', 'include simulator and `revive chat` shoppers')
    .addOption(jsonOption())
    .action((opts: { data: string; segment?: string; test?: boolean; json?: boolean }) =>
      run(opts.json, () => {
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const { audience } = app.services;
          const segment = opts.segment ? audience.segments.find(opts.segment) : null;
          const contacts = audience.contacts.all({ segment: segment ? audience.segments.whereOf(segment.id) : undefined, test: Boolean(opts.test), sort: '-totalSpend' });
          const head = `${contacts.length} contact${contacts.length === 1 ? '' : 's'}${segment ? ` in ${segment.name}` : ''}`;
          output(Boolean(opts.json)).result({ contacts, ...(segment ? { segment: { id: segment.id, name: segment.name } } : {}) }, [head, ...contacts.slice(0, 200).map(line)].join('\n'));
        } finally {
          app.close();
        }
      }),
    );
  group.commands.forEach((c) => c.exitOverride());
}
