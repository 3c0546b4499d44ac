import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LiveMessageSchema, type InboundMessage, type LiveMessage } from '../contracts/index.js';
import { createCrmService } from '../crm/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { Bus } from '../ops/index.js';
import { parseWebhook } from '../whatsapp/index.js';
import { loadUpdates } from '../../../test/helpers/whatsapp-webhooks.js';
import { createCommerce, outboxNotifier } from './index.js';
import { PAYMENT_URL_SETTING } from './orders.rules.js';

type Body = { entry: unknown[] };

/** The fixture's `order` webhook, optionally with our own SKUs and prices in its cart. */
function orderMessage(items?: { sku: string; quantity: number; price: number; currency?: string }[], wamid = 'wamid.xyzxyz'): InboundMessage {
  const body = structuredClone(loadUpdates('message.json').order) as Body;
  const msg = (body.entry[0] as { changes: { value: { messages: Record<string, unknown>[] } }[] }).changes[0]!.value.messages[0]!;
  msg.id = wamid;
  if (items) (msg.order as Record<string, unknown>).product_items = items.map((i) => ({ product_retailer_id: i.sku, quantity: i.quantity, item_price: i.price, currency: i.currency ?? 'INR' }));
  return parseWebhook(body.entry, '2026-03-01T10:00:00.000Z').messages[0]!;
}

function setup(products: Record<string, { name: string; price: number; stock: number }> = {}) {
  const { db } = openDatabase(':memory:');
  migrate(db);
  const bus = new Bus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  const settings = new Map<string, unknown>();
  const crm = createCrmService(db);
  const contact = crm.upsertFromWhatsApp({ waId: '972987654321', name: 'Test Name' });
  const signals: unknown[][] = [];
  const events: { type: string; detail: string }[] = [];
  const notices: { contactId: number; text: string }[] = [];
  const stock = new Map(Object.entries(products).map(([sku, p]) => [sku, { sku, ...p }]));
  const commerce = createCommerce({
    db, bus, log: pino({ level: 'silent' }),
    settings: { getValue: (k) => settings.get(k), setValue: (k, v) => void settings.set(k, v) },
    clock: () => new Date('2026-03-01T10:00:00.000Z'),
    catalog: { product: (sku) => stock.get(sku) ?? null, consume: (sku, n) => void (stock.get(sku)!.stock -= n) },
    signal: (...args) => signals.push(args),
    record: (e) => events.push(e),
    notify: (contactId, text) => (notices.push({ contactId, text }), 'sent'),
    storeName: () => 'Test Jewellers',
  });
  const ctx = { contact: { id: contact.id }, agent: { id: 1, name: 'Asha' }, threadId: 7 };
  return { commerce, orders: commerce.service.orders, hook: commerce.orderHook, ctx, live, signals, events, notices, stock, settings, contactId: contact.id };
}

const CATALOG = {
  'SJ-BNG-005': { name: 'Temple Gold Bangle', price: 48200, stock: 3 },
  'SJ-ERG-001': { name: 'Pearl Jhumkas', price: 12500, stock: 1 },
};

