/**
 * Fakes for the offline brain's tests: a small catalog, tool executors whose results are shaped
 * exactly as skills/tools.ts says, and one turn driven through the real tool loop.
 */
import { PersonaSchema, type InboundMessage, type PersonaInput } from '../../contracts/index.js';
import { understand } from '../../understanding/index.js';
import type { Model, ThreadMemory, ToolDefinition, TurnContext } from '../model.js';
import { runToolLoop } from '../tool-loop.js';
import { TOOL, type GetProductResult, type SearchProductsResult, type StoreInfoResult, type ToolProduct } from './tools.js';

const rupees = (n: number) => `₹${n.toLocaleString('en-IN')}`;

function product(sku: string, name: string, category: ToolProduct['category'], metal: ToolProduct['metal'], purity: ToolProduct['purity'], weightGrams: number, price: number, stock: number): ToolProduct {
  return { sku, name, category, metal, purity, weightGrams, price, priceText: rupees(price), stock, inStock: stock > 0 };
}

export const CATALOG: ToolProduct[] = [
  product('SJ-BNG-001', 'Classic Gold Bangle', 'bangle', 'gold', '22K', 12.4, 45_000, 4),
  product('SJ-BNG-002', 'Filigree Gold Bangle', 'bangle', 'gold', '22K', 13.1, 48_500, 1),
  product('SJ-BNG-003', 'Temple Gold Kada', 'bangle', 'gold', '22K', 18.2, 72_300, 2),
  product('SJ-BNG-004', 'Slim Daily Gold Bangle', 'bangle', 'gold', '18K', 6.8, 28_900, 6),
  product('SJ-BNG-005', 'Twisted Gold Bangle', 'bangle', 'gold', '22K', 9.5, 36_750, 3),
  product('SJ-BNG-006', 'Meenakari Gold Bangle', 'bangle', 'gold', '22K', 11.2, 41_200, 0),
  product('SJ-BNG-007', 'Silver Oxidised Bangle', 'bangle', 'silver', '925', 22, 3_450, 9),
  product('SJ-CHN-001', 'Rope Gold Chain', 'chain', 'gold', '22K', 10.1, 58_800, 5),
  product('SJ-CHN-002', 'Box Gold Chain', 'chain', 'gold', '22K', 15.6, 99_500, 2),
  product('SJ-CHN-003', 'Silver Curb Chain', 'chain', 'silver', '925', 18, 2_900, 12),
  product('SJ-ERG-001', 'Gold Jhumka', 'earrings', 'gold', '22K', 8.3, 39_900, 3),
  product('SJ-ERG-002', 'Diamond Studs', 'earrings', 'white gold', '18K', 3.1, 64_000, 1),
  product('SJ-RNG-001', 'Solitaire Ring', 'ring', 'platinum', '950', 4.2, 1_25_000, 1),
];

export const STORE: StoreInfoResult = {
  name: 'Shree Jewellers',
  phone: '+91 98765 43210',
  address: '12 MG Road, Jaipur',
  website: 'https://shreejewellers.example',
  today: '10:30–20:30',
  openNow: true,
  hours: 'Mon–Sat 10:30–20:30; Sun closed',
  mapsUrl: 'https://maps.example/shree',
};

/** The fake search: category, metal, purity and price bounds as the real one reads them. */
export function fakeSearch(query: string, limit = 10): SearchProductsResult {
  const u = understand(query);
  const filters: string[] = [];
  if (u.purity) filters.push(u.purity);
  if (u.metal) filters.push(u.metal);
  if (u.category) filters.push(u.category);
  if (u.priceMin !== undefined) filters.push(`from ${rupees(u.priceMin)}`);
  if (u.priceMax !== undefined) filters.push(`up to ${rupees(u.priceMax)}`);
  const base = CATALOG.filter((p) => (!u.category || p.category === u.category) && (!u.metal || p.metal === u.metal) && (!u.purity || p.purity === u.purity));
  const inPrice = (p: ToolProduct) => (u.priceMax === undefined || p.price <= u.priceMax) && (u.priceMin === undefined || p.price >= u.priceMin);
  let products = base.filter(inPrice);
  if (u.sort === 'price_asc') products = [...products].sort((a, b) => a.price - b.price);
  if (u.sort === 'price_desc') products = [...products].sort((a, b) => b.price - a.price);
  const wanted = u.priceMax !== undefined ? `up to ${rupees(u.priceMax)}` : `from ${rupees(u.priceMin ?? 0)}`;
  const alternatives =
    products.length === 0 && (u.priceMax !== undefined || u.priceMin !== undefined)
      ? [...base].sort((a, b) => a.price - b.price).slice(0, 3).map((p) => ({ ...p, relaxed: { constraint: 'price', wanted, offered: p.priceText } }))
      : [];
  return { query, count: products.length, products: products.slice(0, limit), alternatives, filters };
}

export type ToolOverrides = Partial<Record<string, (args: Record<string, unknown>) => unknown>>;

