import type { Logger } from 'pino';
import { createEmbedder, type Embedder } from '../brain/index.js';
import type { DomainModule } from '../domains.js';
import type { Db } from '../db/index.js';
import type { Bus } from '../ops/index.js';
import type { SettingsService } from '../settings/index.js';
import { createProductSearch, type ProductSearch } from './search.service.js';
import { searchRoutes } from './search.routes.js';

export interface SearchDomainDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  settings: Pick<SettingsService, 'readSecret'>;
  /** A Mistral-compatible origin instead of api.mistral.ai (tests). */
  mistralServerUrl?: string;
  /** Subscribes to catalog changes (returns the unsubscribe); while the server runs, each change syncs the index. */
  catalogChanges?: (listener: () => void) => () => void;
  /** How often to look for commits made by another process (e.g. `revive import catalog`). */
  externalCheckMs?: number;
}

/**
 * The search domain: the product search service (for the CLI, skills and the lead's catalog-change
 * wiring) and its module. The embedder follows the `mistral.apiKey` secret: setting or clearing
 * the key switches provider, and the next sync rebuilds the index in the new vector space.
 */
export function createSearch(deps: SearchDomainDeps): { service: ProductSearch; module: DomainModule } {
  const log = deps.log.child({ domain: 'search' });
  const build = (): Embedder => createEmbedder({ mistralApiKey: deps.settings.readSecret('mistral.apiKey'), mistralServerUrl: deps.mistralServerUrl });
  let embedder = build();
  const service = createProductSearch({ db: deps.db, embedder: () => embedder, log });
  let unsubscribe: (() => void)[] = [];
  let lastVersion = 0;
  let watcher: NodeJS.Timeout | undefined;
  // SQLite's data_version changes only when ANOTHER connection commits: a CLI import beside the
  // running server. Our own writes announce themselves through catalogChanges instead.
  const checkExternal = () => {
    const version = Number(deps.db.pragma('data_version', { simple: true }));
    if (version !== lastVersion) {
      lastVersion = version;
      syncInBackground('database changed by another process');
    }
  };
  let background: Promise<unknown> = Promise.resolve();

  /** Indexing runs beside the server (a large first index takes seconds); search works meanwhile on what is indexed. */
  const syncInBackground = (why: string) => {
    background = service.sync().then(
      (r) => (r.embedded || r.deleted ? log.info({ ...r, why, embedder: embedder.id }, 'search index updated') : undefined),
      (err: unknown) => log.error({ err, why }, 'search index update failed; it is retried on the next change or restart'),
    );
  };

  const module: DomainModule = {
    name: 'search',
    adminRouters: [searchRoutes(service)],
    start() {
      unsubscribe = [
        deps.bus.subscribe((m) => {
          if (m.type === 'settings.changed' && m.key === 'secret.mistral.apiKey') {
            embedder = build();
            syncInBackground('embeddings provider changed');
          }
        }),
        ...(deps.catalogChanges ? [deps.catalogChanges(() => syncInBackground('catalog changed'))] : []),
      ];
      syncInBackground('server start');
      lastVersion = Number(deps.db.pragma('data_version', { simple: true }));
      watcher = setInterval(checkExternal, deps.externalCheckMs ?? 5_000);
      watcher.unref();
    },
    async stop() {
      clearInterval(watcher);
      for (const u of unsubscribe) u();
      unsubscribe = [];
      await background;
    },
  };
  return { service, module };
}
