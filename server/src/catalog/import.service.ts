import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { ImportRunSchema, type ImportJob, type ImportJobSummary, type ImportMapping, type ImportPreview, type ImportReport, type ImportSource, type LiveMessage } from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import { runImport, scanFile, type ImportDeps, type ImportOutcome } from './import/importer.js';
import { resolveMapping } from './import/mapping.js';
import { rejectedRowsCsv } from '../shared/tables/rejected-csv.js';
import type { ImportRecord, ImportRepo } from './import.repo.js';

export interface ImportServiceDeps extends ImportDeps {
  jobs: ImportRepo;
  /** `<data>/imports`: uploaded files wait here between the preview and the run. */
  uploadsDir: string;
  publish(message: LiveMessage): void;
  log: Logger;
}

export interface ImportFileOptions {
  source: Exclude<ImportSource, 'upload'>;
  /** The user's mapping (`--map`); without it the remembered one for this file name, else the suggestion. */
  mapping?: ImportMapping | null;
  dryRun?: boolean;
  /** The name the mapping is remembered under (default: the file's own name). */
  fileName?: string;
}

const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

function safeFileName(raw: string | undefined): string {
  const name = [...basename((raw ?? '').replace(/\\/g, '/'))].filter((c) => c >= ' ').join('').trim();
  return name.slice(0, 200) || 'catalog';
}

/**
 * Import jobs: the wizard's upload → preview → run in the background with progress, and the
 * CLI, watched folder and demo running a file directly. Imports run one at a time, in order.
 */
