export { createCatalog, catalogInboxDir, type CatalogService } from './catalog.module.js';
export type { CatalogChange, CatalogChangeListener } from './changes.js';
export { parseMapOption } from './import/mapping.js';
export { contentHash } from './product-check.js';
