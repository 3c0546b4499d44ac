import { describe, expect, it } from 'vitest';
import { PersonaSchema, SkillInfoSchema, type Agent, type AgentSkill } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { createSkillRegistry, TOOL, type SkillDeps } from './index.js';

/** normalize/info/toolsFor never touch the catalog or search. */
const deps: SkillDeps = {
  search: { search: () => Promise.reject(new Error('not used')) },
  catalog: { get: () => null },
  catalogId: () => null,
  publicUrl: () => null,
};
const registry = createSkillRegistry(deps);

function agent(skills: AgentSkill[]): Agent {
  const t = '2026-12-01T10:00:00Z';
  return {
    id: 1, name: 'Riya', role: 'After-sales', avatar: null, persona: PersonaSchema.parse({}), skills, knowledgeSources: [], status: 'active',
    isDefault: false, whenPaused: 'inbox', awayMessage: '', createdAt: t, updatedAt: t,
  };
}

const STORE_ORDER = ['catalog_search', 'send_products', 'store_info', 'knowledge', 'appointment_booking', 'discount_authority', 'virtual_try_on', 'human_handoff'];

describe('info', () => {
  it('lists every skill in Store order, valid for the Studio, with JSON Schema settings and defaults', () => {
    const info = registry.info();
    expect(info.map((s) => s.id)).toEqual(STORE_ORDER);
    for (const s of info) expect(SkillInfoSchema.parse(s)).toEqual(s);
    expect(info.map((s) => [s.id, s.icon, s.available, s.defaultEnabled])).toEqual([
      ['catalog_search', 'search', true, true],
      ['send_products', 'layout-cards', true, true],
      ['store_info', 'building-store', true, true],
      ['knowledge', 'book', true, true],
      ['appointment_booking', 'calendar', false, false],
      ['discount_authority', 'discount', false, false],
      ['virtual_try_on', 'sparkles', false, false],
      ['human_handoff', 'headset', true, true],
    ]);
    const search = info[0];
    expect(search?.defaultConfig).toEqual({ maxResults: 10, showOutOfStock: false });
    expect(search?.configSchema).toMatchObject({
      type: 'object',
      properties: { maxResults: { type: 'integer', minimum: 1, maximum: 30, default: 10 }, showOutOfStock: { type: 'boolean', default: false } },
    });
    expect(info[1]?.defaultConfig).toEqual({ maxProducts: 10, maxCards: 3 });
    // store_info is on for everyone and not switchable; the others are not marked.
    expect(info.filter((s) => s.alwaysOn).map((s) => s.id)).toEqual(['store_info']);
    // Greyed skills still show their settings, e.g. the discount cap.
    expect(info.find((s) => s.id === 'discount_authority')?.configSchema).toMatchObject({ properties: { maxPercent: { maximum: 10 } } });
  });
});

