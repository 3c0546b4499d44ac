import type { Metal, MetalRates, PriceBreakup, ProductPricing, Purity, RateUsed } from '../contracts/index.js';

/**
 * Price by weight, a pure function. Every amount is whole rupees and worked out in integers
 * (weights in milligrams, purity in parts per thousand, percent in basis points), so no float ever
 * decides a rupee. Rounding rule (docs/decisions.md): each part is rounded half up to the rupee on
 * its own — metal first, making from the rounded metal when it is a percent, GST 3% on the sum of
 * the rounded parts — and the price is the sum of the rounded parts, so the breakup adds up exactly.
 */

/** Parts per thousand of pure metal. 24K is priced at the full 24K (999) rate: the rate is quoted for it. */
export const PURITY_PER_MILLE: Record<Purity, number> = { '24K': 1000, '22K': 916, '18K': 750, '14K': 585, '925': 925, '950': 950 };
export const GST_PERCENT = 3;

export type RateMetal = RateUsed['metal'];
/** Rose and white gold are gold alloys: priced on the 24K gold rate by their karat. */
export const rateMetalOf = (metal: Metal): RateMetal => (metal === 'silver' ? 'silver' : metal === 'platinum' ? 'platinum' : 'gold');
const RATE_KEY = { gold: 'gold24', silver: 'silver', platinum: 'platinum' } as const;

export type Rates = Pick<MetalRates, 'gold24' | 'silver' | 'platinum' | 'asOf' | 'source'>;
export interface WeighedProduct {
  sku: string;
  metal: Metal | null;
  purity: Purity | null;
  netWeightGrams: number | null;
}
export interface Priced {
  price: number;
  breakup: PriceBreakup;
  rate: RateUsed;
}

/** Why a product cannot be priced by weight with these rates; null when it can. */
export function pricingProblem(p: WeighedProduct, rates: Rates | null): string | null {
  if (!p.metal) return 'it has no metal';
  if (!p.purity) return 'it has no purity (e.g. 22K)';
  if (p.netWeightGrams === null || p.netWeightGrams <= 0) return 'it has no net weight';
  const metal = rateMetalOf(p.metal);
  if (!rates || rates[RATE_KEY[metal]] === null) return `there is no ${metal === 'gold' ? 'gold 24K' : metal} rate yet`;
  return null;
}

export class PricingProblem extends Error {}

/** n / d rounded half up, for non-negative integers (exact while 2n stays below 2^53). */
export function roundDiv(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

/**
 * metal = net weight × rate × purity; making = per gram × net weight, or percent × metal; + stones
 * + hallmark; GST 3% on that sum. Throws PricingProblem when the product lacks what the formula needs.
 */
export function priceOf(product: WeighedProduct, pricing: Pick<ProductPricing, 'making' | 'stoneValue' | 'hallmarkFee'>, rates: Rates | null): Priced {
  const problem = pricingProblem(product, rates);
  if (problem || !rates || !product.metal || !product.purity || product.netWeightGrams === null) throw new PricingProblem(`${product.sku} cannot be priced by weight: ${problem ?? 'missing data'}`);
  const metalKind = rateMetalOf(product.metal);
  const perGram = rates[RATE_KEY[metalKind]] as number;
  const mg = Math.round(product.netWeightGrams * 1000);
  const perMille = PURITY_PER_MILLE[product.purity];
  const metal = roundDiv(mg * perGram * perMille, 1_000_000);
  const making =
    pricing.making.kind === 'per_gram'
      ? roundDiv(mg * Math.round(pricing.making.value), 1000)
      : roundDiv(metal * Math.round(pricing.making.value * 100), 10_000);
  const stones = Math.max(0, Math.round(pricing.stoneValue));
  const hallmark = Math.max(0, Math.round(pricing.hallmarkFee));
  const gst = roundDiv((metal + making + stones + hallmark) * GST_PERCENT, 100);
  return {
    price: metal + making + stones + hallmark + gst,
    breakup: { metal, making, stones, hallmark, gst },
    rate: { metal: metalKind, perGram, purity: product.purity, purityFactor: perMille / 1000, asOf: rates.asOf, source: rates.source },
  };
}
