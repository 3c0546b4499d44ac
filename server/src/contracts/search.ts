import { z } from 'zod';
import { CategorySchema, MetalSchema, PuritySchema, RupeesSchema } from './catalog.js';
import { UnderstoodSchema } from './understanding.js';

/** One product in a search answer: what a shopper needs to decide, never more than the catalog says. */
export const ProductHitSchema = z.object({
  sku: z.string(),
  name: z.string(),
  category: CategorySchema,
  metal: MetalSchema.nullable(),
  purity: PuritySchema.nullable(),
  /** Net weight, else gross; null when the catalog has neither. */
  weightGrams: z.number().nonnegative().nullable(),
  price: RupeesSchema,
  stock: z.number().int().nonnegative(),
  style: z.string().nullable(),
  stones: z.array(z.string()),
  /** Relative relevance within this answer (reciprocal rank fusion); higher is better. */
  score: z.number(),
});
export type ProductHit = z.infer<typeof ProductHitSchema>;

/**
 * The constraints an alternative may break, in the order the search tries relaxing them. `words`
 * marks the nearest products to a query that set no filter and whose words no product contains.
 */
export const RELAXABLE = ['price', 'weight', 'stock', 'purity', 'metal', 'stones', 'style', 'occasion', 'gender', 'category', 'words'] as const;
export const RelaxableSchema = z.enum(RELAXABLE);
export type Relaxable = z.infer<typeof RelaxableSchema>;

/**
 * A product that matches every constraint but one. `wanted` is what the shopper asked for and
 * `offered` what this product has instead, both in words ("up to ₹500" / "₹29,797").
 */
export const AlternativeHitSchema = ProductHitSchema.extend({
  relaxed: z.object({ constraint: RelaxableSchema, wanted: z.string(), offered: z.string() }),
});
export type AlternativeHit = z.infer<typeof AlternativeHitSchema>;

/**
 * `results` match every constraint the shopper gave. When none does, `results` is empty and
 * `alternatives` holds near misses, each marked with what was relaxed; the two are never mixed.
 */
export const SearchResultSchema = z.object({
  understood: UnderstoodSchema,
  results: z.array(ProductHitSchema),
  alternatives: z.array(AlternativeHitSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SEARCH_LIMIT_MAX = 50;
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'Type what to look for').max(500),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(10),
});
export type SearchQuery = z.input<typeof SearchQuerySchema>;

export const SearchSyncSchema = z.object({ embedded: z.number().int().nonnegative(), deleted: z.number().int().nonnegative() });
export type SearchSync = z.infer<typeof SearchSyncSchema>;

export const searchApi = {
  /** `?q=…&limit=…` (the query string follows `query`). */
  searchProducts: { method: 'GET', path: '/api/search/products', request: z.void(), query: SearchQuerySchema, response: SearchResultSchema },
} as const;
