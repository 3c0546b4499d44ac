import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { Bus } from '../ops/index.js';
import { createAutoPipeline } from './pipeline.auto.js';
import { pipelineRepo } from './pipeline.repo.js';
import { pipelineRoutes } from './pipeline.routes.js';
import { createPipelineService } from './pipeline.service.js';

export interface PipelineDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  /** A product's price in rupees (the catalog), for deals whose products came without one. */
  priceOf?: (sku: string) => number | null;
  clock?: () => Date;
}

/**
 * The pipeline domain: the service, `signal` for the domains that move deals (appointments,
 * commerce), and its routes. Deals follow the conversation events from construction on, so a
 * `revive chat` run moves them too.
 */
export function createPipeline(deps: PipelineDeps) {
  const service = createPipelineService({ repo: pipelineRepo(deps.db), bus: deps.bus, ...(deps.clock ? { clock: deps.clock } : {}) });
  const auto = createAutoPipeline(service, { log: deps.log.child({ domain: 'pipeline' }), ...(deps.priceOf ? { priceOf: deps.priceOf } : {}), ...(deps.clock ? { clock: deps.clock } : {}) });
  const unsubscribe = deps.bus.subscribe((m) => auto.listener(m));
  const pipeline = { ...service, signal: auto.signal };
  const module: DomainModule = { name: 'pipeline', adminRouters: [pipelineRoutes(service)], stop: () => unsubscribe() };
  return { service: pipeline, module, unsubscribe };
}
export type Pipeline = ReturnType<typeof createPipeline>['service'];
