import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog/index.js';
import type { Config } from '../config.js';
import type { LiveMessage } from '../contracts/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { Bus } from '../ops/index.js';
import { createPricing } from './index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A real catalog on an in-memory database, the pricing domain wired to it as domains.ts does. */
function setup(opts: { feedTimeoutMs?: number } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'revive-pricing-'));
  dirs.push(dataDir);
  const { db } = openDatabase(':memory:');
  migrate(db);
  const bus = new Bus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  const log = pino({ level: 'silent' });
  const catalog = createCatalog({ config: { dataDir } as Config, db, bus, log });
  const events: { type: string; detail: string; data?: Record<string, unknown> }[] = [];
  let t = Date.parse('2026-12-01T04:30:00.000Z');
  const clock = () => new Date(t);
  const updates: number[] = [];
  const refuse = new Set<string>();
  const pricing = createPricing({
    db, log, clock, publish: (m) => bus.publish(m), record: (e) => events.push(e), catalogChanges: (l) => catalog.service.onChange(l),
    ...(opts.feedTimeoutMs ? { feedTimeoutMs: opts.feedTimeoutMs } : {}),
    catalog: {
      get: (sku) => { try { return catalog.service.get(sku); } catch { return null; } },
      list: () => catalog.service.list().products,
      // The real catalog's batch update, with `refuse` standing in for a product that no longer passes its checks.
      updatePrices: (changes) => {
        updates.push(changes.length);
        const done = catalog.service.updatePrices(changes.filter((c) => !refuse.has(c.sku)));
        return { refused: [...changes.filter((c) => refuse.has(c.sku)).map((c) => ({ sku: c.sku, reason: 'Some product details need fixing' })), ...done.refused] };
      },
    },
  });
  const add = (sku: string, fields: Record<string, unknown>) => catalog.service.create({ sku, name: `Item ${sku}`, category: 'bangle', price: 1000, stock: 1, ...fields });
  return { db, live, catalog: catalog.service, events, updates, refuse, rates: pricing.rates, pricing: pricing.pricing, module: pricing.module, tick: pricing.tick, add, advance: (min: number) => (t += min * 60_000) };
}

