import type { Category, Product, ProductHit, Purity } from '../contracts/index.js';
import type { ToolProduct } from './tools.js';

/** Whole rupees in Indian grouping: 125000 → "₹1,25,000". The only way a skill writes money. */
export function rupees(n: number): string {
  return `₹${n.toLocaleString('en-IN')}`;
}

/** "12.5 g": grams with at most 3 decimals, no trailing zeros. */
export function grams(g: number): string {
  return `${Number(g.toFixed(3))} g`;
}

const PLURAL: Record<Category, string> = {
  ring: 'Rings', earrings: 'Earrings', necklace: 'Necklaces', chain: 'Chains', bangle: 'Bangles', bracelet: 'Bracelets',
  pendant: 'Pendants', mangalsutra: 'Mangalsutras', anklet: 'Anklets', 'nose pin': 'Nose Pins', set: 'Sets', other: 'Jewellery',
};

export function categoryPlural(c: Category): string {
  return PLURAL[c];
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How a shopper names the purity: "22K", "Silver" (925), "Platinum" (950); the metal when no purity is listed. */
export function purityLabel(p: { purity: Purity | null; metal: Product['metal'] }): string | null {
  if (p.purity === '925') return 'Silver';
  if (p.purity === '950') return 'Platinum';
  if (p.purity) return p.purity;
  return p.metal ? capitalise(p.metal) : null;
}

/** Net weight, else gross (as search reports it). */
export function weightOf(p: Pick<Product, 'netWeightGrams' | 'grossWeightGrams'>): number | null {
  return p.netWeightGrams ?? p.grossWeightGrams ?? null;
}

type ProductFacts = Pick<ToolProduct, 'sku' | 'name' | 'category' | 'metal' | 'purity' | 'weightGrams' | 'price' | 'stock'>;

function facts(p: ProductFacts): ToolProduct {
  return {
    sku: p.sku,
    name: p.name,
    category: p.category,
    metal: p.metal,
    purity: p.purity,
    weightGrams: p.weightGrams,
    price: p.price,
    priceText: rupees(p.price),
    stock: p.stock,
    inStock: p.stock > 0,
  };
}

export function toolProductFromHit(h: ProductHit): ToolProduct {
  return facts(h);
}

export function toolProduct(p: Product): ToolProduct {
  return facts({ ...p, weightGrams: weightOf(p) });
}
