import type { Gender, Understood } from '../contracts/index.js';
import { aroundBand, styleKey } from '../understanding/index.js';
import type { Constraints } from './constraints.js';
import { canonical } from './documents.js';

/** "for men" accepts unisex pieces, and so does "for women"; "kids" means pieces made for kids. */
const GENDER_MATCH: Record<Gender, Gender[]> = {
  men: ['men', 'unisex'],
  women: ['women', 'unisex'],
  kids: ['kids'],
  unisex: ['unisex'],
};

/**
 * Styles that are only the local name of the whole category (any anklet is a payal, any pendant
 * a locket, any South Indian mangalsutra a thali): they rank but never exclude.
 */
const GENERIC_STYLES = new Set(['payal', 'locket', 'thali']);

function range(min: number | undefined, max: number | undefined, around: number | undefined, scale: number): [number | undefined, number | undefined] {
  let lo = min === undefined ? undefined : Math.ceil(min * scale);
  let hi = max === undefined ? undefined : Math.floor(max * scale);
  if (around !== undefined) {
    // "around ₹20,000" is understanding's band (±15%: ₹17,000–₹23,000; "around 20 g" 17–23 g).
    const band = aroundBand(around);
    const a = Math.ceil(band.min * scale);
    const b = Math.floor(band.max * scale);
    lo = lo === undefined ? a : Math.max(lo, a);
    hi = hi === undefined ? b : Math.min(hi, b);
  }
  return [lo, hi];
}

/**
 * The exact constraints a shopper's words set. A style ("jhumka", "kada", "studs") constrains only
 * when the catalog knows it — otherwise it would empty every search in a catalog that names no
 * styles — and stays in the text for ranking either way.
 */
export function constraintsFrom(u: Understood, styleKnown: (style: string) => boolean): Constraints {
  const c: Constraints = {};
  if (u.sku !== undefined) c.sku = u.sku;
  if (u.category !== undefined) c.categories = [u.category];
  if (u.metal !== undefined) c.metals = [u.metal];
  if (u.purity !== undefined) c.purities = [u.purity];
  const [priceMin, priceMax] = range(u.priceMin, u.priceMax, u.priceAround, 1);
  if (priceMin !== undefined) c.priceMin = priceMin;
  if (priceMax !== undefined) c.priceMax = priceMax;
  const [weightMin, weightMax] = range(u.weightMinGrams, u.weightMaxGrams, u.weightAroundGrams, 1000);
  if (weightMin !== undefined) c.weightMinMg = weightMin;
  if (weightMax !== undefined) c.weightMaxMg = weightMax;
  if (u.gender !== undefined) c.genders = GENDER_MATCH[u.gender];
  if (u.inStockOnly) c.inStock = true;
  if (u.stones?.length) c.stones = [...new Set(u.stones.map(canonical))];
  if (u.occasion !== undefined) c.occasion = canonical(u.occasion);
  if (u.style !== undefined) {
    const style = styleKey(u.style);
    if (!GENERIC_STYLES.has(style) && styleKnown(style)) c.style = style;
  }
  return c;
}
