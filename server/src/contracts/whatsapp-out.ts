import { z } from 'zod';

/**
 * WhatsApp outbound: the durable outbox as the UI, the CLI and the agent see it, and the admin
 * operations over it.
 */

/**
 * queued → sending → sent, or failed / needs_template (131047: outside the 24-hour window, only a
 * template can go). `unconfirmed`: a send was interrupted (crash, timeout) after it may have
 * reached Meta; it is resent unless a status webhook carrying its id arrives first.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'unconfirmed', 'sent', 'failed', 'needs_template', 'cancelled'] as const;
export const OutboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** What Meta's status webhooks say happened after it accepted the message. */
export const OutboxDeliverySchema = z.enum(['sent', 'delivered', 'read', 'failed']);
export type OutboxDelivery = z.infer<typeof OutboxDeliverySchema>;

export const OutboxItemSchema = z.object({
  id: z.string(),
  /** Phone number digits, or a business-scoped user id. */
  to: z.string(),
  contactId: z.number().int().nullable(),
  correlationId: z.string().nullable(),
  /** 'text', 'interactive.product_list', 'template'… */
  kind: z.string(),
  /** A short line for lists: the text, the body of an interactive message, or the template name. */
  preview: z.string(),
  status: OutboxStatusSchema,
  delivery: OutboxDeliverySchema.nullable(),
  wamid: z.string().nullable(),
  attempts: z.number().int(),
  errorCode: z.number().int().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const OutboxListSchema = z.object({
  items: z.array(OutboxItemSchema),
  counts: z.partialRecord(OutboxStatusSchema, z.number().int()),
});
export type OutboxList = z.infer<typeof OutboxListSchema>;

export const OutboxQuerySchema = z.object({
  status: OutboxStatusSchema.optional(),
  to: z.string().optional(),
  correlationId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Page backwards: items created before this one. */
  before: z.string().optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

/** Settings → WhatsApp → "Send test message". */
export const TestMessageSchema = z.object({
  to: z.string().trim().min(6, 'Enter the phone number with its country code, e.g. +91 98765 43210'),
  text: z.string().trim().min(1).max(4096).default('Hello from Revive 👋 This is a test message.'),
});
export type TestMessage = z.input<typeof TestMessageSchema>;

/** The outbox's rates and retry policy, stored under settings key `whatsapp.outbox`. */
export const OutboxSettingsSchema = z.object({
  /** Messages per second for the whole number (Meta's default throughput is 80). */
  globalPerSecond: z.number().positive().max(1000).default(80),
  /** How many messages one shopper may get at once (a reply's few messages)… */
  recipientBurst: z.number().int().min(1).max(20).default(4),
  /** …and then one every this many ms (Meta's pair rate is about one per 6 s). */
  recipientIntervalMs: z.number().int().min(0).max(600_000).default(6000),
  maxAttempts: z.number().int().min(1).max(50).default(8),
  backoffBaseMs: z.number().int().min(1).max(600_000).default(1000),
  backoffMaxMs: z.number().int().min(1).max(3_600_000).default(300_000),
  /** After a crash or a timeout mid-send: how long to wait for a status webhook before resending. */
  confirmGraceMs: z.number().int().min(0).max(3_600_000).default(60_000),
});
export type OutboxSettings = z.infer<typeof OutboxSettingsSchema>;

export const OutboxLiveSchema = z.object({
  type: z.literal('whatsapp.outbox'),
  time: z.string(),
  id: z.string(),
  to: z.string(),
  contactId: z.number().int().nullable(),
  correlationId: z.string().nullable(),
  status: OutboxStatusSchema,
  delivery: OutboxDeliverySchema.nullable(),
  wamid: z.string().nullable(),
  errorCode: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type OutboxLive = z.infer<typeof OutboxLiveSchema>;

export const whatsappOutApi = {
  listOutbox: { method: 'GET', path: '/api/whatsapp/outbox', request: z.void(), response: OutboxListSchema },
  getOutboxItem: { method: 'GET', path: '/api/whatsapp/outbox/:id', request: z.void(), response: OutboxItemSchema },
  retryOutboxItem: { method: 'POST', path: '/api/whatsapp/outbox/:id/retry', request: z.object({}).default({}), response: OutboxItemSchema },
  cancelOutboxItem: { method: 'POST', path: '/api/whatsapp/outbox/:id/cancel', request: z.object({}).default({}), response: OutboxItemSchema },
  sendTestMessage: { method: 'POST', path: '/api/whatsapp/test-message', request: TestMessageSchema, response: OutboxItemSchema },
} as const;
