import type { Logger } from 'pino';
import { DEAL_STAGE_LABELS, type ConversationEvent, type DealStage, type LiveMessage } from '../contracts/index.js';
import { understand } from '../understanding/index.js';
import { isOpen, stageRank, type PipelineService } from './pipeline.service.js';
import type { DealRow } from './pipeline.repo.js';

/** After the owner moves a deal by hand, automatic moves leave it alone this long. */
export const OWNER_HOLD_MINUTES = 30;
/** Search results count as "looked at" up to this many (what an agent lists in words or cards). */
export const SEARCH_RESULTS_SEEN = 5;

/**
 * What other domains tell the pipeline (`pipeline.signal`): the conversation events map to the
 * first four; appointments call `booked`, commerce calls `order` with the order's value.
 */
export type PipelineSignal = 'message' | 'replied' | 'interest' | 'discount' | 'booked' | 'order';
export interface SignalData {
  agentId?: number | null;
  /** The shopper's words (a deal's title comes from them). */
  text?: string;
  /** Products looked at or ordered, with their price when known. */
  products?: { sku: string; price?: number | null }[];
  /** The one product the shopper asked about: its price becomes the deal's value. */
  asked?: { sku: string; price?: number | null } | null;
  /** An order's total in rupees (signal `order`). */
  value?: number;
  /** Why, in words, for the deal's history. */
  reason?: string;
}

const TARGET: Record<PipelineSignal, DealStage | null> = { message: null, replied: 'contacted', interest: 'interest', discount: 'negotiating', booked: 'booked', order: 'sold' };

/** Asking for a lower price, in English and Hinglish. */
const DISCOUNT = /\b(discount|discounts|kam\s+(karo|kariye|kar\s+do|kijiye|ho\s+sakta)|kuch\s+kam|best\s+(price|rate)|last\s+(price|rate)|final\s+(price|rate)|lowest\s+(price|rate)|less(er)?\s+price|reduce\s+(the\s+)?price|any\s+offers?|sasta|bargain|negotiable|concession)\b/i;
export const asksDiscount = (text: string) => DISCOUNT.test(text);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "gold bangles under 50k" → "Gold bangles"; null when no product word is there. */
export function titleFrom(text: string): string | null {
  const u = understand(text);
  if (!u.category || u.category === 'other') return null;
  const noun = u.category === 'set' ? 'jewellery set' : u.category.endsWith('s') ? u.category : `${u.category}s`;
  const adjective = u.metal ?? u.stones?.[0] ?? u.purity ?? '';
  return cap(`${adjective} ${noun}`.trim());
}

export const DEFAULT_TITLE = 'New enquiry';

/**
 * Deals that move by themselves. Rules: one open deal per contact (a message from a contact with
 * none opens one in New); automatic moves only go forward (New → … → Sold), never touch a sold or
 * lost deal, nor one the owner moved in the last OWNER_HOLD_MINUTES; each is in the history as
 * `auto` with its reason.
 */
