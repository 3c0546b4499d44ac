import { APPOINTMENT_TOOL, type InboundMessage } from '../contracts/index.js';
import type { ThreadMemory } from '../brain/index.js';
import type { SkillResult } from '../skills/index.js';
import { TOOL } from '../skills/index.js';

const SHOWN_MAX = 60;

export function emptyMemory(): ThreadMemory {
  return { lastQuery: null, shownSkus: [], focusSku: null, interested: false, optedOut: false, followUpsSent: 0 };
}

/** A thread's stored memory, tolerant of older or partial JSON. */
export function readMemory(json: string): ThreadMemory {
  let v: Partial<ThreadMemory>;
  try {
    v = JSON.parse(json) as Partial<ThreadMemory>;
  } catch {
    v = {};
  }
  const base = emptyMemory();
  return {
    lastQuery: typeof v.lastQuery === 'string' ? v.lastQuery : base.lastQuery,
    shownSkus: Array.isArray(v.shownSkus) ? v.shownSkus.filter((s): s is string => typeof s === 'string').slice(0, SHOWN_MAX) : [],
    focusSku: typeof v.focusSku === 'string' ? v.focusSku : null,
    interested: v.interested === true,
    optedOut: v.optedOut === true,
    followUpsSent: typeof v.followUpsSent === 'number' ? v.followUpsSent : 0,
    offeredDate: typeof v.offeredDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.offeredDate) ? v.offeredDate : null,
  };
}

function remember(memory: ThreadMemory, skus: string[]): void {
  const fresh = skus.filter(Boolean);
  memory.shownSkus = [...fresh, ...memory.shownSkus.filter((s) => !fresh.includes(s))].slice(0, SHOWN_MAX);
}

/** What a new shopper message tells the memory before the model runs. */
export function rememberInbound(memory: ThreadMemory, m: InboundMessage, optOut: boolean): void {
  memory.followUpsSent = 0;
  const referred = m.context?.referredProduct?.productRetailerId;
  if (referred) {
    memory.focusSku = referred;
    memory.interested = true;
  }
  if (m.order?.items.length) memory.interested = true;
  if (optOut) memory.optedOut = true;
}

/** What a tool call tells the memory: the query searched, the products shown, the one in focus. */
export function rememberTool(memory: ThreadMemory, tool: string, args: Record<string, unknown>, r: SkillResult): void {
  const result = (r.result ?? {}) as Record<string, unknown>;
  if (tool === TOOL.searchProducts) {
    if (typeof args.query === 'string' && args.query.trim()) memory.lastQuery = args.query.trim();
    memory.interested = true;
  } else if (tool === TOOL.getProduct) {
    const product = result.product as { sku?: unknown } | null | undefined;
    if (result.found === true && typeof product?.sku === 'string') memory.focusSku = product.sku;
    memory.interested = true;
  } else if (tool === TOOL.sendProducts) {
    const skus = Array.isArray(result.skus) ? result.skus.filter((s): s is string => typeof s === 'string') : [];
    if (skus.length === 1) memory.focusSku = skus[0] ?? memory.focusSku;
    memory.interested = true;
    if (!r.shownSkus?.length) remember(memory, skus);
  }
  if (r.shownSkus?.length) remember(memory, r.shownSkus);
  // The free times offered (find_slots): a bare "11:30" next is on their first day.
  if (tool === APPOINTMENT_TOOL.findSlots) memory.offeredDate = typeof result.firstDate === 'string' ? result.firstDate : null;
}
