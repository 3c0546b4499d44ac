import { checkCount, checkLength, LIMITS, MessageLimitError, required } from './limits.js';
import { envelope, media } from './parts.js';
import type { CommonOptions, GraphMessage, Json, MediaRef } from './types.js';

/**
 * The template's buttons in the order they were approved: the position is the `index` Meta
 * expects. Phone number buttons are fixed at approval and take no parameter, but they still
 * occupy a position, so they are listed to keep the indexes right.
 */
export type TemplateButtonInput =
  | { type: 'quick_reply'; payload: string }
  | { type: 'url'; suffix: string }
  | { type: 'copy_code'; code: string }
  | { type: 'phone_number' }
  /** Any other button that takes no parameter (a static URL): listed only to keep the indexes right. */
  | { type: 'fixed' }
  | { type: 'flow'; token?: string; data?: { [key: string]: Json } };

export interface TemplateInput extends CommonOptions {
  name: string;
  /** Language code the template was approved in, e.g. "en", "en_US", "hi". */
  language: string;
  header?: { text: string } | { image: MediaRef } | { video: MediaRef } | { document: MediaRef & { filename?: string } };
  /** Body variables: positional ({{1}}, {{2}}…) as an array, or named ({{name}}) as an object. */
  body?: string[] | Record<string, string>;
  buttons?: TemplateButtonInput[];
}

function headerComponent(h: NonNullable<TemplateInput['header']>): Json {
  if ('text' in h) {
    checkLength('headerText', 'The template header variable', h.text);
    return { type: 'header', parameters: [{ type: 'text', text: h.text }] };
  }
  if ('image' in h) return { type: 'header', parameters: [{ type: 'image', image: media(h.image, 'The header image') }] };
  if ('video' in h) return { type: 'header', parameters: [{ type: 'video', video: media(h.video, 'The header video') }] };
  const { filename, ...ref } = h.document;
  return { type: 'header', parameters: [{ type: 'document', document: { ...media(ref as MediaRef, 'The header document'), ...(filename ? { filename } : {}) } }] };
}

function bodyComponent(b: NonNullable<TemplateInput['body']>): Json {
  const parameters = Array.isArray(b)
    ? b.map((text) => ({ type: 'text', text: required('templateBody', 'A body variable', text) }))
    : Object.entries(b).map(([name, text]) => ({ type: 'text', parameter_name: name, text: required('templateBody', `The body variable "${name}"`, text) }));
  return { type: 'body', parameters };
}

function buttonComponent(b: TemplateButtonInput, index: number): Json | null {
  const base = { type: 'button', index: String(index) };
  switch (b.type) {
    case 'quick_reply':
      return { ...base, sub_type: 'quick_reply', parameters: [{ type: 'payload', payload: required('templateButton', 'A quick reply payload', b.payload) }] };
    case 'url':
      return { ...base, sub_type: 'url', parameters: [{ type: 'text', text: required('templateButton', 'A URL button suffix', b.suffix) }] };
    case 'copy_code':
      checkLength('copyCode', `The coupon code "${b.code}"`, b.code);
      return { ...base, sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: b.code }] };
    case 'flow':
      return { ...base, sub_type: 'flow', parameters: [{ type: 'action', action: { ...(b.token ? { flow_token: b.token } : {}), ...(b.data ? { flow_action_data: b.data } : {}) } }] };
    case 'phone_number':
    case 'fixed':
      return null;
  }
}

/**
 * An approved template: the only kind of message WhatsApp delivers outside the 24-hour window
 * since the shopper last wrote. The text lives at Meta; we send the name and the variables.
 */
export function templateMessage(to: string, input: TemplateInput): GraphMessage {
  if (!/^[a-z0-9_]{1,512}$/.test(input.name)) throw new MessageLimitError('templateName', `"${input.name}" is not a template name (lowercase letters, digits and _ only)`);
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(input.language)) throw new MessageLimitError('templateLanguage', `"${input.language}" is not a language code like en, en_US or hi`);
  const buttons = input.buttons ?? [];
  if (buttons.length > 0) checkCount('templateButtons', 'template buttons', buttons.length);
  const count = (t: TemplateButtonInput['type']) => buttons.filter((b) => b.type === t).length;
  if (count('copy_code') > LIMITS.templateCopyCodeButtons) throw new MessageLimitError('templateCopyCodeButtons', `${count('copy_code')} copy code buttons; WhatsApp allows 1`);
  if (count('url') > LIMITS.templateUrlButtons) throw new MessageLimitError('templateUrlButtons', `${count('url')} URL buttons; WhatsApp allows 2`);
  if (count('phone_number') > LIMITS.templatePhoneButtons) throw new MessageLimitError('templatePhoneButtons', `${count('phone_number')} phone number buttons; WhatsApp allows 1`);
  const components: Json[] = [];
  if (input.header) components.push(headerComponent(input.header));
  if (input.body && (Array.isArray(input.body) ? input.body.length : Object.keys(input.body).length)) components.push(bodyComponent(input.body));
  buttons.forEach((b, i) => {
    const c = buttonComponent(b, i);
    if (c) components.push(c);
  });
  return {
    ...envelope(to, 'template', input),
    template: { name: input.name, language: { code: input.language }, ...(components.length ? { components } : {}) },
  };
}
