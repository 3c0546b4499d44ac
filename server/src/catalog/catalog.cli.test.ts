import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { appRoot } from '../config.js';
import { openApp } from '../main.js';

const STOCK = [
  'Item Code,Product Name,Type,Karat/Purity,Gross Wt (g),MRP (₹),Qty In Hand,Remarks',
  'CLI-1,Temple Jhumka,Jhumka,916,12.4,"1,25,000",2,new design',
  'CLI-2,Gents Kada,Kada,22K,30,"₹ 2,10,000.00",1,',
  'CLI-3,Silver Payal,Payal,925,40,1.2 lakh,-3,',
].join('\n');

describe('revive import catalog', () => {
  it('prints exactly the report object, exits 0 when some rows are rejected, and honours --dry-run and --map', { timeout: 180_000 }, async () => {
    const data = join(tempDir(), 'store');
    expect((await runCli(['init', '--data', data, '--empty'])).code).toBe(0);
    const file = join(tempDir(), 'stock.csv');
    writeFileSync(file, STOCK);

    const dry = await runCli(['import', 'catalog', file, '--data', data, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 2, dryRun: true });

    const r = await runCli(['import', 'catalog', file, '--data', data, '--map', 'Remarks=description', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).slice(0, 5)).toEqual(['created', 'updated', 'unchanged', 'rejected', 'mapping']);
    expect(out).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [{ row: 4, reason: 'Qty In Hand: stock cannot be negative (-3)' }],
      mapping: { 'Item Code': 'sku', 'Product Name': 'name', Type: 'category', 'Karat/Purity': 'purity', 'Gross Wt (g)': 'grossWeightGrams', 'MRP (₹)': 'price', 'Qty In Hand': 'stock', Remarks: 'description' },
    });

    const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
    try {
      expect(app.services.catalog.get('CLI-1')).toMatchObject({ category: 'earrings', purity: '22K', price: 125000, description: 'new design' });
      expect(app.services.catalog.get('CLI-2').price).toBe(210000);
    } finally {
      app.close();
    }

    const human = await runCli(['import', 'catalog', file, '--data', data]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('0 created, 0 updated, 2 unchanged, 1 rejected');
    expect(human.stdout).toContain('row 4: Qty In Hand: stock cannot be negative (-3)');
  });

  it('fails with {"error":…} and exit 1 for a file it cannot read, and exit 2 for a malformed --map', { timeout: 180_000 }, async () => {
    const data = join(tempDir(), 'store');
    await runCli(['init', '--data', data, '--empty']);
    const pdf = join(tempDir(), 'price-list.pdf');
    writeFileSync(pdf, '%PDF-1.5\n');
    const bad = await runCli(['import', 'catalog', pdf, '--data', data, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({ error: { code: 'validation', message: expect.stringMatching(/PDF/) } });

    const missing = await runCli(['import', 'catalog', join(data, 'nope.csv'), '--data', data, '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('not_found');

    const map = await runCli(['import', 'catalog', pdf, '--data', data, '--map', 'SKU=colour', '--json']);
    expect(map.code).toBe(2);
    expect(JSON.parse(map.stdout).error).toMatchObject({ code: 'usage', message: expect.stringMatching(/"colour" is not a product field/) });

    const help = await runCli(['import', 'catalog', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: revive import catalog');
  });

  it('init --demo imports all 172 demo products with their images through the importer', { timeout: 180_000 }, async () => {
    const data = join(tempDir(), 'demo');
    const r = await runCli(['init', '--data', data, '--demo', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).store.products).toBe(172);
    expect(readdirSync(join(data, 'media', 'products')).filter((f) => f.endsWith('.png'))).toHaveLength(172);
    expect(readdirSync(data)).toContain('catalog-inbox');

    const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
    try {
      const { products, total } = app.services.catalog.list();
      expect(total).toBe(172);
      expect(products.every((p) => p.images.length === 1)).toBe(true);
      expect(app.services.catalog.get('SJ-RNG-0001')).toMatchObject({ name: 'Eternal Solitaire Diamond Ring', category: 'ring', metal: 'white gold', purity: '18K', price: 78658, stock: 11, stoneCarat: 0.49 });
      // The demo file imported again changes nothing.
      const again = await app.services.catalog.imports.importFile(join(appRoot(), 'resources', 'demo', 'catalog.csv'), { source: 'cli' });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 172, rejected: [] });
    } finally {
      app.close();
    }
  });
});