describe('rates by hand and repricing', () => {
  it('a rate change reprices every product priced by weight through the catalog, and logs one SYNC event', () => {
    const s = setup();
    s.add('BNG-22', { metal: 'gold', purity: '22K', netWeightGrams: 10, grossWeightGrams: 10.5 });
    s.add('RNG-18', { metal: 'gold', purity: '18K', netWeightGrams: 4.25, category: 'ring' });
    s.add('ANK-925', { metal: 'silver', purity: '925', netWeightGrams: 52.3, category: 'anklet' });
    s.add('FIXED', { metal: 'gold', purity: '22K', netWeightGrams: 8, price: 55555 });
    expect(() => s.pricing.save('BNG-22', { pricedByWeight: true, making: { kind: 'per_gram', value: 450 } })).toThrow(/no gold 24K rate yet/);

    s.rates.set({ gold24: 7850, silver: 95 });
    expect(s.events).toHaveLength(1);
    expect(s.events[0]).toMatchObject({ type: 'SYNC', detail: 'Gold 24K ₹7,850/g, Silver ₹95/g → 0 products repriced' });

    expect(s.pricing.save('bng-22', { pricedByWeight: true, making: { kind: 'per_gram', value: 450 } })).toMatchObject({ sku: 'BNG-22', price: 78745, quote: { price: 78745 } });
    s.pricing.save('RNG-18', { pricedByWeight: true, making: { kind: 'percent', value: 12 }, stoneValue: 15000 });
    s.pricing.save('ANK-925', { pricedByWeight: true, making: { kind: 'per_gram', value: 15 }, hallmarkFee: 35 });
    s.pricing.save('FIXED', { pricedByWeight: false, making: { kind: 'percent', value: 10 } });
    expect(s.catalog.get('BNG-22').price).toBe(78745);
    expect(s.catalog.get('RNG-18').price).toBe(44362);
    expect(s.catalog.get('ANK-925').price).toBe(5578);
    expect(s.catalog.get('FIXED').price).toBe(55555);

    const changesBefore = s.live.filter((m) => m.type === 'catalog.changed').length;
    const { rates, reprice } = s.rates.set({ gold24: 8000 });
    expect(rates).toMatchObject({ gold24: 8000, silver: 95, platinum: null, source: 'manual', asOf: '2026-12-01T04:30:00.000Z' });
    // silver unchanged: the anklet keeps its price; the two gold pieces move; the fixed-price piece stays
    expect(reprice.repriced.map((r) => r.sku).sort()).toEqual(['BNG-22', 'RNG-18']);
    expect(s.catalog.get('BNG-22').price).toBe(s.pricing.quote('BNG-22').price);
    expect(s.catalog.get('BNG-22').price).toBeGreaterThan(78745);
    expect(s.catalog.get('FIXED').price).toBe(55555);
    expect(s.events.at(-1)).toMatchObject({ type: 'SYNC', detail: 'Gold 24K ₹8,000/g → 2 products repriced', data: { repriced: 2 } });
    // the catalog announced the new prices (search and Meta sync listen to these), once for the whole rate change
    const announced = s.live.filter((m) => m.type === 'catalog.changed').slice(changesBefore);
    expect(announced.map((m) => (m.type === 'catalog.changed' ? [...m.upserted].sort() : []))).toEqual([['BNG-22', 'RNG-18']]);
    expect(s.live.some((m) => m.type === 'commerce.rates')).toBe(true);

    // the same rates again add nothing
    s.rates.set({ gold24: 8000 });
    expect(s.rates.history().history.map((h) => h.gold24)).toEqual([8000, 7850]);
  });

  it('refuses insane rates with the reason and keeps the old ones', () => {
    const s = setup();
    s.rates.set({ gold24: 7850 });
    expect(() => s.rates.set({ gold24: 785 })).toThrow(/Gold 24K below ₹1,000 per gram is not a real rate/);
    expect(() => s.rates.set({ silver: 5000 })).toThrow(/Silver above ₹1,000 per gram/);
    expect(() => s.rates.set({ gold24: 7850.5 })).toThrow(/whole rupees/);
    expect(() => s.rates.set({})).toThrow(/at least one rate/);
    expect(s.rates.current()).toMatchObject({ gold24: 7850, silver: null });
    expect(s.rates.history().history).toHaveLength(1);
  });

  it('quotes: by weight with the rate used; a fixed-price product with breakup and rate null; unknown SKU not found', () => {
    const s = setup();
    s.add('PT-1', { metal: 'platinum', purity: '950', netWeightGrams: 6, category: 'ring' });
    s.add('SET-1', { metal: 'gold', purity: '22K', price: 125000, category: 'set' });
    s.rates.set({ gold24: 7850, platinum: 3200 });
    s.pricing.save('PT-1', { pricedByWeight: true, making: { kind: 'percent', value: 20 }, hallmarkFee: 0 });
    expect(s.pricing.quote('pt-1')).toEqual({
      sku: 'PT-1', price: 22545, breakup: { metal: 18240, making: 3648, stones: 0, hallmark: 0, gst: 657 },
      rate: { metal: 'platinum', perGram: 3200, purity: '950', purityFactor: 0.95, asOf: '2026-12-01T04:30:00.000Z', source: 'manual' },
    });
    expect(s.pricing.quote('SET-1')).toEqual({ sku: 'SET-1', price: 125000, breakup: null, rate: null });
    expect(() => s.pricing.quote('NOPE')).toThrow(/no product with SKU "NOPE"/);
    // no net weight: cannot be priced by weight, and the settings are not saved
    expect(() => s.pricing.save('SET-1', { pricedByWeight: true })).toThrow(/no net weight/);
    expect(s.pricing.pricing('SET-1')).toBeNull();
    expect(() => s.pricing.save('PT-1', { pricedByWeight: true, making: { kind: 'percent', value: 150 } })).toThrow(/At most 100%/);
    // the preview works the price out without saving or touching the catalog
    expect(s.pricing.preview('PT-1', { pricedByWeight: true, making: { kind: 'percent', value: 10 }, hallmarkFee: 0 }).quote?.price).toBe(20666);
    expect(s.catalog.get('PT-1').price).toBe(22545);
  });

  it('an edit or import that changes a product priced by weight puts the formula price back', () => {
    const s = setup();
    s.add('BNG-22', { metal: 'gold', purity: '22K', netWeightGrams: 10 });
    s.rates.set({ gold24: 7850 });
    s.pricing.save('BNG-22', { pricedByWeight: true, making: { kind: 'per_gram', value: 450 } });
    s.catalog.update('BNG-22', { netWeightGrams: 11 });
    expect(s.catalog.get('BNG-22').price).toBe(s.pricing.quote('BNG-22').price);
    expect(s.catalog.get('BNG-22').price).toBeGreaterThan(78745);
    s.catalog.update('BNG-22', { price: 1 });
    expect(s.catalog.get('BNG-22').price).toBe(s.pricing.quote('BNG-22').price);
  });

  it('a product the catalog refuses is skipped with the reason; the others are repriced', () => {
    const s = setup();
    s.add('A', { metal: 'gold', purity: '22K', netWeightGrams: 10 });
    s.add('B', { metal: 'gold', purity: '18K', netWeightGrams: 5 });
    s.rates.set({ gold24: 7850 });
    s.pricing.save('A', { pricedByWeight: true });
    s.pricing.save('B', { pricedByWeight: true });
    s.refuse.add('A');
    const { reprice } = s.rates.set({ gold24: 8000 });
    expect(reprice.repriced.map((r) => r.sku)).toEqual(['B']);
    expect(reprice.skipped).toEqual([{ sku: 'A', reason: 'the catalog refused the new price: Some product details need fixing' }]);
    expect(s.catalog.get('B').price).toBe(s.pricing.quote('B').price);
    expect(s.events.at(-1)?.detail).toBe('Gold 24K ₹8,000/g → 1 product repriced');
  });

  it('lists products with a metal for the screen, with the worked-out price or why not', () => {
    const s = setup();
    s.add('A', { metal: 'gold', purity: '22K', netWeightGrams: 10 });
    s.add('B', { metal: 'gold', purity: null, netWeightGrams: 10 });
    s.add('C', { metal: null, category: 'other' });
    s.rates.set({ gold24: 7850 });
    const { products } = s.pricing.list();
    expect(products.map((p) => p.sku)).toEqual(['A', 'B']);
    expect(products[0]).toMatchObject({ pricing: null, quote: null, problem: null });
    expect(products[1]).toMatchObject({ problem: 'it has no purity (e.g. 22K)' });
  });
});

