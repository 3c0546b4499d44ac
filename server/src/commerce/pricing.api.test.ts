import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import type { FetchResult, PricedProduct, PriceQuote, RatesState } from '../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());


describe('rates and pricing API', () => {
  it('starts with no rates; sets them; prices a product by weight; the catalog follows a rate change', async () => {
    expect(await json<RatesState>(s.api('/api/rates'))).toMatchObject({ rates: null, feed: { url: null, intervalMinutes: 60, lastError: null } });
    expect((await s.send('POST', '/api/products', { sku: 'BNG-22', name: 'Plain bangle', category: 'bangle', metal: 'gold', purity: '22K', netWeightGrams: 10, price: 1, stock: 1 })).status).toBe(200);

    const bad = await s.send('PUT', '/api/rates', { gold24: 60000 });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string; fields: Record<string, string> } }>(bad)).error.fields.gold24).toMatch(/above ₹50,000/);
    const set = await json<{ rates: { gold24: number } }>(s.send('PUT', '/api/rates', { gold24: 7850 }));
    expect(set.rates.gold24).toBe(7850);

    const saved = await json<PricedProduct>(s.send('PUT', '/api/pricing/BNG-22', { pricedByWeight: true, making: { kind: 'per_gram', value: 450 } }));
    expect(saved).toMatchObject({ sku: 'BNG-22', price: 78745, pricing: { pricedByWeight: true, hallmarkFee: 45 }, quote: { price: 78745 }, problem: null });
    const preview = await json<PricedProduct>(s.send('POST', '/api/pricing/BNG-22/preview', { pricedByWeight: true, making: { kind: 'percent', value: 10 } }));
    expect(preview.quote?.breakup).toEqual({ metal: 71906, making: 7191, stones: 0, hallmark: 45, gst: 2374 });
    expect((await s.send('PUT', '/api/pricing/NOPE', { pricedByWeight: true })).status).toBe(404);

    await s.send('PUT', '/api/rates', { gold24: 8000 });
    const quote = await json<PriceQuote>(s.api('/api/pricing/BNG-22/quote'));
    expect(quote.rate?.perGram).toBe(8000);
    expect((await json<{ price: number }>(s.api('/api/products/BNG-22'))).price).toBe(quote.price);
    expect((await json<{ history: { gold24: number }[] }>(s.api('/api/rates/history'))).history.map((h) => h.gold24)).toEqual([8000, 7850]);
    expect((await json<{ products: PricedProduct[] }>(s.api('/api/pricing'))).products.map((p) => p.sku)).toEqual(['BNG-22']);
  });

  it('saves the feed settings and reports a refused fetch without changing the rates', async () => {
    expect((await s.send('PUT', '/api/rates/feed', { url: 'not a url' })).status).toBe(400);
    // nothing listens on port 9 of 127.0.0.1: the fetch fails and says so
    const feed = await json<RatesState['feed']>(s.send('PUT', '/api/rates/feed', { url: 'http://127.0.0.1:9/rates.json', intervalMinutes: 30 }));
    expect(feed).toMatchObject({ url: 'http://127.0.0.1:9/rates.json', intervalMinutes: 30 });
    const r = await json<FetchResult>(s.send('POST', '/api/rates/feed/fetch', {}));
    expect(r).toMatchObject({ ok: false, changed: false, rates: { gold24: 8000 } });
    expect(r.error).toMatch(/Could not reach the feed/);
    expect((await json<RatesState>(s.api('/api/rates'))).feed.lastError).toBe(r.error);
  });
});
