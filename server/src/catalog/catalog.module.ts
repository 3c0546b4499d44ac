import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mediaDir } from '../config.js';
import type { DomainModule } from '../domains.js';
import type { Core } from '../main.js';
import { nowIso } from '../shared/time.js';
import { catalogRoutes } from './catalog.routes.js';
import { CatalogChanges, type CatalogChangeListener } from './changes.js';
import { imageStore } from './images.js';
import { importRepo } from './import.repo.js';
import { createImportService } from './import.service.js';
import { createInbox } from './inbox.js';
import { productRepo } from './product.repo.js';
import { createProductService } from './product.service.js';

/** `<data>/catalog-inbox`: spreadsheets saved here are imported (see inbox.ts). */
export function catalogInboxDir(dataDir: string): string {
  return join(dataDir, 'catalog-inbox');
}

/** The largest change list a live `catalog.changed` message carries (the screen reloads on it anyway). */
const LIVE_SKUS = 100;

/**
 * The catalog domain: products (repo, service, images), imports (engine, jobs, wizard API) and the
 * watched folder. The service is what other domains and the CLI use; the module plugs routes and
 * the watcher into the server.
 */
export function createCatalog(core: Pick<Core, 'config' | 'db' | 'bus' | 'log'>) {
  const { config, db, bus } = core;
  const log = core.log.child({ domain: 'catalog' });
  const inboxDir = catalogInboxDir(config.dataDir);
  mkdirSync(inboxDir, { recursive: true });
  const repo = productRepo(db);
  const jobs = importRepo(db);
  const images = imageStore(mediaDir(config.dataDir));
  const changes = new CatalogChanges((err) => log.error({ err }, 'a catalog change listener failed'));
  const products = createProductService({
    repo,
    images,
    changes,
    published: (c) => bus.publish({ type: 'catalog.changed', time: nowIso(), upserted: c.upserted.slice(0, LIVE_SKUS), deleted: c.deleted.slice(0, LIVE_SKUS) }),
  });
  const imports = createImportService({ repo, images, changes, jobs, uploadsDir: join(config.dataDir, 'imports'), publish: (m) => bus.publish(m), log });
  const inbox = createInbox({ dir: inboxDir, imports, jobs, log });

  const service = {
    ...products,
    imports,
    inboxDir,
    /** Called after every committed import batch, edit and delete; returns the unsubscribe. */
    onChange(listener: CatalogChangeListener): () => void {
      return changes.subscribe(listener);
    },
  };

  const module: DomainModule = {
    name: 'catalog',
    adminRouters: [catalogRoutes(products, imports)],
    async start() {
      imports.start();
      await inbox.start();
    },
    async stop() {
      const stopping = imports.stop();
      await inbox.stop();
      await stopping;
    },
  };
  return { service, module };
}
export type CatalogService = ReturnType<typeof createCatalog>['service'];
