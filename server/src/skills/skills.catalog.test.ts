import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../brain/index.js';
import { createCatalog, type CatalogService } from '../catalog/index.js';
import { PersonaSchema, type Agent, type AgentSkill, type Contact, type StoreProfile, CONTACT_PROFILE_DEFAULTS } from '../contracts/index.js';
import { applyDemo, readDemo } from '../demo/index.js';
import { openCore, type Core } from '../main.js';
import { createProductSearch } from '../search/index.js';
import { DomainError } from '../shared/errors.js';
import { createSkillRegistry, factCheck, type GetProductResult, type SearchProductsResult, type SkillContext, type SkillDeps } from './index.js';

/** The demo store (172 products, imported by the real importer) with the real hybrid search. */
let dir: string;
let core: Core;
let catalog: CatalogService;
let deps: SkillDeps;
let store: StoreProfile;
let catalogId: string | null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'revive-skills-'));
  core = openCore({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
  catalog = createCatalog(core).service;
  await applyDemo(readDemo(core.config.resourcesDir), { settings: core.settings, catalog });
  const search = createProductSearch({ db: core.db, embedder: createOfflineEmbedder() });
  await search.sync();
  store = core.settings.getStoreProfile();
  deps = { search, catalog, catalogId: () => catalogId, publicUrl: (path) => `https://shop.example${path}` };
});
afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = '2026-12-01T10:00:00Z';
function agent(skills: AgentSkill[] = []): Agent {
  return {
    id: 1, name: 'Aarav', role: 'Sales', avatar: null, persona: PersonaSchema.parse({}), skills, knowledgeSources: [], status: 'active',
    isDefault: true, whenPaused: 'away_message', awayMessage: '', createdAt: NOW, updatedAt: NOW,
  };
}
const contact: Contact = {
  id: 7, waId: '919812345678', userId: null, parentUserId: null, username: null, phone: '+919812345678', name: 'Priya', lastInboundAt: NOW,
  windowOpenUntil: null, windowOpen: true, marketingPreference: null, marketingPreferenceAt: null, ...CONTACT_PROFILE_DEFAULTS, tags: [], custom: {}, createdAt: NOW, updatedAt: NOW,
};
function ctx(a: Agent = agent()): SkillContext {
  return { agent: a, contact, store, to: '919812345678', inboundId: 'wamid.IN1', shownSkus: [] };
}
const run = (tool: string, args: Record<string, unknown>, a?: Agent) => createSkillRegistry(deps).execute(tool, args, ctx(a));
const config = (id: string, cfg: Record<string, unknown>): AgentSkill[] => [{ id, enabled: true, config: cfg }];
/** A product's facts as tools report them, read straight from the catalog. */
function facts(sku: string) {
  const p = catalog.get(sku);
  return {
    sku: p.sku, name: p.name, category: p.category, metal: p.metal, purity: p.purity, weightGrams: p.netWeightGrams ?? p.grossWeightGrams,
    price: p.price, priceText: `₹${p.price.toLocaleString('en-IN')}`, stock: p.stock, inStock: p.stock > 0,
  };
}