export function createImportService(deps: ImportServiceDeps) {
  const { jobs, uploadsDir, publish, log } = deps;
  const live = new Map<string, { processed: number; total: number }>();
  const abort = new AbortController();
  let tail: Promise<unknown> = Promise.resolve();

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  }

  function summary(r: ImportRecord): ImportJobSummary {
    const p = live.get(r.id);
    const total = r.rowCount ?? r.processed;
    return {
      id: r.id,
      fileName: r.fileName,
      format: r.format,
      source: r.source,
      status: r.status,
      dryRun: r.dryRun,
      progress: p ?? { processed: r.status === 'done' ? total : r.processed, total },
      counts: r.counts,
      error: r.error,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
    };
  }

  function need(id: string): ImportRecord {
    const r = jobs.get(id);
    if (!r) throw new DomainError('not_found', `There is no import "${id}"`);
    return r;
  }

  /** Runs one recorded job now (the caller holds the queue). */
  async function execute(job: ImportRecord, o: { path: string; mapping: ImportMapping | null; lenient: boolean; dryRun: boolean; baseDir: string | null; remember: boolean }): Promise<ImportOutcome> {
    jobs.running(job.id, nowIso());
    live.set(job.id, { processed: 0, total: job.rowCount ?? 0 });
    try {
      const outcome = await runImport(deps, {
        path: o.path,
        mapping: o.mapping,
        lenientMapping: o.lenient,
        dryRun: o.dryRun,
        baseDir: o.baseDir,
        ...(job.rowCount !== null ? { expectedRows: job.rowCount } : {}),
        signal: abort.signal,
        onProgress(processed, total) {
          live.set(job.id, { processed, total });
          jobs.progress(job.id, processed);
          publish({ type: 'catalog.import.progress', time: nowIso(), jobId: job.id, processed, total });
        },
      });
      const at = nowIso();
      jobs.finish(job.id, { format: outcome.format, headers: outcome.headers, report: outcome.report, rejectedRows: outcome.rejectedRows, finishedAt: at });
      if (o.remember && !o.dryRun) jobs.rememberMapping(job.fileName, outcome.report.mapping, at);
      const { created, updated, unchanged, rejected, dryRun } = outcome.report;
      publish({ type: 'catalog.imported', time: at, jobId: job.id, source: job.source, fileName: job.fileName, dryRun, created, updated, unchanged, rejected: rejected.length });
      log.info({ jobId: job.id, source: job.source, file: job.fileName, created, updated, unchanged, rejected: rejected.length, dryRun }, 'catalog import finished');
      return outcome;
    } catch (err) {
      const message = err instanceof DomainError ? err.message : abort.signal.aborted ? 'Revive stopped before the import finished' : 'The import failed; the details are in the log';
      if (abort.signal.aborted) log.info({ jobId: job.id }, 'catalog import stopped with the server');
      else if (!(err instanceof DomainError)) log.error({ err, jobId: job.id }, 'catalog import failed');
      jobs.failed(job.id, message, nowIso());
      publish({ type: 'catalog.import.failed', time: nowIso(), jobId: job.id, source: job.source, fileName: job.fileName, message });
      throw err instanceof DomainError ? err : new DomainError('internal', message);
    } finally {
      live.delete(job.id);
    }
  }

  function get(id: string): ImportJob {
    const r = need(id);
    return { ...summary(r), report: r.status === 'done' ? jobs.report(id) : null };
  }

  return {
    /** Stores an uploaded file and reads it once: columns, first rows, suggested mapping, row count. */
    async upload(bytes: Buffer, rawName: string | undefined): Promise<ImportPreview> {
      if (bytes.length === 0) throw new DomainError('validation', 'The file is empty');
      const fileName = safeFileName(rawName);
      const id = randomUUID();
      mkdirSync(uploadsDir, { recursive: true });
      const path = join(uploadsDir, `${id}.upload`);
      writeFileSync(path, bytes);
      let scanned;
      try {
        scanned = await scanFile(path);
      } catch (err) {
        rmSync(path, { force: true });
        throw err;
      }
      const remembered = jobs.fileMemory(fileName).mapping;
      let suggestedMapping = scanned.suggestedMapping;
      let mappingSource: ImportPreview['mappingSource'] = 'suggested';
      if (remembered && scanned.headers.some((h) => h in remembered)) {
        try {
          suggestedMapping = resolveMapping(scanned.headers, scanned.suggestedMapping, remembered, { lenient: true });
          mappingSource = 'remembered';
        } catch {
          // A remembered mapping that no longer fits (e.g. its SKU column is gone): offer the suggestion.
        }
      }
      jobs.insert({ id, fileName, format: scanned.format, source: 'upload', status: 'uploaded', dryRun: false, storedPath: path, headers: scanned.headers, rowCount: scanned.rowCount, mapping: suggestedMapping, createdAt: nowIso() });
      return { id, fileName, format: scanned.format, headers: scanned.headers, sampleRows: scanned.sampleRows, suggestedMapping, mappingSource, rowCount: scanned.rowCount };
    },

    /** Starts an uploaded file's import (or dry run) in the background and answers at once. */
    run(id: string, body: unknown): ImportJob {
      const parsed = ImportRunSchema.safeParse(body ?? {});
      if (!parsed.success) throw new DomainError('validation', 'The import request is not valid', fieldErrors(parsed.error.issues));
      const job = need(id);
      if (job.source !== 'upload') throw new DomainError('conflict', 'Only an uploaded file can be run from here');
      if (job.status === 'queued' || job.status === 'running') throw new DomainError('conflict', 'This import is already running');
      if (!job.storedPath || !existsSync(job.storedPath)) throw new DomainError('conflict', 'The uploaded file is no longer here (it was imported, or is over a day old); upload it again');
      const given = parsed.data.mapping ?? null;
      // Checked now, so a bad mapping is a 400 here rather than a failed job later.
      const mapping = resolveMapping(job.headers, job.mapping ?? {}, given);
      const dryRun = parsed.data.dryRun;
      jobs.queued(id, dryRun, mapping);
      const path = job.storedPath;
      void serial(async () => {
        await execute(need(id), { path, mapping, lenient: false, dryRun, baseDir: null, remember: given !== null });
        if (!dryRun) {
          rmSync(path, { force: true });
          jobs.dropFile(id);
        }
      }).catch(() => undefined);
      return get(id);
    },

    get,

    list(limit = 50): { imports: ImportJobSummary[] } {
      return { imports: jobs.recent(limit).map(summary) };
    },

    rejectedCsv(id: string): string {
      const r = need(id);
      if (r.status !== 'done') throw new DomainError('conflict', 'The import has not finished yet');
      const rows = jobs.rejectedRows(id);
      return rejectedRowsCsv(rows?.headers ?? r.headers, rows?.rows ?? []);
    },

    /** Imports a file from disk (CLI, watched folder, demo): recorded like any import, queued behind others. */
    importFile(path: string, opts: ImportFileOptions): Promise<ImportReport> {
      const fileName = opts.fileName ?? basename(path);
      const given = opts.mapping ?? null;
      const remembered = given ? null : jobs.fileMemory(fileName).mapping;
      return serial(async () => {
        const id = randomUUID();
        const dryRun = opts.dryRun ?? false;
        // The format is re-read by the importer; 'csv' is a placeholder until it finishes.
        jobs.insert({ id, fileName, format: /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv', source: opts.source, status: 'queued', dryRun, storedPath: null, headers: [], rowCount: null, mapping: given, createdAt: nowIso() });
        const outcome = await execute(need(id), { path, mapping: given ?? remembered, lenient: given === null, dryRun, baseDir: dirname(path), remember: given !== null });
        return outcome.report;
      });
    },

    /** Server start: jobs a previous run left unfinished are marked failed; day-old uploads are deleted. */
    start(): void {
      jobs.markInterrupted('Revive stopped before the import finished; run it again', nowIso());
      for (const f of jobs.staleFiles(new Date(Date.now() - UPLOAD_TTL_MS).toISOString())) {
        rmSync(f.storedPath, { force: true });
        jobs.dropFile(f.id);
      }
    },

    /** Server stop: a running import stops at its next batch (committed batches stay). */
    async stop(): Promise<void> {
      abort.abort();
      await tail;
    },

    /** Resolves when every queued import has finished (tests, the watched folder). */
    idle(): Promise<void> {
      return tail.then(() => undefined);
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
