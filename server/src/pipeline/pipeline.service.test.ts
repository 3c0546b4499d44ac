import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LiveMessageSchema, type LiveMessage } from '../contracts/index.js';
import { createCrmService } from '../crm/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { Bus } from '../ops/index.js';
import { asksDiscount, createPipeline, OWNER_HOLD_MINUTES, titleFrom } from './index.js';

function setup(start = '2026-03-01T10:00:00.000Z') {
  const { db } = openDatabase(':memory:');
  migrate(db);
  const bus = new Bus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  let t = Date.parse(start);
  const clock = () => new Date(t);
  const advance = (minutes: number) => (t += minutes * 60_000);
  const crm = createCrmService(db);
  const prices: Record<string, number> = { 'SJ-1': 45000, 'SJ-2': 125000 };
  const p = createPipeline({ db, bus, log: pino({ level: 'silent' }), clock, priceOf: (sku) => prices[sku] ?? null });
  const contact = (n: number, name = `Shopper ${n}`) => crm.upsertFromWhatsApp({ waId: `9198765000${String(n).padStart(2, '0')}`, name }).id;
  const deals = () => live.filter((m) => m.type === 'pipeline.deal');
  return { db, bus, live, deals, p: p.service, contact, advance };
}

describe('pipeline service', () => {
  it('creates a deal at the top of its column with the contact and a first move', () => {
    const { p, contact, deals } = setup();
    const c = contact(1, 'Meera');
    const a = p.create({ contactId: c, title: 'Gold bangles', value: 45000 });
    const b = p.create({ contactId: c, title: 'Diamond ring' });
    expect(p.get(a.id)).toMatchObject({ title: 'Gold bangles', stage: 'new', position: 1, value: 45000, contactName: 'Meera', contactPhone: '+919876500001' });
    expect(b).toMatchObject({ position: 0, history: [{ from: null, to: 'new', by: 'owner', reason: 'added by hand' }] });
    expect(deals().map((m) => m.type === 'pipeline.deal' && m.moved)).toEqual([
      { from: null, to: 'new', by: 'owner', reason: 'added by hand' },
      { from: null, to: 'new', by: 'owner', reason: 'added by hand' },
    ]);
    for (const m of deals()) LiveMessageSchema.parse(m);
  });

  it('rejects a deal without a title or for an unknown contact, with a clear message', () => {
    const { p, contact } = setup();
    expect(() => p.create({ contactId: contact(1), title: '  ' })).toThrow(/title/);
    expect(() => p.create({ contactId: 999, title: 'Ring' })).toThrow(/no contact 999/);
    expect(() => p.create({ contactId: contact(1), title: 'Ring', value: 12.5 })).toThrow(/Whole rupees/);
    expect(p.list().deals).toEqual([]);
  });

  it('moves a deal to a stage and position, renumbering both columns and keeping the history', () => {
    const { p, contact, deals } = setup();
    const c = contact(1);
    const [d1, d2, d3] = [p.create({ contactId: c, title: 'A' }), p.create({ contactId: c, title: 'B' }), p.create({ contactId: c, title: 'C' })];
    // column new: C(0) B(1) A(2)
    const x = p.create({ contactId: c, title: 'X', stage: 'interest' });
    p.move(d2.id, { stage: 'interest', position: 1 });
    const col = (stage: string) => p.list({ stage: stage as never }).deals.map((d) => `${d.title}${d.position}`);
    expect(col('new')).toEqual(['C0', 'A1']);
    expect(col('interest')).toEqual(['X0', 'B1']);
    p.move(d1.id, { stage: 'interest', position: 0 });
    expect(col('interest')).toEqual(['A0', 'X1', 'B2']);
    // reorder within a column: no new history line, no `moved`
    p.move(d3.id, { stage: 'interest', position: 5 });
    p.move(x.id, { stage: 'interest', position: 3 });
    expect(col('interest')).toEqual(['A0', 'B1', 'C2', 'X3']);
    const before = deals().length;
    const same = p.move(x.id, { stage: 'interest', position: 0 });
    expect(same.history).toHaveLength(1);
    expect(deals().slice(before)).toMatchObject([{ moved: null }]);
    expect(p.get(d2.id).history).toMatchObject([{ to: 'new' }, { from: 'new', to: 'interest', by: 'owner', reason: 'moved to Interest by hand' }]);
  });

  it('asks a reason to lose a deal, keeps it, and clears it when the deal comes back', () => {
    const { p, contact } = setup();
    const d = p.create({ contactId: contact(1), title: 'Necklace' });
    expect(() => p.move(d.id, { stage: 'lost' })).toThrow(/why the deal was lost/);
    expect(p.get(d.id).stage).toBe('new');
    const lost = p.move(d.id, { stage: 'lost', reason: 'bought elsewhere' });
    expect(lost).toMatchObject({ stage: 'lost', lostReason: 'bought elsewhere' });
    expect(lost.history.at(-1)).toMatchObject({ from: 'new', to: 'lost', reason: 'bought elsewhere' });
    expect(p.move(d.id, { stage: 'negotiating' }).lostReason).toBeNull();
  });

  it('edits only the fields given and deletes', () => {
    const { p, contact, deals } = setup();
    const d = p.create({ contactId: contact(1), title: 'Ring', nextStep: 'call' });
    expect(p.update(d.id, { value: 62000 })).toMatchObject({ title: 'Ring', nextStep: 'call', value: 62000 });
    expect(() => p.update(d.id, { value: -1 })).toThrow();
    expect(p.delete(d.id)).toEqual({ deleted: d.id });
    expect(deals().at(-1)).toMatchObject({ dealId: d.id, deal: null });
    expect(() => p.get(d.id)).toThrow(/no deal/);
  });

  it('filters by agent, stage, contact and words', () => {
    const { p, contact } = setup();
    const [c1, c2] = [contact(1, 'Meera'), contact(2, 'Kabir')];
    p.create({ contactId: c1, title: 'Gold bangles', agentId: 1 });
    p.create({ contactId: c2, title: 'Diamond 100% ring', stage: 'booked' });
    expect(p.list({ agent: 1 }).deals.map((d) => d.title)).toEqual(['Gold bangles']);
    expect(p.list({ stage: 'booked' }).deals.map((d) => d.title)).toEqual(['Diamond 100% ring']);
    expect(p.list({ contact: c1 }).deals).toHaveLength(1);
    expect(p.list({ q: 'kabir' }).deals.map((d) => d.title)).toEqual(['Diamond 100% ring']);
    expect(p.list({ q: '100%' }).deals).toHaveLength(1);
    expect(p.list({ q: '%' }).deals).toHaveLength(1);
  });

  it('sums per stage, the open pipeline, the won value and per agent', () => {
    const { p, contact } = setup();
    const c = contact(1);
    p.create({ contactId: c, title: 'a', value: 100000, agentId: 1 });
    p.create({ contactId: c, title: 'b', value: 25000, agentId: 1, stage: 'negotiating' });
    p.create({ contactId: c, title: 'c', value: 50000, agentId: 2, stage: 'sold' });
    const lost = p.create({ contactId: c, title: 'd', value: 70000, agentId: 2 });
    p.move(lost.id, { stage: 'lost', reason: 'budget' });
    const s = p.summary();
    expect(s.stages.find((x) => x.stage === 'new')).toEqual({ stage: 'new', count: 1, value: 100000 });
    expect(s.stages.find((x) => x.stage === 'lost')).toEqual({ stage: 'lost', count: 1, value: 70000 });
    expect(s.pipelineValue).toBe(125000);
    expect(s.wonValue).toBe(50000);
    expect(s.byAgent).toEqual([
      { agentId: 1, pipelineValue: 125000, wonValue: 0 },
      { agentId: 2, pipelineValue: 0, wonValue: 50000 },
    ]);
    expect(p.valueByAgent(2)).toEqual({ pipelineValue: 0, wonValue: 50000 });
    expect(p.valueByAgent(9)).toEqual({ pipelineValue: 0, wonValue: 0 });
  });
});

