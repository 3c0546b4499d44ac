import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Logger } from 'pino';
import { ContactImportRunSchema, type ContactImportJob, type ContactImportMapping, type ContactImportPreview, type ContactImportReport, type LiveMessage } from '../../contracts/index.js';
import type { Db } from '../../db/index.js';
import { DomainError, fieldErrors } from '../../shared/errors.js';
import { cellText } from '../../shared/tables/read-table.js';
import { rejectedRowsCsv, type RejectedWithCells } from '../../shared/tables/rejected-csv.js';
import type { CrmService } from '../contacts.service.js';
import { importContacts } from './importer.js';
import { resolveMapping, suggestMapping } from './mapping.js';
import { readContactTable } from './table.js';

interface JobRow {
  id: string;
  file_name: string;
  format: 'csv' | 'xlsx';
  status: ContactImportJob['status'];
  stored_path: string | null;
  headers: string;
  row_count: number;
  suggested_mapping: string;
  report: string | null;
  rejected_rows: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface ContactImportsDeps {
  db: Db;
  crm: CrmService;
  /** `<data>/imports`: uploaded files wait here between the preview and the run. */
  uploadsDir: string;
  publish(message: LiveMessage): void;
  log: Logger;
  clock?: () => Date;
}

const SAMPLE_ROWS = 10;
const safeName = (raw: string | undefined) => [...basename((raw ?? '').replace(/\\/g, '/'))].filter((c) => c >= ' ').join('').trim().slice(0, 200) || 'contacts';

/** The contact import wizard's jobs (upload → preview → run with progress → report) and the CLI's file imports. One at a time. */
export function createContactImports(deps: ContactImportsDeps) {
  const { db, crm, uploadsDir, publish, log } = deps;
  const now = () => (deps.clock ? deps.clock() : new Date()).toISOString();
  const live = new Map<string, { processed: number; total: number }>();
  const abort = new AbortController();
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };

  const byId = db.prepare<[string], JobRow>('select * from contact_imports where id = ?');
  const insert = db.prepare<Omit<JobRow, 'report' | 'rejected_rows' | 'error' | 'finished_at'>>(
    `insert into contact_imports (id, file_name, format, status, stored_path, headers, row_count, suggested_mapping, created_at)
     values (@id, @file_name, @format, @status, @stored_path, @headers, @row_count, @suggested_mapping, @created_at)`,
  );
  const setStatus = db.prepare<[string, string]>('update contact_imports set status = ? where id = ?');
  const finish = db.prepare<[string, string, string, string]>("update contact_imports set status = 'done', report = ?, rejected_rows = ?, finished_at = ?, error = null where id = ?");
  const fail = db.prepare<[string, string, string]>("update contact_imports set status = 'failed', error = ?, finished_at = ? where id = ?");
  const dropFile = db.prepare<[string]>('update contact_imports set stored_path = null where id = ?');

  function need(id: string): JobRow {
    const r = byId.get(id);
    if (!r) throw new DomainError('not_found', `There is no contact import "${id}"`);
    return r;
  }

  function get(id: string): ContactImportJob {
    const r = need(id);
    const report = r.report ? (JSON.parse(r.report) as ContactImportReport) : null;
    const p = live.get(id) ?? { processed: r.status === 'done' ? r.row_count : 0, total: r.row_count };
    return { id: r.id, fileName: r.file_name, status: r.status, progress: p, report, error: r.error, createdAt: r.created_at, finishedAt: r.finished_at };
  }

  async function execute(id: string, path: string, mapping: ContactImportMapping | null, dryRun: boolean): Promise<ContactImportReport> {
    setStatus.run('running', id);
    try {
      const table = await readContactTable(path);
      live.set(id, { processed: 0, total: table.rows.length });
      const outcome = await importContacts(crm, db, {
        table, mapping, dryRun, now: now(), signal: abort.signal,
        onProgress(processed, total) {
          live.set(id, { processed, total });
          publish({ type: 'crm.import.progress', time: now(), jobId: id, processed, total });
        },
      });
      finish.run(JSON.stringify(outcome.report), JSON.stringify({ headers: table.headers, rows: outcome.rejectedRows }), now(), id);
      if (outcome.touched.length) crm.changed(outcome.touched);
      const { created, merged, unchanged, rejected } = outcome.report;
      log.info({ jobId: id, created, merged, unchanged, rejected: rejected.length, dryRun }, 'contact import finished');
      return outcome.report;
    } catch (err) {
      const message = err instanceof DomainError ? err.message : abort.signal.aborted ? 'Revive stopped before the import finished' : 'The import failed; the details are in the log';
      if (!(err instanceof DomainError) && !abort.signal.aborted) log.error({ err, jobId: id }, 'contact import failed');
      fail.run(message, now(), id);
      throw err instanceof DomainError ? err : new DomainError('internal', message);
    } finally {
      live.delete(id);
    }
  }

