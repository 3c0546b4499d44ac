import { fetchPage, PageError, type FetchLike } from './fetch-page.js';
import { readHtml, type PageLink } from './extract.js';
import { COMMON_PATHS, isAsset, isContentPath, looksLikeInfoPage, pageKey, siteKey } from './pages.js';
import { loadRobots, RobotsError, type Robots } from './robots.js';

/**
 * Reads a store's website the way the agent needs it: the home page, then the pages about the
 * store (links that look like About, FAQ, Shipping, Returns, Contact…, Shopify `/pages/…`, and a
 * few common paths), breadth-first, on that one site only, within robots.txt, a page limit, a time
 * limit per page and for the whole site, and a size cap per page. Pure: the fetch is injected.
 */

export interface CrawlProgress {
  done: number;
  total: number;
  message: string;
}

export interface CrawlOptions {
  fetch?: FetchLike;
  /** The most pages to request, the home page included (default 25). */
  maxPages?: number;
  /** Per page, redirects and body included (default 30 s). */
  pageTimeoutMs?: number;
  /** The whole site (default 3 min): what was read by then is kept. */
  totalTimeoutMs?: number;
  /** Per page (default 2 MB): a longer body is abandoned mid-stream. */
  maxBytes?: number;
  /** Pages read at once (default 2). */
  concurrency?: number;
  onProgress?: (p: CrawlProgress) => void;
  /** Reads a PDF the site links to (one part per page); without it PDFs are skipped. */
  readPdf?: ((bytes: Uint8Array) => Promise<{ ok: true; parts: { location: string | null; text: string }[] } | { ok: false; reason: string }>) | undefined;
  /** Stops the reading (the server is shutting down). */
  signal?: AbortSignal | undefined;
}

export interface CrawledPage {
  url: string;
  title: string;
  /** Markdown-ish, the title as its `#` heading. */
  text: string;
  /** A PDF: its pages, located "<url> › page N" (`text` is then all of them together). */
  parts?: { location: string; text: string }[];
}

export interface PageProblem {
  url: string;
  reason: string;
}

export interface CrawlResult {
  /** The home page where it was found (after redirects). */
  home: string;
  homeTitle: string;
  pages: CrawledPage[];
  /** Pages that were linked but could not be read (HTTP errors, timeouts, too big). */
  failed: PageProblem[];
  /** Pages not read on purpose (robots.txt, not a web page, a redirect elsewhere). */
  skipped: PageProblem[];
  /** Set when the overall time limit cut the reading short. */
  stoppedEarly: string | null;
}

/** The whole site could not be read; the message says why, for the owner. */
export class CrawlError extends Error {}

export const CRAWL_DEFAULTS = { maxPages: 25, pageTimeoutMs: 30_000, totalTimeoutMs: 180_000, maxBytes: 2 * 1024 * 1024, concurrency: 2 };
const MAX_DEPTH = 2;

const isHtml = (contentType: string) => /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
const isPdf = (contentType: string) => /^\s*application\/pdf\b/i.test(contentType);
const secs = (ms: number) => `${Math.round(ms / 1000)} s`;

interface Todo {
  url: URL;
  depth: number;
  /** A common path tried blindly: its 404 is not worth reporting. */
  guessed: boolean;
}

function siteFailure(err: PageError, host: string, pageTimeoutMs: number): CrawlError {
  switch (err.kind) {
    case 'timeout':
      return new CrawlError(`The site did not answer in ${secs(pageTimeoutMs)}`);
    case 'network':
      return new CrawlError(`Could not reach ${host}: ${err.message.replace(/^could not be reached /, '')}`);
    case 'http':
      return new CrawlError(`The site's home page answered HTTP ${err.status ?? '?'}`);
    case 'robots':
      return new CrawlError(`The address ${err.message}`);
    case 'offsite':
      return new CrawlError(`The address ${err.message.replace(/; not followed$/, '')}: give that address instead`);
    case 'not_html':
      return new CrawlError(`The address is ${err.message}`);
    default:
      return new CrawlError(`The site could not be read: ${err.message}`);
  }
}

