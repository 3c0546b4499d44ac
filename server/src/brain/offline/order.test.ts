import { describe, expect, it } from 'vitest';
import { PersonaSchema, type PersonaInput } from '../../contracts/index.js';
import { factCheck } from '../../skills/index.js';
import type { ChatMessage, ModelRequest } from '../model.js';
import { createOfflineModel } from './model.js';
import { inbound } from './test-kit.js';
import { TOOL } from './tools.js';

const model = createOfflineModel();
const ORDER = inbound(null, {
  type: 'order',
  order: { catalogId: 'cat', text: null, items: [{ retailerId: 'SJ-BNG-005', quantity: 2, itemPrice: 47900, currency: 'INR' }, { retailerId: 'SJ-ERG-001', quantity: 1, itemPrice: 12500, currency: 'INR' }, { retailerId: 'SODA', quantity: 1, itemPrice: 10, currency: 'ILS' }] },
});
const FACTS = {
  orderId: 12, status: 'new', pieces: 3, total: 108900, totalText: '₹1,08,900', paymentUrl: null as string | null, duplicate: false,
  lines: [
    { sku: 'SJ-BNG-005', name: 'Temple Bangle', quantity: 2, price: 48200, priceText: '₹48,200', lineTotal: 96400, lineTotalText: '₹96,400', state: 'price_changed' },
    { sku: 'SJ-ERG-001', name: 'Pearl Jhumkas', quantity: 1, price: 12500, priceText: '₹12,500', lineTotal: 12500, lineTotalText: '₹12,500', state: 'ok' },
  ],
  priceChanges: [{ sku: 'SJ-BNG-005', name: 'Temple Bangle', price: 48200, priceText: '₹48,200', cartPrice: 47900, cartPriceText: '₹47,900' }],
  unavailable: [{ sku: 'SODA', name: null, quantity: 1, state: 'unknown', available: null }],
};

/** One turn of the offline brain on an order message with these hook facts: its calls, buttons and final words. */
async function confirm(facts: Record<string, unknown> | null, persona: PersonaInput = {}, on: { message: typeof ORDER; hook: string } = { message: ORDER, hook: 'order' }) {
  const tools = [TOOL.suggestReplies, TOOL.handoff].map((name) => ({ name, description: name, parameters: {} }));
  const messages: ChatMessage[] = [{ role: 'system', content: 'You are Aarav.' }, { role: 'user', content: '(order)' }];
  const context: ModelRequest['context'] = {
    persona: PersonaSchema.parse(persona), agentName: 'Aarav', store: { name: 'Test Jewellers', phone: '+919876543210', timeZone: 'Asia/Kolkata' }, inbound: on.message, shopperName: null, now: '2026-03-02T06:00:00.000Z',
    memory: { lastQuery: null, shownSkus: [], focusSku: null, interested: false, optedOut: false, followUpsSent: 0 },
    ...(facts ? { hooks: [{ kind: on.hook, summary: on.hook, facts }] } : {}),
  };
  const calls: { name: string; args: Record<string, unknown> }[] = [];
  for (let step = 0; step < 4; step += 1) {
    const r = await model.complete({ messages, tools, context });
    if (r.content !== null) return { calls, content: r.content };
    messages.push({ role: 'assistant', content: null, toolCalls: r.toolCalls });
    for (const c of r.toolCalls) {
      calls.push({ name: c.name, args: JSON.parse(c.arguments) as Record<string, unknown> });
      messages.push({ role: 'tool', toolCallId: c.id, name: c.name, content: '{"ok":true}' });
    }
  }
  throw new Error('no answer');
}

