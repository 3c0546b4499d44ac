import { Router } from 'express';
import { pricingApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import type { PricingService } from './pricing.service.js';
import type { RatesService } from './rates.service.js';

/** Rates and by-weight pricing API. Thin: the rules live in the services. */
export function pricingRoutes(rates: RatesService, pricing: PricingService): Router {
  const r = Router();
  route(r, pricingApi.getRates, () => rates.state());
  route(r, pricingApi.setRates, ({ body }) => rates.set(body));
  route(r, pricingApi.rateHistory, ({ req }) => rates.history(Number(req.query.limit ?? 60)));
  route(r, pricingApi.setRateFeed, ({ body }) => rates.setFeed(body));
  route(r, pricingApi.fetchRates, () => rates.fetchNow());
  route(r, pricingApi.listPricing, () => pricing.list());
  route(r, pricingApi.setPricing, ({ body, params }) => pricing.save(String(params.sku), body));
  route(r, pricingApi.previewPricing, ({ body, params }) => pricing.preview(String(params.sku), body));
  route(r, pricingApi.getQuote, ({ params }) => pricing.quote(String(params.sku)));
  return r;
}