describe('normalize', () => {
  it('completes an empty list to every skill at its defaults, in Store order', () => {
    expect(registry.normalize([])).toEqual([
      { id: 'catalog_search', enabled: true, config: { maxResults: 10, showOutOfStock: false } },
      { id: 'send_products', enabled: true, config: { maxProducts: 10, maxCards: 3 } },
      { id: 'store_info', enabled: true, config: {} },
      { id: 'knowledge', enabled: true, config: {} },
      { id: 'appointment_booking', enabled: false, config: { slotMinutes: 30, daysAhead: 14, calendlyUrl: '' } },
      { id: 'discount_authority', enabled: false, config: { maxPercent: 5, onMakingChargesOnly: true, tenacity: 50, perCategory: {}, excludedCategories: ['gold coin', 'bullion'], couponDays: 3, couponTemplate: '' } },
      { id: 'virtual_try_on', enabled: false, config: { maxPerDay: 3, retentionDays: 7, provider: 'offline' } },
      { id: 'human_handoff', enabled: true, config: { sentimentThreshold: -0.5, notifyOwner: true, maxFailures: 2, orderValueAbove: 200000 } },
    ]);
  });

  it('keeps the agent\'s switches and settings, fills missing settings, drops unknown ids and keys', () => {
    const out = registry.normalize([
      { id: 'send_products', enabled: false, config: { maxCards: 5, colour: 'red' } },
      { id: 'teleport', enabled: true, config: {} },
      { id: 'catalog_search', enabled: true, config: { showOutOfStock: true } },
    ]);
    expect(out.map((s) => s.id)).toEqual(STORE_ORDER);
    expect(out[0]).toEqual({ id: 'catalog_search', enabled: true, config: { maxResults: 10, showOutOfStock: true } });
    expect(out[1]).toEqual({ id: 'send_products', enabled: false, config: { maxProducts: 10, maxCards: 5 } });
    // What it returns is already normal: stored lists round-trip unchanged.
    expect(registry.normalize(out)).toEqual(out);
  });

  it('keeps store_info on and greyed skills off whatever the list says', () => {
    const out = registry.normalize([
      { id: 'store_info', enabled: false, config: {} },
      { id: 'discount_authority', enabled: true, config: { maxPercent: 8 } },
    ]);
    expect(out.find((s) => s.id === 'store_info')?.enabled).toBe(true);
    expect(out.find((s) => s.id === 'discount_authority')).toEqual({ id: 'discount_authority', enabled: false, config: { maxPercent: 8, onMakingChargesOnly: true, tenacity: 50, perCategory: {}, excludedCategories: ['gold coin', 'bullion'], couponDays: 3, couponTemplate: '' } });
  });

  it('rejects bad settings naming the skill and the field', () => {
    const bad = (skills: AgentSkill[]) => {
      try {
        registry.normalize(skills);
      } catch (err) {
        return err;
      }
      throw new Error('normalize accepted bad settings');
    };
    const over = bad([{ id: 'send_products', enabled: true, config: { maxProducts: 31 } }]);
    expect(over).toBeInstanceOf(DomainError);
    expect(over).toMatchObject({
      code: 'validation',
      message: "Send products settings: maxProducts: At most 30 (WhatsApp's limit for a product list)",
      fields: { 'skills.send_products.maxProducts': "At most 30 (WhatsApp's limit for a product list)" },
    });
    expect(bad([{ id: 'discount_authority', enabled: false, config: { maxPercent: 25 } }])).toMatchObject({
      message: 'Discount authority settings: maxPercent: At most 10%',
    });
    expect(bad([{ id: 'catalog_search', enabled: true, config: { maxResults: 2.5 } }])).toMatchObject({ message: 'Catalog search settings: maxResults: A whole number' });
  });
});

describe('toolsFor', () => {
  const names = (skills: AgentSkill[]) => registry.toolsFor(agent(skills)).map((t) => t.name);

  it('gives the tools of enabled, available skills plus always-on store_info', () => {
    expect(names(registry.normalize([]))).toEqual([TOOL.searchProducts, TOOL.getProduct, TOOL.sendProducts, 'send_catalog', 'share_store_contact', TOOL.storeInfo, TOOL.searchKnowledge]);
    expect(names(registry.normalize([{ id: 'catalog_search', enabled: false, config: {} }]))).toEqual([TOOL.sendProducts, 'send_catalog', 'share_store_contact', TOOL.storeInfo, TOOL.searchKnowledge]);
    expect(names([{ id: 'catalog_search', enabled: false, config: {} }, { id: 'send_products', enabled: false, config: {} }, { id: 'store_info', enabled: false, config: {} }, { id: 'knowledge', enabled: false, config: {} }])).toEqual([TOOL.storeInfo]);
  });

  it('describes each tool with JSON Schema parameters the model can follow', () => {
    const [search, get, send, , , info] = registry.toolsFor(agent([]));
    expect(search?.parameters).toEqual({
      type: 'object',
      properties: { query: { type: 'string', minLength: 1, maxLength: 500 }, limit: { type: 'integer', minimum: 1, maximum: 30 } },
      required: ['query'],
    });
    expect(get?.parameters).toMatchObject({ required: ['sku'] });
    expect(send?.parameters).toMatchObject({
      properties: { skus: { type: 'array', minItems: 1, maxItems: 30, items: { type: 'string' } }, header: { maxLength: 60 }, body: { maxLength: 1024 } },
      required: ['skus'],
    });
    expect(info?.parameters).toMatchObject({ properties: { topic: { enum: ['hours', 'address', 'contact', 'all'] } } });
    for (const t of [search, get, send, info]) expect(t?.description.length).toBeGreaterThan(20);
  });
});
