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
