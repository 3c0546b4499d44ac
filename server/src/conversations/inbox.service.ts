import { randomUUID } from 'node:crypto';
import type { Contact, ConversationEvent, ConversationEventType, InboxThreadList, InboxThread, InboxThreadDetail } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import type { Bus } from '../ops/index.js';
import { DomainError } from '../shared/errors.js';
import { textMessage, type GraphMessage, type Outbox } from '../whatsapp/index.js';
import type { AgentsPort, ConversationsService } from './conversations.service.js';
import { createHandoffs } from './handoff.js';
import { inboxRepo, type InboxRow } from './inbox.repo.js';
import { outboundKind, renderOutbound } from './render.js';

/** WhatsApp's customer-service window: free-form messages only within 24 h of the shopper's last message. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface InboxDeps {
  db: Db;
  bus: Bus;
  conversations: Pick<ConversationsService, 'thread' | 'repo'>;
  crm: { get(id: number): Contact };
  agents: Pick<AgentsPort, 'get'>;
  outbox?: Pick<Outbox, 'enqueueAll'> | null;
  clock?: () => Date;
}


/** The Inbox: threads a person holds first; the owner reads, replies as the store, takes over, hands back, closes. */
export function createInbox(deps: InboxDeps) {
  const repo = inboxRepo(deps.db);
  const handoffs = createHandoffs({ db: deps.db, bus: deps.bus });
  const clock = deps.clock ?? (() => new Date());

  const agentName = (id: number | null): string | null => {
    if (id === null) return null;
    try {
      return deps.agents.get(id).name;
    } catch {
      return null;
    }
  };
  const windowOpen = (row: Pick<InboxRow, 'last_inbound_at'>, now: Date) => row.last_inbound_at !== null && now.getTime() - Date.parse(row.last_inbound_at) < WINDOW_MS;

  function toThread(r: InboxRow, now: Date): InboxThread {
    return {
      id: r.id, contactId: r.contact_id, contactName: r.contact_name, contactPhone: r.contact_phone ?? (r.contact_wa_id && /^\d+$/.test(r.contact_wa_id) ? `+${r.contact_wa_id}` : null),
      channel: r.channel, agentId: r.agent_id, agentName: agentName(r.agent_id), state: r.state, reason: r.state === 'handoff' ? r.handoff_reason : null, handoffAt: r.state === 'handoff' ? r.handoff_at : null,
      lastMessage: r.last_text !== null && r.last_direction && r.last_at ? { text: r.last_text, direction: r.last_direction, by: r.last_by ?? 'agent', at: r.last_at } : null,
      unread: r.unread, lastInboundAt: r.last_inbound_at, windowOpen: windowOpen(r, now), updatedAt: r.updated_at,
    };
  }

  function row(id: number): InboxRow {
    if (!Number.isInteger(id) || id < 1) throw new DomainError('validation', 'The thread id must be a whole number');
    const r = repo.get(id);
    if (!r) throw new DomainError('not_found', `There is no thread ${id}`);
    return r;
  }

  function detail(id: number): InboxThreadDetail {
    const now = clock();
    const t = deps.conversations.thread(id);
    const senders = repo.senders(id);
    return { ...toThread(row(id), now), messages: t.messages.map((m) => ({ ...m, by: senders.get(m.id) ?? 'agent' })) };
  }

  function event(r: InboxRow, type: ConversationEventType, detailText: string, data: Record<string, unknown>, time: string): void {
    const e: ConversationEvent = { type, time, agentId: r.agent_id, agentName: agentName(r.agent_id), contactId: r.contact_id, threadId: r.id, inboundId: null, detail: detailText, data };
    deps.bus.publish({ type: 'conversation.event', time, event: e });
  }

  /** A message the owner sent as the store, written into the thread (the caller has queued it as `messageId`). */
  function ownerLine(threadId: number, payload: GraphMessage, messageId: string, at: string): void {
    repo.ownerMessage({ thread_id: threadId, message_id: messageId, kind: outboundKind(payload), text: renderOutbound(payload), payload: JSON.stringify(payload), at });
  }
  /** The owner's message in the Matrix and on open screens. */
  function ownerSent(r: InboxRow, payload: GraphMessage, messageId: string, at: string): void {
    event(r, 'OUTBOUND', renderOutbound(payload), { by: 'owner', messageId, kind: outboundKind(payload), message: payload }, at);
  }

  /** Puts a thread in a person's hands (from the owner, feedback or a big order) and alerts like any handoff. */
  function handOff(id: number, reason: string): InboxThreadDetail {
    const r = row(id);
    const at = clock().toISOString();
    repo.setState(id, 'handoff', reason, at, at);
    const thread = deps.conversations.repo.get(id);
    if (thread) handoffs.mark(thread, r.agent_id === null ? null : safeAgent(r.agent_id), deps.crm.get(r.contact_id), reason, at);
    event(r, 'HANDOFF', `handed to a person: ${reason}`, { reason }, at);
    return detail(id);
  }
  const safeAgent = (id: number) => {
    try {
      return deps.agents.get(id);
    } catch {
      return null;
    }
  };

  return {
    list(): InboxThreadList {
      const now = clock();
      const threads = repo.list().map((r) => toThread(r, now));
      const held = threads.filter((t) => t.state === 'handoff');
      return { threads, needsHuman: held.length, unread: held.filter((t) => t.unread > 0).length };
    },

    /** The thread with its full history; opening it marks it read. */
    open(id: number): InboxThreadDetail {
      row(id);
      repo.markRead(id, clock().toISOString());
      return detail(id);
    },

    /**
     * The owner's reply as the store. WhatsApp: queued in the outbox (same retries and statuses as
     * the agent's); simulator and CLI: written into the thread. An open thread is taken over first,
     * so the agent does not answer over the owner. Outside the 24-hour window: refused.
     */
    reply(id: number, text: string): InboxThreadDetail {
      const r = row(id);
      const now = clock();
      if (!windowOpen(r, now)) {
        throw new DomainError('conflict', 'The shopper last wrote more than 24 hours ago: WhatsApp allows only an approved template message now. Free replies open again when they write.');
      }
      const contact = deps.crm.get(r.contact_id);
      const to = contact.waId ?? contact.userId ?? contact.phone;
      if (!to) throw new DomainError('validation', `Contact ${contact.id} has no WhatsApp id to reply to`);
      const payload = textMessage(to, text.trim());
      const at = now.toISOString();
      if (r.state !== 'handoff') handOff(id, 'taken over by the owner');
      const messageId = repo.transaction(() => {
        const mid = r.channel === 'whatsapp' && deps.outbox
          ? (deps.outbox.enqueueAll([{ payload, contactId: contact.id, correlationId: `owner:${id}:${randomUUID()}` }])[0]?.id ?? `local-${randomUUID()}`)
          : `local-${randomUUID()}`;
        ownerLine(id, payload, mid, at);
        return mid;
      });
      repo.markRead(id, at);
      ownerSent(r, payload, messageId, at);
      return detail(id);
    },

    /**
     * A message the owner's decision sent outside the Inbox (a discount approval's code, a
     * decline), already queued as `messageId`: written into the shopper's latest thread as the
     * owner's, so the Inbox, the history and the agent's next turn all know what was promised.
     * The thread's state is left as it is. Nothing happens for a shopper without a thread.
     */
    noteOwnerMessage(contactId: number, payload: GraphMessage, messageId: string): void {
      const id = repo.latestOfContact(contactId);
      if (id === null) return;
      const r = row(id);
      const at = clock().toISOString();
      ownerLine(id, payload, messageId, at);
      ownerSent(r, payload, messageId, at);
    },

    takeOver: (id: number): InboxThreadDetail => (row(id).state === 'handoff' ? detail(id) : handOff(id, 'taken over by the owner')),

    /** Back to the agent: it answers the shopper's next message again. */
    handBack(id: number): InboxThreadDetail {
      const r = row(id);
      const at = clock().toISOString();
      repo.setState(id, 'open', null, null, at);
      repo.markRead(id, at);
      event(r, 'TOOL', `the owner handed the chat back to ${agentName(r.agent_id) ?? 'the agent'}`, { name: 'hand_back', by: 'owner', summary: 'handed back' }, at);
      return detail(id);
    },

    close(id: number): InboxThreadDetail {
      row(id);
      const at = clock().toISOString();
      repo.setState(id, 'closed', null, null, at);
      repo.markRead(id, at);
      return detail(id);
    },

    /** A contact's latest thread (WhatsApp first) to a person, e.g. after unhappy feedback from a Flow; null when they have none. */
    handOffContact(contactId: number, reason: string): InboxThreadDetail | null {
      const id = repo.latestOfContact(contactId);
      if (id === null) return null;
      return row(id).state === 'handoff' ? detail(id) : handOff(id, reason);
    },
  };
}
export type Inbox = ReturnType<typeof createInbox>;
