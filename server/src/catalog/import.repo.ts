import type { ImportFormat, ImportMapping, ImportReport, ImportSource, ImportStatus } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import type { RejectedWithCells } from './import/importer.js';

export interface ImportRecord {
  id: string;
  fileName: string;
  format: ImportFormat;
  source: ImportSource;
  status: ImportStatus;
  dryRun: boolean;
  storedPath: string | null;
  headers: string[];
  rowCount: number | null;
  mapping: ImportMapping | null;
  processed: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number } | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface Row {
  id: string;
  file_name: string;
  format: ImportFormat;
  source: ImportSource;
  status: ImportStatus;
  dry_run: number;
  stored_path: string | null;
  headers: string;
  row_count: number | null;
  mapping: string | null;
  processed: number;
  created: number | null;
  updated: number | null;
  unchanged: number | null;
  rejected_count: number | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const SUMMARY = `id, file_name, format, source, status, dry_run, stored_path, headers, row_count, mapping, processed, created, updated,
  unchanged, rejected_count, error, created_at, started_at, finished_at`;

function fromRow(r: Row): ImportRecord {
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    source: r.source,
    status: r.status,
    dryRun: r.dry_run === 1,
    storedPath: r.stored_path,
    headers: JSON.parse(r.headers) as string[],
    rowCount: r.row_count,
    mapping: r.mapping === null ? null : (JSON.parse(r.mapping) as ImportMapping),
    processed: r.processed,
    counts:
      r.created === null ? null : { created: r.created, updated: r.updated ?? 0, unchanged: r.unchanged ?? 0, rejected: r.rejected_count ?? 0 },
    error: r.error,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** SQL for import jobs and per-file memory (mappings, inbox content), nothing else. */
export function importRepo(db: Db) {
  const insert = db.prepare(
    `insert into catalog_imports (id, file_name, format, source, status, dry_run, stored_path, headers, row_count, mapping, created_at)
     values (@id, @fileName, @format, @source, @status, @dryRun, @storedPath, @headers, @rowCount, @mapping, @createdAt)`,
  );
  const one = db.prepare<[string], Row>(`select ${SUMMARY} from catalog_imports where id = ?`);
  const recent = db.prepare<[number], Row>(`select ${SUMMARY} from catalog_imports order by created_at desc, rowid desc limit ?`);
  const queued = db.prepare("update catalog_imports set status = 'queued', dry_run = ?, mapping = ?, processed = 0, error = null where id = ?");
  const running = db.prepare("update catalog_imports set status = 'running', started_at = ?, finished_at = null where id = ?");
  const progress = db.prepare('update catalog_imports set processed = ? where id = ?');
  const finish = db.prepare(
    `update catalog_imports set status = 'done', processed = @processed, format = @format, headers = @headers, mapping = @mapping,
       created = @created, updated = @updated, unchanged = @unchanged, rejected_count = @rejectedCount, report = @report,
       rejected_rows = @rejectedRows, finished_at = @finishedAt, row_count = coalesce(row_count, @processed)
     where id = @id`,
  );
  const failed = db.prepare("update catalog_imports set status = 'failed', error = ?, finished_at = ? where id = ?");
  const dropFile = db.prepare('update catalog_imports set stored_path = null where id = ?');
  const report = db.prepare<[string], { report: string | null }>('select report from catalog_imports where id = ?');
  const rejectedRows = db.prepare<[string], { rejected_rows: string | null; headers: string }>('select rejected_rows, headers from catalog_imports where id = ?');
  const interrupted = db.prepare<[string, string], { id: string }>(
    "update catalog_imports set status = 'failed', error = ?, finished_at = ? where status in ('queued', 'running') returning id",
  );
  const staleFiles = db.prepare<[string], { id: string; stored_path: string }>(
    'select id, stored_path from catalog_imports where stored_path is not null and created_at < ?',
  );
  const getFile = db.prepare<[string], { mapping: string | null; inbox_sha256: string | null }>('select mapping, inbox_sha256 from catalog_files where file_name = ?');
  const putMapping = db.prepare(
    `insert into catalog_files (file_name, mapping, updated_at) values (?, ?, ?)
     on conflict(file_name) do update set mapping = excluded.mapping, updated_at = excluded.updated_at`,
  );
  const putInbox = db.prepare(
    `insert into catalog_files (file_name, inbox_sha256, updated_at) values (?, ?, ?)
     on conflict(file_name) do update set inbox_sha256 = excluded.inbox_sha256, updated_at = excluded.updated_at`,
  );

  return {
    insert(r: { id: string; fileName: string; format: ImportFormat; source: ImportSource; status: ImportStatus; dryRun: boolean; storedPath: string | null; headers: string[]; rowCount: number | null; mapping: ImportMapping | null; createdAt: string }): void {
      insert.run({ ...r, dryRun: r.dryRun ? 1 : 0, headers: JSON.stringify(r.headers), mapping: r.mapping && JSON.stringify(r.mapping) });
    },
    get(id: string): ImportRecord | undefined {
      const r = one.get(id);
      return r && fromRow(r);
    },
    recent(limit: number): ImportRecord[] {
      return recent.all(limit).map(fromRow);
    },
    queued(id: string, dryRun: boolean, mapping: ImportMapping | null): void {
      queued.run(dryRun ? 1 : 0, mapping && JSON.stringify(mapping), id);
    },
    running(id: string, at: string): void {
      running.run(at, id);
    },
    progress(id: string, processed: number): void {
      progress.run(processed, id);
    },
    finish(id: string, o: { format: ImportFormat; headers: string[]; report: ImportReport; rejectedRows: RejectedWithCells[]; finishedAt: string }): void {
      finish.run({
        id,
        processed: o.report.rows,
        format: o.format,
        headers: JSON.stringify(o.headers),
        mapping: JSON.stringify(o.report.mapping),
        created: o.report.created,
        updated: o.report.updated,
        unchanged: o.report.unchanged,
        rejectedCount: o.report.rejected.length,
        report: JSON.stringify(o.report),
        rejectedRows: JSON.stringify(o.rejectedRows),
        finishedAt: o.finishedAt,
      });
    },
    failed(id: string, error: string, at: string): void {
      failed.run(error, at, id);
    },
    dropFile(id: string): void {
      dropFile.run(id);
    },
    report(id: string): ImportReport | null {
      const r = report.get(id)?.report;
      return r ? (JSON.parse(r) as ImportReport) : null;
    },
    rejectedRows(id: string): { headers: string[]; rows: RejectedWithCells[] } | null {
      const r = rejectedRows.get(id);
      return r?.rejected_rows ? { headers: JSON.parse(r.headers) as string[], rows: JSON.parse(r.rejected_rows) as RejectedWithCells[] } : null;
    },
    /** Jobs a stopped server left queued or running are marked failed; returns their ids. */
    markInterrupted(error: string, at: string): string[] {
      return interrupted.all(error, at).map((r) => r.id);
    },
    staleFiles(before: string): { id: string; storedPath: string }[] {
      return staleFiles.all(before).map((r) => ({ id: r.id, storedPath: r.stored_path }));
    },
    fileMemory(fileName: string): { mapping: ImportMapping | null; inboxSha256: string | null } {
      const r = getFile.get(fileName);
      return { mapping: r?.mapping ? (JSON.parse(r.mapping) as ImportMapping) : null, inboxSha256: r?.inbox_sha256 ?? null };
    },
    rememberMapping(fileName: string, mapping: ImportMapping, at: string): void {
      putMapping.run(fileName, JSON.stringify(mapping), at);
    },
    rememberInboxContent(fileName: string, sha256: string, at: string): void {
      putInbox.run(fileName, sha256, at);
    },
  };
}
export type ImportRepo = ReturnType<typeof importRepo>;
