import type { Db } from '../db/index.js';
import type { Channel } from '../contracts/index.js';

/** One Inbox line: the thread, its contact, its last message and the unread count. */
export interface InboxRow {
  id: number;
  contact_id: number;
  channel: Channel;
  agent_id: number | null;
  state: 'open' | 'handoff' | 'closed';
  handoff_reason: string | null;
  handoff_at: string | null;
  last_inbound_at: string | null;
  updated_at: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_wa_id: string | null;
  contact_user_id: string | null;
  last_text: string | null;
  last_direction: 'in' | 'out' | null;
  last_by: 'agent' | 'owner' | null;
  last_at: string | null;
  unread: number;
}

const SELECT = `
  select t.id, t.contact_id, t.channel, t.agent_id, t.state, t.handoff_reason, t.handoff_at, t.last_inbound_at, t.updated_at,
    c.name as contact_name, c.phone as contact_phone, c.wa_id as contact_wa_id, c.user_id as contact_user_id,
    m.text as last_text, m.direction as last_direction, m.sent_by as last_by, m.at as last_at,
    (select count(*) from thread_messages u where u.thread_id = t.id and u.direction = 'in' and u.at > coalesce(t.owner_read_at, '')) as unread
  from threads t
  join contacts c on c.id = t.contact_id
  left join thread_messages m on m.id = (select max(id) from thread_messages where thread_id = t.id)`;

/** SQL for the Inbox's view of threads (the engine's tables, read and flagged; messages written as the owner). */
export function inboxRepo(db: Db) {
  const list = db.prepare<[number], InboxRow>(`${SELECT} where exists (select 1 from thread_messages x where x.thread_id = t.id)
    order by case t.state when 'handoff' then 0 when 'open' then 1 else 2 end, coalesce(m.at, t.updated_at) desc, t.id desc limit ?`);
  const one = db.prepare<[number], InboxRow>(`${SELECT} where t.id = ?`);
  const latestOfContact = db.prepare<[number], { id: number }>(
    "select id from threads where contact_id = ? order by case channel when 'whatsapp' then 0 else 1 end, updated_at desc, id desc limit 1",
  );
  const setState = db.prepare<{ id: number; state: string; reason: string | null; at: string | null; now: string }>(
    'update threads set state = @state, handoff_reason = @reason, handoff_at = @at, failed_turns = 0, updated_at = @now where id = @id',
  );
  const read = db.prepare<[string, number]>('update threads set owner_read_at = ? where id = ?');
  const sent = db.prepare<[string, string, number]>('update threads set last_outbound_at = ?, updated_at = ? where id = ?');
  const insertOwner = db.prepare<{ thread_id: number; message_id: string; kind: string; text: string; payload: string; at: string }>(
    `insert into thread_messages (thread_id, direction, message_id, inbound_id, kind, text, payload, at, sent_by)
     values (@thread_id, 'out', @message_id, null, @kind, @text, @payload, @at, 'owner')`,
  );
  const bySender = db.prepare<[number], { id: number; sent_by: 'agent' | 'owner' }>('select id, sent_by from thread_messages where thread_id = ?');

  return {
    list: (limit = 200) => list.all(limit),
    get: (id: number) => one.get(id),
    latestOfContact: (contactId: number) => latestOfContact.get(contactId)?.id ?? null,
    setState: (id: number, state: InboxRow['state'], reason: string | null, at: string | null, now: string) => void setState.run({ id, state, reason, at, now }),
    markRead: (id: number, at: string) => void read.run(at, id),
    ownerMessage(m: { thread_id: number; message_id: string; kind: string; text: string; payload: string; at: string }): number {
      const rowId = Number(insertOwner.run(m).lastInsertRowid);
      sent.run(m.at, m.at, m.thread_id);
      return rowId;
    },
    senders: (threadId: number) => new Map(bySender.all(threadId).map((r) => [r.id, r.sent_by])),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type InboxRepo = ReturnType<typeof inboxRepo>;