describe('orders from a WhatsApp cart', () => {
  it('turns the fixture webhook into an order whose unknown SKUs are flagged, not dropped, and moves no deal', () => {
    const { hook, ctx, orders, signals, events } = setup();
    const r = hook(orderMessage(), ctx);
    expect(r?.kind).toBe('order');
    const o = orders.list().orders[0]!;
    expect(o).toMatchObject({ status: 'new', total: 0, pieces: 0, catalogId: '354160437058781', inboundId: 'wamid.xyzxyz', contactName: 'Test Name' });
    expect(o.lines.map((l) => [l.sku, l.quantity, l.state, l.price, l.cartPrice, l.cartCurrency])).toEqual([
      ['HAMBURGER', 3, 'unknown', null, 30, 'ILS'],
      ['FRENCH_FRIES', 2, 'unknown', null, 35, 'ILS'],
      ['SODA', 2, 'unknown', null, 10, 'ILS'],
    ]);
    expect(r?.facts.unavailable).toHaveLength(3);
    expect(signals).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ type: 'ORDER', detail: 'new order #1: 0 pieces, ₹0, 3 unavailable' })]);
  });

  it('prices lines from our catalog, points out a changed price, holds the pieces and signals the pipeline with the total', () => {
    const { hook, ctx, orders, signals, live, contactId } = setup(CATALOG);
    const r = hook(orderMessage([{ sku: 'SJ-BNG-005', quantity: 2, price: 47900 }, { sku: 'SJ-ERG-001', quantity: 1, price: 12500 }]), ctx)!;
    expect(r.facts).toMatchObject({
      orderId: 1, pieces: 3, total: 108900, totalText: '₹1,08,900', paymentUrl: null, duplicate: false,
      priceChanges: [{ sku: 'SJ-BNG-005', price: 48200, priceText: '₹48,200', cartPrice: 47900, cartPriceText: '₹47,900' }],
      lines: [
        { sku: 'SJ-BNG-005', quantity: 2, price: 48200, lineTotal: 96400, lineTotalText: '₹96,400', state: 'price_changed' },
        { sku: 'SJ-ERG-001', quantity: 1, price: 12500, lineTotal: 12500, state: 'ok' },
      ],
    });
    expect(orders.get(1).lines.map((l) => l.reserved)).toEqual([2, 1]);
    expect(orders.available('SJ-BNG-005')).toBe(1);
    expect(orders.available('SJ-ERG-001')).toBe(0);
    expect(signals).toEqual([[contactId, 'order', expect.objectContaining({ value: 108900, agentId: 1 })]]);
    const changed = live.filter((m) => m.type === 'orders.changed');
    expect(changed).toHaveLength(1);
    for (const m of changed) LiveMessageSchema.parse(m);
  });

  it('a tap on "Pay at store" or "Payment link" is about the shopper\'s open order; nothing without one', () => {
    const { commerce, hook, ctx, orders, events, settings, live } = setup(CATALOG);
    const tap = (title: string, type: InboundMessage['type'] = 'interactive'): InboundMessage => ({
      ...orderMessage(), id: `wamid.${title}`, type, text: title, order: null, reply: type === 'interactive' ? { kind: 'button_reply', id: 'b1', title, description: null } : null,
    });
    expect(commerce.nextStepHook(tap('Pay at store'), ctx)).toBeNull();
    hook(orderMessage([{ sku: 'SJ-BNG-005', quantity: 1, price: 48200 }]), ctx);
    expect(commerce.nextStepHook(tap('Store pe payment'), ctx)).toEqual({
      kind: 'order_next_step', summary: 'order #1 (₹48,200): will pay at the store',
      facts: { step: 'payAtStore', orderId: 1, status: 'new', pieces: 1, total: 48200, totalText: '₹48,200', paymentUrl: null },
    });
    expect(events.at(-1)).toMatchObject({ type: 'ORDER', detail: 'order #1: the shopper will pay at the store' });
    // The choice is kept on the order, and the Orders screen hears of it.
    expect(orders.get(1)).toMatchObject({ paymentChoice: 'pay_at_store', paymentChoiceAt: expect.stringMatching(/Z$/) });
    expect(live.filter((m) => m.type === 'orders.changed').at(-1)).toMatchObject({ orderId: 1, order: { paymentChoice: 'pay_at_store' } });
    settings.set(PAYMENT_URL_SETTING, 'https://pay.example.in/shree');
    expect(commerce.nextStepHook(tap('payment link', 'text'), ctx)?.facts).toMatchObject({ step: 'paymentLink', paymentUrl: 'https://pay.example.in/shree' });
    expect(orders.get(1).paymentChoice).toBe('payment_link');
    // Other taps are not its business ("Visit to try" is a visit question), nor is a cancelled order.
    expect(commerce.nextStepHook(tap('Visit to try'), ctx)).toBeNull();
    expect(commerce.nextStepHook(tap('Pay at the store tomorrow?', 'text'), ctx)).toBeNull();
    orders.setStatus(1, { status: 'cancelled' });
    expect(commerce.nextStepHook(tap('Pay at store'), ctx)).toBeNull();
  });

  it('is idempotent: the same message twice makes one order, one signal, the same facts', () => {
    const { hook, ctx, orders, signals, events } = setup(CATALOG);
    const m = orderMessage([{ sku: 'SJ-BNG-005', quantity: 1, price: 48200 }]);
    const a = hook(m, ctx)!;
    const b = hook(m, ctx)!;
    expect(orders.list().orders).toHaveLength(1);
    expect(b.facts).toMatchObject({ orderId: a.facts.orderId, total: 48200, duplicate: true });
    expect(signals).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(orders.available('SJ-BNG-005')).toBe(2);
  });

  it('flags a line out of stock when other orders hold the pieces, and counts only what it can sell', () => {
    const { hook, ctx, orders } = setup(CATALOG);
    hook(orderMessage([{ sku: 'SJ-ERG-001', quantity: 1, price: 12500 }], 'wamid.a'), ctx);
    const r = hook(orderMessage([{ sku: 'SJ-ERG-001', quantity: 1, price: 12500 }, { sku: 'SJ-BNG-005', quantity: 1, price: 48200 }], 'wamid.b'), ctx)!;
    expect(r.facts).toMatchObject({ pieces: 1, total: 48200, unavailable: [{ sku: 'SJ-ERG-001', state: 'out_of_stock', available: 0, quantity: 1 }] });
    expect(orders.get(2).lines[0]).toMatchObject({ state: 'out_of_stock', reserved: 0, lineTotal: 0 });
  });

  it('ignores messages that are not orders', () => {
    const { hook, ctx } = setup();
    const m = { ...orderMessage(), type: 'text', order: null } as InboundMessage;
    expect(hook(m, ctx)).toBeNull();
  });

  it('offers the payment link the store set', () => {
    const { hook, ctx, orders } = setup(CATALOG);
    expect(() => orders.updateSettings({ paymentUrl: 'not a link' })).toThrow(/full https:\/\/ or upi:\/\/ link/);
    expect(() => orders.updateSettings({ paymentUrl: 'javascript:alert(1)' })).toThrow(/full https/);
    orders.updateSettings({ paymentUrl: 'upi://pay?pa=shop@upi' });
    expect(hook(orderMessage([{ sku: 'SJ-BNG-005', quantity: 1, price: 48200 }]), ctx)!.facts.paymentUrl).toBe('upi://pay?pa=shop@upi');
  });
});

