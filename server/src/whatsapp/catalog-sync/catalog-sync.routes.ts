import { Router } from 'express';
import { catalogSyncApi } from '../../contracts/index.js';
import { route } from '../../http/index.js';
import type { CatalogSyncService } from './catalog-sync.service.js';

/** The sync panel's API: where the catalog stands, and "Sync now". */
export function catalogSyncRoutes(sync: CatalogSyncService): Router {
  const r = Router();
  route(r, catalogSyncApi.getCatalogSync, () => sync.status());
  route(r, catalogSyncApi.runCatalogSync, async ({ body }) => {
    const run = await sync.sync({ full: body.full });
    return { run, status: sync.status() };
  });
  return r;
}
