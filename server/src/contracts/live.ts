import { z } from 'zod';
import { ImportSourceSchema } from './catalog.js';
import { TunnelStateSchema } from './tunnel.js';
import { OutboxLiveSchema } from './whatsapp-out.js';
import { AgentSchema } from './agents.js';
import { ConversationEventSchema } from './conversations.js';
import { KnowledgeSourceSchema } from './knowledge.js';
import { OpsEventSchema } from './ops.js';
import { DealSchema, DealStageSchema } from './pipeline.js';
import { ContactSchema } from './crm.js';
import { InboxAlertSchema } from './inbox.js';
import { AppointmentSchema } from './appointments.js';
import { OrderSchema } from './orders.js';
import { MetalRatesSchema, RateFeedSchema } from './commerce-pricing.js';
import { ApprovalSchema } from './offers.js';

/** Messages the server pushes on the WebSocket `/api/live`. Later issues add members to the union. */
export const LiveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), time: z.string(), serverVersion: z.string() }),
  z.object({ type: z.literal('heartbeat'), time: z.string() }),
  z.object({ type: z.literal('settings.changed'), time: z.string(), key: z.string() }),
  // catalog: a product added, edited or deleted on the Products screen or the API
  z.object({ type: z.literal('catalog.changed'), time: z.string(), upserted: z.array(z.string()), deleted: z.array(z.string()) }),
  z.object({ type: z.literal('catalog.import.progress'), time: z.string(), jobId: z.string(), processed: z.number(), total: z.number() }),
  z.object({
    type: z.literal('catalog.imported'),
    time: z.string(),
    jobId: z.string(),
    source: ImportSourceSchema,
    fileName: z.string(),
    dryRun: z.boolean(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
  }),
  z.object({ type: z.literal('catalog.import.failed'), time: z.string(), jobId: z.string(), source: ImportSourceSchema, fileName: z.string(), message: z.string() }),
  // catalog sync: a sync to the Meta catalog started or finished (the Products screen's sync panel refreshes)
  z.object({ type: z.literal('catalog.sync'), time: z.string(), running: z.boolean(), synced: z.number(), pending: z.number(), failed: z.number() }),
  // whatsapp: a shopper's message stored and its contact updated; a status of one of our messages
  z.object({ type: z.literal('whatsapp.inbound'), time: z.string(), wamid: z.string(), contactId: z.number(), from: z.string().nullable(), messageType: z.string(), text: z.string().nullable() }),
  z.object({ type: z.literal('whatsapp.inbound.failed'), time: z.string(), wamid: z.string(), contactId: z.number().nullable(), attempts: z.number(), error: z.string() }),
  z.object({ type: z.literal('whatsapp.status'), time: z.string(), wamid: z.string(), status: z.string(), recipientId: z.string().nullable(), callbackData: z.string().nullable(), errorCode: z.number().nullable() }),
  // whatsapp outbound: an outbox message changed state (queued, sent, delivered, needs a template…)
  OutboxLiveSchema,
  // tunnel: its state changed; its public URL changed (the webhook URL in Meta's dashboard must follow)
  z.object({ type: z.literal('tunnel.state'), time: z.string(), state: TunnelStateSchema, url: z.string().nullable(), lastError: z.string().nullable() }),
  // agents: an agent was created, edited, paused, resumed or deleted (deleted: agent null)
  z.object({ type: z.literal('agents.changed'), time: z.string(), agentId: z.number(), agent: AgentSchema.nullable() }),
  // conversations: one step of an agent's turn (INBOUND, THINKING, TOOL, OUTBOUND, HANDOFF, ERROR)
  z.object({ type: z.literal('conversation.event'), time: z.string(), event: ConversationEventSchema }),
  // knowledge: a source was added, changed status or progressed (reading a website page by page), or deleted (source null)
  z.object({ type: z.literal('knowledge.source'), time: z.string(), sourceId: z.number(), source: KnowledgeSourceSchema.nullable() }),
  // ops (only to clients that sent `subscribe`): a stored event matching their filters
  z.object({ type: z.literal('ops.event'), time: z.string(), event: OpsEventSchema }),
  // ops: the client fell behind (its buffer filled); it missed events after `cursor` and should subscribe again from there
  z.object({ type: z.literal('ops.behind'), time: z.string(), cursor: z.number().int().nonnegative() }),
  // ops: the catch-up from the store is done; live events follow
  z.object({ type: z.literal('ops.caughtUp'), time: z.string(), cursor: z.number().int().nonnegative() }),
  // pipeline: a deal was created, edited or moved (`moved` with from/to and who moved it), or deleted (deal null)
  z.object({
    type: z.literal('pipeline.deal'),
    time: z.string(),
    dealId: z.number(),
    deal: DealSchema.nullable(),
    moved: z.object({ from: DealStageSchema.nullable(), to: DealStageSchema, by: z.enum(['owner', 'auto']), reason: z.string() }).nullable(),
  }),
  // crm: contacts changed (edited, tagged, merged, imported); `contact` set when it is one contact
  z.object({ type: z.literal('crm.contacts'), time: z.string(), ids: z.array(z.number()), contact: ContactSchema.nullable() }),
  z.object({ type: z.literal('crm.import.progress'), time: z.string(), jobId: z.string(), processed: z.number(), total: z.number() }),
  // commerce: an order came in, or its status changed (`by` who)
  z.object({ type: z.literal('orders.changed'), time: z.string(), orderId: z.number(), order: OrderSchema, by: z.enum(['shopper', 'owner']) }),
  // appointments: one was booked, moved, cancelled or marked (appointmentId null: the calendar settings changed)
  // (`change` says what happened to it, `when` its start in the store's words, for the Matrix)
  z.object({
    type: z.literal('appointments.changed'),
    time: z.string(),
    appointmentId: z.number().nullable(),
    appointment: AppointmentSchema.nullable(),
    change: z.enum(['booked', 'moved', 'cancelled', 'marked']).optional(),
    when: z.string().optional(),
  }),
  // commerce: today's metal rates or the rate feed's settings/last fetch changed
  z.object({ type: z.literal('commerce.rates'), time: z.string(), rates: MetalRatesSchema.nullable(), feed: RateFeedSchema }),
  // offers: a discount above the agent's cap waits for the owner, or was approved/declined (Inbox)
  z.object({ type: z.literal('offers.approval'), time: z.string(), approvalId: z.number(), approval: ApprovalSchema }),
  // inbox: a thread went to a person (handoff); the renderer alerts the owner when `notify`
  InboxAlertSchema,
  z.object({ type: z.literal('tunnel.changed'), time: z.string(), url: z.string(), webhookUrl: z.string(), previousUrl: z.string() }),
]);
export type LiveMessage = z.infer<typeof LiveMessageSchema>;
export type LiveMessageType = LiveMessage['type'];
