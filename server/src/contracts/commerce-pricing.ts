import { z } from 'zod';
import { MetalSchema, PuritySchema } from './catalog.js';

/**
 * Gold-rate pricing (issue #8, part 6): today's rates per gram, set by hand or fetched from a feed,
 * and products priced by weight (metal × rate × purity + making + stones + hallmark, + 3% GST).
 */

/** Sane bounds in whole rupees per gram; anything outside is refused with the reason and the old rates stay. */
export const RATE_BOUNDS = {
  gold24: { min: 1_000, max: 50_000, label: 'Gold 24K' },
  silver: { min: 10, max: 1_000, label: 'Silver' },
  platinum: { min: 500, max: 20_000, label: 'Platinum' },
} as const;
export type RateKey = keyof typeof RATE_BOUNDS;
export const RATE_KEYS = ['gold24', 'silver', 'platinum'] as const satisfies readonly RateKey[];

const rate = (k: RateKey) => {
  const b = RATE_BOUNDS[k];
  return z
    .number({ error: `${b.label}: give the rate per gram in rupees` })
    .int(`${b.label}: whole rupees per gram`)
    .min(b.min, `${b.label} below ₹${b.min.toLocaleString('en-IN')} per gram is not a real rate (expected ₹${b.min.toLocaleString('en-IN')}–₹${b.max.toLocaleString('en-IN')})`)
    .max(b.max, `${b.label} above ₹${b.max.toLocaleString('en-IN')} per gram is not a real rate (expected ₹${b.min.toLocaleString('en-IN')}–₹${b.max.toLocaleString('en-IN')})`);
};
export const RateFieldSchemas = { gold24: rate('gold24'), silver: rate('silver'), platinum: rate('platinum') };

export const RateSourceSchema = z.enum(['manual', 'feed']);
export type RateSource = z.infer<typeof RateSourceSchema>;

/** One set of rates (today's, or a row of the history). A metal never set is null. */
export const MetalRatesSchema = z.object({
  id: z.number().int(),
  gold24: z.number().int().nullable(),
  silver: z.number().int().nullable(),
  platinum: z.number().int().nullable(),
  /** When the rates were quoted, ISO-8601 UTC. */
  asOf: z.string(),
  source: RateSourceSchema,
  createdAt: z.string(),
});
export type MetalRates = z.infer<typeof MetalRatesSchema>;

/** Setting rates by hand: at least one metal; the others keep today's rate. */
export const RatesInputSchema = z
  .object({ gold24: RateFieldSchemas.gold24.optional(), silver: RateFieldSchemas.silver.optional(), platinum: RateFieldSchemas.platinum.optional() })
  .refine((r) => r.gold24 !== undefined || r.silver !== undefined || r.platinum !== undefined, { error: 'Give at least one rate (gold 24K, silver or platinum)' });
export type RatesInput = z.infer<typeof RatesInputSchema>;

/** What a feed must answer: gold24 required, silver and platinum optional, asOf an ISO date-time. */
export const RateFeedPayloadSchema = z.strictObject({
  gold24: RateFieldSchemas.gold24,
  silver: RateFieldSchemas.silver.optional(),
  platinum: RateFieldSchemas.platinum.optional(),
  asOf: z.iso.datetime({ offset: true, error: 'asOf must be an ISO-8601 date-time, e.g. 2026-12-01T10:30:00+05:30' }),
});

export const RATE_FEED_DEFAULT_MINUTES = 60;
export const RateFeedInputSchema = z.object({
  /** null switches the feed off. */
  url: z.url({ protocol: /^https?$/, error: 'Enter a full http(s) address, e.g. https://rates.example.com/today.json' }).max(2000).nullable(),
  intervalMinutes: z.number().int('Whole minutes').min(5, 'At least every 5 minutes').max(1440, 'At most once a day (1440 minutes)').default(RATE_FEED_DEFAULT_MINUTES),
});
export const RateFeedSchema = z.object({
  url: z.string().nullable(),
  intervalMinutes: z.number().int(),
  lastFetchAt: z.string().nullable(),
  lastOkAt: z.string().nullable(),
  /** Why the last fetch was refused (the rates stayed as they were); null after a good fetch. */
  lastError: z.string().nullable(),
});
export type RateFeed = z.infer<typeof RateFeedSchema>;

export const MakingChargeSchema = z.object({
  kind: z.enum(['per_gram', 'percent']),
  /** per_gram: whole rupees per gram of net weight; percent: of the metal value, up to 2 decimals. */
  value: z.number().nonnegative('Making charge cannot be negative'),
});
export type MakingCharge = z.infer<typeof MakingChargeSchema>;

/** BIS HUID hallmarking charge per article (₹45, see docs/decisions.md). */
export const DEFAULT_HALLMARK_FEE = 45;

export const ProductPricingSchema = z.object({
  pricedByWeight: z.boolean(),
  making: MakingChargeSchema,
  stoneValue: z.number().int('Whole rupees').nonnegative('Stone value cannot be negative'),
  hallmarkFee: z.number().int('Whole rupees').nonnegative('Hallmark fee cannot be negative'),
});
export type ProductPricing = z.infer<typeof ProductPricingSchema>;