export function createAutoPipeline(service: PipelineService, opts: { log?: Logger; priceOf?: (sku: string) => number | null; clock?: () => Date } = {}) {
  const clock = opts.clock ?? (() => new Date());
  const held = (r: DealRow) => r.owner_moved_at !== null && clock().getTime() - Date.parse(r.owner_moved_at) < OWNER_HOLD_MINUTES * 60_000;

  function openDeal(contactId: number, data: SignalData, reason: string): DealRow {
    const title = (data.text && titleFrom(data.text)) || DEFAULT_TITLE;
    const d = service.create({ contactId, title, agentId: data.agentId ?? null }, 'auto', reason, { titleAuto: title === DEFAULT_TITLE });
    return service.row(d.id);
  }

  /** Products, value and title as the shopper's interest grows; the owner's typed value and title stay. */
  function enrich(r: DealRow, data: SignalData): void {
    const patch: { products?: string[]; value?: number; title?: string; agentId?: number } = {};
    const seen = [...(data.products ?? []), ...(data.asked ? [data.asked] : [])];
    if (seen.length) {
      const products = [...new Set([...(JSON.parse(r.products) as string[]), ...seen.map((p) => p.sku)])].slice(-30);
      if (products.join() !== (JSON.parse(r.products) as string[]).join()) patch.products = products;
    }
    if (r.value_by === 'auto') {
      const price = (p: { sku: string; price?: number | null }) => p.price ?? opts.priceOf?.(p.sku) ?? null;
      const asked = data.asked ? price(data.asked) : null;
      const highest = Math.max(0, ...(data.products ?? []).map((p) => price(p) ?? 0));
      const value = data.value ?? asked ?? Math.max(r.value, highest);
      if (Number.isInteger(value) && value >= 0 && value !== r.value) patch.value = value;
    }
    const title = r.title_auto === 1 && data.text ? titleFrom(data.text) : null;
    if (title) patch.title = title;
    if (r.agent_id === null && data.agentId != null) patch.agentId = data.agentId;
    if (Object.keys(patch).length) service.update(r.id, patch, 'auto');
  }

  function signal(contactId: number, what: PipelineSignal, data: SignalData = {}): DealRow | null {
    const target = TARGET[what];
    let r = service.openFor(contactId) ?? null;
    if (!r) {
      // replies and product lookups come after a message that opened a deal; a booking or an order can come first
      if (what !== 'message' && what !== 'booked' && what !== 'order') return null;
      r = openDeal(contactId, data, what === 'message' ? `first message: "${(data.text ?? '').slice(0, 80)}"` : (data.reason ?? what));
    }
    if (held(r) || !isOpen(r.stage)) return r;
    enrich(r, data);
    if (target && stageRank(target) > stageRank(r.stage)) {
      service.move(r.id, { stage: target, reason: data.reason ?? `${what} → ${DEAL_STAGE_LABELS[target]}` }, 'auto');
    }
    return service.row(r.id);
  }

  /** The conversation engine's events, turned into signals. */
  function onEvent(e: ConversationEvent): void {
    if (e.contactId === null) return;
    const d = e.data;
    if (e.type === 'INBOUND') {
      const text = typeof d.text === 'string' ? d.text : e.detail;
      signal(e.contactId, 'message', { agentId: e.agentId, text });
      if (asksDiscount(text)) signal(e.contactId, 'discount', { agentId: e.agentId, text, reason: `asked for a better price: "${text.slice(0, 80)}"` });
    } else if (e.type === 'OUTBOUND') {
      signal(e.contactId, 'replied', { agentId: e.agentId, reason: `${e.agentName ?? 'the agent'} replied` });
    } else if (e.type === 'TOOL' && !d.error) {
      const seen = productsOf(String(d.name), d.args, d.result);
      if (!seen) return;
      const text = typeof (d.args as { query?: unknown } | undefined)?.query === 'string' ? String((d.args as { query: string }).query) : undefined;
      const names = seen.products.length + (seen.asked ? 1 : 0);
      signal(e.contactId, 'interest', { agentId: e.agentId, ...seen, ...(text ? { text } : {}), reason: `${String(d.name)}: ${names} product${names === 1 ? '' : 's'} looked at` });
    }
  }

  return {
    signal,
    onEvent,
    /** Subscribes to the bus; a failure here is logged and never breaks the conversation. */
    listener(message: LiveMessage): void {
      if (message.type !== 'conversation.event') return;
      try {
        onEvent(message.event);
      } catch (err) {
        opts.log?.warn({ err, event: message.event.type }, 'pipeline: automatic move failed');
      }
    },
  };
}
export type AutoPipeline = ReturnType<typeof createAutoPipeline>;

interface SeenProduct {
  sku: string;
  price?: number | null;
}
const asProduct = (p: unknown): SeenProduct | null => {
  const x = p as { sku?: unknown; price?: unknown } | null;
  return x && typeof x.sku === 'string' ? { sku: x.sku, price: typeof x.price === 'number' ? x.price : null } : null;
};

/** What a product tool's result says the shopper looked at; null when it found nothing. */
export function productsOf(tool: string, args: unknown, result: unknown): { products: SeenProduct[]; asked: SeenProduct | null } | null {
  const r = result as Record<string, unknown> | undefined;
  if (!r) return null;
  if (tool === 'search_products') {
    const products = (Array.isArray(r.products) ? r.products : []).slice(0, SEARCH_RESULTS_SEEN).map(asProduct).filter((p): p is SeenProduct => p !== null);
    return products.length ? { products, asked: null } : null;
  }
  if (tool === 'get_product') {
    const p = r.found === false ? null : asProduct(r.product);
    return p ? { products: [], asked: p } : null;
  }
  if (tool === 'send_products') {
    const skus = Array.isArray(r.skus) && Number(r.sent ?? r.skus.length) > 0 ? r.skus.filter((s): s is string => typeof s === 'string') : [];
    void args;
    return skus.length ? { products: skus.map((sku) => ({ sku })), asked: null } : null;
  }
  return null;
}
