import { existsSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import type { OpsEvent, OpsEventPage } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { eventTypes } from '../../ops/index.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

const whole = (what: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new InvalidArgumentError(`"${v}" is not ${what} (${min}–${max})`);
  return n;
};

/** "[01 Dec 2026, 18:02:11] [Aarav] [TOOL] catalog_search …" in the store's time zone. */
function human(events: OpsEvent[], next: number, timeZone: string): string {
  if (!events.length) return `No events after cursor ${next}.`;
  const at = new Intl.DateTimeFormat('en-IN', { timeZone, day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const lines = events.map((e) => `[${at.format(new Date(e.time))}] [${e.agent ?? 'system'}] [${e.type}] ${e.contact ? `${e.contact} · ` : ''}${e.detail}`);
  return [...lines, `(next: --since ${next}; times in ${timeZone})`].join('\n');
}

export function eventsCommand(program: Command, run: Run): void {
  program
    .command('events')
    .description('print the event log (the Command Center\'s Matrix): every step of every conversation and job')
    .addOption(dataOption())
    .addOption(new Option('--since <cursor>', 'only events after this cursor').default(0).argParser(whole('a cursor', 0, Number.MAX_SAFE_INTEGER)))
    .addOption(
      new Option('--type <types>', 'only these types, comma-separated (INBOUND,TOOL,…)').argParser((v) => {
        try {
          return eventTypes(v).join(',');
        } catch (err) {
          throw new InvalidArgumentError((err as Error).message);
        }
      }),
    )
    .addOption(new Option('--limit <n>', 'how many events at most').default(200).argParser(whole('a number', 1, 1000)))
    .addOption(jsonOption())
    .action((opts: { data: string; since: number; type?: string; limit: number; json?: boolean }) =>
      run(opts.json, () => {
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const page: OpsEventPage = app.services.ops.list({ since: opts.since, type: opts.type, limit: opts.limit });
          let timeZone = 'Asia/Kolkata';
          try {
            timeZone = app.settings.getStoreProfile().timeZone;
          } catch {
            // no store profile yet: India's time
          }
          output(Boolean(opts.json)).result(page, human(page.events, page.next, timeZone));
        } finally {
          app.close();
        }
      }),
    );
}
