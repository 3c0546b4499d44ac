import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProductSchema, type LiveMessage, type Product, type ProductInput } from '../../contracts/index.js';
import { migrate, openDatabase, type Db } from '../../db/index.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { catalogSyncRepo } from './catalog-sync.repo.js';
import { createCatalogSyncService, type CatalogSyncService } from './catalog-sync.service.js';
import { createCatalogGraph } from './graph-catalog.js';
import { itemHash, metaItem } from './items.js';

const TOKEN = 'EAAtest-token';
const CATALOG = '354160437058781';

const product = (sku: string, over: Partial<ProductInput> = {}): Product =>
  ProductSchema.parse({ sku, name: `Kangan ${sku}`, category: 'bangle', metal: 'gold', purity: '22K', netWeightGrams: 12.5, grossWeightGrams: 12.5, price: 48200, stock: 2, images: [`products/${sku}.png`], gender: 'women', ...over });

interface Kit {
  db: Db;
  e: Emulator;
  products: Product[];
  events: { type: string; detail: string }[];
  live: LiveMessage[];
  sync: CatalogSyncService;
  batches: () => { item_type: string; requests: { method: string; data: Record<string, unknown> }[] }[];
  imageBase: { url: string };
}

async function kit(db?: Db, opts: { batchSize?: number } = {}): Promise<Kit> {
  const database = db ?? openDatabase(':memory:').db;
  if (!db) migrate(database);
  const e = await startEmulator({ appSecret: 's', accessToken: TOKEN, phoneNumberId: '109000000000001' });
  const products: Product[] = [];
  const events: Kit['events'] = [];
  const live: LiveMessage[] = [];
  const imageBase = { url: 'https://shop.example/media/' };
  const sync = createCatalogSyncService({
    repo: catalogSyncRepo(database),
    graph: createCatalogGraph(() => ({ graphUrl: e.url, apiVersion: 'v23.0', accessToken: TOKEN })),
    catalogId: () => CATALOG,
    products: () => products,
    sources: () => ({ brand: 'Sonali Jewellers', website: 'https://sonali.example', imageUrl: (p) => imageBase.url + p }),
    record: (x) => events.push(x),
    publish: (m) => live.push(m),
    clock: () => new Date('2026-12-01T10:00:00.000Z'),
    pollMs: 0,
    ...opts,
  });
  const batches = () => e.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/items_batch')).map((r) => r.body as ReturnType<Kit['batches']>[number]);
  return { db: database, e, products, events, live, sync, batches, imageBase };
}

let k: Kit;
beforeEach(async () => {
  k = await kit();
});
afterEach(async () => {
  await k.e.stop();
});

