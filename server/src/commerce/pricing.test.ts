import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/helpers/generated-catalog.js';
import type { Metal, ProductPricing, Purity } from '../contracts/index.js';
import { priceOf, pricingProblem, PricingProblem, roundDiv, type Rates, type WeighedProduct } from './pricing.js';

const RATES: Rates = { gold24: 7850, silver: 95, platinum: 3200, asOf: '2026-12-01T05:00:00.000Z', source: 'manual' };
const item = (metal: Metal, purity: Purity, netWeightGrams: number): WeighedProduct => ({ sku: 'T-1', metal, purity, netWeightGrams });
const making = (kind: 'per_gram' | 'percent', value: number, stoneValue = 0, hallmarkFee = 45): Omit<ProductPricing, 'pricedByWeight'> => ({ making: { kind, value }, stoneValue, hallmarkFee });
const sum = (b: { metal: number; making: number; stones: number; hallmark: number; gst: number }) => b.metal + b.making + b.stones + b.hallmark + b.gst;

describe('price by weight: worked examples (whole rupees, parts add up to the price)', () => {
  it('22K, 10 g, making ₹450 per gram', () => {
    // metal 10 × 7,850 × 0.916 = 71,906; making 4,500; hallmark 45; GST 3% of 76,451 = 2,293.53 → 2,294
    const q = priceOf(item('gold', '22K', 10), making('per_gram', 450), RATES);
    expect(q.breakup).toEqual({ metal: 71906, making: 4500, stones: 0, hallmark: 45, gst: 2294 });
    expect(q.price).toBe(78745);
    expect(q.rate).toEqual({ metal: 'gold', perGram: 7850, purity: '22K', purityFactor: 0.916, asOf: RATES.asOf, source: 'manual' });
  });

  it('18K, 4.25 g, making 12 percent, with ₹15,000 of stones', () => {
    // metal 4.25 × 7,850 × 0.75 = 25,021.875 → 25,022; making 12% of 25,022 = 3,002.64 → 3,003; GST 3% of 43,070 = 1,292.1 → 1,292
    const q = priceOf(item('gold', '18K', 4.25), making('percent', 12, 15000), RATES);
    expect(q.breakup).toEqual({ metal: 25022, making: 3003, stones: 15000, hallmark: 45, gst: 1292 });
    expect(q.price).toBe(44362);
  });

  it('sterling silver 925, 52.3 g, making ₹15 per gram (784.5 rounds half up), ₹35 hallmark', () => {
    // metal 52.3 × 95 × 0.925 = 4,595.8625 → 4,596; making 784.5 → 785; GST 3% of 5,416 = 162.48 → 162
    const q = priceOf(item('silver', '925', 52.3), making('per_gram', 15, 0, 35), RATES);
    expect(q.breakup).toEqual({ metal: 4596, making: 785, stones: 0, hallmark: 35, gst: 162 });
    expect(q.price).toBe(5578);
    expect(q.rate.metal).toBe('silver');
  });

  it('platinum 950, 6 g, making 20 percent, no hallmark fee', () => {
    // metal 6 × 3,200 × 0.95 = 18,240; making 3,648; GST 3% of 21,888 = 656.64 → 657
    const q = priceOf(item('platinum', '950', 6), making('percent', 20, 0, 0), RATES);
    expect(q.breakup).toEqual({ metal: 18240, making: 3648, stones: 0, hallmark: 0, gst: 657 });
    expect(q.price).toBe(22545);
  });

  it('22K bangle, 20.5 g, making 8.5 percent, ₹2,500 of stones', () => {
    // metal 147,407.3 → 147,407; making 8.5% = 12,529.595 → 12,530; GST 3% of 162,482 = 4,874.46 → 4,874
    const q = priceOf(item('gold', '22K', 20.5), making('percent', 8.5, 2500), RATES);
    expect(q.breakup).toEqual({ metal: 147407, making: 12530, stones: 2500, hallmark: 45, gst: 4874 });
    expect(q.price).toBe(167356);
  });

  it('24K coin at the full 24K rate; rose and white gold on the gold rate by karat', () => {
    expect(priceOf(item('gold', '24K', 10), making('percent', 0), RATES)).toMatchObject({ price: 80901, breakup: { metal: 78500, gst: 2356 } });
    const rose = priceOf(item('rose gold', '14K', 3), making('percent', 0, 0, 0), RATES);
    // 3 × 7,850 × 0.585 = 13,776.75 → 13,777
    expect(rose.breakup.metal).toBe(13777);
    expect(rose.rate).toMatchObject({ metal: 'gold', perGram: 7850, purityFactor: 0.585 });
  });

  it('refuses what it cannot price, saying why', () => {
    expect(pricingProblem({ sku: 'X', metal: 'gold', purity: null, netWeightGrams: 5 }, RATES)).toMatch(/no purity/);
    expect(pricingProblem({ sku: 'X', metal: 'gold', purity: '22K', netWeightGrams: null }, RATES)).toMatch(/no net weight/);
    expect(pricingProblem(item('platinum', '950', 2), { ...RATES, platinum: null })).toBe('there is no platinum rate yet');
    expect(pricingProblem(item('gold', '22K', 2), null)).toBe('there is no gold 24K rate yet');
    expect(() => priceOf(item('silver', '925', 2), making('percent', 0), { ...RATES, silver: null })).toThrow(PricingProblem);
  });
});

