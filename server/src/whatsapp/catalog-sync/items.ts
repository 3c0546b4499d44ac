import { createHash } from 'node:crypto';
import type { Category, Product } from '../../contracts/index.js';

/**
 * A product as Meta's commerce catalog takes it in `items_batch` (`item_type: PRODUCT_ITEM`):
 * the retailer id is our SKU; price is "48200.00 INR"; the jewellery facts go in material,
 * color, gender, google_product_category and product_type; purity also in custom_label_0 so the
 * store can filter on it in Commerce Manager.
 */
export interface MetaItemData {
  id: string;
  title: string;
  description: string;
  availability: 'in stock' | 'out of stock';
  condition: 'new';
  price: string;
  image_link?: string;
  link?: string;
  brand: string;
  google_product_category: string;
  product_type: string;
  inventory: number;
  material?: string;
  color?: string;
  gender?: 'female' | 'male' | 'unisex';
  age_group?: 'kids';
  custom_label_0?: string;
}

/** Google's product taxonomy (Meta uses it): Apparel & Accessories > Jewelry > … */
const TAXONOMY: Partial<Record<Category, string>> = {
  ring: 'Rings',
  earrings: 'Earrings',
  necklace: 'Necklaces',
  chain: 'Necklaces',
  mangalsutra: 'Necklaces',
  bangle: 'Bracelets',
  bracelet: 'Bracelets',
  pendant: 'Charms & Pendants',
  anklet: 'Anklets',
  'nose pin': 'Body Jewelry',
  set: 'Jewelry Sets',
};

export const META_TITLE_MAX = 200;

export interface ItemSources {
  /** The store's name, sent as the brand. */
  brand: string;
  /** The picture Meta downloads: an absolute http(s) URL for a media path, or null when none is known. */
  imageUrl(mediaPath: string): string | null;
  /** The store's website, the link for products that have no page of their own ('' for none). */
  website: string;
}

/** Whole rupees as Meta's price string: 48200 → "48200.00 INR". */
export const metaPrice = (rupees: number): string => `${rupees}.00 INR`;

function describe(p: Product): string {
  if (p.description.trim()) return p.description.trim();
  const metal = [p.purity, p.metal].filter(Boolean).join(' ');
  const weight = p.netWeightGrams ?? p.grossWeightGrams;
  return [`${metal ? `${metal} ` : ''}${p.category}`.trim(), weight !== null ? `${weight} g` : null, p.stones.length ? `with ${p.stones.join(', ')}` : null]
    .filter(Boolean)
    .join(', ');
}

/** The item Meta gets for a product, and the media path of its picture (hashed instead of the URL). */
export function metaItem(p: Product, src: ItemSources): { data: MetaItemData; imagePath: string | null } {
  const imagePath = p.images[0] ?? null;
  const image = imagePath ? src.imageUrl(imagePath) : null;
  const link = p.url ?? (src.website || null);
  const data: MetaItemData = {
    id: p.sku,
    title: Array.from(p.name).slice(0, META_TITLE_MAX).join(''),
    description: describe(p),
    availability: p.stock > 0 ? 'in stock' : 'out of stock',
    condition: 'new',
    price: metaPrice(p.price),
    ...(image ? { image_link: image } : {}),
    ...(link ? { link } : {}),
    brand: src.brand,
    google_product_category: `Apparel & Accessories > Jewelry${TAXONOMY[p.category] ? ` > ${TAXONOMY[p.category]}` : ''}`,
    product_type: p.category,
    inventory: p.stock,
    ...(p.metal ? { material: [p.purity, p.metal].filter(Boolean).join(' '), color: p.metal.replace(/^\w/, (c) => c.toUpperCase()) } : {}),
    ...(p.gender === 'women' ? { gender: 'female' as const } : p.gender === 'men' ? { gender: 'male' as const } : p.gender ? { gender: 'unisex' as const } : {}),
    ...(p.gender === 'kids' ? { age_group: 'kids' as const } : {}),
    ...(p.purity ? { custom_label_0: p.purity } : {}),
  };
  return { data, imagePath };
}

/**
 * The hash a re-sync compares: every field sent, with the picture's media path in place of its URL,
 * so a new tunnel address does not re-send the whole catalog (Meta keeps the picture it fetched).
 */
export function itemHash(data: MetaItemData, imagePath: string | null): string {
  const { image_link: _link, ...rest } = data;
  const sorted = Object.fromEntries(Object.entries({ ...rest, image: imagePath }).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}
