import { z } from 'zod';
import { CategorySchema, GenderSchema, MetalSchema, PuritySchema, RupeesSchema } from './catalog.js';

export const SORTS = ['price_asc', 'price_desc', 'weight_asc', 'weight_desc', 'newest'] as const;
export const SortSchema = z.enum(SORTS);
export type Sort = z.infer<typeof SortSchema>;

/** The occasions the understanding domain recognises (the demo catalog's tags use the same words). */
export const OCCASIONS = ['bridal', 'engagement', 'festive', 'daily wear', 'office', 'gift'] as const;

const Grams = z.number().positive();

/**
 * What a shopper's words mean as filters. Every field but `text` is set only when the words say so.
 * - `text`: the leftover meaningful words for ranking (lowercase). Style words ("jhumka", "kada")
 *   stay in it too; search filters by style only when the catalog has products of that style (see
 *   docs/decisions.md, Search).
 * - `sku`: upper-cased; compare case-insensitively.
 * - `metal: 'gold'` means yellow gold; rose and white gold are asked for by name.
 * - `stones`: every listed stone is wanted (all of them, not any of them).
 * - Price and weight bounds are inclusive; `priceAround`/`weightAroundGrams` are centres, the
 *   tolerance is the search's choice (`aroundBand` in understanding suggests one).
 */
export const UnderstoodSchema = z.object({
  text: z.string(),
  sku: z.string().min(1).optional(),
  category: CategorySchema.optional(),
  style: z.string().min(1).optional(),
  metal: MetalSchema.optional(),
  purity: PuritySchema.optional(),
  stones: z.array(z.string().min(1)).optional(),
  priceMin: RupeesSchema.optional(),
  priceMax: RupeesSchema.optional(),
  priceAround: RupeesSchema.optional(),
  weightMinGrams: Grams.optional(),
  weightMaxGrams: Grams.optional(),
  weightAroundGrams: Grams.optional(),
  gender: GenderSchema.optional(),
  occasion: z.string().min(1).optional(),
  sort: SortSchema.optional(),
  inStockOnly: z.boolean().optional(),
});
export type Understood = z.infer<typeof UnderstoodSchema>;
