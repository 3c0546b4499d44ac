import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath } from '../../config.js';
import type { Appointment } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { output, UsageError } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The JSON row: id, contact (phone E.164, else name), start (ISO UTC), service, status first; then the rest. */
function row(a: Appointment) {
  return {
    id: a.id, contact: a.contactPhone ?? a.contactName ?? `contact ${a.contactId}`, start: a.start, service: a.service, status: a.status,
    end: a.end, contactName: a.contactName, source: a.source, counter: a.counter, note: a.note,
  };
}

export function appointmentsCommand(program: Command, run: Run): void {
  const group = program.command('appointments').description("the store's visits: revive appointments list");
  group
    .command('list')
    .description('list appointments, optionally from/to a date (in the store time zone)')
    .addOption(dataOption())
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .addOption(jsonOption())
    .action((opts: { data: string; from?: string; to?: string; json?: boolean }) =>
      run(opts.json, () => {
        for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
          if (v !== undefined && !DATE.test(v)) throw new UsageError(`${flag} "${v}" is not a date like 2026-12-02`);
        }
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const { appointments } = app.services;
          const tz = appointments.zone().timeZone;
          const list = appointments.list({ from: opts.from, to: opts.to });
          const when = (a: Appointment) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', hour12: true }).format(new Date(a.start));
          const lines = list.map((a) => `  #${String(a.id).padEnd(4)} ${when(a).padEnd(24)} ${(a.contactPhone ?? a.contactName ?? '').padEnd(15)} ${a.service.padEnd(13)} ${a.status}`);
          output(Boolean(opts.json)).result({ appointments: list.map(row) }, [`${list.length} appointment${list.length === 1 ? '' : 's'}`, ...lines].join('\n'));
        } finally {
          app.close();
        }
      }),
    );
  group.commands.forEach((c) => c.exitOverride());
}
