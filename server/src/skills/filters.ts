import type { Understood } from '../contracts/index.js';
import { grams, rupees } from './format.js';

const SORT_WORDS: Record<NonNullable<Understood['sort']>, string> = {
  price_asc: 'cheapest first',
  price_desc: 'costliest first',
  weight_asc: 'lightest first',
  weight_desc: 'heaviest first',
  newest: 'newest first',
};

function band(min: number | undefined, max: number | undefined, around: number | undefined, fmt: (n: number) => string): string | null {
  if (min !== undefined && max !== undefined) return `${fmt(min)}–${fmt(max)}`;
  if (max !== undefined) return `up to ${fmt(max)}`;
  if (min !== undefined) return `from ${fmt(min)}`;
  if (around !== undefined) return `around ${fmt(around)}`;
  return null;
}

/** The filters a search understood, in words a shopper would use: ["22K", "gold", "bangle", "up to ₹50,000"]. */
export function filtersInWords(u: Understood): string[] {
  const out: string[] = [];
  if (u.sku) out.push(`SKU ${u.sku}`);
  if (u.purity) out.push(u.purity);
  if (u.metal) out.push(u.metal);
  for (const stone of u.stones ?? []) out.push(stone);
  if (u.style) out.push(u.style);
  if (u.category) out.push(u.category);
  const price = band(u.priceMin, u.priceMax, u.priceAround, rupees);
  if (price) out.push(price);
  const weight = band(u.weightMinGrams, u.weightMaxGrams, u.weightAroundGrams, grams);
  if (weight) out.push(weight);
  if (u.gender) out.push(`for ${u.gender}`);
  if (u.occasion) out.push(u.occasion);
  if (u.inStockOnly) out.push('in stock');
  if (u.sort) out.push(SORT_WORDS[u.sort]);
  return out;
}
