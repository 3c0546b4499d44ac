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

/** Which purities each metal can have: pure gold is only yellow; silver is sterling; platinum Pt950. */
export const PURITIES_BY_METAL: Record<Metal, readonly Purity[]> = {
  gold: ['24K', '22K', '18K', '14K'],
  'rose gold': ['22K', '18K', '14K'],
  'white gold': ['22K', '18K', '14K'],
  silver: ['925'],
  platinum: ['950'],
};

export const GENDERS = ['women', 'men', 'unisex', 'kids'] as const;
export const GenderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof GenderSchema>;

/** Whole rupees, never a float. */
export const RupeesSchema = z.number().int('Money is whole rupees').nonnegative('A price cannot be negative');
/** Grams with at most 3 decimals (stored as milligrams). */
export const GramsSchema = z
  .number()
  .nonnegative('A weight cannot be negative')
  .refine((g) => Number.isInteger(Math.round(g * 1000)) && Math.abs(g * 1000 - Math.round(g * 1000)) < 1e-6, 'At most 3 decimals');

/** Each product field's own rule, without defaults (the patch schema below must not invent values). */
const fields = {
  sku: z.string().trim().min(1, 'Give the product a SKU').max(64, 'A SKU has at most 64 characters'),
  name: z.string().trim().min(1, 'Give the product a name').max(200),
  category: CategorySchema,
  style: z.string().trim().max(60).nullable(),
  metal: MetalSchema.nullable(),
  purity: PuritySchema.nullable(),
  grossWeightGrams: GramsSchema.nullable(),
  netWeightGrams: GramsSchema.nullable(),
  stones: z.array(z.string().trim().min(1).max(40)).max(20),
  stoneCarat: z.number().nonnegative('Carats cannot be negative').nullable(),
  price: RupeesSchema,
  stock: z.number().int('Stock is a whole number').nonnegative('Stock cannot be negative'),
  description: z.string().max(4000),
  gender: GenderSchema.nullable(),
  occasions: z.array(z.string().trim().min(1).max(40)).max(20),
  images: z.array(z.string()).max(10),
  url: z.url('Enter a full web address, e.g. https://…').nullable(),
};

/** A product as the API, CLI and screens see it. */
export const ProductSchema = z.object({
  sku: fields.sku,
  name: fields.name,
  category: fields.category,
  style: fields.style.default(null),
  metal: fields.metal.default(null),
  purity: fields.purity.default(null),
  grossWeightGrams: fields.grossWeightGrams.default(null),
  netWeightGrams: fields.netWeightGrams.default(null),
  stones: fields.stones.default([]),
  stoneCarat: fields.stoneCarat.default(null),
  price: fields.price,
  stock: fields.stock.default(0),
  description: fields.description.default(''),
  gender: fields.gender.default(null),
  occasions: fields.occasions.default([]),
  /** Paths under the data dir's media folder, e.g. "products/SJ-RNG-0001.png". */
  images: fields.images.default([]),
  /** The product's page on the store's website, for "Visit website" buttons. */
  url: fields.url.default(null),
  updatedAt: z.string().optional(),
});
export type Product = z.infer<typeof ProductSchema>;
export type ProductInput = z.input<typeof ProductSchema>;

export interface ProductIssue {
  path: keyof Product;
  message: string;
}

/**
 * Rules across fields, shared by the API, the importer and the Products screen: net weight within
 * gross, and a purity the metal can have.
 */
export function productIssues(p: Pick<Product, 'metal' | 'purity' | 'grossWeightGrams' | 'netWeightGrams'>): ProductIssue[] {
  const issues: ProductIssue[] = [];
  if (p.grossWeightGrams !== null && p.netWeightGrams !== null && p.netWeightGrams > p.grossWeightGrams) {
    issues.push({ path: 'netWeightGrams', message: `Net weight (${p.netWeightGrams} g) is more than gross weight (${p.grossWeightGrams} g)` });
  }
  if (p.metal !== null && p.purity !== null && !PURITIES_BY_METAL[p.metal].includes(p.purity)) {
    issues.push({ path: 'purity', message: `${p.metal} cannot be ${p.purity} (use ${PURITIES_BY_METAL[p.metal].join(', ')})` });
  }
  return issues;
}

