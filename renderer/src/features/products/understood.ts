import type { Sort, Understood } from '../../api/contracts';
import { formatGrams, formatRupees } from './money';

export interface UnderstoodChip {
  key: string;
  label: string;
}

const sortLabels: Record<Sort, string> = {
  price_asc: 'Cheapest first',
  price_desc: 'Most expensive first',
  weight_asc: 'Lightest first',
  weight_desc: 'Heaviest first',
  newest: 'Newest first',
};

function range(min: number | undefined, max: number | undefined, around: number | undefined, unit: (n: number) => string): string | null {
  if (around !== undefined) return `Around ${unit(around)}`;
  if (min !== undefined && max !== undefined) return `${unit(min)} – ${unit(max)}`;
  if (max !== undefined) return `Up to ${unit(max)}`;
  if (min !== undefined) return `From ${unit(min)}`;
  return null;
}

/** What the search understood, as short labels a shopkeeper can check at a glance. */
export function understoodChips(u: Understood): UnderstoodChip[] {
  const chips: UnderstoodChip[] = [];
  const add = (key: string, label: string | null | undefined) => {
    if (label) chips.push({ key, label });
  };
  add('sku', u.sku && `SKU: ${u.sku}`);
  add('category', u.category && `Category: ${u.category}`);
  add('style', u.style && `Style: ${u.style}`);
  add('metal', u.metal && `Metal: ${u.metal}`);
  add('purity', u.purity && `Purity: ${u.purity}`);
  add('stones', u.stones?.length ? `Stones: ${u.stones.join(', ')}` : null);
  add('price', range(u.priceMin, u.priceMax, u.priceAround, formatRupees));
  add('weight', range(u.weightMinGrams, u.weightMaxGrams, u.weightAroundGrams, formatGrams));
  add('gender', u.gender && `For: ${u.gender}`);
  add('occasion', u.occasion && `Occasion: ${u.occasion}`);
  add('inStock', u.inStockOnly ? 'In stock only' : null);
  add('sort', u.sort && sortLabels[u.sort]);
  add('text', u.text.trim() && `Words: “${u.text.trim()}”`);
  return chips;
}
