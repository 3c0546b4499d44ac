import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import { tryonRepo } from './tryon.repo.js';
import { tryonRoutes } from './tryon.routes.js';
import { createTryOnService, type TryOnServiceDeps } from './tryon.service.js';

export interface TryOnDeps extends Omit<TryOnServiceDeps, 'repo' | 'log'> {
  db: Db;
  log: Logger;
  /** How often the pruner looks for photos past their time. */
  pruneEveryMs?: number;
}

/**
 * The try-on domain: the service (photos, anchors, composition, retention), its routes, and the
 * pruner that deletes photos and pictures past their retention — once at start, then hourly,
 * only while the server runs (never for a one-shot CLI command).
 */
export function createTryOn(deps: TryOnDeps) {
  const log = deps.log.child({ domain: 'tryon' });
  const service = createTryOnService({ ...deps, repo: tryonRepo(deps.db), log });
  let timer: NodeJS.Timeout | null = null;
  const prune = () => {
    try {
      service.prune();
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'try-on pruning failed; it runs again later');
    }
  };
  const module: DomainModule = {
    name: 'tryon',
    adminRouters: [tryonRoutes(service)],
    start(ports) {
      service.setAdminOrigin(`http://127.0.0.1:${ports.adminPort}`);
      prune();
      timer = setInterval(prune, deps.pruneEveryMs ?? 3_600_000);
      timer.unref();
    },
    stop() {
      service.setAdminOrigin(null);
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
  return { service, module };
}
export type TryOn = ReturnType<typeof createTryOn>;
