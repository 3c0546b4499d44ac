import type { OpsEventDraft } from './events.repo.js';

/** What replaces a shopper's words when the owner chose masking. */
export const HIDDEN_TEXT = '[message hidden]';

/** Country calling codes seen in the store's market; the rest fall back to two digits. */
const CODES = ['91', '971', '966', '974', '965', '968', '973', '1', '44', '61', '65', '60', '977', '94', '880'];

/** "+919812345210" → "+91 98•••••210": the country, the first two and last three digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone;
  const code = CODES.find((c) => digits.startsWith(c) && digits.length - c.length >= 7) ?? digits.slice(0, 2);
  const rest = digits.slice(code.length);
  return `+${code} ${rest.slice(0, 2)}${'•'.repeat(rest.length - 5)}${rest.slice(-3)}`;
}

/** Phone-like runs (E.164 or a bare WhatsApp id of 10–15 digits) inside free text. */
const PHONE_RUN = /\+?\d[\d ]{8,17}\d/g;
const maskText = (s: string): string => s.replace(PHONE_RUN, (m) => (m.replace(/\D/g, '').length >= 10 ? maskPhone(m) : m));

function maskValue(v: unknown): unknown {
  if (typeof v === 'string') return maskText(v);
  if (Array.isArray(v)) return v.map(maskValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskValue(x)]));
  return v;
}

/** Keys of a message event's data that carry no words of the conversation. */
const MESSAGE_META = ['kind', 'messageId'];

/**
 * The event as stored when masking is on: phones masked everywhere, and the words of INBOUND and
 * OUTBOUND messages replaced (their kind and id stay, so the Matrix still links the conversation).
 */
export function maskEvent(e: OpsEventDraft): OpsEventDraft {
  const message = e.type === 'INBOUND' || e.type === 'OUTBOUND';
  const data = message ? Object.fromEntries(Object.entries(e.data).filter(([k]) => MESSAGE_META.includes(k))) : e.data;
  return {
    ...e,
    contact: e.contact === null ? null : maskText(e.contact),
    detail: message ? HIDDEN_TEXT : maskText(e.detail),
    data: maskValue(data) as Record<string, unknown>,
  };
}