describe('the rate feed (a local HTTP server)', () => {
  let server: Server;
  let base = '';
  const answers = new Map<string, { status?: number; body: string; hang?: boolean }>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const a = answers.get(req.url ?? '');
      if (!a) return res.writeHead(404).end('not here');
      if (a.hang) return; // never answers
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json' }).end(a.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  const feed = (path: string, body: unknown, extra: { status?: number; hang?: boolean } = {}) => {
    answers.set(path, { body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });
    return `${base}${path}`;
  };

  it('fetches good rates, reprices and logs; refuses bad answers with a reason and keeps the rates', async () => {
    const s = setup({ feedTimeoutMs: 2000 });
    s.add('BNG-22', { metal: 'gold', purity: '22K', netWeightGrams: 10 });
    await expect(s.rates.fetchNow()).rejects.toThrow(/No rate feed is set up/);
    s.rates.set({ gold24: 7000 });
    s.pricing.save('BNG-22', { pricedByWeight: true, making: { kind: 'per_gram', value: 450 } });

    s.rates.setFeed({ url: feed('/good', { gold24: 7850, silver: 95, platinum: 3200, asOf: '2026-12-01T10:00:00+05:30' }) });
    const ok = await s.rates.fetchNow();
    expect(ok).toMatchObject({ ok: true, changed: true, error: null, rates: { gold24: 7850, silver: 95, platinum: 3200, asOf: '2026-12-01T04:30:00.000Z', source: 'feed' } });
    expect(ok.reprice?.repriced).toEqual([{ sku: 'BNG-22', from: 70725, to: 78745 }]);
    expect(s.catalog.get('BNG-22').price).toBe(78745);
    expect(s.events.at(-1)?.detail).toBe('Gold 24K ₹7,850/g, Silver ₹95/g, Platinum ₹3,200/g → 1 product repriced (rate feed)');
    expect(s.rates.state().feed).toMatchObject({ lastError: null, lastOkAt: '2026-12-01T04:30:00.000Z', intervalMinutes: 60 });
    // the same answer again: nothing new
    expect(await s.rates.fetchNow()).toMatchObject({ ok: true, changed: false });

    const refusals: [string, unknown, RegExp, { status?: number; hang?: boolean }?][] = [
      ['/low', { gold24: 78, asOf: '2026-12-02T10:00:00Z' }, /gold24: Gold 24K below ₹1,000/],
      ['/platinum', { gold24: 7900, platinum: 90000, asOf: '2026-12-02T10:00:00Z' }, /platinum: Platinum above ₹20,000/],
      ['/text', { gold24: '7900', asOf: '2026-12-02T10:00:00Z' }, /gold24/],
      ['/extra', { gold24: 7900, asOf: '2026-12-02T10:00:00Z', copper: 1 }, /copper|Unrecognized/i],
      ['/no-date', { gold24: 7900 }, /asOf/],
      ['/bad-date', { gold24: 7900, asOf: 'yesterday' }, /asOf must be an ISO-8601/],
      ['/old', { gold24: 7900, asOf: '2026-11-30T10:00:00Z' }, /older than today's rates/],
      ['/html', '<html>maintenance</html>', /did not answer JSON/],
      ['/big', JSON.stringify({ gold24: 7900, asOf: '2026-12-02T10:00:00Z', pad: 'x'.repeat(40_000) }), /too big/],
      ['/down', { error: 'oops' }, /HTTP 503/, { status: 503 }],
      ['/slow', {}, /did not answer within/, { hang: true }],
    ];
    for (const [path, body, why, extra] of refusals) {
      s.rates.setFeed({ url: feed(path, body, extra ?? {}), intervalMinutes: 30 });
      const r = await s.rates.fetchNow();
      expect(r.ok, path).toBe(false);
      expect(r.error, path).toMatch(why);
      expect(s.rates.current(), path).toMatchObject({ gold24: 7850, source: 'feed' });
      expect(s.rates.state().feed.lastError).toBe(r.error);
    }
    expect(s.catalog.get('BNG-22').price).toBe(78745);
    expect(s.events.filter((e) => e.type === 'ERROR')).toHaveLength(refusals.length);
    expect(() => s.rates.setFeed({ url: 'ftp://rates.example.com/x' })).toThrow(/http\(s\) address/);
    expect(() => s.rates.setFeed({ url: `${base}/good`, intervalMinutes: 2 })).toThrow(/At least every 5 minutes/);
  });

  it('the worker polls when the interval has passed, only while started', async () => {
    const s = setup();
    s.rates.setFeed({ url: feed('/tick', { gold24: 7700, asOf: '2026-12-01T03:00:00Z' }), intervalMinutes: 30 });
    s.tick();
    await s.module.stop?.();
    expect(s.rates.current()).toMatchObject({ gold24: 7700, source: 'feed' });
    answers.set('/tick', { body: JSON.stringify({ gold24: 7750, asOf: '2026-12-01T04:00:00Z' }) });
    s.advance(10);
    s.tick(); // not due yet
    await s.module.stop?.();
    expect(s.rates.current()?.gold24).toBe(7700);
    s.advance(25);
    s.tick();
    await s.module.stop?.();
    expect(s.rates.current()?.gold24).toBe(7750);
  });
});
