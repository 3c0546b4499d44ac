import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { Bus } from '../ops/index.js';
import { ordersRepo } from './orders.repo.js';
import { ordersRoutes } from './orders.routes.js';
import { createOrdersService, type OrdersPorts } from './orders.service.js';

/**
 * What commerce needs from the rest of the app, as small ports wired in domains.ts: the catalog
 * (prices and stock), the pipeline (an order moves the deal to Sold), the event log (ORDER
 * events), contacts and the outbox (status notices to the shopper).
 */
export interface CommerceDeps extends OrdersPorts {
  db: Db;
  bus: Pick<Bus, 'publish'>;
  log: Logger;
  settings: { getValue(key: string): unknown; setValue(key: string, value: unknown): void };
  clock?: () => Date;
}

/** The commerce domain: orders now; gold rates and pricing join the same module. */
export function createCommerce(deps: CommerceDeps) {
  const log = deps.log.child({ domain: 'commerce' });
  const orders = createOrdersService({ ...deps, repo: ordersRepo(deps.db), log });
  const service = { orders };
  const adminRouters = [ordersRoutes(orders)];
  const module: DomainModule = { name: 'commerce', adminRouters };
  return { service, module, /** The engine's inbound hook: an `order` message becomes an order. */ orderHook: orders.hook, /** A tap on an order's "Pay at store" or "Payment link". */ nextStepHook: orders.nextStepHook };
}
export type Commerce = ReturnType<typeof createCommerce>;
