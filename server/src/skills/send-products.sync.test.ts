import { describe, expect, it } from 'vitest';
import { ProductSchema, type Product, type ProductInput, type StoreProfile } from '../contracts/index.js';
import { catalogMessage, MessageLimitError, productListMessage, type GraphMessage } from '../whatsapp/index.js';
import { validateSendBody } from '../whatsapp/emulator/index.js';
import type { SkillDeps } from './define.js';
import { productSections } from './product-cards.js';
import { sendProductsSkill } from './send-products.skill.js';
import type { SkillContext } from './types.js';

/**
 * send_products with catalog sync (issue #8, part 2): only SKUs Meta holds go in product
 * messages, the rest as picture cards (with "Visit website" when the product has a page); the
 * catalog message; the store's contact card for "Call store"; and the limits before sending.
 */
const CATALOG = '354160437058781';
const product = (sku: string, over: Partial<ProductInput> = {}): Product =>
  ProductSchema.parse({ sku, name: `Kangan ${sku}`, category: 'bangle', metal: 'gold', purity: '22K', netWeightGrams: 12.5, price: 48200, stock: 2, images: [`products/${sku}.png`], ...over });

const products = new Map<string, Product>();
for (const p of [product('SJ-1'), product('SJ-2', { url: 'https://sonali.example/p/sj-2' }), product('SJ-3'), product('SJ-4', { purity: '18K' })]) products.set(p.sku, p);
let synced: Set<string> | null = null;
let catalogId: string | null = CATALOG;
const deps: SkillDeps = {
  search: { search: () => Promise.reject(new Error('not used')) },
  catalog: { get: (sku) => products.get(sku) ?? null },
  catalogId: () => catalogId,
  publicUrl: (path) => `https://shop.example${path}`,
  catalogSync: { syncedAmong: (skus) => (synced ? new Set(skus.filter((s) => synced!.has(s))) : null) },
};
const store = { name: 'Sonali Jewellers', phone: '+919812345678', whatsappNumber: '+919812345678', website: 'https://sonali.example' } as StoreProfile;
const ctx = { store, to: '919876543210', channel: 'whatsapp', shownSkus: [] } as unknown as SkillContext;
const skill = sendProductsSkill(deps);
const config = { maxProducts: 10, maxCards: 3 };
const run = async (tool: string, args: Record<string, unknown>) => {
  const r = await skill.execute({ tool, args, config, ctx });
  return { ...r, messages: r.messages ?? ([] as GraphMessage[]) };
};

