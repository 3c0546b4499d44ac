import type { Logger } from 'pino';
import type { Product } from '../../contracts/index.js';
import type { Db } from '../../db/index.js';
import type { DomainModule, ListenerPorts } from '../../domains.js';
import { publicMediaPath } from '../../media/index.js';
import type { Bus } from '../../ops/index.js';
import { catalogSyncRepo } from './catalog-sync.repo.js';
import { catalogSyncRoutes } from './catalog-sync.routes.js';
import { createCatalogSyncService, type CatalogSyncDeps } from './catalog-sync.service.js';
import { createCatalogGraph, type CatalogGraph, type CatalogGraphConfig } from './graph-catalog.js';

export interface CatalogSyncModuleDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  catalogId(): string | null;
  products(): Product[];
  /** Committed product changes (catalog.service.onChange). */
  catalogChanges(listener: (change: { upserted: string[]; deleted: string[] }) => void): () => void;
  store(): { name: string; website: string };
  /** The tunnel's public URL for a path, or null. */
  publicUrl(path: string): string | null;
  /** The Graph API address and token in force (the demo's emulator included). */
  graphConfig(): CatalogGraphConfig;
  /** Whether the demo's local emulator is the Graph API: it can fetch photos from the local public listener. */
  emulated(): boolean;
  record?: CatalogSyncDeps['record'];
  graph?: CatalogGraph;
  batchSize?: number;
  pollMs?: number;
  /** Quiet time after a catalog change before the background sync runs. */
  debounceMs?: number;
}

/**
 * The catalog sync: the service, its routes, and the background work — a full sync when the
 * server starts (it re-checks what Meta holds), a changes-only sync shortly after products change
 * or the connection's catalog id does. Nothing runs for one-shot CLI commands.
 */
export function createCatalogSync(deps: CatalogSyncModuleDeps) {
  const log = deps.log.child({ domain: 'catalog-sync' });
  let publicPort: number | null = null;
  const imageUrl = (mediaPath: string): string | null => {
    const path = publicMediaPath(mediaPath);
    return deps.publicUrl(path) ?? (deps.emulated() && publicPort ? `http://127.0.0.1:${publicPort}${path}` : null);
  };
  const service = createCatalogSyncService({
    repo: catalogSyncRepo(deps.db),
    graph: deps.graph ?? createCatalogGraph(deps.graphConfig),
    catalogId: deps.catalogId,
    products: deps.products,
    sources: () => ({ brand: deps.store().name, website: deps.store().website, imageUrl }),
    publish: (m) => deps.bus.publish(m),
    ...(deps.record ? { record: deps.record } : {}),
    ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
    ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
  });

  let timer: NodeJS.Timeout | null = null;
  let full = false;
  const stops: (() => void)[] = [];
  function schedule(wantFull: boolean): void {
    if (!deps.catalogId()) return;
    full ||= wantFull;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const f = full;
      full = false;
      service.sync({ full: f }).catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'catalog sync did not run'));
    }, deps.debounceMs ?? 1500);
    timer.unref();
  }

  const module: DomainModule = {
    name: 'catalog-sync',
    adminRouters: [catalogSyncRoutes(service)],
    start(ports: ListenerPorts) {
      publicPort = ports.publicPort;
      stops.push(deps.catalogChanges(() => schedule(false)));
      stops.push(deps.bus.subscribe((m) => {
        if (m.type === 'settings.changed' && (m.key === 'whatsapp.connection' || m.key === 'store.profile')) schedule(true);
        if (m.type === 'tunnel.changed' || (m.type === 'tunnel.state' && m.url)) schedule(false);
      }));
      schedule(true);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      for (const s of stops.splice(0)) s();
      service.cancel();
      await service.idle();
    },
  };
  return { service, module };
}
export type CatalogSync = ReturnType<typeof createCatalogSync>;
