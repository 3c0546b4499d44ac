import { ProductPricingInputSchema, type MetalRates, type PriceQuote, type PricedProduct, type Product, type ProductPricing, type RepriceResult } from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { PricingProblem, priceOf, pricingProblem, type Rates } from './pricing.js';
import type { PricingRepo } from './pricing.repo.js';

/** The catalog as pricing needs it (a port: `buildDomains` passes the catalog service). */
export interface PricingCatalog {
  /** null when there is no such product. */
  get(sku: string): Product | null;
  list(): Product[];
  /** Writes new prices through the catalog's own checks, in one go (search and Meta sync follow its change event); says which it refused and why. */
  updatePrices(changes: { sku: string; price: number }[]): { refused: { sku: string; reason: string }[] };
}

export interface PricingServiceDeps {
  repo: PricingRepo;
  catalog: PricingCatalog;
  /** Today's rates (the rates service). */
  rates(): MetalRates | null;
  clock?: () => Date;
}

/**
 * Products priced by weight: their settings (making charge, stones, hallmark), the worked-out
 * price with today's rates, and repricing — the catalog price of a product priced by weight always
 * follows the formula (after a rate change, a settings change, or an import that changed its fields).
 */
export function createPricingService(deps: PricingServiceDeps) {
  const { repo, catalog } = deps;
  const clock = deps.clock ?? (() => new Date());

  function product(sku: string): Product {
    const p = catalog.get(sku.trim());
    if (!p) throw new DomainError('not_found', `There is no product with SKU "${sku}"`);
    return p;
  }
  function parseInput(input: unknown): ProductPricing {
    const r = ProductPricingInputSchema.safeParse(input ?? {});
    if (!r.success) throw new DomainError('validation', r.error.issues[0]?.message ?? 'The pricing is not valid', fieldErrors(r.error.issues));
    return r.data;
  }
  function quoteWith(p: Product, pricing: ProductPricing | null, rates: Rates | null): PriceQuote {
    if (!pricing?.pricedByWeight) return { sku: p.sku, price: p.price, breakup: null, rate: null };
    const priced = priceOf(p, pricing, rates);
    return { sku: p.sku, ...priced };
  }
  function row(p: Product, pricing: ProductPricing | null, rates: Rates | null): PricedProduct {
    const problem = pricingProblem(p, rates);
    const quote = problem === null && pricing ? quoteWith(p, { ...pricing, pricedByWeight: true }, rates) : null;
    return { sku: p.sku, name: p.name, metal: p.metal, purity: p.purity, netWeightGrams: p.netWeightGrams, price: p.price, pricing, quote, problem };
  }

  /** Works out the new prices of these products (all priced by weight when none given) and writes those that changed. */
  function reprice(rates: Rates | null, only?: string[]): RepriceResult {
    const wanted = only ? new Set(only.map((s) => s.toUpperCase())) : null;
    const result: RepriceResult = { repriced: [], skipped: [] };
    const changes: { sku: string; from: number; to: number }[] = [];
    for (const { sku, pricing } of repo.byWeight()) {
      if (wanted && !wanted.has(sku.toUpperCase())) continue;
      const p = catalog.get(sku);
      if (!p) continue; // settings outlive a deleted product; nothing to price
      const problem = pricingProblem(p, rates);
      if (problem) {
        result.skipped.push({ sku: p.sku, reason: problem });
        continue;
      }
      const { price } = priceOf(p, pricing, rates);
      if (price !== p.price) changes.push({ sku: p.sku, from: p.price, to: price });
    }
    if (!changes.length) return result;
    // one product the catalog refuses (its other fields no longer pass the catalog's checks) does not stop the rest
    const refused = new Map(catalog.updatePrices(changes.map((c) => ({ sku: c.sku, price: c.to }))).refused.map((r) => [r.sku.toUpperCase(), r.reason]));
    for (const c of changes) {
      const why = refused.get(c.sku.toUpperCase());
      if (why === undefined) result.repriced.push(c);
      else result.skipped.push({ sku: c.sku, reason: `the catalog refused the new price: ${why}` });
    }
    return result;
  }

  return {
    /** The price of a product and how it is made up (`revive price`, the price_breakup skill). */
    quote(sku: string): PriceQuote {
      const p = product(sku);
      try {
        return quoteWith(p, repo.get(p.sku), deps.rates());
      } catch (err) {
        if (err instanceof PricingProblem) throw new DomainError('validation', err.message);
        throw err;
      }
    },
    pricing: (sku: string): ProductPricing | null => repo.get(product(sku).sku),

    /** Every product with a metal, for the "Priced by weight" screen. */
    list(): { products: PricedProduct[] } {
      const all = repo.all();
      const rates = deps.rates();
      return { products: catalog.list().filter((p) => p.metal !== null).map((p) => row(p, all.get(p.sku.toUpperCase()) ?? null, rates)) };
    },

    /** The worked-out price with these settings, without saving (the screen's live figure). */
    preview(sku: string, input: unknown): PricedProduct {
      return row(product(sku), parseInput(input), deps.rates());
    },

    /** Saves the settings; a product priced by weight gets its worked-out price in the catalog at once. */
    save(sku: string, input: unknown): PricedProduct {
      const p = product(sku);
      const pricing = parseInput(input);
      const rates = deps.rates();
      if (pricing.pricedByWeight) {
        const problem = pricingProblem(p, rates);
        if (problem) throw new DomainError('validation', `${p.sku} cannot be priced by weight: ${problem}`, { pricedByWeight: `Cannot price by weight: ${problem}` });
      }
      repo.save(p.sku, pricing, clock().toISOString());
      if (pricing.pricedByWeight) reprice(rates, [p.sku]);
      return row(product(p.sku), pricing, rates);
    },

    reprice,
  };
}
export type PricingService = ReturnType<typeof createPricingService>;
