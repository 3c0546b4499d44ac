/** The Audience domain over an in-memory database with the real migrations, for crm's own tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { LiveMessage } from '../contracts/index.js';
import type { Model } from '../brain/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { Bus } from '../ops/index.js';
import type { BroadcastOutbox, TemplateButtons } from './broadcasts.service.js';
import { createCrmService } from './contacts.service.js';
import { createCrm } from './crm.domain.js';

export function audienceKit(opts: { now?: Date; outbox?: BroadcastOutbox | null; tagModel?: () => Model | null; templateButtons?: TemplateButtons } = {}) {
  const { db } = openDatabase(':memory:');
  migrate(db);
  const bus = new Bus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  const clock = () => opts.now ?? new Date();
  const contacts = createCrmService(db, clock, { publish: (m) => bus.publish(m) });
  const dir = mkdtempSync(join(tmpdir(), 'revive-crm-'));
  const crm = createCrm({ db, bus, log: pino({ level: 'silent' }), dataDir: dir, contacts, outbox: () => opts.outbox ?? null, clock, tagModel: opts.tagModel, tagDelayMs: 60_000, templateButtons: opts.templateButtons });
  /** Writes a file into the kit's temp folder and returns its path. */
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  return { db, bus, live, crm, contacts, dir, file };
}

/** An .xlsx of rows (first row = headers), cells as given (numbers, dates, strings). */
export async function xlsx(rows: unknown[][], opts: { title?: string } = {}): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Customers');
  if (opts.title) ws.addRow([opts.title]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
