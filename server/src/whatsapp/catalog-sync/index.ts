/** Catalog sync to the store's Meta commerce catalog (issue #8, part 1). */
export { createCatalogSync, type CatalogSync, type CatalogSyncModuleDeps } from './catalog-sync.module.js';
export { createCatalogSyncService, BATCH_MAX, type CatalogSyncService } from './catalog-sync.service.js';
export { createCatalogGraph, type CatalogGraph } from './graph-catalog.js';
export { metaItem, metaPrice, itemHash, type MetaItemData } from './items.js';
