import { z } from 'zod';
import { AgentSchema } from './agents.js';

/**
 * The Command Center (issue #10): every step of every conversation and system job, stored with a
 * cursor and streamed live. The Matrix reads it; `revive events` prints it.
 */
export const OPS_EVENT_TYPES = ['INBOUND', 'THINKING', 'TOOL', 'OUTBOUND', 'STATUS', 'HANDOFF', 'ORDER', 'IMPORT', 'SYNC', 'TUNNEL', 'DEAL', 'VISIT', 'ERROR'] as const;
export const OpsEventTypeSchema = z.enum(OPS_EVENT_TYPES);
export type OpsEventType = z.infer<typeof OpsEventTypeSchema>;

export const OpsEventSchema = z.object({
  /** Strictly increasing; never reused, even after pruning. */
  cursor: z.number().int().positive(),
  /** ISO-8601 UTC. */
  time: z.string(),
  type: OpsEventTypeSchema,
  /** The agent's name, null for system jobs (imports, tunnel). */
  agent: z.string().nullable(),
  agentId: z.number().int().nullable(),
  /** The shopper: phone in E.164, else their name or WhatsApp id; masked ("+91 98•••••210") when the owner chose masking. */
  contact: z.string().nullable(),
  contactId: z.number().int().nullable(),
  /** One line a person reads in the Matrix. */
  detail: z.string(),
  /** Structured extras (tool arguments and result summary, message kind, job id…); personal data masked likewise. */
  data: z.record(z.string(), z.unknown()),
});
export type OpsEvent = z.infer<typeof OpsEventSchema>;

/** `GET /api/events` and `revive events --json`: `next` is the cursor to pass as `since` for the following page. */
export const OpsEventPageSchema = z.object({ events: z.array(OpsEventSchema), next: z.number().int().nonnegative() });
export type OpsEventPage = z.infer<typeof OpsEventPageSchema>;

/** Query of `GET /api/events` (all optional, comma-separated lists): since, type, agent (ids), contact (ids), q (text search), limit (≤ 1000, default 200). */
export const OpsEventQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().optional(),
  type: z.string().optional(),
  agent: z.string().optional(),
  contact: z.string().optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** A live client's filters (server-side). Empty or absent lists mean everything. */
export const OpsFilterSchema = z.object({
  types: z.array(OpsEventTypeSchema).optional(),
  agents: z.array(z.number().int()).optional(),
  contacts: z.array(z.number().int()).optional(),
});
export type OpsFilter = z.infer<typeof OpsFilterSchema>;

/**
 * What a client may send on `/api/live`. Without a `subscribe`, a client gets every bus message as
 * before (but no `ops.event`). After it, it gets the events after `since` from the store, then live
 * ones — matching `filters` — plus every other bus message.
 */
export const LiveClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), since: z.number().int().nonnegative().optional(), filters: OpsFilterSchema.optional() }),
  z.object({ type: z.literal('unsubscribe') }),
]);
export type LiveClientMessage = z.infer<typeof LiveClientMessageSchema>;

/** The owner's choices for the event log (Settings; defaults shown). */
export const OpsSettingsSchema = z.object({
  /** Events older than this are pruned (daily). */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /** And at most this many are kept (oldest pruned first). */
  maxEvents: z.number().int().min(1000).max(10_000_000).default(500_000),
  /** Mask shoppers' phone numbers and message text in stored events. */
  maskPersonalData: z.boolean().default(false),
});
export type OpsSettings = z.infer<typeof OpsSettingsSchema>;

export const FLEET_STATES = ['active', 'paused', 'error'] as const;

/** One Fleet card. "Today" is the store's day in its time zone. */
export const FleetCardSchema = z.object({
  agent: AgentSchema,
  /** paused when the owner paused it; error when its last turn today failed (an ERROR event after its last OUTBOUND); else active. */
  state: z.enum(FLEET_STATES),
  conversationsToday: z.number().int().nonnegative(),
  messagesToday: z.number().int().nonnegative(),
  openHandoffs: z.number().int().nonnegative(),
  /** Whole rupees: open and won deals this agent touched (0 until the pipeline exists). */
  pipelineValue: z.number().int().nonnegative(),
  lastActivity: z.string().nullable(),
  /** Events per hour over the last 24 hours, oldest first (24 numbers): the sparkline. */
  activity: z.array(z.number().int().nonnegative()).length(24),
});
export type FleetCard = z.infer<typeof FleetCardSchema>;
export const FleetSchema = z.object({ cards: z.array(FleetCardSchema) });
export type Fleet = z.infer<typeof FleetSchema>;

export const opsApi = {
  listEvents: { method: 'GET', path: '/api/events', request: z.void(), query: OpsEventQuerySchema, response: OpsEventPageSchema },
  getFleet: { method: 'GET', path: '/api/fleet', request: z.void(), response: FleetSchema },
  getOpsSettings: { method: 'GET', path: '/api/ops/settings', request: z.void(), response: OpsSettingsSchema },
  updateOpsSettings: { method: 'PUT', path: '/api/ops/settings', request: OpsSettingsSchema.partial(), response: OpsSettingsSchema },
} as const;
