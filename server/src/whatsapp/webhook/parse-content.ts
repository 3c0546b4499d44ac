import { INBOUND_TYPES, type InboundType, type WaContent } from '../../contracts/index.js';
import { bool, list, num, obj, str, type Obj } from './read.js';

const KNOWN = new Set<string>(INBOUND_TYPES);
type MediaKind = NonNullable<WaContent['media']>['kind'];

const EMPTY: Omit<WaContent, 'type' | 'rawType'> = {
  text: null, media: null, reply: null, flow: null, order: null, reaction: null, location: null, contacts: null, system: null, unsupportedType: null,
};

function media(kind: MediaKind, o: Obj | null): WaContent['media'] {
  if (!o) return null;
  return {
    kind, id: str(o.id), mimeType: str(o.mime_type), sha256: str(o.sha256), caption: str(o.caption), filename: str(o.filename),
    url: str(o.url), voice: bool(o.voice), animated: bool(o.animated),
  };
}

function interactive(o: Obj | null): Partial<WaContent> {
  if (!o) return {};
  const kind = str(o.type);
  if (kind === 'button_reply' || kind === 'list_reply') {
    const r = obj(o[kind]);
    const id = str(r?.id);
    if (id === null) return {};
    const title = str(r?.title);
    return { reply: { kind, id, title, description: str(r?.description) }, text: title };
  }
  if (kind === 'nfm_reply') {
    const r = obj(o.nfm_reply);
    const responseJson = str(r?.response_json);
    let response: Obj | null;
    try {
      response = responseJson === null ? null : obj(JSON.parse(responseJson));
    } catch {
      response = null;
    }
    const body = str(r?.body);
    return { flow: { name: str(r?.name), body, responseJson, response, flowToken: str(response?.flow_token) }, text: body };
  }
  return {};
}

function order(o: Obj | null): WaContent['order'] {
  if (!o) return null;
  const items = list(o.product_items).flatMap((i) => {
    const it = obj(i);
    const retailerId = str(it?.product_retailer_id);
    if (!it || retailerId === null) return [];
    return [{ retailerId, quantity: num(it.quantity) ?? 1, itemPrice: num(it.item_price), currency: str(it.currency) }];
  });
  return { catalogId: str(o.catalog_id), text: str(o.text) || null, items };
}

function sharedContacts(v: unknown): WaContent['contacts'] {
  return list(v).flatMap((c) => {
    const o = obj(c);
    if (!o) return [];
    const n = obj(o.name);
    const name = str(n?.formatted_name) ?? ([str(n?.first_name), str(n?.last_name)].filter(Boolean).join(' ') || null);
    const phones = list(o.phones).flatMap((p) => {
      const q = obj(p);
      return q ? [{ phone: str(q.phone), waId: str(q.wa_id), type: str(q.type) }] : [];
    });
    const emails = list(o.emails).flatMap((e) => {
      const address = str(obj(e)?.email);
      return address ? [address] : [];
    });
    return [{ name, phones, emails }];
  });
}

/**
 * What a message says, by its type. Unknown types (and Meta's own `unsupported`) become
 * `unsupported` with the kind named; the raw message is kept by the caller either way.
 */
export function parseContent(m: Obj): WaContent {
  const rawType = str(m.type);
  const type: InboundType = rawType !== null && KNOWN.has(rawType) ? (rawType as InboundType) : 'unsupported';
  const base: WaContent = { ...EMPTY, type, rawType };
  switch (type) {
    case 'text':
      return { ...base, text: str(obj(m.text)?.body) };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const md = media(type, obj(m[type]));
      return { ...base, media: md, text: md?.caption ?? null };
    }
    case 'reaction': {
      const r = obj(m.reaction);
      const emoji = str(r?.emoji) || null;
      return { ...base, reaction: { messageId: str(r?.message_id), emoji }, text: emoji };
    }
    case 'location': {
      const l = obj(m.location);
      const latitude = num(l?.latitude);
      const longitude = num(l?.longitude);
      const location = l && latitude !== null && longitude !== null ? { latitude, longitude, name: str(l.name), address: str(l.address), url: str(l.url) } : null;
      return { ...base, location, text: location?.name ?? null };
    }
    case 'contacts':
      return { ...base, contacts: sharedContacts(m.contacts) };
    case 'order': {
      const o = order(obj(m.order));
      return { ...base, order: o, text: o?.text ?? null };
    }
    case 'button': {
      const b = obj(m.button);
      const id = str(b?.payload);
      const title = str(b?.text);
      return { ...base, reply: id === null ? null : { kind: 'quick_reply', id, title, description: null }, text: title };
    }
    case 'interactive':
      return { ...base, ...interactive(obj(m.interactive)) };
    case 'system': {
      const s = obj(m.system);
      const identity = obj(m.identity);
      const system = { type: str(s?.type), body: str(s?.body), newWaId: str(s?.wa_id) ?? str(s?.new_wa_id), identityHash: str(identity?.hash) };
      return { ...base, system, text: system.body };
    }
    case 'revoke':
    case 'edit':
      return base;
    case 'unsupported':
      return { ...base, unsupportedType: str(obj(m.unsupported)?.type) ?? (rawType === 'unsupported' ? null : rawType) };
  }
}