const PURITIES: [Metal, Purity][] = [['gold', '24K'], ['gold', '22K'], ['gold', '18K'], ['gold', '14K'], ['white gold', '18K'], ['silver', '925'], ['platinum', '950']];

function randomCase(r: () => number) {
  const [metal, purity] = PURITIES[Math.floor(r() * PURITIES.length)] as [Metal, Purity];
  const grams = Math.round(r() * 200_000) / 1000; // 0–200 g, milligram steps
  const kind = r() < 0.5 ? 'per_gram' : 'percent';
  const value = kind === 'per_gram' ? Math.floor(r() * 3000) : Math.round(r() * 3500) / 100; // up to 35.00%
  const pricing = making(kind, value, Math.floor(r() * 500_000), Math.floor(r() * 100));
  const rates: Rates = { gold24: 1000 + Math.floor(r() * 49_000), silver: 10 + Math.floor(r() * 990), platinum: 500 + Math.floor(r() * 19_500), asOf: RATES.asOf, source: 'feed' };
  return { product: item(metal, purity, grams), pricing, rates };
}

describe('price by weight: properties over 3,000 random products', () => {
  it('never negative, always whole rupees, parts always add up to the price', () => {
    const r = prng(20261201);
    for (let i = 0; i < 3000; i += 1) {
      const { product, pricing, rates } = randomCase(r);
      const q = priceOf(product, pricing, rates);
      for (const v of [q.price, ...Object.values(q.breakup)]) {
        expect(Number.isInteger(v), `case ${i}: ${JSON.stringify({ product, pricing, rates })}`).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(sum(q.breakup)).toBe(q.price);
      // GST is 3% of the rest within half a rupee
      expect(Math.abs(q.breakup.gst - (q.price - q.breakup.gst) * 0.03)).toBeLessThanOrEqual(0.5);
    }
  });

  it('monotone: a higher rate (or more weight) never lowers the price or any part', () => {
    const r = prng(7);
    for (let i = 0; i < 3000; i += 1) {
      const { product, pricing, rates } = randomCase(r);
      const up = Math.floor(r() * 500) + 1;
      const higher: Rates = { ...rates, gold24: (rates.gold24 as number) + up, silver: (rates.silver as number) + up, platinum: (rates.platinum as number) + up };
      const a = priceOf(product, pricing, rates);
      const b = priceOf(product, pricing, higher);
      expect(b.price, `case ${i}`).toBeGreaterThanOrEqual(a.price);
      for (const k of ['metal', 'making', 'gst'] as const) expect(b.breakup[k]).toBeGreaterThanOrEqual(a.breakup[k]);
      // one rupee more per gram, step by step, never goes down either
      const next = priceOf(product, pricing, { ...rates, gold24: (rates.gold24 as number) + 1, silver: (rates.silver as number) + 1, platinum: (rates.platinum as number) + 1 });
      expect(next.price).toBeGreaterThanOrEqual(a.price);
      const heavier = priceOf({ ...product, netWeightGrams: (product.netWeightGrams as number) + 0.001 }, pricing, rates);
      expect(heavier.price).toBeGreaterThanOrEqual(a.price);
    }
  });

  it('rounds half up exactly in integers', () => {
    expect([roundDiv(5, 10), roundDiv(4, 10), roundDiv(15, 10), roundDiv(0, 7), roundDiv(7845, 1000)]).toEqual([1, 0, 2, 0, 8]);
  });
});