describe('offline brain: an order confirmed from the commerce facts', () => {
  it('says each line, the price change, what it could not count and the total, with two next steps; every amount is from the facts', async () => {
    const r = await confirm(FACTS);
    expect(r.calls).toEqual([{ name: TOOL.suggestReplies, args: { buttons: ['Visit to try', 'Pay at store'] } }]);
    expect(r.content).toContain('Thank you for your order #12!');
    expect(r.content).toContain('• 2 × Temple Bangle (SJ-BNG-005): ₹96,400\n• 1 × Pearl Jhumkas (SJ-ERG-001): ₹12,500');
    expect(r.content).toContain('Please note: SJ-BNG-005 is now ₹48,200, not ₹47,900.');
    expect(r.content).toContain('We could not find SODA in our catalog, so it is not included.');
    expect(r.content).toContain('Total: ₹1,08,900 for 3 pieces.');
    expect(factCheck(r.content, [FACTS]).unbacked).toEqual([]);
  });

  it('offers the payment link as a third button (and the link) when the store has one; a concise agent still says every line', async () => {
    const r = await confirm({ ...FACTS, paymentUrl: 'https://pay.example.in/shop' }, { length: 0 });
    expect(r.calls[0]?.args).toEqual({ buttons: ['Visit to try', 'Pay at store', 'Payment link'] });
    expect(r.content).toContain('Pay online: https://pay.example.in/shop');
    expect(r.content).toContain('₹12,500');
    expect(r.content).toContain('Total: ₹1,08,900');
  });

  it('answers in Hinglish when the persona only speaks it', async () => {
    const r = await confirm(FACTS, { languages: ['hinglish'] });
    expect(r.content).toContain('Order #12 ke liye shukriya!');
    expect(r.content).toContain('Total: ₹1,08,900 (3 piece).');
  });

  it('with nothing it can sell: says why, no buttons, no total', async () => {
    const r = await confirm({ ...FACTS, pieces: 0, total: 0, totalText: '₹0', lines: [], priceChanges: [], unavailable: [{ sku: 'SJ-ERG-001', name: 'Pearl Jhumkas', quantity: 2, state: 'out_of_stock', available: 1 }] });
    expect(r.calls).toEqual([]);
    expect(r.content).toContain('Pearl Jhumkas (SJ-ERG-001) is out of stock (1 left, you asked for 2)');
    expect(r.content).not.toContain('Total');
  });

  it('without commerce (no facts): thanks, counts the pieces and hands to the team, never a total', async () => {
    const r = await confirm(null);
    expect(r.calls).toEqual([{ name: TOOL.handoff, args: { reason: 'Order of 4 item(s) to confirm: SJ-BNG-005, SJ-ERG-001, SODA' } }]);
    expect(r.content).toContain('order of 4 items');
    expect(r.content).not.toContain('₹');
  });
});

describe('offline brain: a next step tapped under an order', () => {
  const tap = (title: string) => ({ message: inbound(title, { type: 'interactive', rawType: 'interactive', reply: { kind: 'button_reply', id: 'b2', title, description: null } }), hook: 'order_next_step' });
  const NEXT = { step: 'payAtStore', orderId: 12, status: 'new', pieces: 3, total: 108900, totalText: '₹1,08,900', paymentUrl: null as string | null };

  it('"Pay at store": the order waits for them, a visit offered; the amount is the order\'s', async () => {
    const r = await confirm(NEXT, {}, tap('Pay at store'));
    expect(r.calls).toEqual([{ name: TOOL.suggestReplies, args: { buttons: ['Book a visit', 'Store timings'] } }]);
    expect(r.content).toContain('Of course: you can pay at the store. Your order #12 (₹1,08,900) is kept aside for you.');
    expect(factCheck(r.content, [NEXT]).unbacked).toEqual([]);
  });

  it('"Payment link": the store\'s link with the order; without a link, says so and offers the store', async () => {
    const withLink = await confirm({ ...NEXT, step: 'paymentLink', paymentUrl: 'https://pay.example.in/shop' }, {}, tap('Payment link'));
    expect(withLink.content).toContain('Here is the link to pay for order #12 (₹1,08,900): https://pay.example.in/shop');
    expect(withLink.calls[0]?.args).toEqual({ buttons: ['Visit to try', 'Pay at store'] });
    const without = await confirm({ ...NEXT, step: 'paymentLink' }, {}, tap('Payment link'));
    expect(without.content).toContain('We do not take payments online yet.');
    expect(without.content).toContain('you can pay at the store');
  });

  it('in Hinglish for a Hinglish tap', async () => {
    const r = await confirm(NEXT, {}, tap('Store pe payment'));
    expect(r.content).toContain('Bilkul, aap store pe payment kar sakte hain. Aapka order #12 (₹1,08,900) aapke liye alag rakha hai.');
  });
});
