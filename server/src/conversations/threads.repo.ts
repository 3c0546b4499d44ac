import type { Db } from '../db/index.js';
import type { Channel } from '../contracts/index.js';

export interface ThreadRow {
  id: number;
  contact_id: number;
  channel: Channel;
  scope: string;
  agent_id: number | null;
  state: 'open' | 'handoff' | 'closed';
  memory: string;
  opted_out: number;
  follow_ups_sent: number;
  last_inbound_at: string | null;
  last_outbound_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageRow {
  id: number;
  thread_id: number;
  direction: 'in' | 'out';
  message_id: string;
  inbound_id: string | null;
  kind: string;
  text: string;
  payload: string;
  at: string;
}

export type NewMessage = Omit<MessageRow, 'id'>;

export interface ThreadUpdate {
  id: number;
  agent_id: number | null;
  state: ThreadRow['state'];
  memory: string;
  opted_out: number;
  follow_ups_sent: number;
  last_inbound_at: string | null;
  last_outbound_at: string | null;
  now: string;
}

/** SQL for threads and their messages, nothing else. */
/** Token use of one day, provider, model and agent. */
export interface UsageRow {
  day: string;
  provider: string;
  model: string;
  agent_id: number;
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
}

export function threadsRepo(db: Db) {
  const byId = db.prepare<[number], ThreadRow>('select * from threads where id = ?');
  const byKey = db.prepare<[number, string, string], ThreadRow>('select * from threads where contact_id = ? and channel = ? and scope = ?');
  // The simulator looks its thread up by the pretend phone without creating a contact.
  const byWaId = db.prepare<[string, string, string], ThreadRow>(
    'select t.* from threads t join contacts c on c.id = t.contact_id where c.wa_id = ? and t.channel = ? and t.scope = ?',
  );
  const insert = db.prepare<{ contact_id: number; channel: string; scope: string; agent_id: number | null; memory: string; now: string }>(
    `insert into threads (contact_id, channel, scope, agent_id, memory, created_at, updated_at)
     values (@contact_id, @channel, @scope, @agent_id, @memory, @now, @now)
     on conflict (contact_id, channel, scope) do nothing`,
  );
  const update = db.prepare<ThreadUpdate>(
    `update threads set agent_id = @agent_id, state = @state, memory = @memory, opted_out = @opted_out, follow_ups_sent = @follow_ups_sent,
       last_inbound_at = @last_inbound_at, last_outbound_at = @last_outbound_at, updated_at = @now where id = @id`,
  );
  const del = db.prepare<[number]>('delete from threads where id = ?');
  const ofContact = db.prepare<[number], ThreadRow>('select * from threads where contact_id = ? order by updated_at desc, id desc');
  const handoffs = db.prepare<[], { agent_id: number; n: number }>("select agent_id, count(*) as n from threads where state = 'handoff' and agent_id is not null group by agent_id");
  const insertMessage = db.prepare<NewMessage>(
    `insert into thread_messages (thread_id, direction, message_id, inbound_id, kind, text, payload, at)
     values (@thread_id, @direction, @message_id, @inbound_id, @kind, @text, @payload, @at)`,
  );
  const inboundById = db.prepare<[string], MessageRow>("select * from thread_messages where direction = 'in' and message_id = ?");
  const answers = db.prepare<[string], MessageRow>("select * from thread_messages where direction = 'out' and inbound_id = ? order by id");
  const recent = db.prepare<[number, number], MessageRow>('select * from (select * from thread_messages where thread_id = ? order by id desc limit ?) order by id');
  const all = db.prepare<[number], MessageRow>('select * from thread_messages where thread_id = ? order by id');
  // Open WhatsApp threads whose last word was ours, quiet since `before`: follow-up candidates.
  const quiet = db.prepare<[string], ThreadRow>(
    `select * from threads where channel = 'whatsapp' and state = 'open' and opted_out = 0
       and last_outbound_at is not null and last_outbound_at <= ?
       and (last_inbound_at is null or last_inbound_at <= last_outbound_at)
     order by last_outbound_at`,
  );

  const addUsage = db.prepare<UsageRow>(
    `insert into brain_usage (day, provider, model, agent_id, calls, prompt_tokens, completion_tokens)
     values (@day, @provider, @model, @agent_id, @calls, @prompt_tokens, @completion_tokens)
     on conflict (day, provider, model, agent_id) do update set calls = calls + excluded.calls,
       prompt_tokens = prompt_tokens + excluded.prompt_tokens, completion_tokens = completion_tokens + excluded.completion_tokens`,
  );
  const usageSince = db.prepare<[string], UsageRow>('select * from brain_usage where day >= ? order by day, provider, model, agent_id');

  return {
    /** Threads a person holds, per agent (the Fleet cards). */
    handoffsByAgent: () => new Map(handoffs.all().map((r) => [r.agent_id, r.n])),
    get: (id: number) => byId.get(id),
    /** A contact's threads on every channel, newest first. */
    ofContact: (contactId: number) => ofContact.all(contactId),
    addUsage: (u: UsageRow) => void addUsage.run(u),
    usageSince: (day: string) => usageSince.all(day),
    find: (contactId: number, channel: Channel, scope: string) => byKey.get(contactId, channel, scope),
    findByWaId: (waId: string, channel: Channel, scope: string) => byWaId.get(waId, channel, scope),
    /** The thread of this shopper on this channel, created when it is the first message. */
    ensure(contactId: number, channel: Channel, scope: string, agentId: number | null, memory: string, now: string): ThreadRow {
      insert.run({ contact_id: contactId, channel, scope, agent_id: agentId, memory, now });
      return byKey.get(contactId, channel, scope) as ThreadRow;
    },
    update: (u: ThreadUpdate) => void update.run(u),
    delete: (id: number) => del.run(id).changes,
    insertMessage: (m: NewMessage) => Number(insertMessage.run(m).lastInsertRowid),
    inbound: (messageId: string) => inboundById.get(messageId),
    answersTo: (inboundId: string) => answers.all(inboundId),
    recent: (threadId: number, limit: number) => recent.all(threadId, limit),
    messages: (threadId: number) => all.all(threadId),
    quietSince: (before: string) => quiet.all(before),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type ThreadsRepo = ReturnType<typeof threadsRepo>;