export async function crawlSite(start: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const o = { ...CRAWL_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof CRAWL_DEFAULTS & CrawlOptions;
  const fetch: FetchLike = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let startUrl: URL;
  try {
    startUrl = new URL(start);
  } catch {
    throw new CrawlError('Give the full address, like https://yourstore.in');
  }
  if (startUrl.protocol !== 'http:' && startUrl.protocol !== 'https:') throw new CrawlError('Give a web address starting with http:// or https://');
  startUrl.hash = '';
  const site = siteKey(startUrl);
  const sameSite = (u: URL) => siteKey(u) === site;
  const overall = new AbortController();
  let stoppedEarly: string | null = null;
  const deadline = setTimeout(() => {
    stoppedEarly = `Stopped after ${secs(o.totalTimeoutMs)}, the time allowed for one site`;
    overall.abort();
  }, o.totalTimeoutMs);
  const cancel = () => {
    stoppedEarly = 'Stopped before the end';
    overall.abort();
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) cancel();
  const base = { fetch, timeoutMs: o.pageTimeoutMs, sameSite, signal: overall.signal };

  const robotsByOrigin = new Map<string, Promise<Robots>>();
  const robotsFor = (u: URL) => {
    let r = robotsByOrigin.get(u.origin);
    if (!r) robotsByOrigin.set(u.origin, (r = loadRobots(u, base)));
    return r;
  };

  const mayFollow = async (u: URL) => (await robotsFor(u).catch(() => null))?.allowed(u) ?? false;
  const pages: CrawledPage[] = [];
  const failed: PageProblem[] = [];
  const skipped: PageProblem[] = [];
  const seen = new Set<string>([pageKey(startUrl)]);
  const texts = new Set<string>();
  let requested = 0;
  let done = 0;
  let known = 1;
  const total = () => Math.min(o.maxPages, known);
  const report = (message: string) => o.onProgress?.({ done, total: total(), message });

  /** Links from a page worth reading next, not seen yet, on this site. */
  const follow = (links: PageLink[], depth: number): Todo[] => {
    const picked: Todo[] = [];
    const pick = (url: URL) => {
      url.hash = '';
      const key = pageKey(url);
      if (seen.has(key) || !sameSite(url) || isAsset(url)) return;
      seen.add(key);
      picked.push({ url, depth, guessed: false });
    };
    for (const l of links) if (looksLikeInfoPage(l.url, l.text)) pick(new URL(l.url.href));
    for (const l of links) if (isContentPath(l.url)) pick(new URL(l.url.href));
    return picked;
  };

  try {
    // The home page first: if it cannot be read, nothing can.
    let home: { url: string; title: string; links: PageLink[] };
    try {
      if (!(await robotsFor(startUrl)).allowed(startUrl)) throw new CrawlError('robots.txt disallows reading this site');
      report(`Reading ${startUrl.host}`);
      requested += 1;
      const page = await fetchPage(startUrl.href, { ...base, maxBytes: o.maxBytes, accept: isHtml, mayFollow });
      const read = readHtml(page.body, page.url);
      seen.add(pageKey(new URL(page.url)));
      if (read.text) pages.push({ url: page.url, title: read.title, text: read.text });
      texts.add(read.text);
      home = { url: page.url, title: read.title, links: read.links };
    } catch (err) {
      if (err instanceof PageError) throw siteFailure(err, startUrl.host, o.pageTimeoutMs);
      if (err instanceof RobotsError) throw new CrawlError(err.message);
      throw err;
    }
    done = 1;

    let level = follow(home.links, 1);
    const homeUrl = new URL(home.url);
    for (const path of COMMON_PATHS) {
      const url = new URL(path, homeUrl);
      const key = pageKey(url);
      if (!seen.has(key)) {
        seen.add(key);
        level.push({ url, depth: 1, guessed: true });
      }
    }
    known += level.length;

    const visit = async (todo: Todo, next: Todo[]) => {
      if (overall.signal.aborted) return;
      const robots = await robotsFor(todo.url).catch(() => null);
      if (!robots || !robots.allowed(todo.url)) {
        known -= 1;
        if (!todo.guessed) skipped.push({ url: todo.url.href, reason: robots ? 'robots.txt disallows it' : "the site's robots.txt could not be read" });
        return;
      }
      if (requested >= o.maxPages) return;
      requested += 1;
      report(`Reading ${todo.url.pathname} (${requested} of ${total()})`);
      try {
        const page = await fetchPage(todo.url.href, { ...base, maxBytes: o.maxBytes, accept: (t) => isHtml(t) || (Boolean(o.readPdf) && isPdf(t)), mayFollow });
        const finalKey = pageKey(new URL(page.url));
        if (finalKey !== pageKey(todo.url)) {
          if (seen.has(finalKey)) return; // a redirect to a page already read or queued
          seen.add(finalKey);
        }
        if (isPdf(page.contentType) && o.readPdf) {
          const pdf = await o.readPdf(page.bytes);
          if (!pdf.ok) return void failed.push({ url: todo.url.href, reason: pdf.reason });
          const parts = pdf.parts.filter((p) => p.text.trim()).map((p) => ({ location: p.location ? `${page.url} › ${p.location}` : page.url, text: p.text }));
          const text = parts.map((p) => p.text).join('\n\n');
          if (!parts.length || texts.has(text)) return;
          texts.add(text);
          return void pages.push({ url: page.url, title: decodeURIComponent(new URL(page.url).pathname.split('/').pop() ?? page.url), text, parts });
        }
        const read = readHtml(page.body, page.url);
        if (!read.text) {
          if (!todo.guessed) failed.push({ url: todo.url.href, reason: 'no readable text on it' });
          return;
        }
        // The same text as a page already read: a site answering every address with its home page (a "soft 404"), or a copy.
        if (texts.has(read.text)) return;
        texts.add(read.text);
        pages.push({ url: page.url, title: read.title, text: read.text });
        if (todo.depth < MAX_DEPTH) {
          const more = follow(read.links, todo.depth + 1);
          known += more.length;
          next.push(...more);
        }
      } catch (err) {
        if (!(err instanceof PageError)) throw err;
        if (err.kind === 'stopped' || (todo.guessed && err.kind !== 'timeout' && err.kind !== 'too_big')) return;
        (err.kind === 'not_html' || err.kind === 'offsite' || err.kind === 'robots' ? skipped : failed).push({ url: todo.url.href, reason: err.message });
      } finally {
        done += 1;
        report(`Read ${todo.url.pathname} (${done} of ${total()})`);
      }
    };

    while (level.length && requested < o.maxPages && !overall.signal.aborted) {
      const next: Todo[] = [];
      let i = 0;
      const worker = async () => {
        for (let todo = level[i++]; todo; todo = level[i++]) await visit(todo, next);
      };
      await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
      level = next;
    }
    if (!pages.length) throw new CrawlError(stoppedEarly ?? 'No readable pages found');
    return { home: home.url, homeTitle: home.title, pages, failed, skipped, stoppedEarly };
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', cancel);
  }
}
