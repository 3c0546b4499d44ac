import { z } from 'zod';
import { catalogFiles, type Product } from '../contracts/index.js';
import { publicMediaPath } from '../media/index.js';
import { DomainError } from '../shared/errors.js';
import { LIMITS, catalogMessage, productListMessage, productMessage, type GraphMessage } from '../whatsapp/index.js';
import { findProduct, json, parseArgs, toolDefinition, type SkillDeps } from './define.js';
import { rupees, toolProduct } from './format.js';
import { defaultBody, defaultHeader, fit, moreNote, productCard, productSections } from './product-cards.js';
import { callStoreMessage } from './store-ctas.js';
import { TOOL, type SendProductsResult } from './tools.js';
import type { SkillContext, SkillManifest, SkillResult } from './types.js';

const MAX_PRODUCTS = LIMITS.productListItems;
export const SEND_CATALOG = TOOL.sendCatalog;
export const SHARE_CONTACT = TOOL.shareContact;

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
const CatalogArgs = z.object({
  body: z.string().trim().min(1, 'body cannot be empty; leave it out for a default').max(LIMITS.interactiveBody, `body is at most ${LIMITS.interactiveBody} characters`).optional(),
  thumbnailSku: z.string().trim().min(1).optional(),
});
/** What send_products reports beyond the shared result: the picture cards sent for products Meta does not hold, and how many matched beyond 30. */
type Result = SendProductsResult & { cards?: string[]; more?: number };
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

  /** Picture cards (with "Visit website" when the product has a page) for products that cannot go in a product message. */
  function cards(products: Product[], cap: number, ctx: SkillContext): { sent: Product[]; messages: GraphMessage[] } {
    const withPicture = products.map((p) => ({ p, link: imageUrl(p, ctx) })).filter((c): c is { p: Product; link: string } => c.link !== null).slice(0, cap);
    return { sent: withPicture.map((c) => c.p), messages: withPicture.map((c) => productCard(ctx.to, c.p, c.link)) };
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
    let sent: Product[];
    let messages: GraphMessage[];
    let format: SendProductsResult['format'];
    let cardSkus: string[];
    // The best ones (search order) up to the list's 30; the rest are offered as "see more".
    const best = products.slice(0, config.maxProducts);
    const beyond = catalogId ? products.length - best.length : 0;
    if (catalogId) {
      // Only SKUs Meta holds go in a product message; the others become picture cards.
      const synced = deps.catalogSync?.syncedAmong(best.map((p) => p.sku)) ?? null;
      const inCatalog = synced ? best.filter((p) => synced.has(p.sku)) : best;
      const outside = synced ? best.filter((p) => !synced.has(p.sku)) : [];
      const listed = inCatalog.length ? catalogMessages(catalogId, inCatalog, args, ctx) : { messages: [], format: 'image_cards' as const };
      const fallback = cards(outside, config.maxCards, ctx);
      sent = [...inCatalog, ...fallback.sent];
      cardSkus = fallback.sent.map((p) => p.sku);
      messages = [...listed.messages, ...fallback.messages];
      format = listed.format;
    } else {
      format = 'image_cards';
      ({ sent, messages } = cards(products, Math.min(config.maxProducts, config.maxCards), ctx));
      cardSkus = sent.map((p) => p.sku);
    }
    const notSent = products.filter((p) => !sent.includes(p));
    const skus = sent.map((p) => p.sku);
    const result: Result = { sent: skus.length, skus, format, products: sent.map(toolProduct) };
    if (unknownSkus.length) result.unknownSkus = unknownSkus;
    if (notSent.length) result.notSent = notSent.map((p) => p.sku);
    if (catalogId && cardSkus.length) result.cards = cardSkus;
    if (beyond > 0) result.more = beyond;
    if (!sent.length) result.note = 'No product picture has a public web address right now, so nothing was sent; describe the products in words instead.';
    else if (beyond > 0) result.note = moreNote(beyond, best.length);
    else if (unknownSkus.length) result.note = `Not in the catalog, so not sent: ${unknownSkus.join(', ')}.`;
    const shown = format === 'image_cards' ? `${sent.length} image card${sent.length === 1 ? '' : 's'}` : `${format === 'product' ? '1 product' : `product list of ${sent.length - cardSkus.length}`}${cardSkus.length ? ` + ${cardSkus.length} card${cardSkus.length === 1 ? '' : 's'} (not in the WhatsApp catalog yet)` : ''}`;
    const summary = sent.length ? `${shown}, ${range(sent)}` : 'nothing sent (no public pictures)';
    return { result: json(result), messages, summary, shownSkus: skus };
  }

  /** "Show me everything": the catalog message opens the whole WhatsApp catalog. */
  function sendCatalog(args: z.output<typeof CatalogArgs>, ctx: SkillContext): SkillResult {
    const catalogId = deps.catalogId()?.trim() || null;
    if (!catalogId) return { result: json({ sent: 0, note: 'No WhatsApp catalog is connected; search and send products instead.' }), messages: [], summary: 'no catalog connected' };
    let thumb = args.thumbnailSku ? findProduct(deps.catalog, args.thumbnailSku)?.sku : undefined;
    if (thumb && deps.catalogSync?.syncedAmong([thumb])?.has(thumb) === false) thumb = undefined;
    const body = args.body ?? fit(`Browse all of ${ctx.store.name}'s designs here: tap View catalog, add what you like to the cart and send it to us.`, LIMITS.interactiveBody);
    return {
      result: json({ sent: 1, format: 'catalog_message', ...(thumb ? { thumbnailSku: thumb } : {}) }),
      messages: [catalogMessage(ctx.to, { body, ...(thumb ? { thumbnailProductRetailerId: thumb } : {}) })],
      summary: 'the whole catalog',
    };
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
      toolDefinition(TOOL.sendProducts, 'Show products to the shopper as WhatsApp product cards or a product list. Use only SKUs returned by search_products or get_product, best first (at most 30; beyond the skill setting the rest are reported as "more"). Optional header (≤ 60 characters) and body (≤ 1,024) for a list.', Args),
      toolDefinition(SEND_CATALOG, 'When the shopper wants to see everything / the whole catalog: sends the WhatsApp catalog message (a "View catalog" button). Optional body and thumbnailSku (a product whose picture heads it).', CatalogArgs),
      toolDefinition(SHARE_CONTACT, "When the shopper wants to call the store: sends the store's contact card (one tap to call).", z.object({})),
    ],
    execute({ tool, args, config, ctx }) {
      if (tool === SEND_CATALOG) return sendCatalog(parseArgs(SEND_CATALOG, CatalogArgs, args), ctx);
      if (tool === SHARE_CONTACT) return { result: json({ sent: 1, phone: ctx.store.phone }), messages: [callStoreMessage(ctx.to, ctx.store)], summary: 'store contact card' };
      return send(parseArgs(TOOL.sendProducts, Args, args), config, ctx);
    },
  };
}
