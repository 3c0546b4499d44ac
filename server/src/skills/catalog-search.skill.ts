import { z } from 'zod';
import { SEARCH_LIMIT_MAX, type ProductHit } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { findProduct, json, parseArgs, toolDefinition, type SkillDeps } from './define.js';
import { filtersInWords } from './filters.js';
import { rupees, toolProduct, toolProductFromHit } from './format.js';
import { TOOL, type GetProductResult, type SearchProductsResult } from './tools.js';
import type { SkillManifest } from './types.js';

/** The most products one search_products call returns (a product list holds 30). */
export const SEARCH_TOOL_MAX = 30;

const ConfigSchema = z.object({
  maxResults: z.number().int('A whole number').min(1, 'At least 1').max(SEARCH_TOOL_MAX, `At most ${SEARCH_TOOL_MAX}`).default(10)
    .describe('Most products one search shows'),
  showOutOfStock: z.boolean().default(false).describe('Also show pieces that are out of stock'),
});

const SearchArgs = z.object({
  query: z.string({ error: 'Give the query: what the shopper wants, in their words, e.g. "gold bangles under 50k"' })
    .trim().min(1, 'Give the query: what the shopper wants, e.g. "gold bangles under 50k"').max(500, 'Keep the query under 500 characters'),
  limit: z.coerce.number().int('limit is a whole number').min(1, 'limit is at least 1').max(SEARCH_TOOL_MAX, `limit is at most ${SEARCH_TOOL_MAX}`).optional(),
});

const GetArgs = z.object({
  sku: z.string({ error: 'Give the sku of a product from search results, e.g. "SJ-BNG-0001"' }).trim().min(1, 'Give the sku of a product from search results'),
});

/** Extra rows asked of the search so hiding out-of-stock pieces still fills the answer. */
const STOCK_HEADROOM = 20;

function priceRange(prices: number[]): string {
  if (!prices.length) return '';
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  return lo === hi ? `, ${rupees(lo)}` : `, ${rupees(lo)}–${rupees(hi)}`;
}

export function catalogSearchSkill(deps: SkillDeps): SkillManifest<typeof ConfigSchema> {
  async function searchProducts(args: unknown, config: z.output<typeof ConfigSchema>) {
    const { query, limit: asked } = parseArgs(TOOL.searchProducts, SearchArgs, args);
    const limit = Math.min(asked ?? config.maxResults, config.maxResults);
    const ask = { limit: config.showOutOfStock ? limit : Math.min(SEARCH_LIMIT_MAX, limit + STOCK_HEADROOM) };
    let found = await deps.search.search(query, ask);
    if (!config.showOutOfStock && found.results.length > 0 && found.results.every((h) => h.stock <= 0)) {
      // Every match is out of stock and the owner hides those: ask for in-stock pieces only, so the
      // near misses offered (a little over budget, another purity…) are ones the shopper can buy.
      found = await deps.search.search(`${query} in stock`, ask);
    }
    const shown = (h: ProductHit) => config.showOutOfStock || h.stock > 0;
    const products = found.results.filter(shown).slice(0, limit).map(toolProductFromHit);
    const alternatives = products.length
      ? []
      : found.alternatives.filter(shown).slice(0, limit).map((a) => ({ ...toolProductFromHit(a), relaxed: a.relaxed }));
    const result: SearchProductsResult = { query, count: products.length, products, alternatives, filters: filtersInWords(found.understood) };
    const summary = products.length
      ? `${products.length} product${products.length === 1 ? '' : 's'}${priceRange(products.map((p) => p.price))}`
      : `no match; ${alternatives.length} alternative${alternatives.length === 1 ? '' : 's'}`;
    return { result: json(result), summary: `"${query}": ${summary}` };
  }

  function getProduct(args: unknown) {
    const { sku } = parseArgs(TOOL.getProduct, GetArgs, args);
    const p = findProduct(deps.catalog, sku);
    if (!p) {
      const result: GetProductResult = { found: false, product: null };
      return { result: json(result), summary: `${sku}: not in the catalog` };
    }
    const product = {
      ...toolProduct(p),
      description: p.description,
      stones: p.stones,
      // The catalog has no making-charges column yet: never a guess.
      makingCharges: null,
      makingChargesText: null,
      url: p.url,
      occasions: p.occasions,
    };
    const result: GetProductResult = { found: true, product };
    return { result: json(result), summary: `${p.sku}: ${p.name}, ${rupees(p.price)}, ${p.stock > 0 ? `${p.stock} in stock` : 'out of stock'}` };
  }

  return {
    id: 'catalog_search',
    name: 'Catalog search',
    description: 'Finds pieces in your catalog from what the shopper says ("gold jhumkas under 40k", "22K kada", "something for my wife"), with prices and stock straight from the catalog. When nothing matches, it offers the nearest pieces and says what differs.',
    summary: 'Finds products by budget, metal, purity, stones and style',
    icon: 'search',
    configSchema: ConfigSchema,
    defaultEnabled: true,
    available: true,
    tools: [
      toolDefinition(TOOL.searchProducts, 'Search the store catalog with the shopper\'s words (budget, metal, purity, category, stones, style, occasion). Returns matching products best first with exact prices and stock, or near alternatives and what was relaxed. Use it before naming any product or price.', SearchArgs),
      toolDefinition(TOOL.getProduct, 'Full details of one product by its SKU (description, stones, weight, price, stock, occasions, web page).', GetArgs),
    ],
    execute({ tool, args, config }) {
      if (tool === TOOL.searchProducts) return searchProducts(args, config);
      if (tool === TOOL.getProduct) return getProduct(args);
      throw new DomainError('not_found', `Catalog search has no tool "${tool}"`);
    },
  };
}