describe('order statuses', () => {
  it('moves forward only, keeps the history and tells the shopper', () => {
    const { hook, ctx, orders, notices, contactId } = setup(CATALOG);
    hook(orderMessage([{ sku: 'SJ-BNG-005', quantity: 2, price: 48200 }]), ctx);
    const c = orders.setStatus(1, { status: 'confirmed' });
    expect(c).toMatchObject({ status: 'confirmed', notice: 'sent', next: ['ready_for_pickup', 'completed', 'cancelled'] });
    expect(notices).toEqual([{ contactId, text: 'Your order #1 is confirmed: 2 pieces, ₹96,400. We are keeping it aside for you at Test Jewellers.' }]);
    const r = orders.setStatus(1, { status: 'ready_for_pickup', notify: false, note: 'Counter 2' });
    expect(r.notice).toBe('not_asked');
    expect(r.history.map((h) => [h.from, h.to, h.by, h.notice])).toEqual([
      [null, 'new', 'shopper', null],
      ['new', 'confirmed', 'owner', 'sent'],
      ['confirmed', 'ready_for_pickup', 'owner', 'not_asked'],
    ]);
    expect(() => orders.setStatus(1, { status: 'new' })).toThrow(/Ready for pickup: it can go to Completed, Cancelled, not New/);
    expect(() => orders.setStatus(99, { status: 'confirmed' })).toThrow(/no order 99/);
  });

  it('releases held pieces on cancel and consumes them (stock goes down) on completion', () => {
    const { hook, ctx, orders, stock } = setup(CATALOG);
    hook(orderMessage([{ sku: 'SJ-BNG-005', quantity: 2, price: 48200 }], 'wamid.a'), ctx);
    hook(orderMessage([{ sku: 'SJ-BNG-005', quantity: 1, price: 48200 }], 'wamid.b'), ctx);
    expect(orders.available('SJ-BNG-005')).toBe(0);
    orders.setStatus(1, { status: 'cancelled', notify: false });
    expect(orders.available('SJ-BNG-005')).toBe(2);
    expect(orders.get(1).lines[0]?.reserved).toBe(0);
    orders.setStatus(2, { status: 'completed', notify: false });
    expect(stock.get('SJ-BNG-005')?.stock).toBe(2);
    expect(orders.available('SJ-BNG-005')).toBe(2);
    expect(() => orders.setStatus(2, { status: 'cancelled' })).toThrow(/Completed: it can go to no other status/);
  });

  it('filters the list by status and by words', () => {
    const { hook, ctx, orders } = setup(CATALOG);
    hook(orderMessage([{ sku: 'SJ-BNG-005', quantity: 1, price: 48200 }], 'wamid.a'), ctx);
    hook(orderMessage([{ sku: 'SJ-ERG-001', quantity: 1, price: 12500 }], 'wamid.b'), ctx);
    orders.setStatus(2, { status: 'confirmed', notify: false });
    expect(orders.list({ status: 'confirmed' }).orders.map((o) => o.id)).toEqual([2]);
    expect(orders.list({ q: 'BNG' }).orders.map((o) => o.id)).toEqual([1]);
    expect(orders.list({ q: 'Test Name' }).orders.map((o) => o.id)).toEqual([2, 1]);
    expect(() => orders.list({ status: 'shipped' })).toThrow(/Bad filter/);
  });
});

describe('status notices through the outbox', () => {
  const contact = (over: Partial<{ isTest: boolean; windowOpen: boolean }> = {}) => ({ waId: '919812345678', userId: null, phone: '+919812345678', isTest: false, windowOpen: true, ...over });
  it('queues a text inside the 24-hour window, skips outside it, and never writes to a test contact', () => {
    const queued: unknown[] = [];
    const outbox = { enqueueAll: (items: unknown[]) => queued.push(...items) };
    expect(outboxNotifier({ contact: () => contact(), outbox: () => outbox })(5, 'Your order #1 is ready', 'order:1:ready_for_pickup')).toBe('sent');
    expect(queued).toEqual([{ payload: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919812345678', type: 'text', text: { preview_url: false, body: 'Your order #1 is ready' } }, contactId: 5, correlationId: 'order:1:ready_for_pickup' }]);
    expect(outboxNotifier({ contact: () => contact({ windowOpen: false }), outbox: () => outbox })(5, 'x', 'c')).toBe('outside_window');
    expect(outboxNotifier({ contact: () => contact({ isTest: true }), outbox: () => outbox })(5, 'x', 'c')).toBe('no_channel');
    expect(queued).toHaveLength(1);
  });
});
