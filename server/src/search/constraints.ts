import type { Category, Gender, Metal, Purity } from '../contracts/index.js';

/**
 * The exact constraints of one search, after reading what the shopper meant. Every list is "any of";
 * `stones` is "all of". Prices in whole rupees, weights in milligrams (net, else gross), bounds inclusive.
 */
export interface Constraints {
  sku?: string;
  categories?: Category[];
  metals?: Metal[];
  purities?: Purity[];
  priceMin?: number;
  priceMax?: number;
  weightMinMg?: number;
  weightMaxMg?: number;
  genders?: Gender[];
  inStock?: boolean;
  /** Canonical lexicon names (lowercase), matched against the index's canonical product terms. */
  stones?: string[];
  occasion?: string;
  style?: string;
  /**
   * The products meeting the stone/occasion/style/SKU constraints, looked up once per search
   * (`queryRepo.resolve`) so that each leg filters by a list instead of re-running the lookup.
   */
  ids?: number[];
}

export type TermKind = 'stone' | 'occasion' | 'style';

export function isEmpty(c: Constraints): boolean {
  return Object.entries(c).every(([k, v]) => v === undefined || k === 'ids');
}