function withRules<T extends z.ZodType<Pick<Product, 'metal' | 'purity' | 'grossWeightGrams' | 'netWeightGrams'>>>(schema: T) {
  return schema.superRefine((p, ctx) => {
    for (const i of productIssues(p)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  });
}

/** `POST /api/products`: a new product. Images are added with the image upload, not here. */
export const ProductCreateSchema = withRules(ProductSchema.omit({ updatedAt: true, images: true }));
export type ProductCreate = z.input<typeof ProductCreateSchema>;

/**
 * `PUT /api/products/:sku`: the fields to change (any subset; a grid cell edit sends one). The SKU
 * is the path's and cannot change; images have their own routes. The merged product is checked
 * with every rule before it is saved.
 */
export const ProductPatchSchema = z.object(fields).omit({ sku: true, images: true }).partial();
export type ProductPatch = z.input<typeof ProductPatchSchema>;

export const ProductListSchema = z.object({ products: z.array(ProductSchema), total: z.number().int().nonnegative() });
export type ProductList = z.infer<typeof ProductListSchema>;

export const ProductDeletedSchema = z.object({ sku: z.string(), deleted: z.literal(true) });

// ---------------------------------------------------------------- import

/** The product fields a spreadsheet column can be mapped to. */
export const PRODUCT_FIELDS = [
  'sku', 'name', 'category', 'style', 'metal', 'purity', 'grossWeightGrams', 'netWeightGrams', 'stones', 'stoneCarat',
  'price', 'stock', 'description', 'gender', 'occasions', 'images', 'url',
] as const;
export const ProductFieldSchema = z.enum(PRODUCT_FIELDS);
export type ProductField = z.infer<typeof ProductFieldSchema>;

/** How the mapping step names each field. */
export const PRODUCT_FIELD_LABELS: Record<ProductField, string> = {
  sku: 'SKU',
  name: 'Name',
  category: 'Category / type',
  style: 'Style',
  metal: 'Metal',
  purity: 'Purity / karat',
  grossWeightGrams: 'Gross weight (g)',
  netWeightGrams: 'Net weight (g)',
  stones: 'Stones',
  stoneCarat: 'Stone carat',
  price: 'Price (₹)',
  stock: 'Stock',
  description: 'Description',
  gender: 'Gender',
  occasions: 'Occasions',
  images: 'Image file',
  url: 'Web page',
};

/**
 * A file's column mapping: header → product field, or null for a column that is not imported.
 * Only `sku` is required; a new product also needs `name` and `price` (a stock or price update file
 * with just "Item Code, Qty" is fine). Unmapped fields keep their saved values on update.
 */
export const ImportMappingSchema = z.record(z.string(), ProductFieldSchema.nullable());
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const ImportFormatSchema = z.enum(['csv', 'xlsx']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;
export const ImportSourceSchema = z.enum(['upload', 'cli', 'inbox', 'demo']);
export type ImportSource = z.infer<typeof ImportSourceSchema>;
export const ImportStatusSchema = z.enum(['uploaded', 'queued', 'running', 'done', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

/** `row` is the spreadsheet row number as the user sees it: the header is row 1. */
export const RejectedRowSchema = z.object({ row: z.number().int().positive(), reason: z.string() });
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

/** Something imported, but not quite as written (e.g. an image file that was not found). */
export const ImportWarningSchema = z.object({ row: z.number().int().positive(), message: z.string() });

/** The result of one import; also exactly what `revive import catalog --json` prints (plus `error` on failure). */
export const ImportReportSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.array(RejectedRowSchema),
  mapping: ImportMappingSchema,
  dryRun: z.boolean(),
  /** Data rows read (blank rows not counted). */
  rows: z.number().int().nonnegative(),
  warnings: z.array(ImportWarningSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** `POST /api/catalog/imports` answer: what the mapping step shows. */
export const ImportPreviewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: ImportFormatSchema,
  headers: z.array(z.string()),
  /** The first 10 data rows, one string per header, as the spreadsheet shows them. */
  sampleRows: z.array(z.array(z.string())),
  /** The mapping to start from: the one last confirmed for this file name, else guessed from headers and values. */
  suggestedMapping: ImportMappingSchema,
  mappingSource: z.enum(['remembered', 'suggested']),
  rowCount: z.number().int().nonnegative(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** `POST /api/catalog/imports/:id/run`. A given mapping overrides the suggestion header by header. */
export const ImportRunSchema = z.object({
  mapping: ImportMappingSchema.optional(),
  dryRun: z.boolean().default(false),
});
export type ImportRun = z.input<typeof ImportRunSchema>;

export const ImportCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});

export const ImportJobSummarySchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: ImportFormatSchema,
  source: ImportSourceSchema,
  status: ImportStatusSchema,
  dryRun: z.boolean(),
  progress: z.object({ processed: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  counts: ImportCountsSchema.nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJobSummary = z.infer<typeof ImportJobSummarySchema>;

/** `GET /api/catalog/imports/:id`: status and progress; the report once done. */
export const ImportJobSchema = ImportJobSummarySchema.extend({ report: ImportReportSchema.nullable() });
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportJobListSchema = z.object({ imports: z.array(ImportJobSummarySchema) });

// ---------------------------------------------------------------- API

export const catalogApi = {
  listProducts: { method: 'GET', path: '/api/products', request: z.void(), response: ProductListSchema },
  getProduct: { method: 'GET', path: '/api/products/:sku', request: z.void(), response: ProductSchema },
  createProduct: { method: 'POST', path: '/api/products', request: ProductCreateSchema, response: ProductSchema },
  updateProduct: { method: 'PUT', path: '/api/products/:sku', request: ProductPatchSchema, response: ProductSchema },
  deleteProduct: { method: 'DELETE', path: '/api/products/:sku', request: z.void(), response: ProductDeletedSchema },
  deleteProductImage: { method: 'DELETE', path: '/api/products/:sku/image', request: z.void(), response: ProductSchema },
  listImports: { method: 'GET', path: '/api/catalog/imports', request: z.void(), response: ImportJobListSchema },
  getImport: { method: 'GET', path: '/api/catalog/imports/:id', request: z.void(), response: ImportJobSchema },
  runImport: { method: 'POST', path: '/api/catalog/imports/:id/run', request: ImportRunSchema, response: ImportJobSchema },
} as const;

/**
 * Uploads: the raw file as the body with `Content-Type: application/octet-stream` (the type is
 * read from the bytes, never trusted from a header). Not in the JSON `api` table because the body is
 * not JSON; the response is.
 */
export const catalogUploads = {
  /** `?fileName=stock.xlsx` names the file (its extension is only a hint). */
  startImport: { method: 'POST', path: '/api/catalog/imports', maxBytes: 50 * 1024 * 1024, response: ImportPreviewSchema },
  /** PNG, JPEG or WebP; stored resized to at most 1200 px. Replaces the product's image. */
  uploadProductImage: { method: 'POST', path: '/api/products/:sku/image', maxBytes: 10 * 1024 * 1024, response: ProductSchema },
} as const;

/**
 * Plain GETs that are not JSON. The product image answers the photo (PNG or JPEG) or, when there
 * is none, a drawn SVG placeholder; browsers revalidate it on each view, so a new upload shows at
 * once. The rejected-rows CSV has Row, Reason, then the file's own columns (fix and re-import it).
 */
export const catalogFiles = {
  productImage: '/api/products/:sku/image',
  rejectedRowsCsv: '/api/catalog/imports/:id/rejected.csv',
} as const;
