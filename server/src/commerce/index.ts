/** commerce — orders (cart → order), gold rates and pricing (issue #8). Other domains import only from here. */
export { createCommerce, type CommerceDeps, type Commerce } from './commerce.module.js';
export { createOrdersService, type OrdersService, type OrderHookContext, type OrderHookResult } from './orders.service.js';
export { ORDER_TRANSITIONS, PAYMENT_URL_SETTING } from './orders.rules.js';
export { outboxNotifier } from './orders.notify.js';
export { createPricing, type PricingDeps, type Pricing } from './pricing.module.js';
export { priceOf, PURITY_PER_MILLE, type Rates } from './pricing.js';
