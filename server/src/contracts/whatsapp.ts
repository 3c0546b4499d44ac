import { z } from 'zod';

/**
 * WhatsApp inbound: the normalised shapes the webhook parser produces from Meta's payloads, the
 * delivery statuses of our outbound messages, and the admin operations over them. Every nullable
 * field is null when Meta did not send it; the message as received is always kept in `raw`.
 */

/** An error as Meta reports it on a message, a status or a whole change. */
export const WaErrorSchema = z.object({
  code: z.number().int().nullable(),
  title: z.string().nullable(),
  message: z.string().nullable(),
  details: z.string().nullable(),
  href: z.string().nullable(),
});
export type WaError = z.infer<typeof WaErrorSchema>;

/** Who wrote: `value.contacts[]`. A shopper may have a business-scoped user id and no phone number. */
export const WaSenderSchema = z.object({
  waId: z.string().nullable(),
  userId: z.string().nullable(),
  parentUserId: z.string().nullable(),
  username: z.string().nullable(),
  name: z.string().nullable(),
});
export type WaSender = z.infer<typeof WaSenderSchema>;

/** Meta's message types the parser understands; anything else becomes `unsupported`, kept raw. */
export const INBOUND_TYPES = [
  'text', 'image', 'video', 'audio', 'document', 'sticker', 'reaction', 'location', 'contacts', 'order',
  'button', 'interactive', 'system', 'revoke', 'edit', 'unsupported',
] as const;
export const InboundTypeSchema = z.enum(INBOUND_TYPES);
export type InboundType = z.infer<typeof InboundTypeSchema>;

export const WaMediaSchema = z.object({
  kind: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
  /** The media id: fetch `GET /{media-id}` for a short-lived download URL. */
  id: z.string().nullable(),
  mimeType: z.string().nullable(),
  sha256: z.string().nullable(),
  caption: z.string().nullable(),
  filename: z.string().nullable(),
  url: z.string().nullable(),
  voice: z.boolean().nullable(),
  animated: z.boolean().nullable(),
});

/** A tap on a reply button (`button_reply`), a list row (`list_reply`) or a template quick reply. */
export const WaReplySchema = z.object({
  kind: z.enum(['button_reply', 'list_reply', 'quick_reply']),
  id: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
});

/** A finished Flow (`nfm_reply`): `response` is `response_json` parsed, null when it is not JSON. */
export const WaFlowReplySchema = z.object({
  name: z.string().nullable(),
  body: z.string().nullable(),
  responseJson: z.string().nullable(),
  response: z.record(z.string(), z.unknown()).nullable(),
  flowToken: z.string().nullable(),
});

export const WaOrderSchema = z.object({
  catalogId: z.string().nullable(),
  text: z.string().nullable(),
  items: z.array(
    z.object({
      retailerId: z.string(),
      quantity: z.number(),
      /** As Meta sends it (a price per unit in `currency`); not converted. */
      itemPrice: z.number().nullable(),
      currency: z.string().nullable(),
    }),
  ),
});

/** `emoji` null means the shopper removed their reaction. */
export const WaReactionSchema = z.object({ messageId: z.string().nullable(), emoji: z.string().nullable() });

export const WaLocationSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().nullable(),
  address: z.string().nullable(),
  url: z.string().nullable(),
});

export const WaSharedContactSchema = z.object({
  name: z.string().nullable(),
  phones: z.array(z.object({ phone: z.string().nullable(), waId: z.string().nullable(), type: z.string().nullable() })),
  emails: z.array(z.string()),
});

export const WaSystemSchema = z.object({
  type: z.string().nullable(),
  body: z.string().nullable(),
  /** user_changed_number: the shopper's new WhatsApp id. */
  newWaId: z.string().nullable(),
  identityHash: z.string().nullable(),
});

export const WaContextSchema = z.object({
  /** The message this one replies to (often one of ours). */
  id: z.string().nullable(),
  from: z.string().nullable(),
  forwarded: z.boolean(),
  frequentlyForwarded: z.boolean(),
  referredProduct: z.object({ catalogId: z.string().nullable(), productRetailerId: z.string().nullable() }).nullable(),
});

/** A click-to-WhatsApp ad or post the shopper came from. */
export const WaReferralSchema = z.object({
  sourceUrl: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceType: z.string().nullable(),
  headline: z.string().nullable(),
  body: z.string().nullable(),
  mediaType: z.string().nullable(),
  imageUrl: z.string().nullable(),
  videoUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  ctwaClid: z.string().nullable(),
});

/** What a message says, without its envelope: also the shape of an edited message's new content. */
export const WaContentSchema = z.object({
  type: InboundTypeSchema,
  /** Meta's `type` as received, e.g. "poll" for a type this app does not know (then `type` is unsupported). */
  rawType: z.string().nullable(),
  /** The words, whatever the type: text body, caption, button or row title, order note, Flow body, emoji. */
  text: z.string().nullable(),
  media: WaMediaSchema.nullable(),
  reply: WaReplySchema.nullable(),
  flow: WaFlowReplySchema.nullable(),
  order: WaOrderSchema.nullable(),
  reaction: WaReactionSchema.nullable(),
  location: WaLocationSchema.nullable(),
  contacts: z.array(WaSharedContactSchema).nullable(),
  system: WaSystemSchema.nullable(),
  /** For `unsupported`: the kind Meta names in `unsupported.type`, or the unknown `type`. */
  unsupportedType: z.string().nullable(),
});
export type WaContent = z.infer<typeof WaContentSchema>;

