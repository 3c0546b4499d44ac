import { z } from 'zod';
import { ChannelSchema, ThreadMessageSchema } from './conversations.js';

/**
 * The Inbox (issue #9, part 4): threads a person holds first (handed off by the agent: mood,
 * asked for a person, repeated failure, a big order, unhappy feedback), then the rest, newest first.
 * The owner replies as the store, takes a thread over, hands it back to the agent, or closes it.
 */
export const InboxThreadSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  channel: ChannelSchema,
  agentId: z.number().int().nullable(),
  agentName: z.string().nullable(),
  /** open: the agent answers; handoff: a person has it (the agent is quiet); closed. */
  state: z.enum(['open', 'handoff', 'closed']),
  /** Why it went to a person ("negative sentiment (-0.72)", "unhappy feedback (2★)"); null when open. */
  reason: z.string().nullable(),
  handoffAt: z.string().nullable(),
  lastMessage: z.object({ text: z.string(), direction: z.enum(['in', 'out']), by: z.enum(['agent', 'owner']), at: z.string() }).nullable(),
  /** Shopper messages since the owner last opened the thread. */
  unread: z.number().int().nonnegative(),
  lastInboundAt: z.string().nullable(),
  /** WhatsApp's 24-hour window: a free-form reply is allowed only within 24 h of the shopper's last message. */
  windowOpen: z.boolean(),
  updatedAt: z.string(),
});
export type InboxThread = z.infer<typeof InboxThreadSchema>;

export const InboxThreadListSchema = z.object({
  threads: z.array(InboxThreadSchema),
  /** Threads a person holds. */
  needsHuman: z.number().int().nonnegative(),
  /** Threads a person holds with unread shopper messages (the nav badge). */
  unread: z.number().int().nonnegative(),
});
export type InboxThreadList = z.infer<typeof InboxThreadListSchema>;

export const InboxLineSchema = ThreadMessageSchema.extend({ by: z.enum(['agent', 'owner']) });
export type InboxLine = z.infer<typeof InboxLineSchema>;
export const InboxThreadDetailSchema = InboxThreadSchema.extend({ messages: z.array(InboxLineSchema) });
export type InboxThreadDetail = z.infer<typeof InboxThreadDetailSchema>;

export const InboxReplySchema = z.object({
  text: z.string().trim().min(1, { error: 'Write a reply first' }).max(4096, { error: 'At most 4,096 characters (WhatsApp’s limit)' }),
});
export type InboxReply = z.infer<typeof InboxReplySchema>;

export const inboxApi = {
  listInboxThreads: { method: 'GET', path: '/api/inbox', request: z.void(), response: InboxThreadListSchema },
  /** Opens a thread (marks it read). */
  getInboxThread: { method: 'GET', path: '/api/inbox/threads/:id', request: z.void(), response: InboxThreadDetailSchema },
  /** The owner's reply as the store: through the outbox (WhatsApp) or into the simulator thread. Takes an open thread over. */
  replyInbox: { method: 'POST', path: '/api/inbox/threads/:id/reply', request: InboxReplySchema, response: InboxThreadDetailSchema },
  takeOverThread: { method: 'POST', path: '/api/inbox/threads/:id/take-over', request: z.object({}).default({}), response: InboxThreadDetailSchema },
  handBackThread: { method: 'POST', path: '/api/inbox/threads/:id/hand-back', request: z.object({}).default({}), response: InboxThreadDetailSchema },
  closeThread: { method: 'POST', path: '/api/inbox/threads/:id/close', request: z.object({}).default({}), response: InboxThreadDetailSchema },
} as const;

/** Live: a thread went to a person (the owner is alerted when the agent's handoff skill says so). */
export const InboxAlertSchema = z.object({
  type: z.literal('inbox.alert'),
  time: z.string(),
  threadId: z.number().int(),
  contactId: z.number().int(),
  contactLabel: z.string(),
  agentName: z.string().nullable(),
  reason: z.string(),
  notify: z.boolean(),
});
export type InboxAlert = z.infer<typeof InboxAlertSchema>;
