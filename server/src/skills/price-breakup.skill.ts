import { z } from 'zod';
import { PRICE_BREAKUP_TOOL, type PriceBreakup, type PriceBreakupToolResult, type PriceQuote } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { findProduct, json, parseArgs, toolDefinition, type SkillDeps } from './define.js';
import { rupees } from './format.js';
import type { SkillManifest } from './types.js';

/** Gold-rate pricing (commerce): a product's price and its parts; DomainError('not_found') for an unknown SKU. */
export interface PricingPort {
  quote(sku: string): PriceQuote;
}

const ConfigSchema = z.object({});
const Args = z.object({ sku: z.string().trim().min(1, 'give the product code (SKU) asked about').max(64) });

const LABELS: Record<keyof PriceBreakup, string> = { metal: 'Metal', making: 'Making charges', stones: 'Stones', hallmark: 'Hallmark (BIS HUID)', gst: 'GST 3%' };
const PARTS = ['metal', 'making', 'stones', 'hallmark', 'gst'] as const;

/** The tool's result from a quote: Indian-format texts the brains say as they are; zero parts left out (except GST). */
export function breakupResult(q: PriceQuote, name: string | null, weightGrams: number | null): PriceBreakupToolResult {
  const lines = q.breakup ? PARTS.filter((p) => (q.breakup as PriceBreakup)[p] > 0 || p === 'metal').map((part) => ({ part, label: LABELS[part], amount: (q.breakup as PriceBreakup)[part], text: rupees((q.breakup as PriceBreakup)[part]) })) : [];
  return {
    found: true, sku: q.sku, name, price: q.price, priceText: rupees(q.price), pricedByWeight: q.breakup !== null, lines,
    rate: q.rate ? { ...q.rate, perGramText: rupees(q.rate.perGram) } : null, weightGrams,
    ...(q.breakup ? {} : { note: 'A fixed price set by the store, not worked out from the day\'s metal rate: there is no breakup to give.' }),
  };
}

const notFound = (sku: string): PriceBreakupToolResult => ({ found: false, sku, name: null, price: null, priceText: null, pricedByWeight: false, lines: [], rate: null, weightGrams: null });

/**
 * Built in and always on when the store prices by weight: "why is it ₹62,340?" — the metal at
 * today's rate, making charges, stones, hallmark fee and GST, adding up to the price.
 */
export function priceBreakupSkill(deps: Pick<SkillDeps, 'catalog'> & { pricing?: PricingPort }): SkillManifest<typeof ConfigSchema> {
  return {
    id: 'price_breakup',
    name: 'Price breakup',
    description: 'Answers "why is it ₹62,340?" and "making charge kitna hai?": the metal at today\'s gold, silver or platinum rate, making charges, stones, the hallmark fee and 3% GST, adding up exactly to the price.',
    summary: 'Metal, making, stones, hallmark and GST of a price · always on',
    icon: 'coin',
    configSchema: ConfigSchema,
    defaultEnabled: true,
    available: deps.pricing !== undefined,
    alwaysOn: true,
    tools: [toolDefinition(PRICE_BREAKUP_TOOL, 'How a product\'s price is made up: metal (weight × today\'s rate × purity), making charges, stones, hallmark fee and 3% GST, with the rate and its date. Use it when the shopper asks why a piece costs what it does, or about making charges.', Args)],
    execute({ args }) {
      const { sku } = parseArgs(PRICE_BREAKUP_TOOL, Args, args);
      const product = findProduct(deps.catalog, sku);
      if (!product || !deps.pricing) return { result: json(notFound(sku)), summary: `${sku}: no such product` };
      let q: PriceQuote;
      try {
        q = deps.pricing.quote(product.sku);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        // priced by weight but not workable now (e.g. no rate): the catalog price, no breakup
        q = { sku: product.sku, price: product.price, breakup: null, rate: null };
      }
      const result = breakupResult(q, product.name, product.netWeightGrams);
      const summary = q.breakup ? `${q.sku} ${rupees(q.price)} = metal ${rupees(q.breakup.metal)} + making ${rupees(q.breakup.making)} + GST ${rupees(q.breakup.gst)}` : `${q.sku} ${rupees(q.price)}, fixed price`;
      return { result: json(result), summary };
    },
  };
}
