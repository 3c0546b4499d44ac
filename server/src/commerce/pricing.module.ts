import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { LiveMessage } from '../contracts/index.js';
import { pricingRepo } from './pricing.repo.js';
import { pricingRoutes } from './pricing.routes.js';
import { createPricingService, type PricingCatalog } from './pricing.service.js';
import { ratesRepo } from './rates.repo.js';
import { createRatesService, type RecordEvent } from './rates.service.js';

export interface PricingDeps {
  db: Db;
  log: Logger;
  catalog: PricingCatalog;
  /** The catalog's change events (imports, edits): products priced by weight keep their worked-out price. */
  catalogChanges?(listener: (change: { upserted: string[]; deleted: string[] }) => void): () => void;
  /** The Matrix's log (ops `record`). */
  record?: RecordEvent;
  publish?(message: LiveMessage): void;
  clock?: () => Date;
  fetchImpl?: typeof fetch;
  feedTimeoutMs?: number;
}

/**
 * Gold-rate pricing: the rates service (manual rates, the feed worker), the pricing service (by-weight
 * products, repricing) and their routes. The feed is polled only while the server runs (`start`).
 */
export function createPricing(deps: PricingDeps) {
  const log = deps.log.child({ domain: 'commerce.pricing' });
  const clock = deps.clock ?? (() => new Date());
  const pricing = createPricingService({ repo: pricingRepo(deps.db), catalog: deps.catalog, rates: () => rates.current(), clock });
  const rates = createRatesService({
    repo: ratesRepo(deps.db),
    reprice: (r) => pricing.reprice(r),
    ...(deps.record ? { record: deps.record } : {}),
    changed: (state) => deps.publish?.({ type: 'commerce.rates', time: clock().toISOString(), rates: state.rates, feed: state.feed }),
    clock,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    ...(deps.feedTimeoutMs ? { feedTimeoutMs: deps.feedTimeoutMs } : {}),
  });

  // An import or an edit of a product priced by weight: its price follows the formula again.
  let writing = false;
  const unsubscribe = deps.catalogChanges?.((change) => {
    if (writing || change.upserted.length === 0) return;
    writing = true;
    try {
      pricing.reprice(rates.current(), change.upserted);
    } catch (err) {
      log.warn({ err }, 'could not reprice products after a catalog change');
    } finally {
      writing = false;
    }
  });

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  /** Polls the feed when one is set and its interval has passed since the last fetch. */
  function tick(): void {
    const feed = rates.state().feed;
    if (!feed.url) return;
    const due = !feed.lastFetchAt || clock().getTime() - Date.parse(feed.lastFetchAt) >= feed.intervalMinutes * 60_000;
    if (!due) return;
    running = running.then(() => rates.fetchNow()).catch((err: unknown) => log.warn({ err }, 'rate feed fetch failed'));
  }

  const module: DomainModule = {
    name: 'commerce.pricing',
    adminRouters: [pricingRoutes(rates, pricing)],
    start() {
      tick();
      timer = setInterval(tick, 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      await running;
    },
  };
  return { rates, pricing, module, tick };
}
export type Pricing = ReturnType<typeof createPricing>;
