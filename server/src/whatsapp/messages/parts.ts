import { checkLength, MessageLimitError, required } from './limits.js';
import type { CommonOptions, GraphMessage, HeaderInput, Json, MediaRef } from './types.js';

const PHONE = /^\+?\d{6,15}$/;
/** Business-scoped user ids: a country code, a dot, then up to 128 letters/digits (parents add "ENT."). */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/** Who a message goes to: a phone number goes in `to` (digits only), a business-scoped id in `recipient`. */
export function address(to: string): { to: string } | { recipient: string } {
  const t = to.trim();
  if (PHONE.test(t)) return { to: t.replace(/^\+/, '') };
  if (BSUID.test(t)) return { recipient: t };
  throw new MessageLimitError('recipient', `"${to}" is neither a phone number with country code nor a WhatsApp user id`);
}

/** The fields every message body starts with. */
export function envelope(to: string, type: GraphMessage['type'], opts: CommonOptions = {}): GraphMessage {
  const msg: GraphMessage = { messaging_product: 'whatsapp', recipient_type: 'individual', ...address(to), type };
  if (opts.replyTo) msg.context = { message_id: opts.replyTo };
  return msg;
}

export function media(ref: MediaRef, what: string): { id: string } | { link: string } {
  if ('id' in ref) return { id: required('mediaId', `${what} id`, ref.id) };
  const link = required('mediaLink', `${what} link`, ref.link);
  if (!/^https?:\/\//i.test(link)) throw new MessageLimitError('mediaLink', `${what} link must start with https:// (WhatsApp fetches it from the internet)`);
  return { link };
}

export function header(h: HeaderInput | undefined): { header: Json } | Record<string, never> {
  if (!h) return {};
  if ('text' in h) {
    checkLength('headerText', 'The header', h.text);
    return { header: { type: 'text', text: h.text } };
  }
  if ('image' in h) return { header: { type: 'image', image: media(h.image, 'The header image') } };
  if ('video' in h) return { header: { type: 'video', video: media(h.video, 'The header video') } };
  const { filename, ...ref } = h.document;
  return { header: { type: 'document', document: { ...media(ref as MediaRef, 'The header document'), ...(filename ? { filename } : {}) } } };
}

export function body(text: string): { body: { text: string } } {
  checkLength('interactiveBody', 'The message text', text);
  return { body: { text } };
}

export function footer(text: string | undefined): { footer: { text: string } } | Record<string, never> {
  if (text === undefined) return {};
  checkLength('footerText', 'The footer', text);
  return { footer: { text } };
}
