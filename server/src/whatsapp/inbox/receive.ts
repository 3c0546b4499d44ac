import type { Logger } from 'pino';
import type { InboundMessage } from '../../contracts/index.js';
import type { CrmService } from '../../crm/index.js';
import type { Bus } from '../../ops/index.js';
import { nowIso } from '../../shared/time.js';
import type { InboxRepo } from './inbox.repo.js';

export interface Received {
  id: number;
  senderKey: string;
  contactId: number | null;
  message: InboundMessage;
}

/**
 * The first processing step of a new message: find or create the contact (by business-scoped
 * user id and WhatsApp id), restart their 24-hour window, follow a number change, and mark the
 * message pending for the handler. A message that names no sender is marked failed (nothing
 * could answer it). Runs inside the caller's transaction; announcing is the caller's, after commit.
 */
function receiveOne(deps: { repo: InboxRepo; crm: CrmService; log: Logger }, id: number): Received | null {
  const { repo, crm, log } = deps;
  const row = repo.get(id);
  if (!row || row.state !== 'received') return null;
  const m = JSON.parse(row.message) as InboundMessage;
  const identity = {
    waId: m.from ?? m.sender?.waId ?? null,
    userId: m.fromUserId ?? m.sender?.userId ?? null,
    parentUserId: m.sender?.parentUserId ?? null,
    username: m.sender?.username ?? null,
    name: m.sender?.name ?? null,
  };
  if (!identity.waId && !identity.userId) {
    repo.markFailed(row.id, 0, 'The message names no sender (no wa_id or user id)', nowIso());
    return { id, senderKey: row.sender_key, contactId: null, message: m };
  }
  const contact = crm.upsertFromWhatsApp(identity);
  // System notices (number or identity changed) are not the shopper writing: the window stays.
  if (m.type !== 'system') crm.recordInbound(contact.id, m.timestamp);
  const newWaId = m.system?.type === 'user_changed_number' ? m.system.newWaId : null;
  if (newWaId && !crm.changeWaId(contact.id, newWaId)) log.warn({ contactId: contact.id }, 'a shopper changed number to one another contact already has');
  repo.markPending(row.id, contact.id, nowIso());
  return { id, senderKey: row.sender_key, contactId: contact.id, message: m };
}

/**
 * Receives a batch of new messages in one transaction (in id order, so each shopper's order
 * holds); if the batch fails, one by one, so a single bad message cannot hold up the others.
 * Then announces each on the bus. Returns those now pending, for the handler.
 */
export function receiveBatch(deps: { repo: InboxRepo; crm: CrmService; bus: Bus; log: Logger }, ids: number[]): Received[] {
  const { repo, bus, log } = deps;
  let done: (Received | null)[];
  try {
    done = repo.transaction(() => ids.map((id) => receiveOne(deps, id)));
  } catch {
    done = ids.map((id) => {
      try {
        return repo.transaction(() => receiveOne(deps, id));
      } catch (err) {
        log.error({ err, inboxId: id }, 'could not receive an inbound message; it stays stored and is tried again at the next start');
        return null;
      }
    });
  }
  const pending: Received[] = [];
  for (const r of done) {
    if (!r) continue;
    const time = nowIso();
    if (r.contactId === null) {
      log.warn({ wamid: r.message.id }, 'an inbound message names no sender');
      bus.publish({ type: 'whatsapp.inbound.failed', time, wamid: r.message.id, contactId: null, attempts: 0, error: 'The message names no sender (no wa_id or user id)' });
      continue;
    }
    bus.publish({ type: 'whatsapp.inbound', time, wamid: r.message.id, contactId: r.contactId, from: r.message.from ?? r.message.sender?.waId ?? null, messageType: r.message.type, text: r.message.text });
    pending.push(r);
  }
  return pending;
}
