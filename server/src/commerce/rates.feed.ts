import { RateFeedPayloadSchema } from '../contracts/index.js';

/** A feed answer is a few numbers; anything bigger is not a rate feed. */
export const FEED_MAX_BYTES = 16 * 1024;
export const FEED_TIMEOUT_MS = 10_000;

export interface FeedRates {
  gold24: number;
  silver: number | null;
  platinum: number | null;
  /** ISO-8601 UTC with Z. */
  asOf: string;
}

/** A feed answer that was refused; the message says why, in words the owner can act on. */
export class FeedRefused extends Error {}

/** Reads a feed's JSON strictly: gold24 required, silver/platinum optional, each within sane bounds; asOf an ISO date-time. */
export function parseFeed(text: string): FeedRates {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new FeedRefused('The feed did not answer JSON');
  }
  const r = RateFeedPayloadSchema.safeParse(body);
  if (!r.success) {
    const i = r.error.issues[0];
    const where = i && i.path.length ? `${i.path.join('.')}: ` : '';
    throw new FeedRefused(`The feed's answer was refused — ${where}${i?.message ?? 'not the expected shape'}`);
  }
  return { gold24: r.data.gold24, silver: r.data.silver ?? null, platinum: r.data.platinum ?? null, asOf: new Date(r.data.asOf).toISOString() };
}

/** Fetches and parses the feed, with a timeout and a size cap; throws FeedRefused with the reason. */
export async function fetchFeed(url: string, opts: { timeoutMs?: number; maxBytes?: number; fetchImpl?: typeof fetch } = {}): Promise<FeedRates> {
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? FEED_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await (opts.fetchImpl ?? fetch)(url, { signal, headers: { accept: 'application/json' }, redirect: 'follow' });
  } catch (err) {
    if (signal.aborted) throw new FeedRefused(`The feed did not answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new FeedRefused(`Could not reach the feed: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedRefused(`The feed answered HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FeedRefused(`The feed's answer is too big (${declared} bytes; at most ${maxBytes})`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > maxBytes) throw new FeedRefused(`The feed's answer is too big (more than ${maxBytes} bytes)`);
      chunks.push(chunk as Uint8Array);
    }
  } catch (err) {
    if (err instanceof FeedRefused) throw err;
    if (signal.aborted) throw new FeedRefused(`The feed did not answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new FeedRefused(`The feed's answer broke off: ${(err as Error).message}`);
  }
  return parseFeed(Buffer.concat(chunks).toString('utf8'));
}