/** Executors for every tool, each returning the contract's result shape. Overrides replace one. */
export function fakeExecutors(overrides: ToolOverrides = {}): Record<string, (args: Record<string, unknown>) => unknown> {
  return {
    [TOOL.searchProducts]: (a) => fakeSearch(String(a.query), typeof a.limit === 'number' ? a.limit : 10),
    [TOOL.getProduct]: (a): GetProductResult => {
      const p = CATALOG.find((x) => x.sku.toLowerCase() === String(a.sku).toLowerCase());
      return p
        ? { found: true, product: { ...p, description: `${p.name}, handcrafted. Polished to a mirror finish.`, stones: p.sku === 'SJ-ERG-002' ? ['diamond'] : [], makingCharges: 4_500, makingChargesText: rupees(4_500), url: `https://shop.example/${p.sku}`, occasions: ['festive'] } }
        : { found: false, product: null };
    },
    [TOOL.sendProducts]: (a) => {
      const skus = a.skus as string[];
      return { sent: skus.length, skus, format: skus.length === 1 ? 'product' : 'product_list' };
    },
    [TOOL.storeInfo]: () => STORE,
    [TOOL.suggestReplies]: (a) => ({ buttons: a.buttons }),
    [TOOL.handoff]: () => ({ handedOff: true }),
    [TOOL.searchKnowledge]: () => ({
      answerable: true,
      passages: [{ text: 'Gold jewellery can be returned within 7 days with the original bill. Making charges are not refunded.', source: 'returns-policy.pdf', location: 'page 1', score: 0.9 }],
    }),
    ...overrides,
  } as Record<string, (args: Record<string, unknown>) => unknown>;
}

const def = (name: string): ToolDefinition => ({ name, description: name, parameters: { type: 'object', properties: {} } });
export const ALL_TOOLS = [TOOL.searchProducts, TOOL.getProduct, TOOL.sendProducts, TOOL.storeInfo, TOOL.suggestReplies, TOOL.handoff, TOOL.searchKnowledge];

export function memory(m: Partial<ThreadMemory> = {}): ThreadMemory {
  return { lastQuery: null, shownSkus: [], focusSku: null, interested: false, optedOut: false, followUpsSent: 0, ...m };
}

/** A normalised inbound message as the webhook parser gives it. */
export function inbound(text: string | null, extra: Partial<InboundMessage> = {}): InboundMessage {
  return {
    type: 'text', rawType: 'text', text, media: null, reply: null, flow: null, order: null, reaction: null, location: null, contacts: null,
    system: null, unsupportedType: null, id: 'wamid.TEST', timestamp: '2026-03-02T06:00:00.000Z', phoneNumberId: '100', from: '919812345678',
    fromUserId: null, sender: null, context: null, referral: null, revoke: null, edit: null, errors: [], raw: {}, ...extra,
  };
}

export interface TurnOptions {
  persona?: PersonaInput;
  memory?: Partial<ThreadMemory>;
  tools?: string[];
  overrides?: ToolOverrides;
  inbound?: InboundMessage | null;
  followUp?: boolean;
  shopperName?: string | null;
  /** Earlier turns as the engine keeps them (user and assistant words). */
  history?: { role: 'user' | 'assistant'; content: string }[];
}

export interface TurnOutcome {
  content: string | null;
  calls: { name: string; args: Record<string, unknown>; result: unknown }[];
  ids: string[];
  steps: number;
  /** Every tool result of the turn as JSON text (what a fact check compares against). */
  resultsText: string;
  buttons: string[];
}

/** One shopper message through the real tool loop with the fake tools. */
export async function runTurn(model: Model, text: string, o: TurnOptions = {}): Promise<TurnOutcome> {
  const exec = fakeExecutors(o.overrides);
  const tools = (o.tools ?? ALL_TOOLS).map(def);
  const context: TurnContext = {
    persona: PersonaSchema.parse(o.persona ?? {}),
    agentName: 'Aarav',
    store: { name: STORE.name, phone: STORE.phone, timeZone: 'Asia/Kolkata' },
    inbound: o.inbound === undefined ? (o.followUp ? null : inbound(text)) : o.inbound,
    shopperName: o.shopperName ?? null,
    followUp: o.followUp ?? false,
    now: '2026-03-02T06:00:00.000Z',
    memory: memory(o.memory),
  };
  const calls: TurnOutcome['calls'] = [];
  const ids: string[] = [];
  const r = await runToolLoop({
    model,
    messages: [{ role: 'system', content: 'You are Aarav.' }, ...(o.history ?? []), ...(o.followUp ? [] : [{ role: 'user' as const, content: text }])],
    tools,
    context,
    execute: async (call, args) => {
      const fn = exec[call.name];
      if (!fn) throw new Error(`no fake for ${call.name}`);
      const result = fn(args);
      calls.push({ name: call.name, args, result });
      return { content: JSON.stringify(result) };
    },
    onTool: (t) => ids.push(t.call.id),
  });
  const suggest = calls.find((c) => c.name === TOOL.suggestReplies);
  return {
    content: r.content,
    calls,
    ids,
    steps: r.steps,
    resultsText: JSON.stringify(calls.map((c) => c.result)),
    buttons: (suggest?.args.buttons as string[] | undefined) ?? [],
  };
}

/** Every "₹12,345" in a text, as numbers. */
export function rupeeAmounts(text: string): number[] {
  return [...text.matchAll(/₹\s?(\d[\d,]*)/g)].map((m) => Number((m[1] ?? '').replace(/,/g, '')));
}

/** Whether each ₹ amount of the text appears, as a ₹ amount, in the tool results. */
export function unbackedAmounts(text: string, resultsText: string): number[] {
  const backed = new Set(rupeeAmounts(resultsText));
  return rupeeAmounts(text).filter((n) => !backed.has(n));
}

export const EMOJI = /\p{Extended_Pictographic}/gu;
