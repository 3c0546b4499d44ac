import { describe, expect, it } from 'vitest';
import { generateProducts, insertProducts, prng, type GeneratedProduct } from '../../../test/helpers/generated-catalog.js';
import { createEmbedder } from '../brain/index.js';
import type { Understood } from '../contracts/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { aroundBand, styleKey, understand } from '../understanding/index.js';
import { createProductSearch } from './search.service.js';

/**
 * Property: over random catalogs and random shopper queries, no result breaks any constraint the
 * search says it understood, and no matching product is left out when fewer than `limit` match.
 * The check below is written from the constraint rules (docs/decisions.md, Search), not from the
 * search's SQL.
 */
const PARTS = {
  category: ['ring', 'earrings', 'necklace', 'chain', 'bangles', 'bracelet', 'pendant', 'mangalsutra', 'anklet', 'nose pin', 'set', 'kangan', 'anguthi', 'haar'],
  metal: ['gold', 'rose gold', 'white gold', 'silver', 'platinum', 'sone ka', 'chandi ki'],
  purity: ['22k', '18 carat', '916', '14kt'],
  price: ['under 20k', 'below 1 lakh', 'between 10k and 60k', 'above 2 lakh', 'around 50000', 'under 5000', '1.5 lakh tak'],
  weight: ['under 10 grams', 'around 20 grams', 'above 40 gm'],
  stone: ['diamond', 'ruby', 'emerald', 'pearl', 'polki', 'kundan', 'heera', 'moti'],
  gender: ['for men', 'for women', 'for kids'],
  occasion: ['for wedding', 'for office', 'gift', 'for engagement'],
  style: ['jhumka', 'kada', 'studs', 'chandbali', 'rope', 'solitaire', 'temple', 'choker'],
  stock: ['in stock'],
  sort: ['cheapest', 'heaviest'],
} as const;

function randomQuery(r: () => number): string {
  const words: string[] = [];
  for (const [key, options] of Object.entries(PARTS)) {
    const chance = key === 'category' || key === 'metal' || key === 'price' ? 0.5 : 0.2;
    if (r() < chance) words.push(options[Math.floor(r() * options.length)] as string);
  }
  return words.length ? words.join(' ') : 'gold';
}

const weightMg = (p: GeneratedProduct) => p.netMg ?? p.grossMg;
const GENDERS: Record<string, string[]> = { men: ['men', 'unisex'], women: ['women', 'unisex'], kids: ['kids'], unisex: ['unisex'] };
const STONE_ALIASES: Record<string, string> = { 'cubic zirconia': 'cz' };
/** Styles and stones count from their column or from the product's name (read through the lexicon). */
const termsCache = new Map<GeneratedProduct, { styles: string[]; stones: string[] }>();
function termsOf(p: GeneratedProduct): { styles: string[]; stones: string[] } {
  let t = termsCache.get(p);
  if (!t) {
    const named = understand(p.name);
    t = {
      styles: [p.style ? styleKey(p.style) : '', named.style ? styleKey(named.style) : ''].filter(Boolean),
      stones: [...p.stones.map((s) => STONE_ALIASES[s] ?? s), ...(named.stones ?? [])],
    };
    termsCache.set(p, t);
  }
  return t;
}
const stylesOf = (p: GeneratedProduct): string[] => termsOf(p).styles;

/** Whether a product meets every constraint in `u` (style only when some product has it). */
function meets(p: GeneratedProduct, u: Understood, knownStyles: Set<string>): boolean {
  if (u.sku !== undefined && p.sku.toLowerCase() !== u.sku.toLowerCase()) return false;
  if (u.category !== undefined && p.category !== u.category) return false;
  if (u.metal !== undefined && p.metal !== u.metal) return false;
  if (u.purity !== undefined && p.purity !== u.purity) return false;
  if (u.priceMin !== undefined && p.price < u.priceMin) return false;
  if (u.priceMax !== undefined && p.price > u.priceMax) return false;
  if (u.priceAround !== undefined) {
    const b = aroundBand(u.priceAround);
    if (p.price < b.min || p.price > b.max) return false;
  }
  const w = weightMg(p);
  if (u.weightMinGrams !== undefined && (w === null || w < u.weightMinGrams * 1000)) return false;
  if (u.weightMaxGrams !== undefined && (w === null || w > u.weightMaxGrams * 1000)) return false;
  if (u.weightAroundGrams !== undefined) {
    const b = aroundBand(u.weightAroundGrams);
    if (w === null || w < b.min * 1000 || w > b.max * 1000) return false;
  }
  if (u.gender !== undefined && !(p.gender !== null && GENDERS[u.gender]?.includes(p.gender))) return false;
  if (u.inStockOnly && p.stock <= 0) return false;
  const { stones } = termsOf(p);
  if (u.stones?.some((s) => !stones.includes(s))) return false;
  if (u.occasion !== undefined && !p.occasions.includes(u.occasion)) return false;
  if (u.style !== undefined && knownStyles.has(styleKey(u.style)) && !stylesOf(p).includes(styleKey(u.style))) return false;
  return true;
}

describe('filters are exact (property over random catalogs)', () => {
  it.each([11, 23, 47])('catalog seed %i', async (seed) => {
    const { db } = openDatabase(':memory:');
    migrate(db);
    const products = generateProducts(400, seed);
    insertProducts(db, products);
    const search = createProductSearch({ db, embedder: createEmbedder({}) });
    await search.sync();
    const knownStyles = new Set(products.flatMap(stylesOf));
    const bySku = new Map(products.map((p) => [p.sku, p]));
    const r = prng(seed * 7919);
    let nonEmpty = 0;
    for (let i = 0; i < 70; i += 1) {
      const q = randomQuery(r);
      const res = await search.search(q, { limit: 10 });
      const u = res.understood;
      for (const hit of res.results) {
        const p = bySku.get(hit.sku);
        expect(p && meets(p, u, knownStyles), `"${q}" → ${JSON.stringify(u)} returned ${hit.sku} ${JSON.stringify(p)}`).toBe(true);
      }
      const matching = products.filter((p) => meets(p, u, knownStyles));
      expect(res.results.length, `"${q}" → ${JSON.stringify(u)}: ${matching.length} products match`).toBe(Math.min(10, matching.length));
      if (u.sort === 'price_asc' && !u.text) expect(res.results.map((h) => h.price)).toEqual(matching.map((p) => p.price).sort((a, b) => a - b).slice(0, 10));
      for (const alt of res.alternatives) {
        const p = bySku.get(alt.sku);
        expect(p && meets(p, u, knownStyles), `alternative ${alt.sku} for "${q}" fully matches`).toBe(false);
      }
      if (res.results.length) nonEmpty += 1;
    }
    // The generated queries must exercise both sides: some find products, some find none.
    expect(nonEmpty).toBeGreaterThan(10);
    expect(nonEmpty).toBeLessThan(70);
    db.close();
  });
});
