import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../../../test/helpers/fake-mistral.js';
import { generateProducts, insertProducts, type GeneratedProduct } from '../../../test/helpers/generated-catalog.js';
import { createEmbedder, createOfflineEmbedder, type Embedder } from '../brain/index.js';
import { migrate, openDatabase, type Db } from '../db/index.js';
import { vecTableName } from './index.repo.js';
import { createProductSearch } from './search.service.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:').db;
  migrate(db);
});
afterEach(() => db.close());

/** Wraps an embedder to count the texts it was asked to embed. */
function counting(inner: Embedder): Embedder & { texts: string[] } {
  const texts: string[] = [];
  return { id: inner.id, dimensions: inner.dimensions, texts, embed: (t) => (texts.push(...t), inner.embed(t)) };
}

const product = (over: Partial<GeneratedProduct>): GeneratedProduct => ({
  sku: 'T-1', name: 'Plain Gold Bangle', category: 'bangle', style: 'plain', metal: 'gold', purity: '22K', grossMg: 5000, netMg: 5000,
  stones: [], price: 40_000, stock: 3, description: '', gender: 'women', occasions: ['daily wear'], ...over,
});

describe('sync', () => {
  it('embeds new products, then only what changed, and drops what is gone', async () => {
    insertProducts(db, generateProducts(30, 3));
    const embedder = counting(createOfflineEmbedder());
    const search = createProductSearch({ db, embedder });
    expect(await search.sync()).toEqual({ embedded: 30, deleted: 0 });
    expect(await search.sync()).toEqual({ embedded: 0, deleted: 0 });

    // An edit changes the product's content_hash: that product alone is embedded again.
    db.prepare("update products set name = 'Zebrafish Charm Anklet', content_hash = 'edited' where sku = 'GEN-000007'").run();
    embedder.texts.length = 0;
    expect(await search.sync()).toEqual({ embedded: 1, deleted: 0 });
    expect(embedder.texts).toHaveLength(1);
    expect(embedder.texts[0]).toContain('Zebrafish');
    expect((await search.search('zebrafish')).results[0]?.sku).toBe('GEN-000007');

    db.prepare("delete from products where sku = 'GEN-000007'").run();
    expect(await search.sync()).toEqual({ embedded: 0, deleted: 1 });
    expect((await search.search('zebrafish')).results.map((h) => h.sku)).not.toContain('GEN-000007');
  });

  it('rebuilds the index in a new vector table when the embedder changes', async () => {
    insertProducts(db, generateProducts(12, 4));
    const first = createOfflineEmbedder({ dimensions: 64 });
    let embedder: Embedder = first;
    const search = createProductSearch({ db, embedder: () => embedder });
    await search.sync();
    embedder = createOfflineEmbedder({ dimensions: 96 });
    expect(await search.sync()).toEqual({ embedded: 12, deleted: 0 });
    const tables = (db.prepare("select name from sqlite_master where name like 'search_vec_%' and type = 'table'").all() as { name: string }[]).map((t) => t.name);
    // vec0 keeps shadow tables (<name>_chunks, _rowids…): none of the old table's may be left.
    expect(tables).toContain(vecTableName(embedder.id));
    expect(tables.filter((t) => t.startsWith(vecTableName(first.id)))).toEqual([]);
    expect((await search.search('ring')).results.length).toBeGreaterThan(0);
  });

  it('keeps answering from the complete old index while a new embedder rebuilds, then switches in one step', async () => {
    insertProducts(db, [product({ sku: 'B-1' }), product({ sku: 'B-2', price: 45_000 }), product({ sku: 'B-3', price: 90_000 }), product({ sku: 'R-1', name: 'Plain Gold Ring', category: 'ring' })]);
    let embedder: Embedder = createOfflineEmbedder({ dimensions: 64 });
    const search = createProductSearch({ db, embedder: () => embedder });
    await search.sync();
    const before = (await search.search('gold bangles under 50000')).results.map((h) => h.sku).sort();
    expect(before).toEqual(['B-1', 'B-2']);

    // the new embedder (as when a Mistral key is pasted) answers its first batch only when released
    const next = createOfflineEmbedder({ dimensions: 96 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    embedder = { id: next.id, dimensions: next.dimensions, embed: async (t) => (await gate, next.embed(t)) };
    const rebuilding = search.sync();
    await new Promise((r) => setTimeout(r, 20));
    // mid-rebuild: the same complete answer (by words and filters: the query's vector is the new embedder's)
    expect((await search.search('gold bangles under 50000')).results.map((h) => h.sku).sort()).toEqual(before);
    expect(db.prepare("select value from search_state where key = 'embedder'").get()).toEqual({ value: createOfflineEmbedder({ dimensions: 64 }).id });
    release();
    expect(await rebuilding).toEqual({ embedded: 4, deleted: 0 });
    expect(db.prepare("select value from search_state where key = 'embedder'").get()).toEqual({ value: next.id });
    expect((await search.search('gold bangles under 50000')).results.map((h) => h.sku).sort()).toEqual(before);
  });

  it('runs one sync at a time and folds a burst of calls into one more pass', async () => {
    insertProducts(db, generateProducts(40, 5));
    const embedder = counting(createOfflineEmbedder());
    const search = createProductSearch({ db, embedder });
    const runs = await Promise.all([search.sync(), search.sync(), search.sync(), search.sync()]);
    expect(runs[0]).toEqual({ embedded: 40, deleted: 0 });
    expect(runs.slice(1)).toEqual([{ embedded: 0, deleted: 0 }, { embedded: 0, deleted: 0 }, { embedded: 0, deleted: 0 }]);
    expect(embedder.texts).toHaveLength(40);
  });
});

describe('answers', () => {
  beforeEach(() => {
    insertProducts(db, [
      product({ sku: 'B-1', name: 'Daily Gold Bangle', price: 31_250 }),
      product({ sku: 'B-2', name: 'Filigree Gold Bangle', price: 34_789 }),
      product({ sku: 'B-3', name: 'Antique Gold Bangle', price: 250_644 }),
      product({ sku: 'B-4', name: 'Silver Bangle', metal: 'silver', purity: '925', price: 900 }),
      product({ sku: 'R-1', name: 'Gold Band Ring', category: 'ring', style: 'band', price: 450, stock: 0 }),
    ]);
  });

  it('returns no results and price alternatives, nearest budget first, when nothing fits the price', async () => {
    const search = createProductSearch({ db, embedder: createEmbedder({}) });
    await search.sync();
    const res = await search.search('gold bangle under 500');
    expect(res.understood).toMatchObject({ category: 'bangle', metal: 'gold', priceMax: 500 });
    expect(res.results).toEqual([]);
    expect(res.alternatives.slice(0, 3).map((a) => [a.sku, a.relaxed])).toEqual([
      ['B-1', { constraint: 'price', wanted: 'up to ₹500', offered: '₹31,250' }],
      ['B-2', { constraint: 'price', wanted: 'up to ₹500', offered: '₹34,789' }],
      ['B-3', { constraint: 'price', wanted: 'up to ₹500', offered: '₹2,50,644' }],
    ]);
    // Relaxing anything else finds nothing here: no other-gold bangle and no gold bracelet under ₹500
    // (the ₹450 ring is not a bangle's neighbour, the ₹900 silver bangle is over budget).
    expect(res.alternatives.every((a) => a.relaxed.constraint === 'price')).toBe(true);
  });

  it('offers another metal, marked, when the metal asked for has none', async () => {
    const search = createProductSearch({ db, embedder: createEmbedder({}) });
    await search.sync();
    const res = await search.search('platinum bangle');
    expect(res.results).toEqual([]);
    expect(res.alternatives.length).toBeGreaterThan(0);
    for (const a of res.alternatives) expect(a.relaxed).toMatchObject({ constraint: 'metal', wanted: 'platinum' });
    expect(res.alternatives.map((a) => a.sku)).toContain('B-4');
  });

  it('never passes off products for words nothing mentions', async () => {
    const search = createProductSearch({ db, embedder: createEmbedder({}) });
    await search.sync();
    const res = await search.search('xyzzy plugh');
    expect(res.results).toEqual([]);
    expect(res.alternatives.length).toBeGreaterThan(0);
    expect(res.alternatives.every((a) => a.relaxed.constraint === 'words')).toBe(true);
  });

  it('lists in-stock pieces before out-of-stock ones unless an order is asked for', async () => {
    insertProducts(db, [product({ sku: 'R-2', name: 'Gold Band Ring Two', category: 'ring', style: 'band', price: 900, stock: 5 })]);
    const search = createProductSearch({ db, embedder: createEmbedder({}) });
    await search.sync();
    expect((await search.search('gold band ring')).results.map((h) => h.sku)).toEqual(['R-2', 'R-1']);
    expect((await search.search('cheapest gold ring')).results.map((h) => h.sku)).toEqual(['R-1', 'R-2']);
  });

  it('returns the hit shape: net weight in grams, rupees, stock', async () => {
    const search = createProductSearch({ db, embedder: createEmbedder({}) });
    await search.sync();
    const [hit] = (await search.search('silver bangle')).results;
    expect(hit).toMatchObject({ sku: 'B-4', name: 'Silver Bangle', category: 'bangle', metal: 'silver', purity: '925', weightGrams: 5, price: 900, stock: 3, style: 'plain', stones: [] });
    expect(hit?.score).toBeGreaterThan(0);
  });
});

describe('with Mistral embeddings (local fake of the API)', () => {
  let fake: FakeMistral;
  beforeAll(async () => {
    fake = await startFakeMistral();
  });
  afterAll(() => fake.close());

  it('indexes through the API and still answers by words and filters when the API fails at query time', async () => {
    insertProducts(db, generateProducts(70, 8));
    const embedder = createEmbedder({ mistralApiKey: fake.apiKey, mistralServerUrl: fake.url });
    const warnings: unknown[] = [];
    const search = createProductSearch({ db, embedder, log: { warn: (o: object) => void warnings.push(o) } });
    const before = fake.calls.length;
    expect(await search.sync()).toEqual({ embedded: 70, deleted: 0 });
    expect(fake.calls.length - before).toBe(2);
    const ok = await search.search('gold ring');
    expect(ok.results.length).toBeGreaterThan(0);
    const revoked = createProductSearch({ db, embedder: createEmbedder({ mistralApiKey: 'revoked', mistralServerUrl: fake.url }), log: { warn: (o: object) => void warnings.push(o) } });
    const res = await revoked.search('gold ring');
    expect(res.results.length).toBeGreaterThan(0);
    expect(res.results.every((h) => h.category === 'ring' && h.metal === 'gold')).toBe(true);
    expect(warnings).toHaveLength(1);
  });
});
