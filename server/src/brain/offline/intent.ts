import type { Language, Understood } from '../../contracts/index.js';
import { understand } from '../../understanding/index.js';
import type { ThreadMemory } from '../model.js';
import * as P from './phrases.js';
import { createSpeller, detectLanguage, words } from './text.js';

export const INTENTS = [
  'greeting', 'product_search', 'price_stock', 'more', 'catalog', 'policy', 'store_info', 'book_visit', 'discount', 'human', 'complaint',
  'thanks_bye', 'stop', 'unknown', 'price_breakup',
] as const;
export type Intent = (typeof INTENTS)[number];

export type StoreTopic = 'hours' | 'address' | 'contact' | 'all';

/** What a message means to the offline brain, with the details its policy needs. */
export interface IntentReading {
  intent: Intent;
  /** The language the shopper wrote in. */
  language: Language;
  /** The words as the search would read them. */
  understood: Understood;
  /** price_stock: the product asked about (an SKU said, a referred product, the nth shown, or the focus). */
  sku: string | null;
  /** price_stock: "the second one" → 2 (1-based), when no SKU could be resolved from memory. */
  ordinal: number | null;
  /** policy: returns, exchange, shipping, hallmark, … */
  topic: string | null;
  /** store_info: what was asked. */
  storeTopic: StoreTopic | null;
}

export interface IntentContext {
  memory?: Partial<ThreadMemory>;
  /** The SKU of a product the message replies to (WhatsApp's referred product). */
  referredSku?: string | null;
  /** The SKU of a product the shopper tapped (a list row or button whose id is a shown SKU). */
  tappedSku?: string | null;
}

/** Policy topics that are also services a shopper comes in for. */
const VISIT_SERVICES = new Set(['warranty', 'old gold', 'exchange']);

const norm = (phrase: string): string => words(phrase).join(' ');
const table = (phrases: readonly string[]): string[] => phrases.map(norm).filter(Boolean);

const T = {
  stopStrong: table(P.STOP_STRONG),
  stopWeak: table(P.STOP_WEAK),
  complaint: table(P.COMPLAINT),
  human: table(P.HUMAN),
  discount: table(P.DISCOUNT),
  catalog: table(P.CATALOG),
  bookVisit: table(P.BOOK_VISIT),
  hours: table(P.STORE_HOURS),
  address: table(P.STORE_ADDRESS),
  contact: table(P.STORE_CONTACT),
  more: table(P.MORE),
  priceStock: table(P.PRICE_STOCK),
  breakup: table(P.PRICE_BREAKUP),
  thanks: table(P.THANKS_BYE),
  greeting: table(P.GREETING),
  design: table(P.DESIGN_WORDS),
  who: table(P.WHO_ARE_YOU),
  yes: table(P.YES),
  show: table(P.SHOW),
  policy: Object.entries(P.POLICY).map(([topic, phrases]) => [topic, table(phrases)] as const),
  ordinals: P.ORDINALS.map(([n, phrases]) => [n, table(phrases)] as const),
};

const KEYS = new Set<string>();
for (const phrases of [T.stopStrong, T.complaint, T.human, T.discount, T.catalog, T.bookVisit, T.hours, T.address, T.contact, T.priceStock, T.thanks, T.greeting, ...T.policy.map(([, p]) => p)]) {
  for (const p of phrases) for (const w of p.split(' ')) KEYS.add(w);
}

/** A jewellery word the search lexicon knows is never repaired into one of ours ("payal" is not "payment"). */
function isJewelleryWord(token: string): boolean {
  const u = understand(token);
  return Boolean(u.category ?? u.metal ?? u.stones ?? u.occasion ?? u.gender ?? u.sort ?? u.inStockOnly);
}

const baseSpeller = createSpeller(KEYS, table(P.KNOWN_WORDS));
const speller = (token: string): string => {
  const out = baseSpeller(token);
  return out !== token && isJewelleryWord(token) ? token : out;
};

/** Whole-phrase search in a space-padded token string. */
const has = (padded: string, phrases: readonly string[]): boolean => phrases.some((p) => padded.includes(` ${p} `));

/** The filters that make a message a product search by themselves (sorting or "in stock" only refine). */
function searchFilters(u: Understood): boolean {
  return Boolean(
    u.category ?? u.metal ?? u.purity ?? u.stones ?? u.style ?? u.gender ?? u.occasion ?? u.sku ??
      u.priceMin ?? u.priceMax ?? u.priceAround ?? u.weightMinGrams ?? u.weightMaxGrams ?? u.weightAroundGrams,
  );
}

function ordinalOf(tokens: string[], padded: string): number | null {
  for (const [n, phrases] of T.ordinals) if (has(padded, phrases)) return n;
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k] ?? '';
    const next = tokens[k + 1] ?? '';
    if (/^(no|num|number|option|design|item|product)$/.test(t) && /^\d{1,2}$/.test(next)) return Number(next);
  }
  if (tokens.length === 1 && /^\d{1,2}$/.test(tokens[0] ?? '') && Number(tokens[0]) >= 1) return Number(tokens[0]);
  return null;
}

/** The intent alone: see `readIntent` for the details. */
export function classifyIntent(text: string, ctx: IntentContext = {}): Intent {
  return readIntent(text, ctx).intent;
}

