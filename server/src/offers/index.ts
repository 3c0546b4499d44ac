/** The offers domain's public face: discount authority's coupons, negotiation and approvals. */
export { createOffers, type OffersDeps, type Offers } from './offers.module.js';
export { createOffersService, type OffersService, type OffersServiceDeps, type RecordPort, type SignalPort } from './offers.service.js';
export { HARD_CAP_PERCENT, CODE_ALPHABET, decide, capFor, discountAmount, wishPercent, isExcluded, normaliseCode } from './offers.policy.js';