/** One inbound message, normalised. `id` is Meta's wamid: the dedupe key. */
export const InboundMessageSchema = WaContentSchema.extend({
  id: z.string(),
  /** When the shopper sent it (Meta's timestamp), ISO-8601 UTC. */
  timestamp: z.string(),
  /** Our business number that received it. */
  phoneNumberId: z.string().nullable(),
  from: z.string().nullable(),
  fromUserId: z.string().nullable(),
  sender: WaSenderSchema.nullable(),
  context: WaContextSchema.nullable(),
  referral: WaReferralSchema.nullable(),
  revoke: z.object({ originalMessageId: z.string().nullable() }).nullable(),
  edit: z.object({ originalMessageId: z.string().nullable(), content: WaContentSchema.nullable() }).nullable(),
  /** The message's own errors and those Meta attached to its change (e.g. "Unsupported webhook payload"). */
  errors: z.array(WaErrorSchema),
  raw: z.unknown(),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

/** A delivery status for one of our outbound messages, as received. */
export const StatusUpdateSchema = z.object({
  wamid: z.string(),
  /** sent, delivered, read, played, failed, or anything newer Meta sends (kept, ranked as unknown). */
  status: z.string(),
  timestamp: z.string(),
  recipientId: z.string().nullable(),
  recipientType: z.string().nullable(),
  /** `biz_opaque_callback_data` we sent with the message: our outbound id, for correlation. */
  callbackData: z.string().nullable(),
  errors: z.array(WaErrorSchema),
  conversation: z.record(z.string(), z.unknown()).nullable(),
  pricing: z.record(z.string(), z.unknown()).nullable(),
  raw: z.unknown(),
});
export type StatusUpdate = z.infer<typeof StatusUpdateSchema>;

export const DELIVERY_STATES = ['sent', 'delivered', 'read', 'failed'] as const;
export const DeliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

/** Where an outbound message stands, whatever order its statuses arrived in. */
export const MessageStatusSchema = z.object({
  wamid: z.string(),
  status: DeliveryStateSchema.nullable(),
  /** When Meta says the winning status happened. */
  at: z.string().nullable(),
  errors: z.array(WaErrorSchema),
  callbackData: z.string().nullable(),
  history: z.array(z.object({ status: z.string(), at: z.string(), errorCode: z.number().int().nullable() })),
});
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/** A `user_preferences` change: a shopper stopping or resuming marketing messages. */
export const UserPreferenceSchema = z.object({
  waId: z.string().nullable(),
  userId: z.string().nullable(),
  category: z.string(),
  value: z.string(),
  detail: z.string().nullable(),
  timestamp: z.string(),
  raw: z.unknown(),
});
export type UserPreference = z.infer<typeof UserPreferenceSchema>;

/** Processing state of an inbound message: stored → contact and window updated → handed over. */
export const INBOX_STATES = ['received', 'pending', 'handled', 'failed'] as const;
export const InboxStateSchema = z.enum(INBOX_STATES);
export type InboxState = z.infer<typeof InboxStateSchema>;

export const InboxItemSchema = z.object({
  wamid: z.string(),
  contactId: z.number().int().nullable(),
  type: z.string(),
  text: z.string().nullable(),
  sentAt: z.string(),
  receivedAt: z.string(),
  state: InboxStateSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;
export const InboxListSchema = z.object({ items: z.array(InboxItemSchema) });
export const InboxMessageSchema = InboxItemSchema.extend({ message: InboundMessageSchema });
export type InboxMessage = z.infer<typeof InboxMessageSchema>;

/** What happened to one webhook POST. Only `stored` deliveries were written to the database. */
export const WEBHOOK_OUTCOMES = ['stored', 'no_secret', 'missing_signature', 'bad_signature', 'too_large', 'unreadable', 'bad_json', 'bad_shape'] as const;
export const WebhookOutcomeSchema = z.enum(WEBHOOK_OUTCOMES);
export type WebhookOutcome = z.infer<typeof WebhookOutcomeSchema>;

export const WebhookDeliverySchema = z.object({
  receivedAt: z.string(),
  httpStatus: z.number().int(),
  outcome: WebhookOutcomeSchema,
  bytes: z.number().int().nullable(),
  messages: z.number().int(),
  newMessages: z.number().int(),
  statuses: z.number().int(),
  preferences: z.number().int(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveriesSchema = z.object({
  appSecretSet: z.boolean(),
  /** Counts since the server started (refused requests are never written to the database). */
  since: z.string(),
  counts: z.object({ stored: z.number().int(), signatureFailures: z.number().int(), refused: z.number().int() }),
  /** Payloads ever stored, and the newest one's time: these survive restarts. */
  storedTotal: z.number().int(),
  lastStoredAt: z.string().nullable(),
  deliveries: z.array(WebhookDeliverySchema),
});
export type WebhookDeliveries = z.infer<typeof WebhookDeliveriesSchema>;

export const whatsappApi = {
  webhookDeliveries: { method: 'GET', path: '/api/whatsapp/webhook/deliveries', request: z.void(), response: WebhookDeliveriesSchema },
  listInbox: { method: 'GET', path: '/api/whatsapp/inbox', request: z.void(), response: InboxListSchema },
  getInboxMessage: { method: 'GET', path: '/api/whatsapp/inbox/:wamid', request: z.void(), response: InboxMessageSchema },
  messageStatus: { method: 'GET', path: '/api/whatsapp/statuses/:wamid', request: z.void(), response: MessageStatusSchema },
} as const;