describe('send_products with catalog sync', () => {
  it('puts only synced SKUs in the product list; the others go as picture cards, with "Visit website" when the product has a page', async () => {
    synced = new Set(['SJ-1', 'SJ-4']);
    const r = await run('send_products', { skus: ['SJ-1', 'SJ-2', 'SJ-3', 'SJ-4'] });
    expect(r.messages).toHaveLength(3);
    const [list, withPage, plain] = r.messages;
    expect((list!.interactive as { action: unknown }).action).toEqual({
      catalog_id: CATALOG,
      sections: [{ title: '22K Bangles', product_items: [{ product_retailer_id: 'SJ-1' }] }, { title: '18K Bangles', product_items: [{ product_retailer_id: 'SJ-4' }] }],
    });
    expect(withPage).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '919876543210', type: 'interactive',
      interactive: {
        type: 'cta_url',
        header: { type: 'image', image: { link: 'https://shop.example/media/products/SJ-2.png' } },
        body: { text: '*Kangan SJ-2*\n₹48,200 · 22K · 12.5 g\nSKU SJ-2' },
        action: { name: 'cta_url', parameters: { display_text: 'Visit website', url: 'https://sonali.example/p/sj-2' } },
      },
    });
    expect(plain).toMatchObject({ type: 'image', image: { link: 'https://shop.example/media/products/SJ-3.png', caption: '*Kangan SJ-3*\n₹48,200 · 22K · 12.5 g\nSKU SJ-3' } });
    for (const m of r.messages) expect(validateSendBody(m)).toBeNull();
    expect(r.result).toMatchObject({ sent: 4, skus: ['SJ-1', 'SJ-4', 'SJ-2', 'SJ-3'], format: 'product_list', cards: ['SJ-2', 'SJ-3'] });
    expect(r.summary).toBe('product list of 2 + 2 cards (not in the WhatsApp catalog yet), ₹48,200');
  });

  it('one synced SKU is a product message; none synced is cards only; a never-synced catalog is trusted', async () => {
    synced = new Set(['SJ-1']);
    const one = await run('send_products', { skus: ['SJ-1'] });
    expect(one.messages.map((m) => (m.interactive as { type: string } | undefined)?.type ?? m.type)).toEqual(['product']);
    synced = new Set();
    const none = await run('send_products', { skus: ['SJ-1', 'SJ-3'] });
    expect(none.messages.map((m) => m.type)).toEqual(['image', 'image']);
    expect(none.result).toMatchObject({ format: 'image_cards', cards: ['SJ-1', 'SJ-3'] });
    synced = null;
    const trusted = await run('send_products', { skus: ['SJ-1', 'SJ-3'] });
    expect(trusted.messages.map((m) => (m.interactive as { type: string }).type)).toEqual(['product_list']);
  });

  it('sends the best up to its setting and reports how many more matched, for a "see more"', async () => {
    synced = null;
    for (let i = 10; i < 45; i += 1) products.set(`SJ-${i}`, product(`SJ-${i}`));
    const skus = Array.from({ length: 30 }, (_, i) => `SJ-${i + 10}`);
    const r = await skill.execute({ tool: 'send_products', args: { skus }, config: { maxProducts: 12, maxCards: 3 }, ctx });
    expect(r.result).toMatchObject({ sent: 12, more: 18, note: '18 more matches beyond these 12: offer "See more" or ask a question that narrows it (purity, budget, style).' });
    await expect(Promise.resolve().then(() => run('send_products', { skus: [...skus, 'SJ-40'] }))).rejects.toThrow(/At most 30 SKUs/);
  });

  it('"show me everything" sends the catalog message, with a synced thumbnail only', async () => {
    synced = new Set(['SJ-1']);
    const r = await run('send_catalog', { thumbnailSku: 'SJ-1' });
    expect(r.messages).toEqual([{
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '919876543210', type: 'interactive',
      interactive: {
        type: 'catalog_message',
        body: { text: "Browse all of Sonali Jewellers's designs here: tap View catalog, add what you like to the cart and send it to us." },
        action: { name: 'catalog_message', parameters: { thumbnail_product_retailer_id: 'SJ-1' } },
      },
    }]);
    expect(validateSendBody(r.messages[0])).toBeNull();
    const unsynced = await run('send_catalog', { thumbnailSku: 'SJ-3' });
    expect((unsynced.messages[0]!.interactive as { action: unknown }).action).toEqual({ name: 'catalog_message' });
    catalogId = null;
    const noCatalog = await run('send_catalog', {});
    expect(noCatalog.messages).toEqual([]);
    expect(noCatalog.result).toMatchObject({ sent: 0 });
    catalogId = CATALOG;
  });

  it('"Call store" sends the store’s contact card, which Meta accepts', async () => {
    const r = await run('share_store_contact', {});
    expect(r.messages).toEqual([{
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '919876543210', type: 'contacts',
      contacts: [{
        name: { formatted_name: 'Sonali Jewellers', first_name: 'Sonali Jewellers' },
        org: { company: 'Sonali Jewellers' },
        phones: [{ phone: '+919812345678', type: 'WORK', wa_id: '919812345678' }],
        urls: [{ url: 'https://sonali.example', type: 'WORK' }],
      }],
    }]);
    expect(validateSendBody(r.messages[0])).toBeNull();
  });
});

describe('product message limits, before sending', () => {
  const base = { catalogId: CATALOG, header: 'Bangles', body: 'For you' };
  it('31 items, 11 sections and a section title over 24 characters are refused by the builder', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `S-${i}`);
    expect(() => productListMessage('919876543210', { ...base, sections: [{ title: 'All', productRetailerIds: ids(31) }] })).toThrow(new MessageLimitError('productListItems', '31 products in a product list; WhatsApp allows 30'));
    expect(() => productListMessage('919876543210', { ...base, sections: ids(11).map((id) => ({ title: id, productRetailerIds: [id] })) })).toThrow(/11 product list sections; WhatsApp allows 10/);
    expect(() => productListMessage('919876543210', { ...base, sections: [{ title: '22K Temple Jewellery Bangles', productRetailerIds: ['A'] }] })).toThrow(/section title .* is 28 characters; WhatsApp allows 24/);
    expect(() => catalogMessage('919876543210', { body: 'x'.repeat(1025) })).toThrow(/1,025 characters; WhatsApp allows 1,024/);
  });

  it('sections from catalog words are trimmed to 24 characters and folded into at most 10', () => {
    const many = ['ring', 'earrings', 'necklace', 'chain', 'bangle', 'bracelet', 'pendant', 'mangalsutra', 'anklet', 'nose pin', 'set', 'other'] as const;
    const ps = many.map((c, i) => product(`C-${i}`, { category: c, metal: 'white gold', purity: '18K' }));
    const sections = productSections(ps);
    expect(sections).toHaveLength(10);
    for (const s of sections) expect([...s.title].length).toBeLessThanOrEqual(24);
    expect(sections.at(-1)).toEqual({ title: 'More designs', productRetailerIds: ['C-9', 'C-10', 'C-11'] });
    expect(sections.flatMap((s) => s.productRetailerIds)).toHaveLength(12);
  });
});
