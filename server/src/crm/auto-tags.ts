import type { ConversationEvent, LiveMessage } from '../contracts/index.js';
import { understand } from '../understanding/index.js';
import type { CrmService } from './contacts.service.js';

const PRICE = /\b(discount|kam\s*kar(?:o|do|na)?|kuch\s*kam|sasta|saste|sasti|best\s*price|final\s*price|last\s*price|lowest|cheaper|offer|kitna\s*kam|rate\s*kam)\b/i;
const BRIDAL = /\b(bridal|shaadi|shadi|wedding|dulhan|dulhe|vivah|marriage|sagai|engagement)\b/i;
const VISIT = /\b(book(?:ed)?\s+(?:a\s+)?visit|visit\s+book|appointment|showroom\s+a(?:a|u)(?:unga|ungi|yenge|enge)|store\s+a(?:a|u)(?:unga|ungi|yenge))\b/i;
const HINGLISH = /\b(kya|hai|hain|chahiye|dikhao|dikhaiye|kitna|kitne|mujhe|aap|nahi|acha|accha|bhaiya|ji|karo|wala|wali|sone|chandi|kangan|angoothi)\b/gi;

export interface AutoTag {
  tag: string;
  reason: string;
}

const quote = (t: string) => `'${t.replace(/\s+/g, ' ').trim().slice(0, 80)}'`;

/** Tags a shopper's own words suggest, each with why: read with the understanding module. */
export function tagsFromText(text: string): AutoTag[] {
  const out: AutoTag[] = [];
  const why = `asked: ${quote(text)}`;
  const u = understand(text);
  if (u.stones?.includes('diamond')) out.push({ tag: 'InterestedInDiamonds', reason: why });
  if (u.occasion === 'bridal' || BRIDAL.test(text)) out.push({ tag: 'BridalShopper', reason: why });
  if (u.category === 'bangle' && u.metal === 'gold') out.push({ tag: 'GoldBangles', reason: why });
  if (PRICE.test(text)) out.push({ tag: 'PriceSensitive', reason: why });
  if (VISIT.test(text)) out.push({ tag: 'VisitBooked', reason: why });
  if ((text.match(HINGLISH) ?? []).length >= 2) out.push({ tag: 'Hinglish', reason: `wrote in Hinglish: ${quote(text)}` });
  return out;
}

/** Tags from what the agent did: a product search's filters, a handoff, a visit booked. */
export function tagsFromEvent(e: ConversationEvent): AutoTag[] {
  const d = e.data as { text?: unknown; name?: unknown; args?: Record<string, unknown> | null; reason?: unknown };
  if (e.type === 'INBOUND' && typeof d.text === 'string' && d.text.trim()) return tagsFromText(d.text);
  if (e.type === 'TOOL' && d.name === 'search_products' && d.args) {
    const a = d.args;
    const words = [a.query, a.category, a.metal, a.stone, ...(Array.isArray(a.stones) ? a.stones : [])].filter((x) => typeof x === 'string').join(' ');
    return tagsFromText(words)
      .filter((t) => t.tag !== 'Hinglish' && t.tag !== 'PriceSensitive')
      .map((t) => ({ tag: t.tag, reason: `searched: ${quote(words)}` }));
  }
  if (e.type === 'TOOL' && typeof d.name === 'string' && /book|appointment|visit/i.test(d.name)) return [{ tag: 'VisitBooked', reason: `agent ran ${d.name}` }];
  if (e.type === 'HANDOFF') return [{ tag: 'NeedsPerson', reason: `handed to a person: ${String(d.reason ?? e.detail)}` }];
  return [];
}

/**
 * Auto-tagging: every conversation step is read as it happens and the contact tagged, with the
 * reason stored. Banned tags are never given, nor a tag the owner removed from that contact.
 * Our replies also move the contact's last-message time.
 */
export function autoTagger(crm: CrmService) {
  return (m: LiveMessage): void => {
    if (m.type !== 'conversation.event') return;
    const e = m.event;
    if (e.contactId === null) return;
    try {
      if (e.type === 'OUTBOUND') return crm.recordOutbound(e.contactId, e.time);
      for (const t of tagsFromEvent(e)) crm.tags.auto(e.contactId, t.tag, t.reason);
    } catch {
      // A contact merged away mid-turn: nothing to tag.
    }
  };
}
