import { createHash } from 'node:crypto';
import type { KnowledgeSource } from '../../contracts/index.js';
import { DomainError } from '../../shared/errors.js';
import { nowIso } from '../../shared/time.js';
import type { KnowledgeRepo } from '../knowledge.repo.js';
import type { DocPart } from '../parts.js';
import { readPdf } from '../pdf.js';
import { crawlSite, CrawlError, type CrawlOptions, type CrawlResult, type PageProblem } from './crawl.js';
import { pageKey } from './pages.js';

/**
 * Website sources: added at once (queued), read in the background (processing, with progress
 * saved on the source and published live), then indexed page by page (ready) or failed with the
 * reason. Reading again (re-scrape) replaces the chunks only when the new reading succeeded.
 */

export interface WebSourcesDeps {
  repo: KnowledgeRepo;
  get(id: number): KnowledgeSource;
  /** The knowledge service's indexer: chunks, embeds and writes the parts, marks ready or failed. */
  ingestParts(id: number, parts: DocPart[]): Promise<KnowledgeSource>;
  /** A source changed (the `knowledge.source` live message). */
  changed(source: KnowledgeSource): void;
  /** Crawler options (tests: shorter timeouts); maxPages comes per source. */
  crawl?: Omit<CrawlOptions, 'onProgress' | 'maxPages'> | undefined;
  log?: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void } | undefined;
}

