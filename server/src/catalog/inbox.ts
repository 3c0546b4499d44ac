import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from 'pino';
import { nowIso } from '../shared/time.js';
import type { ImportRepo } from './import.repo.js';
import type { ImportService } from './import.service.js';

export const INBOX_DEBOUNCE_MS = 1500;

/** Spreadsheets only; never Excel's lock files (~$stock.xlsx), LibreOffice's (.~lock.stock.xlsx#), or temp saves. */
export function isInboxFile(path: string): boolean {
  const name = basename(path);
  if (name.startsWith('~$') || name.startsWith('.~lock') || name.startsWith('.') || name.startsWith('~')) return false;
  return /\.(csv|xlsx)$/i.test(name);
}

export interface InboxOptions {
  dir: string;
  imports: ImportService;
  jobs: ImportRepo;
  log: Logger;
  debounceMs?: number;
  /** How long a file must stay the same size before it is read (half-written files are ignored). */
  stableMs?: number;
}

/**
 * The watched folder for offline editing: a CSV or .xlsx saved into `<data>/catalog-inbox/` is
 * imported a moment later with the mapping last confirmed for that file name (else the
 * suggestion). A file whose content was already imported (e.g. at the last start) is skipped, so
 * starting the server re-imports only what changed while it was off. Results reach the live stream
 * through the import service.
 */
export function createInbox(opts: InboxOptions) {
  const debounceMs = opts.debounceMs ?? INBOX_DEBOUNCE_MS;
  const timers = new Map<string, NodeJS.Timeout>();
  let watcher: FSWatcher | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function importIfChanged(path: string): Promise<void> {
    const name = basename(path);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return; // deleted or renamed away before we got to it
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (opts.jobs.fileMemory(name).inboxSha256 === sha) return;
    try {
      await opts.imports.importFile(path, { source: 'inbox' });
      opts.jobs.rememberInboxContent(name, sha, nowIso());
    } catch (err) {
      // Already recorded and published as catalog.import.failed; the file is tried again when saved again.
      opts.log.warn({ file: name, err: err instanceof Error ? err.message : String(err) }, 'catalog inbox import failed');
    }
  }

  function schedule(path: string): void {
    if (!isInboxFile(path)) return;
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        running = running.then(() => importIfChanged(path));
      }, debounceMs),
    );
  }

  return {
    dir: opts.dir,
    async start(): Promise<void> {
      mkdirSync(opts.dir, { recursive: true });
      watcher = watch(opts.dir, {
        depth: 0,
        ignoreInitial: false,
        awaitWriteFinish: { stabilityThreshold: opts.stableMs ?? 700, pollInterval: 100 },
        ignored: (path, stats) => Boolean(stats?.isFile()) && !isInboxFile(path),
      });
      watcher.on('add', schedule).on('change', schedule);
      watcher.on('error', (err) => opts.log.warn({ err }, 'catalog inbox watcher error'));
      await new Promise<void>((resolve) => watcher?.once('ready', () => resolve()));
    },
    async stop(): Promise<void> {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await watcher?.close();
      watcher = null;
      await running;
    },
  };
}
export type Inbox = ReturnType<typeof createInbox>;
