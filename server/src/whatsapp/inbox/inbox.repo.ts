import type { InboxState } from '../../contracts/index.js';
import type { Db } from '../../db/index.js';

export interface InboxRow {
  id: number;
  wamid: string;
  sender_key: string;
  type: string;
  text: string | null;
  message: string;
  sent_at: string;
  received_at: string;
  state: InboxState;
  contact_id: number | null;
  attempts: number;
  last_error: string | null;
}

export interface StatusRow {
  status: string;
  at: string;
  callback_data: string | null;
  error_code: number | null;
  errors: string;
}

export interface NewInboxRow {
  wamid: string;
  senderKey: string;
  type: string;
  text: string | null;
  message: string;
  sentAt: string;
}

export interface NewStatusRow {
  wamid: string;
  status: string;
  at: string;
  recipientId: string | null;
  callbackData: string | null;
  errorCode: number | null;
  errors: string;
  conversation: string | null;
  pricing: string | null;
  raw: string;
}

export interface NewPreferenceRow {
  dedupeKey: string;
  waId: string | null;
  userId: string | null;
  category: string;
  value: string;
  detail: string | null;
  at: string;
  raw: string;
}

export interface StoreInput {
  body: Buffer;
  receivedAt: string;
  messages: NewInboxRow[];
  statuses: NewStatusRow[];
  preferences: NewPreferenceRow[];
}

const ITEM_COLUMNS = 'id, wamid, sender_key, type, text, sent_at, received_at, state, contact_id, attempts, last_error';