export const ProductPricingInputSchema = z
  .object({
    pricedByWeight: z.boolean().default(false),
    making: MakingChargeSchema.default({ kind: 'percent', value: 0 }),
    stoneValue: ProductPricingSchema.shape.stoneValue.default(0),
    hallmarkFee: ProductPricingSchema.shape.hallmarkFee.default(DEFAULT_HALLMARK_FEE),
  })
  .superRefine((p, ctx) => {
    if (p.making.kind === 'per_gram' && !Number.isInteger(p.making.value)) ctx.addIssue({ code: 'custom', path: ['making', 'value'], message: 'Whole rupees per gram' });
    if (p.making.kind === 'per_gram' && p.making.value > 20_000) ctx.addIssue({ code: 'custom', path: ['making', 'value'], message: 'At most ₹20,000 per gram' });
    if (p.making.kind === 'percent' && p.making.value > 100) ctx.addIssue({ code: 'custom', path: ['making', 'value'], message: 'At most 100%' });
    if (p.making.kind === 'percent' && Math.round(p.making.value * 100) !== Math.round(p.making.value * 100 * 1e6) / 1e6) ctx.addIssue({ code: 'custom', path: ['making', 'value'], message: 'At most 2 decimals' });
  });
export type ProductPricingInput = z.input<typeof ProductPricingInputSchema>;

/** The price in parts, whole rupees; metal + making + stones + hallmark + gst = price, exactly. */
export const PriceBreakupSchema = z.object({ metal: z.number().int(), making: z.number().int(), stones: z.number().int(), hallmark: z.number().int(), gst: z.number().int() });
export type PriceBreakup = z.infer<typeof PriceBreakupSchema>;

/** The rate a price was worked out with: the metal's rate per gram, the purity factor, and when it was quoted. */
export const RateUsedSchema = z.object({
  metal: z.enum(['gold', 'silver', 'platinum']),
  /** Rupees per gram of the pure metal (24K for gold). */
  perGram: z.number().int(),
  purity: PuritySchema,
  /** 22K → 0.916 */
  purityFactor: z.number(),
  asOf: z.string(),
  source: RateSourceSchema,
});
export type RateUsed = z.infer<typeof RateUsedSchema>;

/** `revive price SKU --json` and `GET /api/pricing/:sku/quote`. Not priced by weight: the catalog price, breakup and rate null. */
export const PriceQuoteSchema = z.object({ sku: z.string(), price: z.number().int(), breakup: PriceBreakupSchema.nullable(), rate: RateUsedSchema.nullable() });
export type PriceQuote = z.infer<typeof PriceQuoteSchema>;

/** A product's row on the "Priced by weight" screen. */
export const PricedProductSchema = z.object({
  sku: z.string(),
  name: z.string(),
  metal: MetalSchema.nullable(),
  purity: PuritySchema.nullable(),
  netWeightGrams: z.number().nullable(),
  /** The catalog's price now. */
  price: z.number().int(),
  pricing: ProductPricingSchema.nullable(),
  /** The worked-out price with today's rates, when it can be worked out. */
  quote: PriceQuoteSchema.nullable(),
  /** Why it cannot be priced by weight (no purity, no net weight, no rate for the metal). */
  problem: z.string().nullable(),
});
export type PricedProduct = z.infer<typeof PricedProductSchema>;

export const RepriceResultSchema = z.object({
  repriced: z.array(z.object({ sku: z.string(), from: z.number().int(), to: z.number().int() })),
  skipped: z.array(z.object({ sku: z.string(), reason: z.string() })),
});
export type RepriceResult = z.infer<typeof RepriceResultSchema>;

export const RatesStateSchema = z.object({ rates: MetalRatesSchema.nullable(), feed: RateFeedSchema });
export type RatesState = z.infer<typeof RatesStateSchema>;

export const FetchResultSchema = z.object({
  ok: z.boolean(),
  /** false when the feed answered the rates already in use. */
  changed: z.boolean(),
  error: z.string().nullable(),
  rates: MetalRatesSchema.nullable(),
  reprice: RepriceResultSchema.nullable(),
});
export type FetchResult = z.infer<typeof FetchResultSchema>;

/** The `price_breakup` tool's result (an always-on skill): the offline brain reads it to say the lines. */
export const PRICE_BREAKUP_TOOL = 'price_breakup';
export interface PriceBreakupToolResult {
  found: boolean;
  sku: string;
  name: string | null;
  price: number | null;
  priceText: string | null;
  pricedByWeight: boolean;
  /** Each part with its Indian-format text, in order: metal, making, stones, hallmark, gst (zero parts left out). */
  lines: { part: keyof PriceBreakup; label: string; amount: number; text: string }[];
  rate: (RateUsed & { perGramText: string }) | null;
  weightGrams: number | null;
  note?: string;
}

export const pricingApi = {
  getRates: { method: 'GET', path: '/api/rates', request: z.void(), response: RatesStateSchema },
  setRates: { method: 'PUT', path: '/api/rates', request: RatesInputSchema, response: z.object({ rates: MetalRatesSchema, reprice: RepriceResultSchema }) },
  rateHistory: { method: 'GET', path: '/api/rates/history', request: z.void(), response: z.object({ history: z.array(MetalRatesSchema) }) },
  setRateFeed: { method: 'PUT', path: '/api/rates/feed', request: RateFeedInputSchema, response: RateFeedSchema },
  fetchRates: { method: 'POST', path: '/api/rates/feed/fetch', request: z.object({}).optional(), response: FetchResultSchema },
  listPricing: { method: 'GET', path: '/api/pricing', request: z.void(), response: z.object({ products: z.array(PricedProductSchema) }) },
  setPricing: { method: 'PUT', path: '/api/pricing/:sku', request: ProductPricingInputSchema, response: PricedProductSchema },
  previewPricing: { method: 'POST', path: '/api/pricing/:sku/preview', request: ProductPricingInputSchema, response: PricedProductSchema },
  getQuote: { method: 'GET', path: '/api/pricing/:sku/quote', request: z.void(), response: PriceQuoteSchema },
} as const;
