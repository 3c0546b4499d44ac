/**
 * One page fetched politely and safely: redirects followed by hand (only within the store's own
 * site), a time limit for the whole page (redirects and body), and the body read as a stream and
 * abandoned past a size cap, so a page that never ends cannot hang the reader or fill the memory.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export const USER_AGENT = 'ReviveBot';
const MAX_REDIRECTS = 5;

export type PageErrorKind = 'timeout' | 'stopped' | 'network' | 'http' | 'offsite' | 'robots' | 'too_big' | 'not_html' | 'redirects';

export class PageError extends Error {
  constructor(
    readonly kind: PageErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PageError';
  }
}

export interface FetchedPage {
  /** Where the page was found in the end (after redirects). */
  url: string;
  contentType: string;
  /** The body decoded as text (by the charset in the content type, else UTF-8). */
  body: string;
  bytes: Uint8Array;
}

export interface FetchPageOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxBytes: number;
  /** Whether a redirect may go there (the same site); a redirect elsewhere is not followed. */
  sameSite: (url: URL) => boolean;
  /** Whether robots.txt lets a redirect go there (checked before each hop; absent = yes). */
  mayFollow?: ((url: URL) => Promise<boolean>) | undefined;
  /** Content types to read (the rest are reported, not downloaded). */
  accept: (contentType: string) => boolean;
  /** The whole crawl's signal: its overall time limit. */
  signal?: AbortSignal | undefined;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function readCapped(res: Response, maxBytes: number, abort: () => void): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw new PageError('too_big', `larger than ${size(maxBytes)}`);
  }
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      void reader.cancel().catch(() => undefined);
      throw new PageError('too_big', `larger than ${size(maxBytes)} (stopped reading)`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Fetches one page; throws PageError with a short reason a store owner can read. */
export async function fetchPage(start: string, opts: FetchPageOptions): Promise<FetchedPage> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const stop = () => controller.abort();
  opts.signal?.addEventListener('abort', stop, { once: true });
  if (opts.signal?.aborted) controller.abort();
  try {
    let url = new URL(start);
    for (let hop = 0; ; hop += 1) {
      const res = await opts.fetch(url.href, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': `${USER_AGENT}/1.0`, accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1' },
      });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        void res.body?.cancel().catch(() => undefined);
        const next = new URL(location, url);
        if (!['http:', 'https:'].includes(next.protocol) || !opts.sameSite(next)) throw new PageError('offsite', `redirects to another site (${next.host}); not followed`);
        if (hop >= MAX_REDIRECTS) throw new PageError('redirects', 'too many redirects');
        if (opts.mayFollow && !(await opts.mayFollow(next))) throw new PageError('robots', `redirects to ${next.pathname}, which robots.txt disallows`);
        url = next;
        continue;
      }
      if (!res.ok) {
        void res.body?.cancel().catch(() => undefined);
        throw new PageError('http', `the site answered HTTP ${res.status}`, res.status);
      }
      const contentType = res.headers.get('content-type') ?? '';
      if (!opts.accept(contentType)) {
        void res.body?.cancel().catch(() => undefined);
        throw new PageError('not_html', `not a web page (${contentType.split(';')[0]?.trim() || 'no content type'})`);
      }
      const bytes = await readCapped(res, opts.maxBytes, () => controller.abort());
      return { url: url.href, contentType, body: decode(bytes, contentType), bytes };
    }
  } catch (err) {
    if (err instanceof PageError) throw err;
    if (timedOut) throw new PageError('timeout', `did not answer in ${seconds(opts.timeoutMs)}`);
    if (opts.signal?.aborted) throw new PageError('stopped', 'stopped: the whole site took too long');
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    throw new PageError('network', `could not be reached (${cause})`);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', stop);
  }
}