describe('catalog_search: search_products', () => {
  it('returns matches best first with Indian-format prices and the filters understood in words', async () => {
    const { result, summary } = await run('search_products', { query: 'gold bangles under 50k' });
    const r = result as unknown as SearchProductsResult;
    expect(r.filters).toEqual(['gold', 'bangle', 'up to ₹50,000']);
    expect(r.count).toBe(r.products.length);
    expect(r.count).toBeGreaterThan(0);
    for (const p of r.products) {
      expect(p).toMatchObject({ category: 'bangle', metal: 'gold', inStock: true });
      expect(p.price).toBeLessThanOrEqual(50_000);
      expect(p.priceText).toBe(`₹${p.price.toLocaleString('en-IN')}`);
      expect(p.priceText).toMatch(/^₹\d{1,2},\d{3}$/);
      // Facts straight from the catalog.
      const stored = catalog.get(p.sku);
      expect({ name: p.name, price: p.price, stock: p.stock, purity: p.purity }).toEqual({ name: stored.name, price: stored.price, stock: stored.stock, purity: stored.purity });
    }
    expect(r.alternatives).toEqual([]);
    expect(summary).toMatch(/^"gold bangles under 50k": \d+ products?, ₹/);
  });

  it('caps results by the skill setting and by the call, whichever is smaller', async () => {
    const big = (await run('search_products', { query: 'ring' })).result as unknown as SearchProductsResult;
    expect(big.products).toHaveLength(10);
    const capped = (await run('search_products', { query: 'ring', limit: 8 }, agent(config('catalog_search', { maxResults: 4 })))).result as unknown as SearchProductsResult;
    expect(capped.products).toHaveLength(4);
    const asked = (await run('search_products', { query: 'ring', limit: 3 })).result as unknown as SearchProductsResult;
    expect(asked.products).toHaveLength(3);
  });

  it('hides out-of-stock pieces unless the owner shows them', async () => {
    // SJ-EAR-0014 "Mayur Kundan Jhumka" has stock 0 in the demo catalog.
    expect(catalog.get('SJ-EAR-0014').stock).toBe(0);
    const hidden = (await run('search_products', { query: 'mayur kundan jhumka', limit: 30 })).result as unknown as SearchProductsResult;
    expect(hidden.products.map((p) => p.sku)).not.toContain('SJ-EAR-0014');
    expect(hidden.products.every((p) => p.inStock)).toBe(true);
    const shown = (await run('search_products', { query: 'mayur kundan jhumka', limit: 30 }, agent(config('catalog_search', { showOutOfStock: true })))).result as unknown as SearchProductsResult;
    expect(shown.products.find((p) => p.sku === 'SJ-EAR-0014')).toMatchObject({ stock: 0, inStock: false });
  });

  it('when every match is out of stock and hidden, asks again for in-stock pieces and offers those near misses', async () => {
    const asked: string[] = [];
    const hit = (sku: string, stock: number) => ({ sku, name: sku, category: 'earrings' as const, metal: 'gold' as const, purity: '22K' as const, weightGrams: 8, price: 45000, stock, style: null, stones: [], score: 1 });
    const search: SkillDeps['search'] = {
      async search(q) {
        asked.push(q);
        if (!q.endsWith(' in stock')) return { understood: { text: 'jhumka', category: 'earrings' }, results: [hit('OUT-1', 0), hit('OUT-2', 0)], alternatives: [] };
        return {
          understood: { text: 'jhumka', category: 'earrings', inStockOnly: true },
          results: [],
          alternatives: [
            { ...hit('OUT-1', 0), relaxed: { constraint: 'stock', wanted: 'in stock', offered: 'out of stock' } },
            { ...hit('IN-1', 4), price: 52000, relaxed: { constraint: 'price', wanted: 'up to ₹50,000', offered: '₹52,000' } },
          ],
        };
      },
    };
    const registry = createSkillRegistry({ ...deps, search });
    const r = (await registry.execute('search_products', { query: 'jhumka' }, ctx())).result as unknown as SearchProductsResult;
    expect(asked).toEqual(['jhumka', 'jhumka in stock']);
    expect(r).toMatchObject({ query: 'jhumka', count: 0, products: [], filters: ['earrings', 'in stock'] });
    expect(r.alternatives.map((a) => [a.sku, a.priceText, a.relaxed.constraint])).toEqual([['IN-1', '₹52,000', 'price']]);
  });

  it('offers near misses with what was relaxed when nothing matches', async () => {
    const r = (await run('search_products', { query: 'gold bangle under 500' })).result as unknown as SearchProductsResult;
    expect(r.count).toBe(0);
    expect(r.products).toEqual([]);
    expect(r.alternatives.length).toBeGreaterThan(0);
    const first = r.alternatives[0];
    expect(first?.relaxed).toEqual({ constraint: 'price', wanted: 'up to ₹500', offered: first?.priceText });
  });

  it('rejects a call without a query with a message the model can act on', async () => {
    const err = await run('search_products', { limit: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('validation');
    expect((err as DomainError).message).toMatch(/^search_products was called with bad arguments: query: Give the query/);
    await expect(run('search_products', { query: 'ring', limit: 31 })).rejects.toThrow(/limit is at most 30/);
  });
});

describe('catalog_search: get_product', () => {
  it('finds a product by SKU in any case, with its details', async () => {
    const r = (await run('get_product', { sku: 'sj-rng-0001' })).result as unknown as GetProductResult;
    expect(r.found).toBe(true);
    expect(r.product).toMatchObject({
      sku: 'SJ-RNG-0001', name: 'Eternal Solitaire Diamond Ring', category: 'ring', metal: 'white gold', purity: '18K', weightGrams: 2.95,
      price: 78658, priceText: '₹78,658', stock: 11, inStock: true, stones: ['diamond'], occasions: ['engagement', 'gift'],
      makingCharges: null, makingChargesText: null,
    });
    expect(r.product?.description).toMatch(/^One bright solitaire/);
  });

  it('says found:false for an SKU the catalog does not have', async () => {
    const { result, summary } = await run('get_product', { sku: 'SJ-XXX-9999' });
    expect(result).toEqual({ found: false, product: null });
    expect(summary).toBe('SJ-XXX-9999: not in the catalog');
  });
});

describe('send_products', () => {
  it('with a catalog: one SKU is a product message', async () => {
    catalogId = '123456789012345';
    const r = await run('send_products', { skus: ['sj-bng-0004'], body: 'This one is hand-hammered.' });
    expect(r.messages).toEqual([
      {
        messaging_product: 'whatsapp', recipient_type: 'individual', to: '919812345678', type: 'interactive',
        interactive: { type: 'product', body: { text: 'This one is hand-hammered.' }, action: { catalog_id: '123456789012345', product_retailer_id: 'SJ-BNG-0004' } },
      },
    ]);
    expect(r.result).toEqual({ sent: 1, skus: ['SJ-BNG-0004'], format: 'product', products: [facts('SJ-BNG-0004')] });
    expect((r.result as { products: { priceText: string }[] }).products[0]?.priceText).toBe('₹40,875');
    expect(r.shownSkus).toEqual(['SJ-BNG-0004']);
  });

  it('addresses a shopper who hides their number by their WhatsApp user id', async () => {
    catalogId = '123456789012345';
    const r = await createSkillRegistry(deps).execute('send_products', { skus: ['SJ-BNG-0004'] }, { ...ctx(), to: 'IN.1349a7f2c0d1' });
    expect(r.messages?.[0]).toMatchObject({ recipient: 'IN.1349a7f2c0d1', type: 'interactive' });
    expect(r.messages?.[0]).not.toHaveProperty('to');
  });

  it('with a catalog: several SKUs are a product list in sections by purity and category', async () => {
    catalogId = '123456789012345';
    const skus = ['SJ-BNG-0004', 'SJ-RNG-0001', 'SJ-BNG-0002', 'SJ-ANK-0002', 'SJ-RNG-0003'];
    const r = await run('send_products', { skus });
    expect(r.messages).toEqual([
      {
        messaging_product: 'whatsapp', recipient_type: 'individual', to: '919812345678', type: 'interactive',
        interactive: {
          type: 'product_list',
          header: { type: 'text', text: 'Picked for you' },
          body: { text: '5 pieces from Shringar Jewellers. Tap any piece for its photo, price and details.' },
          action: {
            catalog_id: '123456789012345',
            sections: [
              { title: '22K Bangles', product_items: [{ product_retailer_id: 'SJ-BNG-0004' }, { product_retailer_id: 'SJ-BNG-0002' }] },
              { title: '18K Rings', product_items: [{ product_retailer_id: 'SJ-RNG-0001' }] },
              { title: 'Silver Anklets', product_items: [{ product_retailer_id: 'SJ-ANK-0002' }] },
              { title: 'Platinum Rings', product_items: [{ product_retailer_id: 'SJ-RNG-0003' }] },
            ],
          },
        },
      },
    ]);
    expect(r.result).toEqual({ sent: 5, skus, format: 'product_list', products: skus.map(facts) });
    expect(r.summary).toBe('product list of 5, ₹8,386–₹78,658');
  });

  it('a list of one kind gets a header from the products; the model may give its own', async () => {
    catalogId = '123456789012345';
    const gold = await run('send_products', { skus: ['SJ-BNG-0001', 'SJ-BNG-0002'] });
    expect((gold.messages?.[0]?.interactive as { header: unknown }).header).toEqual({ type: 'text', text: 'Gold bangles for you' });
    const own = await run('send_products', { skus: ['SJ-BNG-0001', 'SJ-BNG-0002'], header: 'Kadas under 50k', body: 'Two favourites' });
    expect(own.messages?.[0]?.interactive).toMatchObject({ header: { type: 'text', text: 'Kadas under 50k' }, body: { text: 'Two favourites' } });
    await expect(run('send_products', { skus: ['SJ-BNG-0001', 'SJ-BNG-0002'], header: 'x'.repeat(61) })).rejects.toThrow(/header is at most 60 characters/);
  });

  it('sends at most 30 (WhatsApp\'s product list cap) and the skill\'s own cap', async () => {
    catalogId = '123456789012345';
    const all = catalog.list().products.filter((p) => p.stock > 0).map((p) => p.sku);
    const thirty = await run('send_products', { skus: all.slice(0, 30) }, agent(config('send_products', { maxProducts: 30 })));
    const items = (thirty.messages?.[0]?.interactive as { action: { sections: { title: string; product_items: unknown[] }[] } }).action.sections;
    expect(items.reduce((n, s) => n + s.product_items.length, 0)).toBe(30);
    expect(items.length).toBeLessThanOrEqual(10);
    for (const s of items) expect([...s.title].length).toBeLessThanOrEqual(24);
    await expect(run('send_products', { skus: all.slice(0, 31) })).rejects.toThrow(/At most 30 SKUs/);

    const capped = await run('send_products', { skus: all.slice(0, 12) });
    expect(capped.result).toMatchObject({ sent: 10, skus: all.slice(0, 10), notSent: all.slice(10, 12) });
  });

  it('drops SKUs the catalog does not have and reports them; none left is a validation error', async () => {
    catalogId = '123456789012345';
    const r = await run('send_products', { skus: ['SJ-FAKE-1', 'SJ-BNG-0004', 'sj-bng-0004'] });
    expect(r.result).toEqual({ sent: 1, skus: ['SJ-BNG-0004'], format: 'product', products: [facts('SJ-BNG-0004')], unknownSkus: ['SJ-FAKE-1'], note: 'Not in the catalog, so not sent: SJ-FAKE-1.' });
    const err = await run('send_products', { skus: ['SJ-FAKE-1', 'NOPE'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('validation');
    expect((err as DomainError).message).toBe('send_products: none of these SKUs is in the catalog (SJ-FAKE-1, NOPE). Send only SKUs that search_products or get_product returned.');
  });

  it('without a catalog: up to 3 image cards with facts from the catalog', async () => {
    catalogId = null;
    const r = await run('send_products', { skus: ['SJ-BNG-0004', 'SJ-RNG-0001', 'SJ-ANK-0002', 'SJ-RNG-0003'] });
    const bangle = catalog.get('SJ-BNG-0004');
    const ring = catalog.get('SJ-RNG-0001');
    expect(r.messages).toHaveLength(3);
    expect(r.messages?.[0]).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '919812345678', type: 'image',
      image: {
        link: `https://shop.example/media/${bangle.images[0]}`,
        caption: `*Hammered 22K Gold Bangle*\n₹40,875 · 22K · ${bangle.netWeightGrams ?? bangle.grossWeightGrams} g\nSKU SJ-BNG-0004`,
      },
    });
    expect((r.messages?.[1]?.image as { caption: string }).caption).toBe(`*${ring.name}*\n₹78,658 · 18K white gold · 2.95 g\nSKU SJ-RNG-0001`);
    expect(r.result).toEqual({ sent: 3, skus: ['SJ-BNG-0004', 'SJ-RNG-0001', 'SJ-ANK-0002'], format: 'image_cards', products: ['SJ-BNG-0004', 'SJ-RNG-0001', 'SJ-ANK-0002'].map(facts), notSent: ['SJ-RNG-0003'] });
    expect(r.shownSkus).toEqual(['SJ-BNG-0004', 'SJ-RNG-0001', 'SJ-ANK-0002']);
    // The words after the cards may quote their prices: the result carries them.
    expect(factCheck('The hammered one is ₹40,875 and the solitaire ₹78,658.', [r.result]).ok).toBe(true);
    // Every amount in a card is its product's catalog price, and nothing else.
    for (const [i, m] of (r.messages ?? []).entries()) {
      const check = factCheck((m.image as { caption: string }).caption, [{ price: catalog.get(r.shownSkus?.[i] ?? '').price }]);
      expect(check).toEqual({ ok: true, amounts: [catalog.get(r.shownSkus?.[i] ?? '').price], unbacked: [] });
    }
  });

  it('without a public address for pictures, nothing is sent and the model is told why', async () => {
    catalogId = '';
    const registry = createSkillRegistry({ ...deps, publicUrl: () => null });
    const r = await registry.execute('send_products', { skus: ['SJ-BNG-0004'] }, ctx());
    expect(r.messages).toEqual([]);
    expect(r.result).toMatchObject({ sent: 0, skus: [], format: 'image_cards', notSent: ['SJ-BNG-0004'] });
    expect((r.result as { note: string }).note).toMatch(/describe the products in words/);
  });
});

describe('registry execute', () => {
  it('refuses tools of a skill the agent switched off, and unknown tools', async () => {
    const off = agent([{ id: 'send_products', enabled: false, config: {} }]);
    await expect(run('send_products', { skus: ['SJ-BNG-0004'] }, off)).rejects.toMatchObject({ code: 'not_found', message: 'send_products is not available: the Send products skill is switched off for Aarav' });
    await expect(run('book_visit', {})).rejects.toMatchObject({ code: 'not_found' });
    // store_info is always on, even when an agent's list says otherwise.
    const noInfo = agent([{ id: 'store_info', enabled: false, config: {} }]);
    expect((await run('store_info', {}, noInfo)).result).toMatchObject({ name: 'Shringar Jewellers' });
  });

  it('checks the agent\'s settings before running, naming the skill and field', async () => {
    await expect(run('search_products', { query: 'ring' }, agent(config('catalog_search', { maxResults: 99 })))).rejects.toMatchObject({
      code: 'validation', message: 'Catalog search settings: maxResults: At most 30', fields: { 'skills.catalog_search.maxResults': 'At most 30' },
    });
  });
});
