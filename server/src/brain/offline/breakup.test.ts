import { describe, expect, it } from 'vitest';
import { PRICE_BREAKUP_TOOL, type PriceQuote } from '../../contracts/index.js';
// The real skill's result builder, so the brain reads exactly what the skill returns.
import { breakupResult } from '../../skills/price-breakup.skill.js';
import { readIntent } from './intent.js';
import { createOfflineModel } from './model.js';
import { ALL_TOOLS, memory, runTurn, unbackedAmounts } from './test-kit.js';
import { TOOL } from './tools.js';

const model = createOfflineModel();
const QUOTE: PriceQuote = {
  sku: 'SJ-BNG-001', price: 62340, breakup: { metal: 55372, making: 4983, stones: 0, hallmark: 45, gst: 1940 },
  rate: { metal: 'gold', perGram: 7850, purity: '22K', purityFactor: 0.916, asOf: '2026-03-02T04:30:00.000Z', source: 'feed' },
};
const tools = [...ALL_TOOLS, PRICE_BREAKUP_TOOL];
const fake = (q: PriceQuote | null) => ({ [PRICE_BREAKUP_TOOL]: (a: Record<string, unknown>) => (q ? breakupResult({ ...q, sku: String(a.sku) }, 'Classic Gold Bangle', 7.7) : { found: false }) });

describe('offline brain: "why is it ₹62,340?"', () => {
  it('reads breakup questions in English, Hinglish and Hindi about the product in focus', () => {
    const m = memory({ focusSku: 'SJ-BNG-001', shownSkus: ['SJ-BNG-001', 'SJ-BNG-002'] });
    for (const t of ['why is it so expensive?', 'price breakup please', 'making charge kitna hai?', 'iska breakup bhejo', 'itna mehenga kyun', 'इतना महंगा क्यों', 'how is the price calculated']) {
      expect(readIntent(t, { memory: m }), t).toMatchObject({ intent: 'price_breakup', sku: 'SJ-BNG-001' });
    }
    expect(readIntent('breakup of SJ-CHN-002', { memory: m })).toMatchObject({ intent: 'price_breakup', sku: 'SJ-CHN-002' });
    expect(readIntent('second one ka breakup', { memory: m })).toMatchObject({ intent: 'price_breakup', sku: 'SJ-BNG-002' });
    // asking for less is a discount, and plain price questions stay what they were
    expect(readIntent('making charge kam karo', { memory: m }).intent).toBe('discount');
    expect(readIntent('what is the price?', { memory: m }).intent).toBe('price_stock');
    expect(readIntent('gold bangles under 50k').intent).toBe('product_search');
  });

  it('calls price_breakup for the focus product and says each part, all amounts from the tool', async () => {
    const r = await runTurn(model, 'why is it so expensive?', { tools, overrides: fake(QUOTE), memory: { focusSku: 'SJ-BNG-001', shownSkus: ['SJ-BNG-001'] }, persona: { length: 2 } });
    expect(r.calls.map((c) => c.name)).toEqual([PRICE_BREAKUP_TOOL, TOOL.suggestReplies]);
    expect(r.calls[0]?.args).toEqual({ sku: 'SJ-BNG-001' });
    const text = r.content ?? '';
    expect(text).toContain('Here is how Classic Gold Bangle (7.7 g 22K) comes to ₹62,340:');
    expect(text).toContain('• Metal: ₹55,372\n• Making charges: ₹4,983\n• Hallmark (HUID): ₹45\n• GST 3%: ₹1,940');
    expect(text).not.toContain('Stones');
    expect(text).toContain("today's gold 24K rate of ₹7,850/g × 0.916 purity (as of 2 Mar)");
    expect(unbackedAmounts(text, r.resultsText)).toEqual([]);
  });

  it('answers in Hinglish, and says plainly when a piece has a fixed price', async () => {
    const hi = await runTurn(model, 'iska making charge kitna hai', { tools, overrides: fake(QUOTE), memory: { focusSku: 'SJ-BNG-001' }, persona: { length: 2, languages: ['english', 'hinglish'] } });
    expect(hi.content).toContain('ka ₹62,340 aise banta hai');
    const fixed = await runTurn(model, 'why so costly', { tools, overrides: fake({ sku: 'SJ-RNG-001', price: 125000, breakup: null, rate: null }), memory: { focusSku: 'SJ-RNG-001' } });
    expect(fixed.content).toContain('Classic Gold Bangle is ₹1,25,000: a fixed price for the piece as a whole');
  });

  it('without the skill, falls back to the product’s price and making charges; with no product in focus, asks which', async () => {
    const r = await runTurn(model, 'why is it so expensive?', { memory: { focusSku: 'SJ-BNG-001' } });
    expect(r.calls[0]).toMatchObject({ name: TOOL.getProduct, args: { sku: 'SJ-BNG-001' } });
    expect(r.content).toContain('₹45,000');
    const none = await runTurn(model, 'price breakup', { tools, overrides: fake(QUOTE) });
    expect(none.calls.map((c) => c.name)).not.toContain(PRICE_BREAKUP_TOOL);
  });
});