/**
 * Reads a shopper's message (English, Hinglish, Devanagari, typos) into an intent. Order matters:
 * a stop or a complaint outranks everything; a named product outranks a new search; a category
 * makes a new search; filters without a category refine the last search; a bare no is a stop only
 * when nothing else is asked; greetings and thanks only when nothing else is said.
 */
export function readIntent(text: string, ctx: IntentContext = {}): IntentReading {
  const memory = ctx.memory ?? {};
  const shown = memory.shownSkus ?? [];
  const language = detectLanguage(text);
  const tokens = words(text).map(speller);
  const padded = ` ${tokens.join(' ')} `;
  const understood = understand(text);
  const out = (intent: Intent, extra: Partial<IntentReading> = {}): IntentReading => ({
    intent, language, understood, sku: null, ordinal: null, topic: null, storeTopic: null, ...extra,
  });

  if (tokens.length === 0) return out(/\p{Extended_Pictographic}/u.test(text) ? 'thanks_bye' : 'unknown');
  const filters = searchFilters(understood);

  if (has(padded, T.stopStrong) && !/ stop by /.test(padded)) return out('stop');
  if (has(padded, T.complaint)) return out('complaint');
  // "Are you a human?" is a question about the agent, not a request for one.
  if (has(padded, T.who) && !filters) return out('greeting', { topic: 'who' });
  if (has(padded, T.human)) return out('human');

  // "Any discount on SJ-BNG-0005?" asks for a price on that product: the discount, about it.
  if (has(padded, T.discount)) return out('discount', { sku: ctx.tappedSku ?? understood.sku ?? ctx.referredSku ?? null });

  // A product named: its SKU, the product the message replies to, or "the second one".
  const ordinal = ordinalOf(tokens, padded);
  // "Why is it so expensive?", "iska breakup": how the price of the product named (or in focus) is made up; "making kam karo" is a
  // discount, and "making charges?" with no product in view stays the store's policy question.
  const breakupSku = has(padded, T.breakup) && !has(padded, T.discount) ? (ctx.tappedSku ?? understood.sku ?? ctx.referredSku ?? (ordinal !== null ? shown[ordinal - 1] : undefined) ?? memory.focusSku ?? (shown.length === 1 ? (shown[0] ?? null) : null)) : undefined;
  if (breakupSku !== undefined && (breakupSku !== null || !T.policy.some(([t, phrases]) => t === 'making charges' && has(padded, phrases)))) return out('price_breakup', { sku: breakupSku });
  if (ctx.tappedSku) return out('price_stock', { sku: ctx.tappedSku });
  if (understood.sku) return out('price_stock', { sku: understood.sku });
  if (ctx.referredSku && !understood.category) return out('price_stock', { sku: ctx.referredSku });
  if (ordinal !== null && !understood.category) {
    const sku = shown[ordinal - 1] ?? null;
    return out('price_stock', { sku, ordinal });
  }

  // "Show me your whole catalog": the catalog message, unless a kind of piece was named.
  if (has(padded, T.catalog) && !understood.category) return out('catalog');
  const topic = T.policy.find(([, phrases]) => has(padded, phrases))?.[0] ?? null;
  // "Does it come in silver?" asks about a product, not a visit.
  const comesIn = / (come|comes) in /.test(padded) && Boolean(understood.metal ?? understood.purity ?? understood.stones);
  const visit = has(padded, T.bookVisit) && !comesIn;
  // "kal repair ke liye aana hai": coming in for a service (repair, old gold, exchange) is a visit to book.
  if (visit && topic && VISIT_SERVICES.has(topic)) return out('book_visit', { storeTopic: 'all', topic });
  // "hallmarked gold chain under 50k" is a search; "is your gold hallmarked?" is a policy question.
  if (topic && !(topic === 'hallmark' && understood.category)) return out('policy', { topic });
  if (visit) return out('book_visit', { storeTopic: 'all' });
  const hours = has(padded, T.hours);
  const address = has(padded, T.address);
  const contact = has(padded, T.contact);
  if (hours || address || contact) {
    const n = Number(hours) + Number(address) + Number(contact);
    const storeTopic: StoreTopic = n > 1 ? 'all' : hours ? 'hours' : address ? 'address' : 'contact';
    return out('store_info', { storeTopic });
  }

  if (understood.category) return out('product_search');
  const priceWords = has(padded, T.priceStock) || understood.inStockOnly === true;
  if (priceWords && !filters) {
    const sku = memory.focusSku ?? (shown.length === 1 ? (shown[0] ?? null) : null);
    if (sku || shown.length > 0) return out('price_stock', { sku });
  }
  if (memory.lastQuery && (has(padded, T.more) || filters || understood.sort)) return out('more');
  if (filters) return out('product_search');
  if (has(padded, T.more) && !has(padded, T.stopWeak)) return out('more');
  if (priceWords) return out('price_stock', { sku: memory.focusSku ?? null });
  if (tokens.length <= 6 && has(padded, T.stopWeak)) return out('stop');
  if (tokens.length <= 4 && has(padded, T.yes)) return out(memory.lastQuery ? 'more' : 'greeting', { topic: 'yes' });
  if (has(padded, T.show)) return out('more');
  if (has(padded, T.thanks)) return out('thanks_bye');
  if (has(padded, T.greeting)) return out('greeting');
  if (has(padded, T.design) || understood.sort) return out('product_search');
  return out('unknown');
}
