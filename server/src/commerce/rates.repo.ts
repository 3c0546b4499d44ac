import type { Db } from '../db/index.js';
import type { MetalRates, RateFeed, RateSource } from '../contracts/index.js';

interface RatesRow {
  id: number;
  gold24: number | null;
  silver: number | null;
  platinum: number | null;
  as_of: string;
  source: RateSource;
  created_at: string;
}
interface FeedRow {
  url: string | null;
  interval_minutes: number;
  last_fetch_at: string | null;
  last_ok_at: string | null;
  last_error: string | null;
}

const toRates = (r: RatesRow): MetalRates => ({ id: r.id, gold24: r.gold24, silver: r.silver, platinum: r.platinum, asOf: r.as_of, source: r.source, createdAt: r.created_at });
const toFeed = (r: FeedRow): RateFeed => ({ url: r.url, intervalMinutes: r.interval_minutes, lastFetchAt: r.last_fetch_at, lastOkAt: r.last_ok_at, lastError: r.last_error });

/** SQL for the rates history and the feed settings, nothing else. */
export function ratesRepo(db: Db) {
  const latest = db.prepare<[], RatesRow>('select * from metal_rates order by id desc limit 1');
  const history = db.prepare<[number], RatesRow>('select * from metal_rates order by id desc limit ?');
  const insert = db.prepare<{ gold24: number | null; silver: number | null; platinum: number | null; as_of: string; source: RateSource; created_at: string }>(
    'insert into metal_rates (gold24, silver, platinum, as_of, source, created_at) values (@gold24, @silver, @platinum, @as_of, @source, @created_at)',
  );
  const byId = db.prepare<[number], RatesRow>('select * from metal_rates where id = ?');
  const feed = db.prepare<[], FeedRow>('select url, interval_minutes, last_fetch_at, last_ok_at, last_error from rate_feed where id = 1');
  const setFeed = db.prepare<[string | null, number]>('update rate_feed set url = ?, interval_minutes = ?, last_error = null where id = 1');
  const fetched = db.prepare<[string, string | null, string | null]>('update rate_feed set last_fetch_at = ?, last_ok_at = coalesce(?, last_ok_at), last_error = ? where id = 1');

  return {
    current: (): MetalRates | null => {
      const r = latest.get();
      return r ? toRates(r) : null;
    },
    history: (limit: number): MetalRates[] => history.all(limit).map(toRates),
    add(r: Pick<MetalRates, 'gold24' | 'silver' | 'platinum' | 'asOf' | 'source'>, now: string): MetalRates {
      const id = Number(insert.run({ gold24: r.gold24, silver: r.silver, platinum: r.platinum, as_of: r.asOf, source: r.source, created_at: now }).lastInsertRowid);
      return toRates(byId.get(id) as RatesRow);
    },
    feed: (): RateFeed => toFeed(feed.get() as FeedRow),
    setFeed: (url: string | null, intervalMinutes: number) => void setFeed.run(url, intervalMinutes),
    /** A fetch happened at `at`: ok (error null) or refused with `error`. */
    fetched: (at: string, error: string | null) => void fetched.run(at, error === null ? at : null, error),
  };
}
export type RatesRepo = ReturnType<typeof ratesRepo>;
