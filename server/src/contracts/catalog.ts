import { z } from 'zod';

export const CATEGORIES = ['ring', 'earrings', 'necklace', 'chain', 'bangle', 'bracelet', 'pendant', 'mangalsutra', 'anklet', 'nose pin', 'set', 'other'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const METALS = ['gold', 'rose gold', 'white gold', 'silver', 'platinum'] as const;
export const MetalSchema = z.enum(METALS);
export type Metal = z.infer<typeof MetalSchema>;

/** Karats for gold; fineness for silver (925) and platinum (950). "916" → 22K, "750" → 18K, "585" → 14K. */
export const PURITIES = ['24K', '22K', '18K', '14K', '925', '950'] as const;
export const PuritySchema = z.enum(PURITIES);
export type Purity = z.infer<typeof PuritySchema>;

export const GENDERS = ['women', 'men', 'unisex', 'kids'] as const;
export const GenderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof GenderSchema>;

/** Whole rupees, never a float. */
export const RupeesSchema = z.number().int('Money is whole rupees').nonnegative();
/** Grams with at most 3 decimals (stored as milligrams). */
export const GramsSchema = z.number().nonnegative().refine((g) => Number.isInteger(Math.round(g * 1000)) && Math.abs(g * 1000 - Math.round(g * 1000)) < 1e-6, 'At most 3 decimals');

/** A product as the API, CLI and screens see it. */
export const ProductSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  category: CategorySchema,
  style: z.string().trim().max(60).nullable().default(null),
  metal: MetalSchema.nullable().default(null),
  purity: PuritySchema.nullable().default(null),
  grossWeightGrams: GramsSchema.nullable().default(null),
  netWeightGrams: GramsSchema.nullable().default(null),
  stones: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  stoneCarat: z.number().nonnegative().nullable().default(null),
  price: RupeesSchema,
  stock: z.number().int().nonnegative().default(0),
  description: z.string().max(4000).default(''),
  gender: GenderSchema.nullable().default(null),
  occasions: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Paths under the data dir's media folder, e.g. "products/SJ-RNG-0001.png". */
  images: z.array(z.string()).max(10).default([]),
  /** The product's page on the store's website, for "Visit website" buttons. */
  url: z.url().nullable().default(null),
  updatedAt: z.string().optional(),
});
export type Product = z.infer<typeof ProductSchema>;
export type ProductInput = z.input<typeof ProductSchema>;