  return {
    /** Stores the file and reads it once: columns, first rows, a suggested mapping, the row count. */
    async upload(bytes: Buffer, rawName: string | undefined): Promise<ContactImportPreview> {
      if (!bytes.length) throw new DomainError('validation', 'The file is empty');
      const id = randomUUID();
      const fileName = safeName(rawName);
      mkdirSync(uploadsDir, { recursive: true });
      const path = join(uploadsDir, `${id}.contacts`);
      writeFileSync(path, bytes);
      let table;
      try {
        table = await readContactTable(path);
      } catch (err) {
        rmSync(path, { force: true });
        throw err;
      }
      const suggestedMapping = suggestMapping(table.headers, table.rows.slice(0, 50).map((r) => r.cells));
      insert.run({ id, file_name: fileName, format: table.format, status: 'uploaded', stored_path: path, headers: JSON.stringify(table.headers), row_count: table.rows.length, suggested_mapping: JSON.stringify(suggestedMapping), created_at: now() });
      const sampleRows = table.rows.slice(0, SAMPLE_ROWS).map((r) => table.headers.map((_, i) => cellText(r.cells[i] ?? null)));
      return { id, fileName, format: table.format, headers: table.headers, sampleRows, suggestedMapping, rowCount: table.rows.length };
    },

    /** Starts (or dry-runs) an uploaded file in the background; answers at once with the job. */
    run(id: string, body: unknown): ContactImportJob {
      const parsed = ContactImportRunSchema.safeParse(body ?? {});
      if (!parsed.success) throw new DomainError('validation', 'The import request is not valid', fieldErrors(parsed.error.issues));
      const job = need(id);
      if (job.status === 'running') throw new DomainError('conflict', 'This import is already running');
      if (!job.stored_path || !existsSync(job.stored_path)) throw new DomainError('conflict', 'The uploaded file is no longer here (it was imported already); upload it again');
      const mapping = resolveMapping(JSON.parse(job.headers) as string[], JSON.parse(job.suggested_mapping) as ContactImportMapping, parsed.data.mapping ?? null);
      const { dryRun } = parsed.data;
      const path = job.stored_path;
      setStatus.run('running', id);
      live.set(id, { processed: 0, total: job.row_count });
      void serial(async () => {
        await execute(id, path, mapping, dryRun);
        if (!dryRun) {
          rmSync(path, { force: true });
          dropFile.run(id);
        } else setStatus.run('done', id);
      }).catch(() => undefined);
      return get(id);
    },

    get,

    rejectedCsv(id: string): { fileName: string; csv: string } {
      const r = need(id);
      if (r.status !== 'done' || !r.rejected_rows) throw new DomainError('conflict', 'The import has not finished yet');
      const { headers, rows } = JSON.parse(r.rejected_rows) as { headers: string[]; rows: RejectedWithCells[] };
      return { fileName: r.file_name, csv: rejectedRowsCsv(headers, rows) };
    },

    /** The CLI: imports a file from disk, recorded like any import. */
    importFile(path: string, opts: { mapping?: ContactImportMapping | null; dryRun?: boolean } = {}): Promise<ContactImportReport> {
      return serial(async () => {
        const id = randomUUID();
        insert.run({ id, file_name: basename(path), format: /\.xlsx$/i.test(path) ? 'xlsx' : 'csv', status: 'running', stored_path: null, headers: '[]', row_count: 0, suggested_mapping: '{}', created_at: now() });
        return execute(id, path, opts.mapping ?? null, opts.dryRun ?? false);
      });
    },

    /** Server start: imports a previous run left unfinished are marked failed. */
    start(): void {
      db.prepare("update contact_imports set status = 'failed', error = 'Revive stopped before the import finished; run it again' where status = 'running'").run();
    },
    async stop(): Promise<void> {
      abort.abort();
      await tail;
    },
    idle: (): Promise<void> => tail.then(() => undefined),
  };
}
export type ContactImports = ReturnType<typeof createContactImports>;