export const INTERRUPTED = 'Interrupted; press Re-process';
/** Failed pages listed in a message, at most. */
const LIST_MAX = 5;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The address as given, checked: http(s) only, no #fragment. */
function parseUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new DomainError('validation', 'Give the full address, like https://yourstore.in', { url: 'Not a web address' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DomainError('validation', 'Give a web address starting with http:// or https://', { url: 'Not a web address' });
  url.hash = '';
  return url;
}

/** "/shipping (the site answered HTTP 500), /care (…)" — the pages not read, short. */
function listProblems(problems: PageProblem[]): string {
  const shown = problems.slice(0, LIST_MAX).map((p) => `${new URL(p.url).pathname} (${p.reason})`);
  return shown.join(', ') + (problems.length > LIST_MAX ? ` and ${problems.length - LIST_MAX} more` : '');
}

/** The summary kept as the last progress message: pages read, and those that could not be. */
export function crawlSummary(r: CrawlResult): string {
  const read = `Read ${r.pages.length} page${r.pages.length === 1 ? '' : 's'}`;
  const notes = [r.failed.length ? `could not read ${listProblems(r.failed)}` : '', r.skipped.length ? `skipped ${listProblems(r.skipped)}` : '', r.stoppedEarly ?? ''].filter(Boolean);
  return notes.length ? `${read}; ${notes.join('; ')}` : read;
}

export function createWebSources(deps: WebSourcesDeps) {
  const { repo } = deps;
  const running = new Map<number, Promise<KnowledgeSource | null>>();
  let closed = false;
  const stopAll = new AbortController();
  /** One per reading in flight: deleting the source stops its reading. */
  const stops = new Map<number, AbortController>();

  const changed = (id: number) => {
    const row = repo.get(id);
    if (row) deps.changed(deps.get(id));
  };
  const progress = (id: number, p: { done: number; total: number | null; message: string } | null) => {
    repo.setProgress(id, p);
    changed(id);
  };

  async function read(id: number, url: string, maxPages: number | undefined): Promise<KnowledgeSource> {
    await new Promise((resolve) => setImmediate(resolve)); // the caller gets the queued source first
    if (closed) return deps.get(id);
    const hadChunks = (repo.get(id)?.chunks ?? 0) > 0;
    repo.setStatus(id, 'processing', null, nowIso());
    progress(id, { done: 0, total: null, message: `Reading ${new URL(url).host}` });
    let result: CrawlResult;
    try {
      const stop = new AbortController();
      stops.set(id, stop);
      result = await crawlSite(url, { readPdf: (bytes) => readPdf(bytes), ...deps.crawl, maxPages, signal: AbortSignal.any([stopAll.signal, stop.signal]), onProgress: (p) => !closed && progress(id, p) });
    } catch (err) {
      if (closed) return deps.get(id);
      const reason = err instanceof CrawlError ? err.message : `The site could not be read: ${err instanceof Error ? err.message : String(err)}`;
      if (!(err instanceof CrawlError)) deps.log?.warn({ err, source: id }, 'website could not be read');
      // A failed re-scrape keeps the chunks read before, and says so.
      repo.setStatus(id, 'failed', hadChunks ? `${reason}. The pages read before are still used; press Re-process to try again.` : reason, nowIso());
      progress(id, null);
      return deps.get(id);
    }
    if (closed) return deps.get(id);
    const summary = crawlSummary(result);
    deps.log?.info?.({ source: id, url, pages: result.pages.length, failed: result.failed, skipped: result.skipped }, 'website read');
    progress(id, { done: result.pages.length, total: result.pages.length, message: `${summary}. Indexing…` });
    const parts: DocPart[] = result.pages.flatMap((p) => p.parts ?? [{ location: p.url, text: p.text }]);
    const source = await deps.ingestParts(id, parts);
    // Kept on the row (hidden once ready, per the contract) so a later look at the database can tell which pages were missed.
    repo.setProgress(id, { done: result.pages.length, total: result.pages.length + result.failed.length, message: summary });
    changed(id);
    return source.status === 'failed' && hadChunks ? deps.get(id) : source;
  }

  function start(id: number, url: string, maxPages?: number): void {
    if (running.has(id) || closed) return;
    const job = read(id, url, maxPages)
      .catch((err: unknown): KnowledgeSource | null => {
        if (!repo.get(id)) return null; // deleted while being read
        deps.log?.warn({ err, source: id }, 'website source failed');
        if (!closed) repo.setStatus(id, 'failed', `The site could not be read: ${err instanceof Error ? err.message : String(err)}`, nowIso());
        return deps.get(id);
      })
      .finally(() => {
        running.delete(id);
        stops.delete(id);
      });
    running.set(id, job);
  }

  return {
    /** Adds the site (queued) and starts reading it; the same address again is the same source (read again if it had failed). */
    addUrl(input: string, opts: { maxPages?: number | undefined } = {}): KnowledgeSource {
      const url = parseUrl(input);
      const hash = sha256(`url:${pageKey(url)}`);
      // Before websites could be read, a URL source was keyed by the address exactly as typed.
      const existing = repo.bySha(hash) ?? repo.bySha(sha256(`url:${input}`));
      if (existing) {
        if (existing.status === 'failed' && !running.has(existing.id)) {
          repo.setStatus(existing.id, 'queued', null, nowIso());
          progress(existing.id, { done: 0, total: null, message: 'Waiting to start' });
          start(existing.id, existing.url ?? url.href, opts.maxPages);
        }
        return deps.get(existing.id);
      }
      const id = repo.insertSource({ name: url.host.replace(/^www\./, ''), kind: 'url', mime: 'text/html', bytes: 0, sha256: hash, status: 'queued', content: null, error: null, url: url.href, at: nowIso() });
      repo.setProgress(id, { done: 0, total: null, message: 'Waiting to start' });
      changed(id);
      start(id, url.href, opts.maxPages);
      return deps.get(id);
    },

    /** Reads the site again in the background (re-scrape); returns the source at once (queued). */
    rescrape(id: number, opts: { maxPages?: number | undefined } = {}): KnowledgeSource {
      const row = repo.get(id);
      if (!row || row.kind !== 'url') throw new DomainError('not_found', `There is no website source ${id}`);
      if (!running.has(id)) {
        repo.setStatus(id, 'queued', null, nowIso());
        progress(id, { done: 0, total: null, message: 'Waiting to start' });
        start(id, row.url ?? row.name, opts.maxPages);
      }
      return deps.get(id);
    },

    /** The source once its reading is done (ready or failed); at once when it is not being read. */
    async settled(id: number): Promise<KnowledgeSource> {
      return (await running.get(id)) ?? deps.get(id);
    },

    /** At server start: a source left queued or processing by a stopped process is marked failed, never left spinning. */
    recoverInterrupted(): number {
      let n = 0;
      for (const row of repo.list()) {
        if ((row.status === 'queued' || row.status === 'processing') && !running.has(row.id)) {
          repo.setStatus(row.id, 'failed', INTERRUPTED, nowIso());
          repo.setProgress(row.id, null);
          changed(row.id);
          n += 1;
        }
      }
      return n;
    },

    /** The source was deleted: its reading, if any, stops. */
    forget(id: number): void {
      stops.get(id)?.abort();
    },

    /** Server stopping: readings in flight are abandoned (the next start marks them interrupted). */
    close(): void {
      closed = true;
      stopAll.abort();
    },
  };
}
export type WebSources = ReturnType<typeof createWebSources>;
