import { createHash } from 'node:crypto';
import { CATEGORIES, GENDERS, PURITIES_BY_METAL, type Category, type Gender, type Metal, type Purity } from '../../server/src/contracts/index.js';
import type { Db } from '../../server/src/db/index.js';

/** A product row as the `products` table stores it (money in rupees, weights in mg, lists as JSON). */
export interface GeneratedProduct {
  sku: string;
  name: string;
  category: Category;
  style: string | null;
  metal: Metal | null;
  purity: Purity | null;
  grossMg: number | null;
  netMg: number | null;
  stones: string[];
  price: number;
  stock: number;
  description: string;
  gender: Gender | null;
  occasions: string[];
}

/** Mulberry32: a tiny seeded PRNG so generated catalogs are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STYLES: Record<Category, string[]> = {
  ring: ['solitaire', 'band', 'cocktail', 'navratna', 'temple', 'toe ring'],
  earrings: ['stud', 'jhumka', 'chandbali', 'hoop', 'drop'],
  necklace: ['rani haar', 'choker', 'temple', 'light', 'diamond'],
  chain: ['rope', 'box', 'curb', 'figaro', 'singapore'],
  bangle: ['kada', 'plain', 'antique', 'kundan', 'nazariya'],
  bracelet: ['tennis', 'link', 'charm'],
  pendant: ['coin', 'heart', 'solitaire', 'gem', 'initial'],
  mangalsutra: ['vati', 'diamond', 'long'],
  anklet: ['payal', 'chain'],
  'nose pin': ['stud', 'nath'],
  set: ['kundan', 'polki', 'temple', 'diamond'],
  other: ['maang tikka', 'brooch'],
};
const NOUN: Record<Category, string> = {
  ring: 'Ring', earrings: 'Earrings', necklace: 'Necklace', chain: 'Chain', bangle: 'Bangle', bracelet: 'Bracelet',
  pendant: 'Pendant', mangalsutra: 'Mangalsutra', anklet: 'Anklet', 'nose pin': 'Nose Pin', set: 'Set', other: 'Tikka',
};
const METALS: Metal[] = ['gold', 'gold', 'gold', 'rose gold', 'white gold', 'silver', 'platinum'];
const STONES = ['diamond', 'ruby', 'emerald', 'pearl', 'polki', 'kundan', 'sapphire', 'cubic zirconia', 'coral'];
const OCCASIONS = ['bridal', 'engagement', 'festive', 'daily wear', 'office', 'gift'];
const ADJECTIVES = ['Royal', 'Classic', 'Lotus', 'Mayur', 'Shahi', 'Noor', 'Tara', 'Lakshmi', 'Petal', 'Heritage', 'Minimal', 'Bold', 'Delicate', 'Jaipuri', 'Rajwadi', 'Meena', 'Chandni', 'Zoya', 'Aria', 'Vine'];
const RATE: Record<Purity, number> = { '24K': 7850, '22K': 7200, '18K': 5890, '14K': 4590, '925': 98, '950': 3200 };

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** n varied, internally consistent products (purity fits the metal, price follows weight and rate). */
export function generateProducts(n: number, seed = 1): GeneratedProduct[] {
  const r = prng(seed);
  const out: GeneratedProduct[] = [];
  for (let i = 0; i < n; i += 1) {
    const category = pick(r, CATEGORIES);
    const style = r() < 0.9 ? pick(r, STYLES[category]) : null;
    const metal = r() < 0.97 ? pick(r, METALS) : null;
    const purity = metal && r() < 0.95 ? pick(r, PURITIES_BY_METAL[metal]) : null;
    const stones = r() < 0.5 ? [...new Set([pick(r, STONES), ...(r() < 0.4 ? [pick(r, STONES)] : [])])] : [];
    const netMg = r() < 0.95 ? Math.round((0.3 + r() ** 2 * 120) * 1000) : null;
    const grossMg = netMg === null ? (r() < 0.5 ? Math.round((0.5 + r() * 50) * 1000) : null) : netMg + (stones.length ? Math.round(r() * 5000) : 0);
    const grams = (netMg ?? grossMg ?? 5000) / 1000;
    const price = Math.max(150, Math.round(grams * RATE[purity ?? '22K'] * (1.1 + r() * 0.25) + (stones.length ? r() * 80_000 : 0)));
    const occasions = [...new Set([pick(r, OCCASIONS), ...(r() < 0.5 ? [pick(r, OCCASIONS)] : [])])];
    const name = `${pick(r, ADJECTIVES)} ${style ? `${style.replace(/\b\w/g, (c) => c.toUpperCase())} ` : ''}${metal === 'silver' ? 'Silver ' : purity && purity.endsWith('K') ? `${purity} ` : ''}${NOUN[category]}`;
    out.push({
      sku: `GEN-${String(i + 1).padStart(6, '0')}`,
      name,
      category,
      style,
      metal,
      purity,
      grossMg,
      netMg,
      stones,
      price,
      stock: r() < 0.15 ? 0 : Math.floor(r() * 12),
      description: `${name} in ${metal ?? 'mixed metal'}${stones.length ? ` set with ${stones.join(' and ')}` : ''}, made for ${occasions.join(' and ')}.`,
      gender: r() < 0.9 ? pick(r, GENDERS) : null,
      occasions,
    });
  }
  return out;
}

/** Writes generated products straight into `products`, in one transaction (fast enough for 100k). */
export function insertProducts(db: Db, products: GeneratedProduct[]): void {
  const insert = db.prepare(
    `insert into products (sku, name, category, style, metal, purity, gross_weight_mg, net_weight_mg, stones, price, stock, description, gender, occasions, content_hash, created_at, updated_at)
     values (@sku, @name, @category, @style, @metal, @purity, @grossMg, @netMg, @stones, @price, @stock, @description, @gender, @occasions, @hash, @time, @time)`,
  );
  const time = new Date().toISOString();
  db.transaction(() => {
    for (const p of products) {
      const stones = JSON.stringify(p.stones);
      const occasions = JSON.stringify(p.occasions);
      const hash = createHash('sha1').update(JSON.stringify(p)).digest('hex');
      insert.run({ ...p, stones, occasions, hash, time });
    }
  })();
}
