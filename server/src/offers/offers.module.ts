import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { Bus } from '../ops/index.js';
import { offersRepo } from './offers.repo.js';
import { offersRoutes } from './offers.routes.js';
import { createOffersService, type OffersServiceDeps } from './offers.service.js';

export type OffersDeps = Omit<OffersServiceDeps, 'repo' | 'bus'> & { db: Db; bus: Bus };

/** The offers domain: coupons, the negotiation, the owner's approvals, and its routes. No background work. */
export function createOffers(deps: OffersDeps) {
  const { db, ...rest } = deps;
  const service = createOffersService({ ...rest, repo: offersRepo(db) });
  const module: DomainModule = { name: 'offers', adminRouters: [offersRoutes(service)] };
  return { service, module };
}
export type Offers = ReturnType<typeof createOffers>;
