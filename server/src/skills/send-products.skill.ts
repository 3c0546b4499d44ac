import { z } from 'zod';
import { catalogFiles, type Product } from '../contracts/index.js';
import { publicMediaPath } from '../media/index.js';
import { DomainError } from '../shared/errors.js';
import { LIMITS, imageMessage, productListMessage, productMessage, type GraphMessage } from '../whatsapp/index.js';
import { findProduct, json, parseArgs, toolDefinition, type SkillDeps } from './define.js';
import { rupees, toolProduct } from './format.js';
import { cardCaption, defaultBody, defaultHeader, productSections } from './product-cards.js';
import { TOOL, type SendProductsResult } from './tools.js';
import type { SkillContext, SkillManifest, SkillResult } from './types.js';

const MAX_PRODUCTS = LIMITS.productListItems;

const ConfigSchema = z.object({
  maxProducts: z.number().int('A whole number').min(1, 'At least 1').max(MAX_PRODUCTS, `At most ${MAX_PRODUCTS} (WhatsApp's limit for a product list)`).default(10)
    .describe('Most products in one message'),
  maxCards: z.number().int('A whole number').min(1, 'At least 1').max(10, 'At most 10').default(3)
    .describe('Most picture cards in a row when no WhatsApp catalog is connected'),
});

const Args = z.object({
  skus: z.array(z.string().trim().min(1, 'An SKU cannot be empty'), { error: 'Give skus: the SKUs of products from search results, e.g. ["SJ-BNG-0001"]' })
    .min(1, 'Give at least one SKU from search results').max(MAX_PRODUCTS, `At most ${MAX_PRODUCTS} SKUs`),
  header: z.string().trim().min(1, 'header cannot be empty; leave it out for a default').max(LIMITS.headerText, `header is at most ${LIMITS.headerText} characters`).optional(),
  body: z.string().trim().min(1, 'body cannot be empty; leave it out for a default').max(LIMITS.interactiveBody, `body is at most ${LIMITS.interactiveBody} characters`).optional(),
});
type Args = z.output<typeof Args>;
type Config = z.output<typeof ConfigSchema>;

/** The store's own picture of a product (admin API): what the simulator and the CLI show. */
const productImagePath = (sku: string): string => catalogFiles.productImage.replace(':sku', encodeURIComponent(sku));

function range(products: Product[]): string {
  const prices = products.map((p) => p.price);
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  return lo === hi ? rupees(lo) : `${rupees(lo)}–${rupees(hi)}`;
}

export function sendProductsSkill(deps: SkillDeps): SkillManifest<typeof ConfigSchema> {
  /** Meta fetches the picture: a public address for WhatsApp; the simulator and the CLI show the store's own path. */
  function imageUrl(p: Product, ctx: SkillContext): string | null {
    const image = p.images[0];
    if (!image) return null;
    return deps.publicUrl(publicMediaPath(image)) ?? (ctx.channel && ctx.channel !== 'whatsapp' ? productImagePath(p.sku) : null);
  }

  function catalogMessages(catalogId: string, products: Product[], args: Args, ctx: SkillContext): { messages: GraphMessage[]; format: SendProductsResult['format'] } {
    const [only] = products;
    if (products.length === 1 && only) {
      return { format: 'product', messages: [productMessage(ctx.to, { catalogId, productRetailerId: only.sku, ...(args.body ? { body: args.body } : {}) })] };
    }
    const message = productListMessage(ctx.to, {
      catalogId,
      header: args.header ?? defaultHeader(products),
      body: args.body ?? defaultBody(products.length, ctx.store.name),
      sections: productSections(products),
    });
    return { format: 'product_list', messages: [message] };
  }

  function send(args: Args, config: Config, ctx: SkillContext): SkillResult {
    const seen = new Set<string>();
    const products: Product[] = [];
    const unknownSkus: string[] = [];
    for (const sku of args.skus) {
      const key = sku.toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const p = findProduct(deps.catalog, sku);
      if (p) products.push(p);
      else unknownSkus.push(sku);
    }
    if (!products.length) {
      throw new DomainError('validation', `send_products: none of these SKUs is in the catalog (${unknownSkus.join(', ')}). Send only SKUs that search_products or get_product returned.`, { skus: 'Unknown SKUs' });
    }
    const catalogId = deps.catalogId()?.trim() || null;
    const cap = catalogId ? config.maxProducts : Math.min(config.maxProducts, config.maxCards);
    let sent: Product[];
    let notSent: Product[];
    let messages: GraphMessage[];
    let format: SendProductsResult['format'];
    if (catalogId) {
      sent = products.slice(0, cap);
      notSent = products.slice(cap);
      ({ messages, format } = catalogMessages(catalogId, sent, args, ctx));
    } else {
      format = 'image_cards';
      const cards = products.map((p) => ({ p, link: imageUrl(p, ctx) }));
      const withPicture = cards.filter((c): c is { p: Product; link: string } => c.link !== null).slice(0, cap);
      sent = withPicture.map((c) => c.p);
      notSent = products.filter((p) => !sent.includes(p));
      messages = withPicture.map((c) => imageMessage(ctx.to, { link: c.link }, { caption: cardCaption(c.p) }));
    }
    const skus = sent.map((p) => p.sku);
    const result: SendProductsResult = { sent: skus.length, skus, format, products: sent.map(toolProduct) };
    if (unknownSkus.length) result.unknownSkus = unknownSkus;
    if (notSent.length) result.notSent = notSent.map((p) => p.sku);
    if (!sent.length) result.note = 'No product picture has a public web address right now, so nothing was sent; describe the products in words instead.';
    else if (unknownSkus.length) result.note = `Not in the catalog, so not sent: ${unknownSkus.join(', ')}.`;
    const summary = sent.length ? `${format === 'image_cards' ? `${sent.length} image card${sent.length === 1 ? '' : 's'}` : format === 'product' ? '1 product' : `product list of ${sent.length}`}, ${range(sent)}` : 'nothing sent (no public pictures)';
    return { result: json(result), messages, summary, shownSkus: skus };
  }

  return {
    id: 'send_products',
    name: 'Send products',
    description: 'Shows products on WhatsApp the way shoppers expect: a product card or a multi-product list from your WhatsApp catalog (grouped as "22K Bangles", "18K Rings"), or picture cards with price, purity and weight when no catalog is connected.',
    summary: 'Sends product cards and multi-product lists',
    icon: 'layout-cards',
    configSchema: ConfigSchema,
    defaultEnabled: true,
    available: true,
    tools: [
      toolDefinition(TOOL.sendProducts, 'Show products to the shopper as WhatsApp product cards or a product list. Use only SKUs returned by search_products or get_product. Optional header (≤ 60 characters) and body (≤ 1,024) for a list.', Args),
    ],
    execute({ args, config, ctx }) {
      return send(parseArgs(TOOL.sendProducts, Args, args), config, ctx);
    },
  };
}