describe('deals that move by themselves', () => {
  it('opens one deal per contact and moves it forward on signals, with auto history', () => {
    const { p, contact } = setup();
    const c = contact(1);
    p.signal(c, 'message', { agentId: 1, text: 'hello' });
    p.signal(c, 'message', { agentId: 1, text: 'gold bangles under 50k' });
    expect(p.list().deals).toMatchObject([{ title: 'Gold bangles', stage: 'new', agentId: 1 }]);
    p.signal(c, 'replied', { agentId: 1 });
    p.signal(c, 'interest', { products: [{ sku: 'SJ-1', price: 45000 }, { sku: 'SJ-2' }] });
    const d = p.list().deals[0]!;
    expect(d).toMatchObject({ stage: 'interest', products: ['SJ-1', 'SJ-2'], value: 125000 });
    p.signal(c, 'discount', { reason: 'asked for a better price' });
    p.signal(c, 'booked', { reason: 'visit booked for Saturday' });
    p.signal(c, 'order', { value: 98000, products: [{ sku: 'SJ-3' }], reason: 'order #12' });
    const done = p.get(d.id);
    expect(done).toMatchObject({ stage: 'sold', value: 98000 });
    expect(done.history.map((h) => [h.from, h.to, h.by])).toEqual([
      [null, 'new', 'auto'], ['new', 'contacted', 'auto'], ['contacted', 'interest', 'auto'], ['interest', 'negotiating', 'auto'], ['negotiating', 'booked', 'auto'], ['booked', 'sold', 'auto'],
    ]);
    expect(done.history.at(-1)?.reason).toBe('order #12');
    // sold: a new message opens a new deal, the sold one is untouched
    p.signal(c, 'message', { text: 'thanks! any earrings?' });
    expect(p.list({ contact: c }).deals.map((x) => `${x.title}:${x.stage}`).sort()).toEqual(['Earrings:new', 'Gold bangles:sold']);
  });

  it('never moves a deal backwards automatically', () => {
    const { p, contact } = setup();
    const c = contact(1);
    p.signal(c, 'message', { text: 'rings' });
    p.signal(c, 'discount', {});
    p.signal(c, 'replied', {});
    p.signal(c, 'interest', { products: [{ sku: 'SJ-1' }] });
    const d = p.list().deals[0]!;
    expect(d.stage).toBe('negotiating');
    expect(d.value).toBe(45000);
    expect(p.get(d.id).history.map((h) => h.to)).toEqual(['new', 'negotiating']);
  });

  it('leaves a deal alone for a while after the owner moved it, and never touches lost deals', () => {
    const { p, contact, advance } = setup();
    const c = contact(1);
    p.signal(c, 'message', { text: 'necklace' });
    const d = p.list().deals[0]!;
    p.move(d.id, { stage: 'contacted' });
    advance(OWNER_HOLD_MINUTES - 1);
    p.signal(c, 'discount', {});
    expect(p.get(d.id).stage).toBe('contacted');
    advance(2);
    p.signal(c, 'discount', {});
    expect(p.get(d.id).stage).toBe('negotiating');
    p.move(d.id, { stage: 'lost', reason: 'too costly' });
    advance(OWNER_HOLD_MINUTES + 1);
    p.signal(c, 'booked', {});
    expect(p.get(d.id)).toMatchObject({ stage: 'lost', lostReason: 'too costly' });
    // a booking with no open deal opens one and books it
    expect(p.list({ contact: c, stage: 'booked' }).deals).toHaveLength(1);
  });

  it('keeps the value the owner typed; a product asked about sets an automatic value', () => {
    const { p, contact } = setup();
    const c = contact(1);
    p.signal(c, 'message', { text: 'hi' });
    p.signal(c, 'interest', { products: [{ sku: 'SJ-2' }] });
    const d = p.list().deals[0]!;
    expect(d.value).toBe(125000);
    p.signal(c, 'interest', { asked: { sku: 'SJ-1', price: 45000 } });
    expect(p.get(d.id).value).toBe(45000);
    p.update(d.id, { value: 40000, title: 'Bangle for Diwali' });
    p.signal(c, 'interest', { asked: { sku: 'SJ-2' } });
    p.signal(c, 'message', { text: 'gold chains' });
    expect(p.get(d.id)).toMatchObject({ value: 40000, title: 'Bangle for Diwali', products: ['SJ-2', 'SJ-1'] });
  });

  it('does nothing for replies or products when the contact has no open deal', () => {
    const { p, contact } = setup();
    const c = contact(1);
    expect(p.signal(c, 'replied', {})).toBeNull();
    expect(p.signal(c, 'interest', { products: [{ sku: 'SJ-1' }] })).toBeNull();
    expect(p.list().deals).toEqual([]);
  });

  it('reads titles and discount requests from the shopper’s words', () => {
    expect(titleFrom('Show me gold bangles under 50000')).toBe('Gold bangles');
    expect(titleFrom('diamond earrings for my wife')).toBe('Diamond earrings');
    expect(titleFrom('hello')).toBeNull();
    for (const t of ['Any discount?', 'thoda kam karo bhai', 'what is your best price', 'last price batao', 'kuch kam ho sakta hai?']) expect(asksDiscount(t)).toBe(true);
    for (const t of ['show me bangles', 'what is the price', 'I will come tomorrow']) expect(asksDiscount(t)).toBe(false);
  });
});
