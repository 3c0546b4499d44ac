import { createHmac, randomBytes } from 'node:crypto';

/** `X-Hub-Signature-256` as Meta computes it: HMAC-SHA256 of the raw body with the app secret. */
export function signBody(appSecret: string, raw: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export function newWamid(): string {
  return `wamid.${randomBytes(24).toString('base64url')}`;
}

export interface Identity {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

type Value = Record<string, unknown>;

/** One `entry[].changes[]` webhook body, shaped as the fixtures in shared/fixtures show. */
export function envelope(id: Identity, value: Value): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: id.wabaId,
        changes: [{ value: { messaging_product: 'whatsapp', metadata: { display_phone_number: id.displayPhoneNumber, phone_number_id: id.phoneNumberId }, ...value }, field: 'messages' }],
      },
    ],
  };
}

export interface StatusInput {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipientId: string;
  bizOpaqueCallbackData?: string;
  error?: { code: number; title: string; details: string };
  timestamp?: number;
}

export function statusValue(s: StatusInput): Value {
  const ts = String(s.timestamp ?? Math.floor(Date.now() / 1000));
  const status: Value = { id: s.wamid, status: s.status, timestamp: ts, recipient_id: s.recipientId };
  if (s.bizOpaqueCallbackData !== undefined) status.biz_opaque_callback_data = s.bizOpaqueCallbackData;
  if (s.status === 'failed' && s.error) {
    status.errors = [
      { code: s.error.code, title: s.error.title, message: s.error.title, error_data: { details: s.error.details }, href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/' },
    ];
  } else if (s.status !== 'failed') {
    status.conversation = { id: `conv-${s.recipientId}`, ...(s.status === 'sent' ? { expiration_timestamp: String(Number(ts) + 86_400) } : {}), origin: { type: 'service' } };
    status.pricing = { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' };
  }
  return { statuses: [status] };
}

/** What the shopper does, for `sendInbound`. Exactly one of the content fields is set. */
export type InboundInput = {
  from: string;
  name?: string;
  /** Business-scoped user id; the emulator makes one from the number when absent. */
  userId?: string;
  id?: string;
  timestamp?: number;
  /** Replying to (or tapping a button on) one of our messages. */
  context?: { id: string };
} & (
  | { text: string }
  | { buttonReply: { id: string; title: string } }
  | { listReply: { id: string; title: string; description?: string } }
  | { order: { catalogId: string; text?: string; items: { productRetailerId: string; quantity: number; itemPrice: number; currency: string }[] } }
  | { flowReply: { response: Record<string, unknown>; body?: string; name?: string } }
  | { image: { mediaId: string; mimeType?: string; sha256?: string; caption?: string } }
  | { location: { latitude: number; longitude: number; name?: string; address?: string } }
  | { reaction: { messageId: string; emoji: string } }
);

function content(i: InboundInput): Value {
  if ('text' in i) return { type: 'text', text: { body: i.text } };
  if ('buttonReply' in i) return { type: 'interactive', interactive: { type: 'button_reply', button_reply: i.buttonReply } };
  if ('listReply' in i) return { type: 'interactive', interactive: { type: 'list_reply', list_reply: i.listReply } };
  if ('order' in i) {
    const o = i.order;
    return {
      type: 'order',
      order: {
        catalog_id: o.catalogId,
        text: o.text ?? '',
        product_items: o.items.map((it) => ({ product_retailer_id: it.productRetailerId, quantity: it.quantity, item_price: it.itemPrice, currency: it.currency })),
      },
    };
  }
  if ('flowReply' in i) {
    return {
      type: 'interactive',
      interactive: { type: 'nfm_reply', nfm_reply: { response_json: JSON.stringify(i.flowReply.response), body: i.flowReply.body ?? 'Sent', name: i.flowReply.name ?? 'flow' } },
    };
  }
  if ('image' in i) {
    return { type: 'image', image: { id: i.image.mediaId, mime_type: i.image.mimeType ?? 'image/jpeg', sha256: i.image.sha256 ?? '', ...(i.image.caption ? { caption: i.image.caption } : {}) } };
  }
  if ('location' in i) return { type: 'location', location: i.location };
  return { type: 'reaction', reaction: { message_id: i.reaction.messageId, emoji: i.reaction.emoji } };
}

export function inboundValue(i: InboundInput, wamid: string): Value {
  const from = i.from.replace(/^\+/, '');
  const message: Value = { from, id: wamid, timestamp: String(i.timestamp ?? Math.floor(Date.now() / 1000)), ...content(i) };
  if (i.context) message.context = { from: '', id: i.context.id };
  return {
    contacts: [{ profile: { name: i.name ?? 'Shopper' }, wa_id: from, user_id: i.userId ?? `IN.${from}` }],
    messages: [message],
  };
}

export interface DeliveryRecord {
  url: string;
  body: Record<string, unknown>;
  attempts: number;
  status: number | null;
  ok: boolean;
}

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

/**
 * Posts signed webhooks the way Meta does: retried with backoff while the app is down or
 * answers non-2xx (Meta keeps trying for days; here `attempts` bounds it), never in parallel
 * for one message, so sent → delivered → read arrive in order unless a test says otherwise.
 */
export function createWebhookSender(opts: { appSecret: string; url: () => string | undefined; retry: RetryPolicy; stopped: () => boolean }) {
  const deliveries: DeliveryRecord[] = [];
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

  async function post(body: Record<string, unknown>): Promise<DeliveryRecord> {
    const raw = JSON.stringify(body);
    const record: DeliveryRecord = { url: opts.url() ?? '', body, attempts: 0, status: null, ok: false };
    deliveries.push(record);
    for (let attempt = 1; attempt <= opts.retry.attempts && !opts.stopped(); attempt += 1) {
      const url = opts.url();
      if (!url) break;
      record.url = url;
      record.attempts = attempt;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(opts.appSecret, raw), 'user-agent': 'facebookexternalua' },
          body: raw,
          signal: AbortSignal.timeout(10_000),
        });
        record.status = res.status;
        await res.arrayBuffer();
        if (res.ok) {
          record.ok = true;
          return record;
        }
      } catch {
        record.status = null;
      }
      await sleep(Math.min(opts.retry.maxMs, opts.retry.baseMs * 2 ** (attempt - 1)));
    }
    return record;
  }

  return { post, deliveries };
}
