import type { Understood } from '../../contracts/index.js';
import { understand } from '../../understanding/index.js';
import { MORE } from './phrases.js';
import { words } from './text.js';

/**
 * "Show more", "cheaper ones", "in 18k", "silver instead": the last search refined by what the
 * shopper just said. Both are read as filters, the new ones replace the old (a new metal replaces
 * the old metal rather than conflicting with it), and the result is written back as a query the
 * search reads the same way.
 */
export function refineQuery(lastQuery: string, text: string): string {
  const before = understand(lastQuery);
  const now = understand(text);
  const merged: Understood = { ...before };
  for (const [key, value] of Object.entries(now) as [keyof Understood, unknown][]) {
    if (key === 'text' || key === 'sku' || value === undefined) continue;
    (merged as Record<string, unknown>)[key] = value;
  }
  if (now.category && now.category !== before.category) delete merged.style;
  if (now.metal && now.metal !== before.metal && !now.purity) delete merged.purity;
  if (now.priceMax !== undefined || now.priceMin !== undefined) delete merged.priceAround;
  if (now.priceAround !== undefined) [merged.priceMin, merged.priceMax] = [undefined, undefined];
  if (now.sort === 'price_asc' && before.sort === 'price_desc') merged.sort = 'price_asc';
  const moreWords = new Set(MORE.flatMap((p) => words(p)));
  const extra = words(now.text).filter((w) => !moreWords.has(w) && !/^\d/.test(w));
  merged.text = [...new Set([...words(before.text), ...extra])].join(' ');
  return queryFrom(merged) || lastQuery;
}

/** Whether the message changes the filters, rather than only asking for more of the same. */
export function changesFilters(text: string): boolean {
  const u = understand(text);
  return Object.entries(u).some(([k, v]) => k !== 'text' && k !== 'sku' && v !== undefined);
}

const CONNECTIVES = new Set(['for', 'and', 'in', 'between', 'under', 'above', 'around', 'grams', 'most']);

const SORT_WORDS: Record<string, string> = {
  price_asc: 'cheapest', price_desc: 'most expensive', weight_desc: 'heaviest', weight_asc: 'lightest', newest: 'latest',
};

/** Filters back into words the understanding reads the same way ("18k rose gold ring for women under 50000"). */
export function queryFrom(u: Understood): string {
  const parts: string[] = [];
  if (u.purity) parts.push(u.purity.toLowerCase());
  if (u.metal) parts.push(u.metal);
  for (const s of u.stones ?? []) parts.push(s);
  if (u.style) parts.push(u.style.toLowerCase());
  if (u.category && !(u.style && understand(u.style).category === u.category)) parts.push(u.category);
  if (u.occasion) parts.push(u.occasion);
  if (u.gender) parts.push(u.gender === 'unisex' ? 'unisex' : `for ${u.gender}`);
  if (u.text) parts.push(u.text);
  if (u.priceMin !== undefined && u.priceMax !== undefined) parts.push(`between ${u.priceMin} and ${u.priceMax}`);
  else if (u.priceMax !== undefined) parts.push(`under ${u.priceMax}`);
  else if (u.priceMin !== undefined) parts.push(`above ${u.priceMin}`);
  else if (u.priceAround !== undefined) parts.push(`around ${u.priceAround}`);
  if (u.weightMinGrams !== undefined && u.weightMaxGrams !== undefined) parts.push(`between ${u.weightMinGrams} and ${u.weightMaxGrams} grams`);
  else if (u.weightMaxGrams !== undefined) parts.push(`under ${u.weightMaxGrams} grams`);
  else if (u.weightMinGrams !== undefined) parts.push(`above ${u.weightMinGrams} grams`);
  else if (u.weightAroundGrams !== undefined) parts.push(`around ${u.weightAroundGrams} grams`);
  if (u.sort) parts.push(SORT_WORDS[u.sort] ?? '');
  if (u.inStockOnly) parts.push('in stock');
  // A style stays in the understood text too ("jhumka"): say each word once.
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of parts.join(' ').split(' ')) {
    if (w === '') continue;
    if (/^\p{L}+$/u.test(w) && !CONNECTIVES.has(w)) {
      if (seen.has(w)) continue;
      seen.add(w);
    }
    out.push(w);
  }
  return out.join(' ');
}
