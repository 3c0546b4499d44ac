import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { openApp, type App } from '../main.js';
import type { CatalogChange } from './index.js';

let app: App;
let dir: string;
beforeEach(() => {
  dir = tempDir('revive-catalog-');
  app = openApp({ dataDir: join(dir, 'data'), logLevel: 'silent', backupsEnabled: false });
});
afterEach(() => app.close());

describe('catalog change listeners', () => {
  it('hear every committed create, edit, delete and import batch, but not unchanged rows', async () => {
    const catalog = app.services.catalog;
    const heard: CatalogChange[] = [];
    catalog.onChange(() => {
      throw new Error('a broken listener must not undo the write');
    });
    const stop = catalog.onChange((c) => heard.push(c));

    catalog.create({ sku: 'L-1', name: 'Gold Chain', category: 'chain', price: 50000 });
    catalog.update('l-1', { stock: 4 });
    catalog.update('L-1', { stock: 4 });
    const file = join(dir, 'stock.csv');
    writeFileSync(file, 'SKU,Name,Price\nL-1,Gold Chain,50000\nL-2,Silver Payal,"6,500"\n');
    await catalog.imports.importFile(file, { source: 'cli' });
    await catalog.imports.importFile(file, { source: 'cli' });
    catalog.delete('L-2');
    expect(heard).toEqual([
      { upserted: ['L-1'], deleted: [] },
      { upserted: ['L-1'], deleted: [] },
      { upserted: ['L-2'], deleted: [] },
      { upserted: [], deleted: ['L-2'] },
    ]);
    expect(catalog.get('L-1').stock).toBe(4);
    stop();
    catalog.delete('L-1');
    expect(heard).toHaveLength(4);
  });
});

describe('updating many prices at once', () => {
  it('writes them in one change, skips the unchanged, and refuses a bad price or an unknown SKU alone', () => {
    const catalog = app.services.catalog;
    for (const [sku, price] of [['P-1', 1000], ['P-2', 2000], ['P-3', 3000]] as const) catalog.create({ sku, name: `Piece ${sku}`, category: 'ring', price });
    const heard: CatalogChange[] = [];
    catalog.onChange((c) => heard.push(c));
    const out = catalog.updatePrices([{ sku: 'p-1', price: 1100 }, { sku: 'P-2', price: 2000 }, { sku: 'P-3', price: -5 }, { sku: 'NOPE', price: 10 }]);
    expect(out.updated).toEqual(['P-1']);
    expect(out.refused.map((r) => r.sku)).toEqual(['P-3', 'NOPE']);
    expect(out.refused[0]?.reason).toMatch(/^price: /);
    expect(heard).toEqual([{ upserted: ['P-1'], deleted: [] }]);
    expect([catalog.get('P-1').price, catalog.get('P-2').price, catalog.get('P-3').price]).toEqual([1100, 2000, 3000]);
  });
});
