import { describe, expect, it } from 'vitest';
import { generateProducts, insertProducts, prng, type GeneratedProduct } from '../../../test/helpers/generated-catalog.js';
import { createEmbedder } from '../brain/index.js';
import { CATEGORIES, GENDERS, METALS, PURITIES, type Gender } from '../contracts/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { styleKey, understand } from '../understanding/index.js';
import type { Constraints } from './constraints.js';
import { indexRepo } from './index.repo.js';
import { queryRepo, type SortKey } from './query.repo.js';
import { createProductSearch } from './search.service.js';

/**
 * Property, leg by leg: the vector KNN, the BM25 leg, the sorted and the nearest-band queries each
 * return only products meeting every constraint — without the final re-check the service adds —
 * and the KNN returns min(k, matching) products.
 */
const STONE_ALIASES: Record<string, string> = { 'cubic zirconia': 'cz' };
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const some = <T>(r: () => number, xs: readonly T[]): T[] => xs.filter(() => r() < 0.3);

function randomConstraints(r: () => number, products: GeneratedProduct[]): Constraints {
  const c: Constraints = {};
  const sample = pick(r, products);
  if (r() < 0.5) c.categories = r() < 0.8 ? [sample.category] : some(r, CATEGORIES);
  if (r() < 0.4) c.metals = r() < 0.8 && sample.metal ? [sample.metal] : some(r, METALS);
  if (r() < 0.2) c.purities = some(r, PURITIES);
  if (r() < 0.4) c.priceMax = Math.round(r() * 300_000);
  if (r() < 0.2) c.priceMin = Math.round(r() * 100_000);
  if (r() < 0.2) c.weightMaxMg = Math.round(r() * 60_000);
  if (r() < 0.15) c.weightMinMg = Math.round(r() * 30_000);
  if (r() < 0.25) c.genders = some(r, GENDERS) as Gender[];
  if (r() < 0.3) c.inStock = true;
  if (r() < 0.3 && sample.stones.length) c.stones = sample.stones.map((s) => STONE_ALIASES[s] ?? s);
  if (r() < 0.2) c.occasion = pick(r, sample.occasions);
  if (r() < 0.2 && sample.style) c.style = styleKey(sample.style);
  if (r() < 0.05) c.sku = sample.sku.toLowerCase();
  return c;
}

/** Styles and stones count from their column or from the product's name (read through the lexicon). */
const termsCache = new Map<GeneratedProduct, { styles: string[]; stones: string[] }>();
function termsOf(p: GeneratedProduct): { styles: string[]; stones: string[] } {
  let t = termsCache.get(p);
  if (!t) {
    const named = understand(p.name);
    t = {
      styles: [p.style ? styleKey(p.style) : '', named.style ? styleKey(named.style) : ''],
      stones: [...p.stones.map((s) => STONE_ALIASES[s] ?? s), ...(named.stones ?? [])],
    };
    termsCache.set(p, t);
  }
  return t;
}

function meets(p: GeneratedProduct, c: Constraints): boolean {
  const w = p.netMg ?? p.grossMg;
  const { styles, stones } = termsOf(p);
  return (
    (c.sku === undefined || p.sku.toLowerCase() === c.sku.toLowerCase()) &&
    (c.categories === undefined || c.categories.includes(p.category)) &&
    (c.metals === undefined || (p.metal !== null && c.metals.includes(p.metal))) &&
    (c.purities === undefined || (p.purity !== null && c.purities.includes(p.purity))) &&
    (c.priceMin === undefined || p.price >= c.priceMin) &&
    (c.priceMax === undefined || p.price <= c.priceMax) &&
    (c.weightMinMg === undefined || (w !== null && w >= c.weightMinMg)) &&
    (c.weightMaxMg === undefined || (w !== null && w <= c.weightMaxMg)) &&
    (c.genders === undefined || (p.gender !== null && c.genders.includes(p.gender))) &&
    (!c.inStock || p.stock > 0) &&
    (c.stones === undefined || c.stones.every((s) => stones.includes(s))) &&
    (c.occasion === undefined || p.occasions.includes(c.occasion)) &&
    (c.style === undefined || styles.includes(c.style))
  );
}

describe('each search leg applies every constraint exactly (property)', () => {
  it.each([5, 17])('catalog seed %i', async (seed) => {
    const { db } = openDatabase(':memory:');
    migrate(db);
    const products = generateProducts(500, seed);
    insertProducts(db, products);
    const embedder = createEmbedder({});
    await createProductSearch({ db, embedder }).sync();
    const table = indexRepo(db).indexedWith()?.table ?? '';
    const q = queryRepo(db);
    const ids = new Map((db.prepare('select id, sku from products').all() as { id: number; sku: string }[]).map((r) => [r.id, r.sku]));
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const product = (id: number) => bySku.get(ids.get(id) ?? '') as GeneratedProduct;
    const r = prng(seed);
    const sorts: SortKey[] = ['price_asc', 'price_desc', 'weight_asc', 'weight_desc', 'newest'];
    for (let i = 0; i < 120; i += 1) {
      const c = randomConstraints(r, products);
      const label = JSON.stringify(c);
      const matching = products.filter((p) => meets(p, c));
      const [vector] = await embedder.embed([pick(r, products).name]);
      const knn = q.knn(table, vector as Float32Array, 25, c);
      expect(knn.every((id) => meets(product(id), c)), `knn ${label}`).toBe(true);
      expect(knn.length, `knn count ${label}`).toBe(Math.min(25, matching.length));
      // The same with the term/SKU part looked up first, as the service does.
      const resolved = q.resolve(c);
      const knnResolved = q.knn(table, vector as Float32Array, 25, resolved);
      expect(knnResolved.every((id) => meets(product(id), c)), `knn resolved ${label}`).toBe(true);
      expect(knnResolved.length).toBe(knn.length);
      expect(q.bm25('"royal"* OR "gold"*', 200, resolved).every((id) => meets(product(id), c)), `bm25 resolved ${label}`).toBe(true);
      const bm25 = q.bm25('"gold"* OR "ring"* OR "royal"* OR "silver"*', 200, c);
      expect(bm25.every((id) => meets(product(id), c)), `bm25 ${label}`).toBe(true);
      const sort = pick(r, sorts);
      const sorted = q.sorted(c, sort, 20);
      expect(sorted.every((id) => meets(product(id), c)), `sorted ${label}`).toBe(true);
      expect(sorted.length).toBe(Math.min(20, matching.length));
      const near = q.nearest(c, 'price', 1000, 2000, 10);
      expect(near.every((id) => meets(product(id), c)), `nearest ${label}`).toBe(true);
    }
    db.close();
  });
});
