import { describe, expect, it } from 'vitest';
import type { PriceQuote, Product } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { priceBreakupSkill } from './price-breakup.skill.js';
import type { SkillContext } from './types.js';

const product = (sku: string, price: number): Product => ({ sku, name: `Bangle ${sku}`, netWeightGrams: 10, price } as Product);
const CATALOG: Record<string, Product> = { 'BNG-22': product('BNG-22', 78745), 'SET-1': product('SET-1', 125000), 'NO-RATE': product('NO-RATE', 50000) };
const QUOTES: Record<string, PriceQuote> = {
  'BNG-22': { sku: 'BNG-22', price: 78745, breakup: { metal: 71906, making: 4500, stones: 0, hallmark: 45, gst: 2294 }, rate: { metal: 'gold', perGram: 7850, purity: '22K', purityFactor: 0.916, asOf: '2026-12-01T04:30:00.000Z', source: 'manual' } },
  'SET-1': { sku: 'SET-1', price: 125000, breakup: null, rate: null },
};
const skill = priceBreakupSkill({
  catalog: { get: (sku) => CATALOG[sku] ?? null },
  pricing: {
    quote: (sku) => {
      if (sku === 'NO-RATE') throw new DomainError('validation', 'NO-RATE cannot be priced by weight: there is no gold 24K rate yet');
      const q = QUOTES[sku];
      if (!q) throw new DomainError('not_found', `There is no product with SKU "${sku}"`);
      return q;
    },
  },
});
const run = (sku: unknown) => skill.execute({ tool: 'price_breakup', args: { sku }, config: {}, ctx: {} as SkillContext });

describe('price_breakup skill', () => {
  it('is always on, and gives each part in Indian format with the rate used', async () => {
    expect(skill).toMatchObject({ id: 'price_breakup', alwaysOn: true, available: true });
    const r = await run('bng-22');
    expect(r.result).toEqual({
      found: true, sku: 'BNG-22', name: 'Bangle BNG-22', price: 78745, priceText: '₹78,745', pricedByWeight: true, weightGrams: 10,
      lines: [
        { part: 'metal', label: 'Metal', amount: 71906, text: '₹71,906' },
        { part: 'making', label: 'Making charges', amount: 4500, text: '₹4,500' },
        { part: 'hallmark', label: 'Hallmark (BIS HUID)', amount: 45, text: '₹45' },
        { part: 'gst', label: 'GST 3%', amount: 2294, text: '₹2,294' },
      ],
      rate: { metal: 'gold', perGram: 7850, perGramText: '₹7,850', purity: '22K', purityFactor: 0.916, asOf: '2026-12-01T04:30:00.000Z', source: 'manual' },
    });
    expect(r.summary).toBe('BNG-22 ₹78,745 = metal ₹71,906 + making ₹4,500 + GST ₹2,294');
  });

  it('a fixed price (or no rate yet) has no breakup; an unknown SKU is not found; bad arguments are refused', async () => {
    expect((await run('SET-1')).result).toMatchObject({ found: true, pricedByWeight: false, price: 125000, lines: [], rate: null, note: expect.stringContaining('fixed price') });
    expect((await run('NO-RATE')).result).toMatchObject({ found: true, pricedByWeight: false, price: 50000 });
    expect((await run('NOPE')).result).toMatchObject({ found: false, sku: 'NOPE' });
    expect(() => run('')).toThrow(/price_breakup was called with bad arguments/);
  });
});
