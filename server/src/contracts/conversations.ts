import { z } from 'zod';

/**
 * Conversations (conversations domain): threads between a shopper and an agent, and the typed
 * events every step of a turn emits (the Matrix shows them; the ops domain stores them later).
 */

export const CONVERSATION_EVENT_TYPES = ['INBOUND', 'THINKING', 'TOOL', 'OUTBOUND', 'HANDOFF', 'ERROR'] as const;
export const ConversationEventTypeSchema = z.enum(CONVERSATION_EVENT_TYPES);
export type ConversationEventType = z.infer<typeof ConversationEventTypeSchema>;

/**
 * One step of a turn. `detail` is one human line for the Matrix ("catalog_search {"query":"gold
 * bangles"} → 7 products"); `data` carries the structured form (tool arguments and result
 * summary, the outbound message object, token use…).
 */
export const ConversationEventSchema = z.object({
  type: ConversationEventTypeSchema,
  time: z.string(),
  agentId: z.number().int().nullable(),
  agentName: z.string().nullable(),
  contactId: z.number().int().nullable(),
  threadId: z.number().int().nullable(),
  /** The inbound message (wamid) the turn answers. */
  inboundId: z.string().nullable(),
  detail: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type ConversationEvent = z.infer<typeof ConversationEventSchema>;

export const CHANNELS = ['whatsapp', 'simulator', 'cli'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** One line of a thread as the UI shows it. `payload` is the Cloud API object (outbound) or the normalised inbound message. */
export const ThreadMessageSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['in', 'out']),
  /** For inbound: the wamid; for outbound: our outbox id when it went through the outbox, else a local id. */
  messageId: z.string(),
  /** Cloud API message type: text, interactive.button_reply, interactive.product_list… */
  kind: z.string(),
  /** A one-line text rendering (history for the model, previews). */
  text: z.string(),
  payload: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type ThreadMessage = z.infer<typeof ThreadMessageSchema>;

export const ThreadSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  channel: ChannelSchema,
  agentId: z.number().int().nullable(),
  /** open: the agent answers; handoff: a human has it (the agent stays quiet); closed. */
  state: z.enum(['open', 'handoff', 'closed']),
  /** The shopper said no or asked us to stop: no follow-ups, ever. */
  optedOut: z.boolean(),
  followUpsSent: z.number().int(),
  lastInboundAt: z.string().nullable(),
  lastOutboundAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Thread = z.infer<typeof ThreadSchema>;

export const ThreadDetailSchema = ThreadSchema.extend({ messages: z.array(ThreadMessageSchema) });
export type ThreadDetail = z.infer<typeof ThreadDetailSchema>;

/** The result of one inbound message run through the engine (CLI `revive chat --json` prints this shape). */
export const ChatResultSchema = z.object({
  /** Cloud API message objects, exactly as they are (or would be) POSTed to /messages. */
  replies: z.array(z.record(z.string(), z.unknown())),
  events: z.array(ConversationEventSchema),
});
export type ChatResult = z.infer<typeof ChatResultSchema>;

/**
 * The simulator's side of a conversation: what the shopper typed or tapped. `message` is one raw
 * `messages[]` object exactly as Meta sends it in a webhook (text, interactive button_reply /
 * list_reply, order, nfm_reply…), minus `from`, `id` and `timestamp`, which the server fills in.
 */
export const SimulatorSendSchema = z.object({
  agentId: z.number().int().optional(),
  /** The pretend shopper's phone (E.164); each phone is its own thread. */
  phone: z.string().default('+919999900001'),
  name: z.string().trim().max(60).default('Simulator shopper'),
  message: z.record(z.string(), z.unknown()),
});
export type SimulatorSend = z.input<typeof SimulatorSendSchema>;

export const SimulatorThreadSchema = z.object({ thread: ThreadDetailSchema.nullable() });

const UsageTotalsSchema = z.object({ calls: z.number().int(), promptTokens: z.number().int(), completionTokens: z.number().int() });

/** What the brain used: model calls and tokens per UTC day, provider, model and agent (Mistral bills by token). */
export const BrainUsageSchema = z.object({
  /** First day counted (UTC, YYYY-MM-DD). */
  since: z.string(),
  rows: z.array(z.object({ day: z.string(), provider: z.string(), model: z.string(), agentId: z.number().int(), calls: z.number().int(), promptTokens: z.number().int(), completionTokens: z.number().int() })),
  totals: UsageTotalsSchema,
  mistral: UsageTotalsSchema,
});
export type BrainUsage = z.infer<typeof BrainUsageSchema>;

export const conversationsApi = {
  /** `?days=30` model calls and token use (the last 30 days by default). */
  brainUsage: { method: 'GET', path: '/api/brain/usage', request: z.void(), query: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }), response: BrainUsageSchema },
  /** Runs one shopper message through the real engine as the simulator's shopper; answers with the replies and events. */
  simulatorSend: { method: 'POST', path: '/api/simulator/messages', request: SimulatorSendSchema, response: ChatResultSchema },
  /** `?phone=+91…&agentId=…` the simulator thread so far (null before the first message). */
  simulatorThread: { method: 'GET', path: '/api/simulator/thread', request: z.void(), query: z.object({ phone: z.string().default('+919999900001'), agentId: z.coerce.number().int().optional() }), response: SimulatorThreadSchema },
  /** Starts the simulator conversation afresh (deletes that thread). */
  simulatorReset: { method: 'DELETE', path: '/api/simulator/thread', request: z.void(), query: z.object({ phone: z.string().default('+919999900001'), agentId: z.coerce.number().int().optional() }), response: z.object({ deleted: z.number().int() }) },
  getThread: { method: 'GET', path: '/api/threads/:id', request: z.void(), response: ThreadDetailSchema },
  /** `?contact=ID` a contact's threads, newest first (the Audience's "Open conversation"). */
  listThreads: { method: 'GET', path: '/api/threads', request: z.void(), query: z.object({ contact: z.coerce.number().int().positive() }), response: z.object({ threads: z.array(ThreadSchema) }) },
} as const;
