import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { openApp } from '../main.js';

const data = tempDir('revive-rates-cli-');
afterAll(() => rmSync(data, { recursive: true, force: true }));

describe('revive rates set / revive price', () => {
  it('sets rates, reprices, logs a SYNC event and prints the exact JSON of a price', async () => {
    expect((await runCli(['init', '--data', data, '--empty'])).code).toBe(0);
    const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
    try {
      app.services.catalog.create({ sku: 'BNG-22', name: 'Plain 22K bangle', category: 'bangle', metal: 'gold', purity: '22K', netWeightGrams: 10, price: 1, stock: 2 });
      app.services.catalog.create({ sku: 'SET-1', name: 'Bridal set', category: 'set', metal: 'gold', purity: '22K', price: 125000, stock: 1 });
      app.services.rates.set({ gold24: 7000 });
      app.services.pricing.save('BNG-22', { pricedByWeight: true, making: { kind: 'per_gram', value: 450 } });
    } finally {
      app.close();
    }

    const set = await runCli(['rates', 'set', '--gold24', '7850', '--silver', '95', '--data', data, '--json']);
    expect(set.code).toBe(0);
    const out = JSON.parse(set.stdout) as { rates: Record<string, unknown>; reprice: unknown };
    expect(out.rates).toMatchObject({ gold24: 7850, silver: 95, platinum: null, source: 'manual' });
    expect(out.reprice).toEqual({ repriced: [{ sku: 'BNG-22', from: 70725, to: 78745 }], skipped: [] });

    const price = await runCli(['price', 'bng-22', '--data', data, '--json']);
    expect(price.code).toBe(0);
    const q = JSON.parse(price.stdout) as Record<string, unknown>;
    expect(Object.keys(q)).toEqual(['sku', 'price', 'breakup', 'rate']);
    expect(q).toEqual({
      sku: 'BNG-22', price: 78745, breakup: { metal: 71906, making: 4500, stones: 0, hallmark: 45, gst: 2294 },
      rate: { metal: 'gold', perGram: 7850, purity: '22K', purityFactor: 0.916, asOf: (out.rates as { asOf: string }).asOf, source: 'manual' },
    });
    expect(JSON.parse((await runCli(['price', 'SET-1', '--data', data, '--json'])).stdout)).toEqual({ sku: 'SET-1', price: 125000, breakup: null, rate: null });

    const human = await runCli(['price', 'BNG-22', '--data', data]);
    expect(human.stdout).toContain('BNG-22 ₹78,745');
    expect(human.stdout).toMatch(/GST 3%\s+₹2,294/);

    const events = JSON.parse((await runCli(['events', '--type', 'SYNC', '--data', data, '--json'])).stdout) as { events: { detail: string }[] };
    expect(events.events.map((e) => e.detail)).toContain('Gold 24K ₹7,850/g, Silver ₹95/g → 1 product repriced');
  });

  it('fails clearly: insane rate (exit 1, old rates kept), bad number (exit 2), unknown SKU', async () => {
    const low = await runCli(['rates', 'set', '--gold24', '78', '--data', data, '--json']);
    expect(low.code).toBe(1);
    expect(JSON.parse(low.stdout)).toEqual({ error: { code: 'validation', message: 'Gold 24K below ₹1,000 per gram is not a real rate (expected ₹1,000–₹50,000)' } });
    expect(JSON.parse((await runCli(['rates', 'show', '--data', data, '--json'])).stdout).rates).toMatchObject({ gold24: 7850 });

    const bad = await runCli(['rates', 'set', '--gold24', '7850.5', '--data', data, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe('usage');
    expect((await runCli(['rates', 'set', '--data', data, '--json'])).code).toBe(2);

    const none = await runCli(['price', 'NOPE', '--data', data, '--json']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toEqual({ error: { code: 'not_found', message: 'There is no product with SKU "NOPE"' } });
  });
});
