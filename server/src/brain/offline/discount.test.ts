import { describe, expect, it } from 'vitest';
import { OFFER_TOOL, type OfferDiscountResult } from '../../contracts/index.js';
import { continuesDiscount } from './discount.js';
import { createOfflineModel } from './model.js';
import { ALL_TOOLS, runTurn, unbackedAmounts } from './test-kit.js';

const model = createOfflineModel();
const TOOLS = [...ALL_TOOLS, OFFER_TOOL];

const offered: OfferDiscountResult = {
  outcome: 'offered', percent: 5, amount: 2150, amountText: '₹2,150', on: 'price', sku: 'SJ-BNG-005', code: 'REV-K7QM',
  expiresAt: '2026-12-04T10:00:00.000Z', expiresText: '4 Dec, 3:30 pm', atCap: true, codeSent: false, reason: null,
};
const approval: OfferDiscountResult = { ...offered, outcome: 'approval', percent: 5, amount: null, amountText: null, code: null, expiresAt: null, expiresText: null, atCap: true };

describe('offline brain: discount authority', () => {
  it('asks the tool with the shopper\'s words and the product in focus, then says percent, rupees, code and expiry', async () => {
    let args: Record<string, unknown> = {};
    const r = await runTurn(model, 'can you give a discount?', { tools: TOOLS, memory: { focusSku: 'SJ-BNG-005' }, overrides: { [OFFER_TOOL]: (a) => ((args = a), offered) } });
    expect(r.calls.map((c) => c.name)).toEqual([OFFER_TOOL, 'suggest_replies']);
    expect(args).toEqual({ sku: 'SJ-BNG-005', asked: 'can you give a discount?' });
    expect(r.content).toContain('I can offer you 5% off the price of SJ-BNG-005 (₹2,150): your code is *REV-K7QM*, valid till 4 Dec, 3:30 pm.');
    expect(r.content).toContain('This is the best I can do.');
    expect(unbackedAmounts(r.content ?? '', r.resultsText)).toEqual([]);
  });

  it('speaks Hinglish to a Hinglish shopper, and points to the copy-code button when the code went as a template', async () => {
    const r = await runTurn(model, 'bhaiya thoda kam karo na', { tools: TOOLS, overrides: { [OFFER_TOOL]: () => ({ ...offered, codeSent: true, atCap: false }) } });
    expect(r.content).toContain('code *REV-K7QM*, 4 Dec, 3:30 pm tak valid');
    expect(r.content).toContain('*Copy code*');
  });

  it('says the manager is checking when the ask went for approval, with no code', async () => {
    const r = await runTurn(model, 'make it 20%', {
      tools: TOOLS,
      history: [{ role: 'user', content: 'discount?' }, { role: 'assistant', content: 'I can offer you 3% off the making charges: your code is *REV-K7QM*, valid till 4 Dec.' }],
      overrides: { [OFFER_TOOL]: () => approval },
    });
    expect(r.calls[0]).toMatchObject({ name: OFFER_TOOL, args: { asked: 'make it 20%' } });
    expect(r.content).toContain('asked our manager');
    expect(r.content).not.toMatch(/REV-/);
  });

  it('without the skill, answers as before: no amount, the manager offered', async () => {
    const r = await runTurn(model, 'any discount?');
    expect(r.calls.map((c) => c.name)).not.toContain(OFFER_TOOL);
    expect(r.content).toContain('cannot promise an offer');
  });

  it('reads a bare percent as a counter-ask only right after discount talk', () => {
    expect(continuesDiscount('make it 20%', 'Your code is *REV-K7QM*, 3% off')).toBe(true);
    expect(continuesDiscount('12 percent?', 'I have asked our manager')).toBe(true);
    expect(continuesDiscount('make it 20%', 'Here are 5 gold bangles')).toBe(false);
    expect(continuesDiscount('show me 22k rings', 'Your code is *REV-K7QM*')).toBe(false);
  });
});
