import { describe, expect, it } from 'vitest';
import { factCheck, findRupeeAmounts, type SearchProductsResult } from './index.js';

describe('findRupeeAmounts', () => {
  it.each([
    ['The Hammered Bangle is ₹1,25,000.', [125000]],
    ['Price: Rs. 48,500', [48500]],
    ['Rs.48,500 only', [48500]],
    ['rs 12000', [12000]],
    ['INR 48500', [48500]],
    ['INR48500', [48500]],
    ['48500 INR', [48500]],
    ['12,000 rupees', [12000]],
    ['₹ 9,999/-', [9999]],
    ['12000/-', [12000]],
    ['MRP 9,999', [9999]],
    ['about 1.2 lakh', [120000]],
    ['1.5 lakhs', [150000]],
    ['2.25 lac', [225000]],
    ['under 50k', [50000]],
    ['50 K se kam', [50000]],
    ['₹2.5L', [250000]],
    ['2 cr', [20000000]],
    ['₹1.5 crore', [15000000]],
    ['50 thousand', [50000]],
    ['2 lakh 50 hazar', [250000]],
    ['₹15–40k', [15000, 40000]],
    ['₹15,000 - ₹40,000', [15000, 40000]],
    ['15,000 to 20,000 rupees', [15000, 20000]],
    ['₹15,000–20,000', [15000, 20000]],
    ['priced at 48,500.', [48500]],
    ['budget 50000', [50000]],
    ['under 22k', [22000]],
    ['₹22k', [22000]],
    ['₹48,500 and ₹48,500 again', [48500]],
    ['*Hammered 22K Gold Bangle*\n₹40,875 · 22K · 10.66 g\nSKU SJ-BNG-0004', [40875]],
  ] as const)('%s → %j', (text, amounts) => {
    expect(findRupeeAmounts(text)).toEqual(amounts);
  });

  it.each([
    '22K gold, 916 hallmark',
    '18k rose gold',
    'a 14K white gold band',
    '24 kt coin',
    '12.5 g',
    '12.5 gm net weight',
    '20 grams',
    '1 tola',
    'a 0.5 ct diamond',
    '1.5 carat solitaire',
    'SKU SJ-RNG-0001',
    'Pt950 platinum, 925 silver',
    'Open 10:30–20:30, Mon–Sat',
    'Call +91 141 234 5678 or +911412345678',
    '10% off making charges',
    'only 2 left in stock',
    'We have 12 designs, 3 in stock',
    'Since 1978',
    'Size 2.6 bangle, 16 inch chain, 5 mm band',
    'Shop 27, Johari Bazaar, Jaipur 302003',
  ])('no rupee amount in %j', (text) => {
    expect(findRupeeAmounts(text)).toEqual([]);
  });
});

const search: SearchProductsResult = {
  query: 'gold bangles under 50k',
  count: 2,
  products: [
    { sku: 'SJ-BNG-0004', name: 'Hammered 22K Gold Bangle', category: 'bangle', metal: 'gold', purity: '22K', weightGrams: 10.66, price: 40875, priceText: '₹40,875', stock: 10, inStock: true },
    { sku: 'SJ-BNG-0001', name: 'Sleek 22K Gold Bangle', category: 'bangle', metal: 'gold', purity: '22K', weightGrams: 11.2, price: 43829, priceText: '₹43,829', stock: 2, inStock: true },
  ],
  alternatives: [],
  filters: ['gold', 'bangle', 'up to ₹50,000'],
};

describe('factCheck', () => {
  it('passes a reply whose amounts all come from the tool results', () => {
    const reply = 'Two 22K kadas under ₹50,000: the Hammered Bangle at ₹40,875 (10.66 g) and the Sleek one at Rs 43,829.';
    expect(factCheck(reply, [search])).toEqual({ ok: true, amounts: [50000, 40875, 43829], unbacked: [] });
  });

  it('flags an invented price, and a rounded one', () => {
    expect(factCheck('The Hammered Bangle is ₹39,999 today!', [search])).toEqual({ ok: false, amounts: [39999], unbacked: [39999] });
    expect(factCheck('Around 41k for the hammered one', [search])).toEqual({ ok: false, amounts: [41000], unbacked: [41000] });
    expect(factCheck('₹40,875', [])).toMatchObject({ ok: false, unbacked: [40875] });
  });

  it('accepts the same amount written another way (48.5k, 1.2 lakh, /-)', () => {
    const results = [{ price: 48500 }, { priceText: '₹1,20,000' }];
    expect(factCheck('This one is 48.5k and that one 1.2 lakh', results)).toMatchObject({ ok: true, amounts: [48500, 120000] });
    expect(factCheck('Rs 48,500/- only', results).ok).toBe(true);
  });

  it('backs amounts from nested results: alternatives\' relaxed words and filters', () => {
    const none: SearchProductsResult = {
      ...search, count: 0, products: [], filters: ['gold', 'bangle', 'up to ₹500'],
      alternatives: [{ ...search.products[0]!, relaxed: { constraint: 'price', wanted: 'up to ₹500', offered: '₹40,875' } }],
    };
    expect(factCheck('Nothing under ₹500, but this one is ₹40,875.', [none])).toMatchObject({ ok: true, amounts: [500, 40875] });
  });

  it('accepts a budget the shopper said, in their words', () => {
    const reply = 'Under your budget of ₹50,000 I found the Hammered Bangle at ₹40,875.';
    expect(factCheck(reply, [{ ...search, filters: [] }], { shopperText: 'gold kada 50k tak' })).toMatchObject({ ok: true });
    expect(factCheck('Within ₹1,50,000 here are sets', [], { shopperText: 'dedh lakh tak ka set dikhao' })).toMatchObject({ ok: true, amounts: [150000] });
    expect(factCheck('Within ₹60,000 here are sets', [], { shopperText: 'budget 50-60k' })).toMatchObject({ ok: true });
    expect(factCheck('Within ₹70,000 here are sets', [], { shopperText: 'budget 50-60k' })).toMatchObject({ ok: false, unbacked: [70000] });
  });

  it('does not count purities, weights, SKUs, hours or percentages as rupees', () => {
    const reply = 'The 22K Hammered Bangle (SJ-BNG-0004) weighs 10.66 g. We are open 10:30–20:30; 18k and 14K pieces too, 5% off making on Sundays.';
    expect(factCheck(reply, [])).toEqual({ ok: true, amounts: [], unbacked: [] });
  });
});
