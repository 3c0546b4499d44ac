import type { InboundMessage, StatusUpdate, UserPreference, WaError, WaSender } from '../../contracts/index.js';
import { parseContent } from './parse-content.js';
import { parseErrors } from './parse-error.js';
import { bool, isoFromUnix, list, obj, str, type Obj } from './read.js';

/** Everything a webhook body carries that this app acts on; the body itself is stored as received. */
export interface ParsedWebhook {
  messages: InboundMessage[];
  statuses: StatusUpdate[];
  preferences: UserPreference[];
  /** Messages or statuses without an id (nothing to dedupe or correlate on), or changes of other fields. */
  skipped: number;
}

/** A signed body this app cannot read: not JSON, or not a webhook envelope. */
export class WebhookBodyError extends Error {
  constructor(
    readonly outcome: 'bad_json' | 'bad_shape',
    message: string,
  ) {
    super(message);
  }
}

/** The webhook envelope: an object with a string `object` and an `entry` array. */
export function readWebhookBody(raw: Buffer): { object: string; entry: unknown[] } {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookBodyError('bad_json', 'The body is not JSON');
  }
  const o = obj(body);
  if (!o || typeof o.object !== 'string' || !Array.isArray(o.entry)) {
    throw new WebhookBodyError('bad_shape', 'The body is not a webhook (it needs "object" and an "entry" list)');
  }
  return { object: o.object, entry: o.entry };
}

function sender(v: unknown): WaSender | null {
  const c = obj(v);
  if (!c) return null;
  const profile = obj(c.profile);
  return { waId: str(c.wa_id), userId: str(c.user_id), parentUserId: str(c.parent_user_id), username: str(profile?.username) ?? str(c.username), name: str(profile?.name) };
}

/** The sender entry for a message: matched by wa_id or user id, or the only one there is. */
function senderFor(senders: WaSender[], from: string | null, fromUserId: string | null): WaSender | null {
  const match = senders.find((s) => (from !== null && s.waId === from) || (fromUserId !== null && s.userId === fromUserId));
  return match ?? (senders.length === 1 ? (senders[0] ?? null) : null);
}

function context(v: unknown): InboundMessage['context'] {
  const c = obj(v);
  if (!c) return null;
  const product = obj(c.referred_product);
  return {
    id: str(c.id), from: str(c.from), forwarded: bool(c.forwarded) ?? false, frequentlyForwarded: bool(c.frequently_forwarded) ?? false,
    referredProduct: product ? { catalogId: str(product.catalog_id), productRetailerId: str(product.product_retailer_id) } : null,
  };
}

function referral(v: unknown): InboundMessage['referral'] {
  const r = obj(v);
  if (!r) return null;
  return {
    sourceUrl: str(r.source_url), sourceId: str(r.source_id), sourceType: str(r.source_type), headline: str(r.headline), body: str(r.body),
    mediaType: str(r.media_type), imageUrl: str(r.image_url), videoUrl: str(r.video_url), thumbnailUrl: str(r.thumbnail_url), ctwaClid: str(r.ctwa_clid),
  };
}

function message(m: Obj, at: { phoneNumberId: string | null; senders: WaSender[]; changeErrors: WaError[]; receivedAt: string }): InboundMessage | null {
  const id = str(m.id);
  if (!id) return null;
  const from = str(m.from);
  const fromUserId = str(m.from_user_id);
  const content = parseContent(m);
  const revoke = content.type === 'revoke' ? { originalMessageId: str(obj(m.revoke)?.original_message_id) } : null;
  const e = content.type === 'edit' ? obj(m.edit) : null;
  const edited = obj(e?.message);
  const edit = e ? { originalMessageId: str(e.original_message_id), content: edited ? parseContent(edited) : null } : null;
  return {
    ...content,
    text: content.text ?? edit?.content?.text ?? null,
    id,
    timestamp: isoFromUnix(m.timestamp) ?? at.receivedAt,
    phoneNumberId: at.phoneNumberId,
    from,
    fromUserId,
    sender: senderFor(at.senders, from, fromUserId),
    context: context(m.context),
    referral: referral(m.referral),
    revoke,
    edit,
    errors: [...parseErrors(m.errors), ...at.changeErrors],
    raw: m,
  };
}

function status(s: Obj, receivedAt: string): StatusUpdate | null {
  const wamid = str(s.id);
  const value = str(s.status);
  if (!wamid || !value) return null;
  return {
    wamid, status: value, timestamp: isoFromUnix(s.timestamp) ?? receivedAt, recipientId: str(s.recipient_id), recipientType: str(s.recipient_type),
    callbackData: str(s.biz_opaque_callback_data), errors: parseErrors(s.errors), conversation: obj(s.conversation), pricing: obj(s.pricing), raw: s,
  };
}

function preference(p: Obj, receivedAt: string): UserPreference | null {
  const category = str(p.category);
  const value = str(p.value);
  if (!category || !value) return null;
  return { waId: str(p.wa_id), userId: str(p.user_id), category, value, detail: str(p.detail), timestamp: isoFromUnix(p.timestamp) ?? receivedAt, raw: p };
}

/**
 * Walks `entry[].changes[].value` and collects messages, statuses and marketing preferences, in
 * order. Total: anything it cannot read is counted in `skipped`, never thrown.
 */
export function parseWebhook(entries: unknown[], receivedAt: string): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], preferences: [], skipped: 0 };
  for (const entry of entries) {
    for (const change of list(obj(entry)?.changes)) {
      const value = obj(obj(change)?.value);
      if (!value || !(Array.isArray(value.messages) || Array.isArray(value.statuses) || Array.isArray(value.user_preferences))) {
        out.skipped += 1;
        continue;
      }
      const at = { phoneNumberId: str(obj(value.metadata)?.phone_number_id), senders: list(value.contacts).flatMap((c) => sender(c) ?? []), changeErrors: parseErrors(value.errors), receivedAt };
      const take = <T>(items: unknown, read: (o: Obj) => T | null, into: T[]) => {
        for (const item of list(items)) {
          const o = obj(item);
          const parsed = o ? read(o) : null;
          if (parsed) into.push(parsed);
          else out.skipped += 1;
        }
      };
      take(value.messages, (m) => message(m, at), out.messages);
      take(value.statuses, (s) => status(s, receivedAt), out.statuses);
      take(value.user_preferences, (p) => preference(p, receivedAt), out.preferences);
    }
  }
  return out;
}
