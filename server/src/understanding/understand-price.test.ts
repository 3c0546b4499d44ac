import { describe, expect, it } from 'vitest';
import { understand } from './index.js';
import type { Understood } from '../contracts/index.js';

type Filters = Omit<Understood, 'text'>;

/** Each phrase must give exactly these filters — no more, so a wrong filter fails — and this leftover text. */
const CASES: ReadonlyArray<readonly [string, Filters, string]> = [
  // price ceilings
  ['gold bangles under 50k', { category: 'bangle', metal: 'gold', priceMax: 50000 }, ''],
  ['below ₹50,000', { priceMax: 50000 }, ''],
  ['less than 1 lakh', { priceMax: 100000 }, ''],
  ['50k tak', { priceMax: 50000 }, ''],
  ['1.5L tak', { priceMax: 150000 }, ''],
  ['1 lakh ke andar', { priceMax: 100000 }, ''],
  ['upto 40000', { priceMax: 40000 }, ''],
  ['up to 40,000 rupees', { priceMax: 40000 }, ''],
  ['max 30k', { priceMax: 30000 }, ''],
  ['30k max', { priceMax: 30000 }, ''],
  ['budget 25k', { priceMax: 25000 }, ''],
  ['my budget is 25000', { priceMax: 25000 }, ''],
  ['Rs. 12000/- tak', { priceMax: 12000 }, ''],
  ['₹ 45,500 se kam', { priceMax: 45500 }, ''],
  ['not more than 60k', { priceMax: 60000 }, ''],
  ['under 2 cr', { priceMax: 20000000 }, ''],
  ['under 22k', { priceMax: 22000 }, ''],
  ['within 35 thousand', { priceMax: 35000 }, ''],
  ['1 lakh 20 hazar tak', { priceMax: 120000 }, ''],
  ['50000 or less', { priceMax: 50000 }, ''],
  ['zyada se zyada 80k', { priceMax: 80000 }, ''],
  // price floors
  ['over 3 lakh', { priceMin: 300000 }, ''],
  ['above 2L', { priceMin: 200000 }, ''],
  ['more than 75k', { priceMin: 75000 }, ''],
  ['1 lakh se upar', { priceMin: 100000 }, ''],
  ['50k+', { priceMin: 50000 }, ''],
  ['50k and above', { priceMin: 50000 }, ''],
  ['at least 10k', { priceMin: 10000 }, ''],
  ['2 lakh se zyada', { priceMin: 200000 }, ''],
  ['starting from 5000', { priceMin: 5000 }, ''],
  // ranges
  ['between 15k and 40k', { priceMin: 15000, priceMax: 40000 }, ''],
  ['15-40k', { priceMin: 15000, priceMax: 40000 }, ''],
  ['15k to 40k', { priceMin: 15000, priceMax: 40000 }, ''],
  ['15k se 40k tak', { priceMin: 15000, priceMax: 40000 }, ''],
  ['from 15,000 to 40,000', { priceMin: 15000, priceMax: 40000 }, ''],
  ['20k aur 30k ke beech', { priceMin: 20000, priceMax: 30000 }, ''],
  ['1-2 lakh', { priceMin: 100000, priceMax: 200000 }, ''],
  ['900-1.5k', { priceMin: 900, priceMax: 1500 }, ''],
  ['budget 20-30k', { priceMin: 20000, priceMax: 30000 }, ''],
  ['between 40k and 15k', { priceMin: 15000, priceMax: 40000 }, ''],
  ['above 20k below 50k', { priceMin: 20000, priceMax: 50000 }, ''],
  ['price 18k-22k', { priceMin: 18000, priceMax: 22000 }, ''],
  ['rs 50000 to rs 60000', { priceMin: 50000, priceMax: 60000 }, ''],
  ['50k – 1L', { priceMin: 50000, priceMax: 100000 }, ''],
  // around
  ['around 20k', { priceAround: 20000 }, ''],
  ['approx 20000', { priceAround: 20000 }, ''],
  ['lagbhag 20 hazar', { priceAround: 20000 }, ''],
  ['~20k', { priceAround: 20000 }, ''],
  ['20k ke aas paas', { priceAround: 20000 }, ''],
  ['necklace 50k', { category: 'necklace', priceAround: 50000 }, ''],
  ['50k ka necklace', { category: 'necklace', priceAround: 50000 }, ''],
  ['gold ring 5000', { category: 'ring', metal: 'gold', priceAround: 5000 }, ''],
  ['₹1,25,000 wala haar', { category: 'necklace', priceAround: 125000 }, ''],
  // weight
  ['around 20 grams', { weightAroundGrams: 20 }, ''],
  ['20 gm', { weightAroundGrams: 20 }, ''],
  ['10g se kam', { weightMaxGrams: 10 }, ''],
  ['under 8 grams', { weightMaxGrams: 8 }, ''],
  ['more than 30 gm', { weightMinGrams: 30 }, ''],
  ['10-15 grams chain', { category: 'chain', weightMinGrams: 10, weightMaxGrams: 15 }, ''],
  ['5 se 10 gram', { weightMinGrams: 5, weightMaxGrams: 10 }, ''],
  ['1 tola', { weightAroundGrams: 11.664 }, ''],
  ['7.5 gram ring', { category: 'ring', weightAroundGrams: 7.5 }, ''],
  ['weight under 5g', { weightMaxGrams: 5 }, ''],
  ['heavy', { sort: 'weight_desc' }, ''],
  ['lightweight earrings', { category: 'earrings', sort: 'weight_asc' }, ''],
  ['gold chain 20 gram under 1.5 lakh', { category: 'chain', metal: 'gold', weightAroundGrams: 20, priceMax: 150000 }, ''],
  // numbers said in words, Indian English word order, bounds shared across "and"
  ['dedh lakh tak', { priceMax: 150000 }, ''],
  ['sawa do lakh', { priceAround: 225000 }, ''],
  ['saade 3 lakh se upar', { priceMin: 350000 }, ''],
  ['do lakh tak ka set', { category: 'set', priceMax: 200000 }, ''],
  ['fifty thousand', { priceAround: 50000 }, ''],
  ['paanch tola ka haar', { category: 'necklace', weightAroundGrams: 58.32 }, ''],
  ['50k below', { priceMax: 50000 }, ''],
  ['20k above', { priceMin: 20000 }, ''],
  ['necklace 22k under 50k', { category: 'necklace', purity: '22K', priceMax: 50000 }, ''],
  ['under 10 grams and 50k', { weightMaxGrams: 10, priceMax: 50000 }, ''],
  ['under 50k and 22k', { purity: '22K', priceMax: 50000 }, ''],
  ['50k k andar', { priceMax: 50000 }, ''],
  // numbers that are not prices
  ['2 rings', { category: 'ring' }, ''],
  ['under 20', {}, ''],
  ['22k gold under 50k', { metal: 'gold', purity: '22K', priceMax: 50000 }, ''],
  ['0.5 carat diamond ring', { category: 'ring', stones: ['diamond'] }, ''],
  // a phone number or an order id is not a price (a bare number above ₹10 crore)
  ['ring 9876543210', { category: 'ring' }, ''],
  ['order 1796146694841', {}, ''],
];

describe('understand: prices and weights', () => {
  it.each(CASES)('%s', (phrase, filters, text) => {
    const { text: leftover, ...got } = understand(phrase);
    expect(got).toEqual(filters);
    expect(leftover).toBe(text);
  });

  it('has a large table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
});
