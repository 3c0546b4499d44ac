import { charCount, LIMITS } from '../messages/index.js';

/** A Meta-shaped rejection: the code and the `error_data.details` text Meta would send. */
export interface MetaRejection {
  code: 100 | 131008 | 131009;
  details: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';

class Reject extends Error {
  constructor(readonly rejection: MetaRejection) {
    super(rejection.details);
  }
}
const missing = (name: string): never => {
  throw new Reject({ code: 131008, details: `The parameter ${name} is required.` });
};
const invalid = (details: string): never => {
  throw new Reject({ code: 131009, details });
};
const badParam = (details: string): never => {
  throw new Reject({ code: 100, details });
};

function text(v: unknown, name: string, max: number, required = true): void {
  if (v === undefined) {
    if (required) missing(name);
    return;
  }
  if (!str(v)) badParam(`The parameter ${name} must be a string.`);
  const n = charCount(v as string);
  if (n < 1 || n > max) invalid(`${name} length invalid. Min length: 1, Max length: ${max}`);
}

function obj(v: unknown, name: string): Obj {
  if (v === undefined) missing(name);
  if (!isObj(v)) badParam(`The parameter ${name} must be an object.`);
  return v as Obj;
}

function arr(v: unknown, name: string, min: number, max: number, noun = name): unknown[] {
  if (v === undefined) missing(name);
  if (!Array.isArray(v)) badParam(`The parameter ${name} must be an array.`);
  const a = v as unknown[];
  if (a.length < min || a.length > max) invalid(`Invalid number of ${noun}. Min: ${min}, Max: ${max}, got ${a.length}`);
  return a;
}

function mediaObject(v: unknown, name: string): void {
  const m = obj(v, name);
  if (str(m.id) === str(m.link)) badParam(`${name} needs exactly one of id or link.`);
  if (str(m.link) && !/^https?:\/\//i.test(m.link)) invalid(`${name}.link must be an http(s) URL.`);
  if (m.caption !== undefined) text(m.caption, `${name}.caption`, LIMITS.caption);
}

function header(h: unknown, allowMedia: boolean): void {
  if (h === undefined) return;
  const o = obj(h, 'interactive.header');
  if (o.type === 'text') return text(o.text, 'Header text', LIMITS.headerText);
  if (allowMedia && (o.type === 'image' || o.type === 'video' || o.type === 'document')) return mediaObject(o[o.type], `interactive.header.${o.type}`);
  badParam(`Header type ${String(o.type)} is not supported for this message.`);
}

function footerAndBody(i: Obj, bodyRequired: boolean): void {
  if (i.body === undefined) {
    if (bodyRequired) missing('interactive.body');
  } else text(obj(i.body, 'interactive.body').text, 'Body text', LIMITS.interactiveBody);
  if (i.footer !== undefined) text(obj(i.footer, 'interactive.footer').text, 'Footer text', LIMITS.footerText);
}

function interactive(v: unknown): void {
  const i = obj(v, 'interactive');
  const action = () => obj(i.action, 'interactive.action');
  switch (i.type) {
    case 'button': {
      header(i.header, true);
      footerAndBody(i, true);
      const buttons = arr(action().buttons, 'interactive.action.buttons', 1, LIMITS.replyButtons, 'buttons');
      const ids = new Set<string>();
      const titles = new Set<string>();
      for (const b of buttons) {
        const reply = obj(obj(b, 'button').reply, 'button.reply');
        if ((b as Obj).type !== 'reply') badParam('Button type must be reply.');
        text(reply.id, 'Button id', LIMITS.replyButtonId);
        text(reply.title, 'Button title', LIMITS.replyButtonTitle);
        if (ids.has(reply.id as string) || titles.has(reply.title as string)) invalid('Button ids and titles must be unique.');
        ids.add(reply.id as string);
        titles.add(reply.title as string);
      }
      return;
    }
    case 'list': {
      header(i.header, false);
      footerAndBody(i, true);
      const a = action();
      text(a.button, 'Button text', LIMITS.listButton);
      const sections = arr(a.sections, 'interactive.action.sections', 1, LIMITS.listSections, 'sections');
      let total = 0;
      const ids = new Set<string>();
      for (const s of sections) {
        const so = obj(s, 'section');
        if (sections.length > 1 || so.title !== undefined) text(so.title, 'Section title', LIMITS.listSectionTitle);
        const rows = arr(so.rows, 'section.rows', 1, LIMITS.listRows, 'rows');
        total += rows.length;
        for (const r of rows) {
          const ro = obj(r, 'row');
          text(ro.id, 'Row id', LIMITS.listRowId);
          text(ro.title, 'Row title', LIMITS.listRowTitle);
          text(ro.description, 'Row description', LIMITS.listRowDescription, false);
          if (ids.has(ro.id as string)) invalid('Row ids must be unique.');
          ids.add(ro.id as string);
        }
      }
      if (total > LIMITS.listRows) invalid(`Invalid number of rows. Min: 1, Max: ${LIMITS.listRows}, got ${total}`);
      return;
    }
    case 'product': {
      footerAndBody(i, false);
      const a = action();
      text(a.catalog_id, 'catalog_id', 100);
      text(a.product_retailer_id, 'product_retailer_id', 100);
      return;
    }
    case 'product_list': {
      if (i.header === undefined) missing('interactive.header');
      header(i.header, false);
      footerAndBody(i, true);
      const a = action();
      text(a.catalog_id, 'catalog_id', 100);
      const sections = arr(a.sections, 'interactive.action.sections', 1, LIMITS.productListSections, 'sections');
      let total = 0;
      for (const s of sections) {
        const so = obj(s, 'section');
        text(so.title, 'Section title', LIMITS.productSectionTitle);
        const items = arr(so.product_items, 'section.product_items', 1, LIMITS.productListItems, 'product items');
        for (const it of items) text(obj(it, 'product_item').product_retailer_id, 'product_retailer_id', 100);
        total += items.length;
      }
      if (total > LIMITS.productListItems) invalid(`Invalid number of product items. Min: 1, Max: ${LIMITS.productListItems}, got ${total}`);
      return;
    }
    case 'catalog_message': {
      footerAndBody(i, true);
      if (action().name !== 'catalog_message') badParam('action.name must be catalog_message.');
      return;
    }
    case 'cta_url': {
      header(i.header, true);
      footerAndBody(i, true);
      const a = action();
      if (a.name !== 'cta_url') badParam('action.name must be cta_url.');
      const p = obj(a.parameters, 'interactive.action.parameters');
      text(p.display_text, 'display_text', LIMITS.ctaDisplayText);
      if (!str(p.url) || !/^https?:\/\/\S+$/i.test(p.url)) invalid('url must be an http(s) URL.');
      return;
    }
    case 'flow': {
      header(i.header, true);
      footerAndBody(i, true);
      const a = action();
      if (a.name !== 'flow') badParam('action.name must be flow.');
      const p = obj(a.parameters, 'interactive.action.parameters');
      if (p.flow_message_version !== '3') invalid('flow_message_version must be "3".');
      text(p.flow_cta, 'flow_cta', LIMITS.flowCta);
      if (!str(p.flow_id) && !str(p.flow_name)) missing('flow_id');
      const act = p.flow_action ?? 'navigate';
      if (act !== 'navigate' && act !== 'data_exchange') invalid('flow_action must be navigate or data_exchange.');
      if (act === 'navigate') text(obj(p.flow_action_payload, 'flow_action_payload').screen, 'flow_action_payload.screen', 200);
      if (act === 'data_exchange' && p.flow_action_payload !== undefined) invalid('flow_action_payload is only for navigate.');
      return;
    }
    default:
      badParam(`Interactive type ${String(i.type)} is not supported.`);
  }
}

function template(v: unknown): void {
  const t = obj(v, 'template');
  if (!str(t.name) || !/^[a-z0-9_]{1,512}$/.test(t.name)) invalid('Template name does not exist in the translation.');
  text(obj(t.language, 'template.language').code, 'template.language.code', 15);
  if (t.components === undefined) return;
  const components = arr(t.components, 'template.components', 0, 20, 'components');
  const indexes = new Set<string>();
  for (const c of components) {
    const co = obj(c, 'component');
    const params = co.parameters === undefined ? [] : arr(co.parameters, 'component.parameters', 0, 100, 'parameters');
    if (co.type === 'button') {
      const index = String(co.index ?? '');
      if (!/^\d$/.test(index) || Number(index) >= LIMITS.templateButtons) invalid('Button index must be 0–9.');
      if (indexes.has(index)) invalid(`Button index ${index} is used twice.`);
      indexes.add(index);
      if (co.sub_type === 'copy_code') {
        const p = obj(params[0], 'copy_code parameter');
        if (p.type !== 'coupon_code') badParam('copy_code buttons take a coupon_code parameter.');
        text(p.coupon_code, 'coupon_code', LIMITS.copyCode);
      } else if (!['quick_reply', 'url', 'flow', 'catalog', 'mpm', 'voice_call'].includes(String(co.sub_type))) {
        badParam(`Button sub_type ${String(co.sub_type)} is not supported.`);
      }
    } else if (co.type !== 'header' && co.type !== 'body') badParam(`Component type ${String(co.type)} is not supported.`);
  }
}

/** A contact card: each needs name.formatted_name and one more name part; phones carry a phone. */
function contacts(v: unknown): void {
  for (const c of arr(v, 'contacts', 1, 257, 'contacts')) {
    const name = obj(obj(c, 'contact').name, 'contacts.name');
    text(name.formatted_name, 'contacts.name.formatted_name', 1024);
    if (!['first_name', 'last_name', 'middle_name', 'suffix', 'prefix'].some((k) => typeof name[k] === 'string' && name[k] !== '')) missing('contacts.name.first_name');
    const phones = (c as Obj).phones === undefined ? [] : arr((c as Obj).phones, 'contacts.phones', 0, 20, 'phones');
    for (const p of phones) text(obj(p, 'phone').phone, 'contacts.phones.phone', 64);
  }
}

const TYPES = ['text', 'image', 'video', 'document', 'audio', 'sticker', 'interactive', 'template', 'location', 'contacts', 'reaction'];

/** Checks a `/messages` body as Meta does; `null` when it would be accepted. */
export function validateSendBody(body: unknown): MetaRejection | null {
  try {
    const b = obj(body, 'body');
    if (b.messaging_product !== 'whatsapp') missing('messaging_product');
    if (b.status === 'read') {
      text(b.message_id, 'message_id', 512);
      if (b.typing_indicator !== undefined && obj(b.typing_indicator, 'typing_indicator').type !== 'text') invalid('typing_indicator.type must be text.');
      return null;
    }
    if (b.to === undefined && b.recipient === undefined) missing('to');
    if (b.to !== undefined && (!str(b.to) || !/^\+?\d{6,15}$/.test(b.to))) badParam('The parameter to must be a phone number.');
    if (b.recipient !== undefined && (!str(b.recipient) || !/^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/.test(b.recipient))) badParam('The parameter recipient must be a business-scoped user id.');
    if (b.recipient_type !== undefined && b.recipient_type !== 'individual') badParam('recipient_type must be individual.');
    if (b.biz_opaque_callback_data !== undefined) text(b.biz_opaque_callback_data, 'biz_opaque_callback_data', LIMITS.bizOpaqueCallbackData);
    if (!str(b.type) || !TYPES.includes(b.type)) badParam(`Param type must be one of {${TYPES.map((t) => t.toUpperCase()).join(', ')}} - got "${String(b.type)}".`);
    switch (b.type) {
      case 'text': {
        const t = obj(b.text, 'text');
        text(t.body, 'text.body', LIMITS.textBody);
        if (t.preview_url !== undefined && typeof t.preview_url !== 'boolean') badParam('text.preview_url must be a boolean.');
        break;
      }
      case 'image':
      case 'video':
      case 'document':
      case 'audio':
      case 'sticker':
        mediaObject(b[b.type], b.type);
        break;
      case 'interactive':
        interactive(b.interactive);
        break;
      case 'template':
        template(b.template);
        break;
      case 'contacts':
        contacts(b.contacts);
        break;
      default:
        obj(b[b.type as string], b.type as string);
    }
    return null;
  } catch (err) {
    if (err instanceof Reject) return err.rejection;
    throw err;
  }
}
