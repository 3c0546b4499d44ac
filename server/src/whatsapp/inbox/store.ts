import type { InboundMessage, StatusUpdate, UserPreference } from '../../contracts/index.js';
import type { NewInboxRow, NewPreferenceRow, NewStatusRow } from './inbox.repo.js';

/** Processing is serial per shopper: their WhatsApp id when known, else their business-scoped user id. */
export function senderKey(m: InboundMessage): string {
  const waId = m.from ?? m.sender?.waId;
  if (waId) return `wa:${waId}`;
  const userId = m.fromUserId ?? m.sender?.userId;
  return userId ? `user:${userId}` : `message:${m.id}`;
}

export function inboxRow(m: InboundMessage): NewInboxRow {
  return { wamid: m.id, senderKey: senderKey(m), type: m.type, text: m.text, message: JSON.stringify(m), sentAt: m.timestamp };
}

export function statusRow(s: StatusUpdate): NewStatusRow {
  return {
    wamid: s.wamid, status: s.status, at: s.timestamp, recipientId: s.recipientId, callbackData: s.callbackData, errorCode: s.errors[0]?.code ?? null,
    errors: JSON.stringify(s.errors), conversation: s.conversation && JSON.stringify(s.conversation), pricing: s.pricing && JSON.stringify(s.pricing),
    raw: JSON.stringify(s.raw),
  };
}

export function preferenceRow(p: UserPreference): NewPreferenceRow {
  return {
    dedupeKey: [p.waId ?? '', p.userId ?? '', p.category, p.value, p.timestamp].join('|'),
    waId: p.waId, userId: p.userId, category: p.category, value: p.value, detail: p.detail, at: p.timestamp, raw: JSON.stringify(p.raw),
  };
}
