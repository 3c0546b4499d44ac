import type { InboundMessage } from '../contracts/index.js';
import type { GraphMessage } from '../whatsapp/index.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const MEDIA_LABEL: Record<string, string> = { image: 'photo', video: 'video', audio: 'voice note', document: 'document', sticker: 'sticker' };

/** Cloud API type of an inbound message: text, image, interactive.button_reply, order… */
export function inboundKind(m: InboundMessage): string {
  if (m.type === 'interactive') {
    if (m.reply) return `interactive.${m.reply.kind}`;
    if (m.flow) return 'interactive.nfm_reply';
  }
  return m.type;
}

/**
 * What the shopper said, as one line of text for the model: tapped button and list titles read
 * as typed words, media as "[photo] caption", orders as their items, a reply to a product as
 * "about SKU X".
 */
export function renderInbound(m: InboundMessage): string {
  const parts: string[] = [];
  if (m.media) {
    const label = m.media.kind === 'audio' && m.media.voice === false ? 'audio' : (MEDIA_LABEL[m.media.kind] ?? m.media.kind);
    parts.push(`[${label}${m.media.filename ? ` ${m.media.filename}` : ''}]`);
    if (m.media.caption) parts.push(m.media.caption);
  } else if (m.order) {
    const items = m.order.items.map((i) => `${i.quantity} × ${i.retailerId}`).join(', ');
    parts.push(`[order] ${items || 'no items'}`);
    if (m.order.text) parts.push(m.order.text);
  } else if (m.location) {
    const where = [m.location.name, m.location.address].filter(Boolean).join(', ');
    parts.push(`[location] ${where ? `${where} ` : ''}(${m.location.latitude}, ${m.location.longitude})`);
  } else if (m.flow) {
    const answers = m.flow.response ? Object.entries(m.flow.response).filter(([k]) => k !== 'flow_token') : [];
    parts.push(`[form] ${m.flow.body ?? m.flow.name ?? 'completed'}`);
    if (answers.length) parts.push(answers.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; '));
  } else if (m.reaction) {
    parts.push(m.reaction.emoji ? `[reacted ${m.reaction.emoji}]` : '[removed a reaction]');
  } else if (m.contacts?.length) {
    parts.push(`[shared contact] ${m.contacts.map((c) => c.name ?? c.phones[0]?.phone ?? 'someone').join(', ')}`);
  } else if (m.reply) {
    parts.push(m.reply.title ?? m.reply.id);
  } else if (m.text) {
    parts.push(m.text);
  } else if (m.type === 'unsupported') {
    parts.push(`[a message WhatsApp could not show${m.unsupportedType ? `: ${m.unsupportedType}` : ''}]`);
  } else {
    parts.push(`[${m.type}]`);
  }
  const sku = m.context?.referredProduct?.productRetailerId;
  if (sku) parts.push(`(about SKU ${sku})`);
  return oneLine(parts.join(' '));
}

/** Cloud API type of an outbound message, as the outbox names it. */
export function outboundKind(p: GraphMessage): string {
  const sub = p.type === 'interactive' ? str(obj(p.interactive).type) : null;
  return sub ? `interactive.${sub}` : p.type;
}

/** One line per outbound message: what the shopper saw, for the model's history and previews. */
export function renderOutbound(p: GraphMessage): string {
  const any = p as Obj;
  if (p.type === 'text') return oneLine(str(obj(any.text).body) ?? '');
  if (p.type === 'interactive') {
    const i = obj(any.interactive);
    const body = str(obj(i.body).text) ?? '';
    const action = obj(i.action);
    if (i.type === 'button') {
      const titles = (Array.isArray(action.buttons) ? action.buttons : []).map((b) => str(obj(obj(b).reply).title)).filter(Boolean);
      return oneLine(`${body} [buttons: ${titles.join(' | ')}]`);
    }
    if (i.type === 'product') return oneLine(`[product ${str(action.product_retailer_id) ?? ''}] ${body}`);
    if (i.type === 'product_list') {
      const skus = (Array.isArray(action.sections) ? action.sections : []).flatMap((s) =>
        (Array.isArray(obj(s).product_items) ? (obj(s).product_items as unknown[]) : []).map((it) => str(obj(it).product_retailer_id)),
      );
      return oneLine(`[product list: ${skus.filter(Boolean).join(', ')}] ${str(obj(i.header).text) ?? ''} ${body}`);
    }
    return oneLine(`[${String(i.type)}] ${body}`);
  }
  const media = obj(any[p.type]);
  const caption = str(media.caption);
  return oneLine(`[${MEDIA_LABEL[p.type] ?? p.type}]${caption ? ` ${caption}` : ''}`);
}

/** A reply button id from its title: "Book a visit" → "btn_book_a_visit". */
export function buttonId(title: string, taken: Set<string>): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'reply';
  let id = `btn_${slug}`;
  for (let n = 2; taken.has(id); n += 1) id = `btn_${slug}_${n}`;
  taken.add(id);
  return id;
}

/** The shopper said no to the conversation itself (not a negated filter like "gold nahi, silver"). */
const OPT_OUT = [
  /^\s*(stop|unsubscribe|cancel|no thanks?|no thank you|not interested|nahi chahiye|nahin chahiye|mat bhejo|mat bhejiye|band karo|don'?t (message|text|send)|leave me alone)\b[\s.!\u{1F64F}]*$/iu,
  /\b(not interested|stop (messaging|texting|sending)|don'?t (message|text|contact) me|nahi chahiye|nahin chahiye|mat bhejo|mat bhejiye|message mat karo|unsubscribe)\b/i,
];

export function saysStop(text: string | null): boolean {
  if (!text) return false;
  return OPT_OUT.some((re) => re.test(text));
}
