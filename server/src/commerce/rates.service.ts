import type { z } from 'zod';
import { RATE_BOUNDS, RATE_KEYS, RateFeedInputSchema, RatesInputSchema, type FetchResult, type MetalRates, type RatesState, type RepriceResult } from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { fetchFeed, FeedRefused, type FeedRates } from './rates.feed.js';
import type { RatesRepo } from './rates.repo.js';
import type { Rates } from './pricing.js';

/** What the Matrix's log takes (the ops service's `record`). */
export type RecordEvent = (e: { type: 'SYNC' | 'ERROR'; detail: string; data?: Record<string, unknown> }) => void;

export interface RatesServiceDeps {
  repo: RatesRepo;
  /** Reprices every product priced by weight with the new rates (the pricing service). */
  reprice(rates: Rates): RepriceResult;
  record?: RecordEvent;
  /** After every change of rates or feed settings (the live stream). */
  changed?(state: RatesState): void;
  clock?: () => Date;
  fetchImpl?: typeof fetch;
  feedTimeoutMs?: number;
}

export const inr = (n: number) => `₹${n.toLocaleString('en-IN')}`;

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new DomainError('validation', r.error.issues[0]?.message ?? `The ${what} are not valid`, fieldErrors(r.error.issues));
  return r.data;
}

/** "Gold 24K ₹7,850/g, Silver ₹95/g": the metals that changed (all set ones when nothing did). */
export function ratesLine(next: Rates, before: Rates | null): string {
  const set = RATE_KEYS.filter((k) => next[k] !== null);
  const changed = set.filter((k) => !before || before[k] !== next[k]);
  return (changed.length ? changed : set).map((k) => `${RATE_BOUNDS[k].label} ${inr(next[k] as number)}/g`).join(', ');
}

/**
 * Today's metal rates: set by hand or fetched from the store's feed; every change is kept in the
 * history, reprices the products priced by weight and is written to the Matrix's log. A refused
 * feed answer changes nothing but the feed's last error.
 */
export function createRatesService(deps: RatesServiceDeps) {
  const { repo } = deps;
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const state = (): RatesState => ({ rates: repo.current(), feed: repo.feed() });

  /** Stores the new rates (when they differ), reprices, logs. */
  function apply(next: Omit<Rates, 'source'>, source: Rates['source']): { rates: MetalRates; reprice: RepriceResult; changed: boolean } {
    const before = repo.current();
    const same = before && RATE_KEYS.every((k) => before[k] === next[k]);
    // The same rates again (a feed polled within the day, a double click) add nothing to the history.
    if (before && same) return { rates: before, reprice: { repriced: [], skipped: [] }, changed: false };
    const rates = repo.add({ ...next, source }, now());
    const reprice = deps.reprice(rates);
    const n = reprice.repriced.length;
    deps.record?.({
      type: 'SYNC',
      detail: `${ratesLine(rates, before)} → ${n} product${n === 1 ? '' : 's'} repriced${source === 'feed' ? ' (rate feed)' : ''}`,
      data: { rates: { gold24: rates.gold24, silver: rates.silver, platinum: rates.platinum, asOf: rates.asOf, source }, repriced: n, skipped: reprice.skipped.length },
    });
    deps.changed?.(state());
    return { rates, reprice, changed: true };
  }

  return {
    current: (): MetalRates | null => repo.current(),
    state,
    history: (limit = 60): { history: MetalRates[] } => ({ history: repo.history(Math.min(Math.max(Math.trunc(limit) || 60, 1), 500)) }),

    /** By hand: the metals given change, the others keep today's rate; asOf is now. */
    set(input: unknown): { rates: MetalRates; reprice: RepriceResult } {
      const r = parse(RatesInputSchema, input, 'rates');
      const before = repo.current();
      const next = { gold24: r.gold24 ?? before?.gold24 ?? null, silver: r.silver ?? before?.silver ?? null, platinum: r.platinum ?? before?.platinum ?? null, asOf: now() };
      const { rates, reprice } = apply(next, 'manual');
      return { rates, reprice };
    },

    setFeed(input: unknown) {
      const f = parse(RateFeedInputSchema, input, 'feed settings');
      repo.setFeed(f.url, f.intervalMinutes);
      deps.changed?.(state());
      return repo.feed();
    },

    /** Fetches the feed now; a refused answer keeps the rates and says why. */
    async fetchNow(): Promise<FetchResult> {
      const url = repo.feed().url;
      if (!url) throw new DomainError('validation', 'No rate feed is set up: enter the feed address first', { url: 'Enter the feed address' });
      let got: FeedRates;
      try {
        got = await fetchFeed(url, { ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}), ...(deps.feedTimeoutMs ? { timeoutMs: deps.feedTimeoutMs } : {}) });
        const before = repo.current();
        if (before && Date.parse(got.asOf) < Date.parse(before.asOf)) throw new FeedRefused(`The feed's rates (as of ${got.asOf}) are older than today's rates (as of ${before.asOf})`);
      } catch (err) {
        const error = err instanceof FeedRefused ? err.message : `The feed could not be read: ${(err as Error).message}`;
        repo.fetched(now(), error);
        deps.record?.({ type: 'ERROR', detail: `Rate feed refused: ${error}` });
        deps.changed?.(state());
        return { ok: false, changed: false, error, rates: repo.current(), reprice: null };
      }
      const before = repo.current();
      const next = { gold24: got.gold24, silver: got.silver ?? before?.silver ?? null, platinum: got.platinum ?? before?.platinum ?? null, asOf: got.asOf };
      const { rates, reprice, changed } = apply(next, 'feed');
      repo.fetched(now(), null);
      deps.changed?.(state());
      return { ok: true, changed, error: null, rates, reprice };
    },
  };
}
export type RatesService = ReturnType<typeof createRatesService>;