describe('catalog sync', () => {
  it('sends new products as CREATE items in one items_batch with Meta’s fields, polls the batch, and records them synced', async () => {
    k.products.push(product('SJ-BNG-0001', { url: 'https://sonali.example/p/bng-1', description: 'Hand-hammered kangan' }), product('SJ-RNG-0002', { category: 'ring', metal: 'silver', purity: '925', price: 2450, stock: 0, gender: 'kids' }));
    const run = await k.sync.sync();
    expect(k.batches()).toEqual([{
      item_type: 'PRODUCT_ITEM',
      requests: [
        {
          method: 'CREATE',
          data: {
            id: 'SJ-BNG-0001', title: 'Kangan SJ-BNG-0001', description: 'Hand-hammered kangan', availability: 'in stock', condition: 'new', price: '48200.00 INR',
            image_link: 'https://shop.example/media/products/SJ-BNG-0001.png', link: 'https://sonali.example/p/bng-1', brand: 'Sonali Jewellers',
            google_product_category: 'Apparel & Accessories > Jewelry > Bracelets', product_type: 'bangle', inventory: 2,
            material: '22K gold', color: 'Gold', gender: 'female', custom_label_0: '22K',
          },
        },
        {
          method: 'CREATE',
          data: {
            id: 'SJ-RNG-0002', title: 'Kangan SJ-RNG-0002', description: '925 silver ring, 12.5 g', availability: 'out of stock', condition: 'new', price: '2450.00 INR',
            image_link: 'https://shop.example/media/products/SJ-RNG-0002.png', link: 'https://sonali.example', brand: 'Sonali Jewellers',
            google_product_category: 'Apparel & Accessories > Jewelry > Rings', product_type: 'ring', inventory: 0,
            material: '925 silver', color: 'Silver', gender: 'unisex', age_group: 'kids', custom_label_0: '925',
          },
        },
      ],
    }]);
    // Meta answers in_progress first; the sync asks again until finished.
    const checks = k.e.requests.filter((r) => r.path.includes('/check_batch_request_status'));
    expect(checks).toHaveLength(2);
    expect(checks[0]!.path).toMatch(new RegExp(`^/v23.0/${CATALOG}/check_batch_request_status\\?handle=Ac[\\w-]+&load_ids_of_invalid_requests=true$`));
    expect(run).toMatchObject({ state: 'done', created: 2, updated: 0, deleted: 0, failed: 0, unchanged: 0, error: null });
    const status = k.sync.status();
    expect(status).toMatchObject({ catalogId: CATALOG, counts: { synced: 2, pending: 0, failed: 0 }, failed: [], bySku: { 'SJ-BNG-0001': 'synced', 'SJ-RNG-0002': 'synced' }, running: false });
    expect(k.events).toEqual([{ type: 'SYNC', detail: 'Synced 2 products to the WhatsApp catalog', data: expect.objectContaining({ created: 2 }) }]);
    expect(k.live.filter((m) => m.type === 'catalog.sync').map((m) => m.type === 'catalog.sync' && [m.running, m.synced])).toEqual([[true, 0], [false, 2]]);
  });

  it('re-syncs changes only: nothing when nothing changed, UPDATE for an edited product, DELETE for a removed one', async () => {
    k.products.push(product('SJ-1'), product('SJ-2'), product('SJ-3'));
    await k.sync.sync();
    expect(k.batches()).toHaveLength(1);

    const again = await k.sync.sync();
    expect(k.batches()).toHaveLength(1);
    expect(again).toMatchObject({ state: 'done', unchanged: 3, created: 0, updated: 0 });
    expect(k.events).toHaveLength(1); // a sync with nothing to send stays out of the Matrix

    // A new tunnel address alone does not re-send: Meta keeps the picture it fetched.
    k.imageBase.url = 'https://other-tunnel.example/media/';
    expect(await k.sync.sync()).toMatchObject({ unchanged: 3 });

    k.products[1] = product('SJ-2', { price: 49900 });
    k.products.splice(2, 1);
    const run = await k.sync.sync();
    expect(k.batches().at(-1)).toEqual({
      item_type: 'PRODUCT_ITEM',
      requests: [
        { method: 'UPDATE', data: expect.objectContaining({ id: 'SJ-2', price: '49900.00 INR', image_link: 'https://other-tunnel.example/media/products/SJ-2.png' }) },
        { method: 'DELETE', data: { id: 'SJ-3' } },
      ],
    });
    expect(run).toMatchObject({ updated: 1, deleted: 1, unchanged: 1 });
    expect(k.sync.status().counts).toEqual({ synced: 2, pending: 0, failed: 0 });
    expect(k.events.at(-1)?.detail).toBe('Synced 1 product to the WhatsApp catalog, 1 removed');
    // what Meta holds now
    const held = await createCatalogGraph(() => ({ graphUrl: k.e.url, apiVersion: 'v23.0', accessToken: TOKEN })).retailerIds(CATALOG);
    expect([...held].sort()).toEqual(['SJ-1', 'SJ-2']);
  });

  it('records Meta’s reason for each refused item, keeps the others synced, and retries the failed on the next sync', async () => {
    k.products.push(product('SJ-OK'), product('SJ-NOPHOTO', { images: [] }), product('SJ-BADLINK'));
    const real = k.imageBase.url;
    k.imageBase.url = 'ftp://nas.local/';
    k.products[2] = product('SJ-BADLINK');
    // only SJ-BADLINK gets the bad address: the others' pictures are fine
    const sync = createCatalogSyncService({
      repo: catalogSyncRepo(k.db), graph: createCatalogGraph(() => ({ graphUrl: k.e.url, apiVersion: 'v23.0', accessToken: TOKEN })), catalogId: () => CATALOG, products: () => k.products,
      sources: () => ({ brand: 'S', website: '', imageUrl: (p) => (p.includes('BADLINK') ? k.imageBase.url : real) + p }), record: (x) => k.events.push(x), pollMs: 0,
    });
    const run = await sync.sync();
    expect(k.batches()[0]!.requests.map((r) => r.data.id)).toEqual(['SJ-OK', 'SJ-BADLINK']); // no photo: never sent
    expect(run).toMatchObject({ created: 1, failed: 2 });
    const status = sync.status();
    expect(status.counts).toEqual({ synced: 1, pending: 0, failed: 2 });
    expect(status.failed).toEqual([
      { sku: 'SJ-NOPHOTO', name: 'Kangan SJ-NOPHOTO', status: 'failed', reason: 'No photo: Meta needs a picture for every product. Add one on the Products screen', lastSyncedAt: null },
      { sku: 'SJ-BADLINK', name: 'Kangan SJ-BADLINK', status: 'failed', reason: 'image_link "ftp://nas.local/products/SJ-BADLINK.png" is not a valid http(s) URL.', lastSyncedAt: null },
    ]);
    expect(k.events.at(-1)?.detail).toBe('Synced 1 product to the WhatsApp catalog, 2 failed');

    k.imageBase.url = real;
    const retry = await sync.sync();
    expect(k.batches().at(-1)!.requests.map((r) => `${r.method} ${r.data.id}`)).toEqual(['CREATE SJ-BADLINK']);
    expect(retry).toMatchObject({ created: 1, failed: 1, unchanged: 1 });
    expect(sync.syncedAmong(['SJ-OK', 'SJ-BADLINK', 'SJ-NOPHOTO'])).toEqual(new Set(['SJ-OK', 'SJ-BADLINK']));
  });

  it('splits more than 5,000 changes into items_batch calls of at most 5,000', async () => {
    for (let i = 0; i < 5001; i += 1) k.products.push(product(`SJ-${String(i).padStart(5, '0')}`));
    const run = await k.sync.sync();
    expect(k.batches().map((b) => b.requests.length)).toEqual([5000, 1]);
    expect(k.batches()[1]!.requests[0]!.data.id).toBe('SJ-05000');
    expect(run).toMatchObject({ created: 5001, failed: 0 });
    expect(k.sync.status().counts.synced).toBe(5001);
  });

  it('knows nothing before its first sync of a catalog, then only the SKUs Meta holds', async () => {
    k.products.push(product('SJ-2', { images: [] }));
    expect(k.sync.syncedAmong(['SJ-1', 'SJ-2'])).toBeNull();
    // nothing sendable (no photo): nothing sent, nothing learnt about what Meta holds
    await k.sync.sync({ full: true });
    expect(k.e.requests).toEqual([]);
    expect(k.sync.syncedAmong(['SJ-2'])).toBeNull();
    k.products.push(product('SJ-1'));
    await k.sync.sync();
    expect(k.sync.syncedAmong(['SJ-1', 'SJ-2', 'SJ-X'])).toEqual(new Set(['SJ-1']));
  });

  it('a full sync asks Meta what it holds and sends again what is missing there (a restarted emulator, an item removed by hand)', async () => {
    k.products.push(product('SJ-1'), product('SJ-2'));
    await k.sync.sync();
    await k.e.stop();
    const fresh = await kit(k.db); // same database, an empty catalog at "Meta"
    fresh.products.push(...k.products);
    k = fresh;
    expect(await k.sync.sync()).toMatchObject({ unchanged: 2 }); // a changes-only sync trusts its record
    const full = await k.sync.sync({ full: true });
    expect(k.e.requests.some((r) => r.path.startsWith(`/v23.0/${CATALOG}/products?fields=retailer_id`))).toBe(true);
    expect(k.batches().at(-1)!.requests.map((r) => `${r.method} ${r.data.id}`)).toEqual(['CREATE SJ-1', 'CREATE SJ-2']);
    expect(full).toMatchObject({ created: 2, unchanged: 0 });
  });

  it('a run that cannot reach Meta ends in error with the reason, logged as an ERROR event; no catalog is a clear error', async () => {
    k.products.push(product('SJ-1'));
    const sync = createCatalogSyncService({
      repo: catalogSyncRepo(k.db), graph: createCatalogGraph(() => ({ graphUrl: k.e.url, apiVersion: 'v23.0', accessToken: 'wrong' })), catalogId: () => CATALOG, products: () => k.products,
      sources: () => ({ brand: 'S', website: '', imageUrl: (p) => `https://x.example/${p}` }), record: (x) => k.events.push(x), pollMs: 0,
    });
    const run = await sync.sync();
    expect(run.state).toBe('error');
    expect(run.error).toMatch(/access token/i);
    expect(k.events).toEqual([{ type: 'ERROR', detail: expect.stringMatching(/^Catalog sync to WhatsApp failed: .*access token/i), data: { catalogId: CATALOG } }]);
    expect(sync.status().lastRun).toMatchObject({ state: 'error' });

    const none = createCatalogSyncService({ repo: catalogSyncRepo(k.db), graph: createCatalogGraph(() => ({ graphUrl: k.e.url, apiVersion: 'v23.0', accessToken: TOKEN })), catalogId: () => null, products: () => k.products, sources: () => ({ brand: 'S', website: '', imageUrl: () => null }) });
    await expect(none.sync()).rejects.toThrow(/No Meta catalog is connected: add its id in Settings → WhatsApp/);
    expect(none.status()).toMatchObject({ catalogId: null, counts: { synced: 0, pending: 1, failed: 0 } });
  });
});

describe('catalog items', () => {
  it('hashes the fields sent with the picture’s path, not its address', () => {
    const p = product('SJ-1');
    const a = metaItem(p, { brand: 'S', website: '', imageUrl: (x) => `https://a.example/${x}` });
    const b = metaItem(p, { brand: 'S', website: '', imageUrl: (x) => `https://b.example/${x}` });
    expect(itemHash(a.data, a.imagePath)).toBe(itemHash(b.data, b.imagePath));
    const c = metaItem({ ...p, price: p.price + 1 }, { brand: 'S', website: '', imageUrl: (x) => `https://a.example/${x}` });
    expect(itemHash(c.data, c.imagePath)).not.toBe(itemHash(a.data, a.imagePath));
    expect(metaItem({ ...p, name: 'ह'.repeat(250) }, { brand: 'S', website: '', imageUrl: () => null }).data.title).toHaveLength(200);
  });
});
