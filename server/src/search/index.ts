export { createSearch, type SearchDomainDeps } from './search.module.js';
export { createProductSearch, type ProductSearch, type ProductSearchDeps } from './search.service.js';
export { reciprocalRankFusion, RRF_K } from './fuse.js';