/** SQL for the WhatsApp inbox, statuses and preferences, nothing else. Statements are prepared once. */
export function inboxRepo(db: Db) {
  const s = {
    insertPayload: db.prepare('insert into wa_webhook_payloads (received_at, body, messages, statuses, preferences) values (?, ?, ?, ?, ?)'),
    setNewMessages: db.prepare('update wa_webhook_payloads set new_messages = ? where id = ?'),
    // ON CONFLICT names the one constraint a redelivery hits; a CHECK failure still throws (OR IGNORE would hide it).
    insertMessage: db.prepare(
      `insert into wa_inbox (wamid, payload_id, sender_key, type, text, message, sent_at, received_at, updated_at)
       values (@wamid, @payloadId, @senderKey, @type, @text, @message, @sentAt, @receivedAt, @receivedAt)
       on conflict (wamid) do nothing`,
    ),
    insertStatus: db.prepare(
      `insert into wa_statuses (wamid, status, at, recipient_id, callback_data, error_code, errors, conversation, pricing, raw, payload_id, received_at)
       values (@wamid, @status, @at, @recipientId, @callbackData, @errorCode, @errors, @conversation, @pricing, @raw, @payloadId, @receivedAt)
       on conflict (wamid, status) do nothing`,
    ),
    fillCallback: db.prepare('update wa_statuses set callback_data = ? where wamid = ? and status = ? and callback_data is null'),
    insertPreference: db.prepare(
      `insert into wa_user_preferences (dedupe_key, wa_id, user_id, category, value, detail, at, raw, payload_id)
       values (@dedupeKey, @waId, @userId, @category, @value, @detail, @at, @raw, @payloadId)
       on conflict (dedupe_key) do nothing`,
    ),
    get: db.prepare<[number], InboxRow>(`select ${ITEM_COLUMNS}, message from wa_inbox where id = ?`),
    byWamid: db.prepare<[string], InboxRow>(`select ${ITEM_COLUMNS}, message from wa_inbox where wamid = ?`),
    received: db.prepare<[], { id: number }>("select id from wa_inbox where state = 'received' order by id"),
    pending: db.prepare<[], { id: number; sender_key: string }>("select id, sender_key from wa_inbox where state = 'pending' order by id"),
    markPending: db.prepare("update wa_inbox set state = 'pending', contact_id = ?, updated_at = ? where id = ? and state = 'received'"),
    markHandled: db.prepare("update wa_inbox set state = 'handled', attempts = ?, last_error = null, updated_at = ? where id = ?"),
    markAttempt: db.prepare('update wa_inbox set attempts = ?, last_error = ?, updated_at = ? where id = ?'),
    markFailed: db.prepare("update wa_inbox set state = 'failed', attempts = ?, last_error = ?, updated_at = ? where id = ?"),
    recent: db.prepare<[number], InboxRow>(`select ${ITEM_COLUMNS}, '' as message from wa_inbox order by id desc limit ?`),
    recentIn: db.prepare<[string, number], InboxRow>(`select ${ITEM_COLUMNS}, '' as message from wa_inbox where state = ? order by id desc limit ?`),
    statuses: db.prepare<[string], StatusRow>('select status, at, callback_data, error_code, errors from wa_statuses where wamid = ? order by at, id'),
    unappliedPreferences: db.prepare<[], NewPreferenceRow & { id: number }>(
      'select id, wa_id as waId, user_id as userId, category, value, detail, at, raw, dedupe_key as dedupeKey from wa_user_preferences where applied_at is null order by id',
    ),
    wamidByCallback: db.prepare<[string], { wamid: string }>('select wamid from wa_statuses where callback_data = ? order by id limit 1'),
    preferenceApplied: db.prepare('update wa_user_preferences set applied_at = ? where id = ?'),
    payloadStats: db.prepare<[], { n: number; last: string | null }>('select count(*) as n, max(received_at) as last from wa_webhook_payloads'),
  };

  const store = (p: StoreInput) => {
    const payloadId = Number(s.insertPayload.run(p.receivedAt, p.body, p.messages.length, p.statuses.length, p.preferences.length).lastInsertRowid);
    const fresh: { id: number; senderKey: string }[] = [];
    for (const m of p.messages) {
      const r = s.insertMessage.run({ ...m, payloadId, receivedAt: p.receivedAt });
      if (r.changes === 1) fresh.push({ id: Number(r.lastInsertRowid), senderKey: m.senderKey });
    }
    if (fresh.length > 0) s.setNewMessages.run(fresh.length, payloadId);
    const freshStatuses: number[] = [];
    p.statuses.forEach((st, i) => {
      if (s.insertStatus.run({ ...st, payloadId, receivedAt: p.receivedAt }).changes === 1) freshStatuses.push(i);
      else if (st.callbackData !== null) s.fillCallback.run(st.callbackData, st.wamid, st.status);
    });
    let freshPreferences = 0;
    for (const pref of p.preferences) freshPreferences += s.insertPreference.run({ ...pref, payloadId }).changes;
    return { payloadId, fresh, freshStatuses, freshPreferences };
  };

  return {
    /** One webhook body and everything in it, in one transaction: the payload is durable before the 200. */
    store: db.transaction(store),
    /** Several bodies in one transaction (group commit). */
    storeMany: db.transaction((inputs: StoreInput[]) => inputs.map(store)),
    get: (id: number) => s.get.get(id),
    byWamid: (wamid: string) => s.byWamid.get(wamid),
    received: () => s.received.all().map((r) => r.id),
    pending: () => s.pending.all(),
    markPending: (id: number, contactId: number, now: string) => s.markPending.run(contactId, now, id).changes === 1,
    markHandled: (id: number, attempts: number, now: string) => void s.markHandled.run(attempts, now, id),
    markAttempt: (id: number, attempts: number, error: string, now: string) => void s.markAttempt.run(attempts, error, now, id),
    markFailed: (id: number, attempts: number, error: string, now: string) => void s.markFailed.run(attempts, error, now, id),
    recent: (limit: number, state?: InboxState) => (state ? s.recentIn.all(state, limit) : s.recent.all(limit)),
    statuses: (wamid: string) => s.statuses.all(wamid),
    wamidByCallback: (data: string) => s.wamidByCallback.get(data)?.wamid,
    unappliedPreferences: () => s.unappliedPreferences.all(),
    preferenceApplied: (id: number, now: string) => void s.preferenceApplied.run(now, id),
    payloadStats: () => s.payloadStats.get() ?? { n: 0, last: null },
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type InboxRepo = ReturnType<typeof inboxRepo>;
