import type { Category, Metal, Relaxable } from '../contracts/index.js';
import type { Constraints } from './constraints.js';
import type { HitRow } from './query.repo.js';

/**
 * Near misses for a search nothing fully matched: each relaxation drops or widens ONE constraint,
 * in the order a sales assistant would offer them — a little over budget first, then the same
 * piece in stock elsewhere, another purity or metal, without the stone/style/occasion asked for,
 * and last a neighbouring kind of piece.
 */
export interface Relaxation {
  constraint: Relaxable;
  constraints: Constraints;
  wanted: string;
  offered(row: HitRow): string;
  /** Rank by distance outside this band instead of by relevance (price and weight). */
  nearest?: { column: 'price' | 'weight'; min?: number; max?: number };
}

/** Metals a shopper is most likely to accept instead, closest first. */
export const NEIGHBOUR_METALS: Record<Metal, Metal[]> = {
  gold: ['rose gold', 'white gold'],
  'rose gold': ['gold', 'white gold'],
  'white gold': ['platinum', 'gold', 'rose gold'],
  platinum: ['white gold', 'silver'],
  silver: ['white gold', 'platinum'],
};

/** Pieces worn the same way or sold side by side. */
export const NEIGHBOUR_CATEGORIES: Record<Category, Category[]> = {
  ring: ['other'],
  earrings: ['set', 'nose pin'],
  necklace: ['set', 'chain', 'pendant', 'mangalsutra'],
  chain: ['necklace', 'pendant', 'mangalsutra'],
  bangle: ['bracelet'],
  bracelet: ['bangle', 'anklet'],
  pendant: ['chain', 'necklace'],
  mangalsutra: ['necklace', 'chain', 'pendant'],
  anklet: ['bracelet', 'chain'],
  'nose pin': ['earrings'],
  set: ['necklace', 'earrings'],
  other: [],
};

const rupees = (n: number) => `₹${n.toLocaleString('en-IN')}`;
const grams = (mg: number) => `${Number((mg / 1000).toFixed(3))} g`;

function band(min: number | undefined, max: number | undefined, fmt: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return `${fmt(min)}–${fmt(max)}`;
  if (max !== undefined) return `up to ${fmt(max)}`;
  return `from ${fmt(min ?? 0)}`;
}

const without = (c: Constraints, ...keys: (keyof Constraints)[]): Constraints => {
  const next = { ...c };
  for (const k of keys) delete next[k];
  return next;
};

export function relaxations(c: Constraints): Relaxation[] {
  const out: Relaxation[] = [];
  if (c.priceMin !== undefined || c.priceMax !== undefined) {
    out.push({
      constraint: 'price',
      constraints: without(c, 'priceMin', 'priceMax'),
      wanted: band(c.priceMin, c.priceMax, rupees),
      offered: (r) => rupees(r.price),
      nearest: { column: 'price', min: c.priceMin, max: c.priceMax },
    });
  }
  if (c.weightMinMg !== undefined || c.weightMaxMg !== undefined) {
    out.push({
      constraint: 'weight',
      constraints: without(c, 'weightMinMg', 'weightMaxMg'),
      wanted: band(c.weightMinMg, c.weightMaxMg, grams),
      offered: (r) => (r.weight_mg === null ? 'weight not listed' : grams(r.weight_mg)),
      nearest: { column: 'weight', min: c.weightMinMg, max: c.weightMaxMg },
    });
  }
  if (c.inStock) out.push({ constraint: 'stock', constraints: without(c, 'inStock'), wanted: 'in stock', offered: () => 'out of stock' });
  if (c.purities) {
    out.push({ constraint: 'purity', constraints: without(c, 'purities'), wanted: c.purities.join(' or '), offered: (r) => r.purity ?? 'purity not listed' });
  }
  const metal = c.metals?.length === 1 ? c.metals[0] : undefined;
  if (metal) {
    // Another metal rarely comes in the purity asked for (22K platinum): let purity go with it.
    out.push({ constraint: 'metal', constraints: { ...without(c, 'purities'), metals: NEIGHBOUR_METALS[metal] }, wanted: metal, offered: (r) => r.metal ?? 'metal not listed' });
  }
  if (c.stones?.length) {
    out.push({ constraint: 'stones', constraints: without(c, 'stones'), wanted: `with ${c.stones.join(' and ')}`, offered: (r) => stonesOf(r) });
  }
  if (c.style) out.push({ constraint: 'style', constraints: without(c, 'style'), wanted: c.style, offered: (r) => r.style ?? r.category });
  if (c.occasion) out.push({ constraint: 'occasion', constraints: without(c, 'occasion'), wanted: c.occasion, offered: () => `not made for ${c.occasion}` });
  if (c.genders) out.push({ constraint: 'gender', constraints: without(c, 'genders'), wanted: `for ${c.genders[0] ?? ''}`, offered: (r) => (r.gender ? `for ${r.gender}` : 'not specified') });
  const category = c.categories?.length === 1 ? c.categories[0] : undefined;
  if (category && NEIGHBOUR_CATEGORIES[category].length) {
    out.push({ constraint: 'category', constraints: { ...without(c, 'style'), categories: NEIGHBOUR_CATEGORIES[category] }, wanted: category, offered: (r) => r.category });
  }
  return out;
}

function stonesOf(r: HitRow): string {
  try {
    const s = JSON.parse(r.stones) as string[];
    return s.length ? s.join(', ') : 'no stones';
  } catch {
    return 'no stones';
  }
}
