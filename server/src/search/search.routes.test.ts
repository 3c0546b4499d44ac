import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProducts, insertProducts } from '../../../test/helpers/generated-catalog.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { SearchResultSchema, type SearchResult } from '../contracts/index.js';
import { openApp, startServer, type RunningServer } from '../main.js';

let dir: string;
let server: RunningServer;
const get = (path: string, auth = true) => fetch(`http://127.0.0.1:${server.adminPort}${path}`, { headers: auth ? { authorization: `Bearer ${server.token}` } : {} });

/** Polls until the search answers as wanted (indexing runs beside the server); fails after a while. */
async function eventually(q: string, ok: (r: SearchResult) => boolean, tries = 100): Promise<SearchResult> {
  let last: SearchResult | undefined;
  for (let i = 0; i < tries; i += 1) {
    last = SearchResultSchema.parse(await (await get(`/api/search/products?q=${encodeURIComponent(q)}`)).json());
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`search "${q}" never answered as expected: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  dir = tempDir('revive-search-api-');
  const app = openApp({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
  insertProducts(app.db, generateProducts(200, 9));
  app.close();
  server = await startServer({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
}, 30_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/search/products', () => {
  it('indexes the catalog on server start and answers with exact filters', async () => {
    const res = await eventually('gold bangles under 1 lakh', (r) => r.results.length > 0);
    expect(res.understood).toMatchObject({ category: 'bangle', metal: 'gold', priceMax: 100_000 });
    for (const h of res.results) expect(h).toMatchObject({ category: 'bangle', metal: 'gold' });
    expect(res.results.every((h) => h.price <= 100_000)).toBe(true);
    expect(res.alternatives).toEqual([]);
  });

  it('takes a limit and validates the query string', async () => {
    const three = SearchResultSchema.parse(await (await get('/api/search/products?q=ring&limit=3')).json());
    expect(three.results).toHaveLength(3);
    for (const bad of ['', '?q=', '?q=ring&limit=0', '?q=ring&limit=51', '?q=ring&limit=two']) {
      const res = await get(`/api/search/products${bad}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation');
    }
  });

  it('needs the session like every admin route', async () => {
    expect((await get('/api/search/products?q=ring', false)).status).toBe(401);
  });

  it('finds a product another process (a CLI import) committed while the server runs', async () => {
    const cli = openApp({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
    cli.services.catalog.create({ sku: 'CLI-1', name: 'Zarqon Moonstone Ring', category: 'ring', metal: 'silver', purity: '925', price: 3300, stock: 1 });
    cli.close();
    const res = await eventually('zarqon ring', (r) => r.results.some((h) => h.sku === 'CLI-1'), 150);
    expect(res.results[0]).toMatchObject({ sku: 'CLI-1', price: 3300 });
  }, 30_000);

  it('finds a product added through the catalog API once the index catches up', async () => {
    const created = await fetch(`http://127.0.0.1:${server.adminPort}/api/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sku: 'NEW-1', name: 'Quetzal Feather Pendant', category: 'pendant', metal: 'silver', purity: '925', price: 2100, stock: 2 }),
    });
    expect(created.status).toBe(200);
    const res = await eventually('quetzal pendant', (r) => r.results.some((h) => h.sku === 'NEW-1'));
    expect(res.results[0]).toMatchObject({ sku: 'NEW-1', price: 2100, metal: 'silver' });
  });
});
