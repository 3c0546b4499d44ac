import { z } from 'zod';

/**
 * Settings → WhatsApp: the connection to Meta's Cloud API as the screen edits it, and what is in
 * force (environment variables override settings for headless use).
 */

/** Meta's Graph API as the real service serves it; the emulator and tests point this elsewhere. */
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_API_VERSION = 'v23.0';

/** Meta's ids are long numbers; a pasted id keeps no spaces around it. */
const metaId = (message: string) => z.string().trim().regex(/^\d{5,20}$/, message).or(z.literal('')).default('');

/** The non-secret WhatsApp settings, stored under settings key `whatsapp.connection`. */
export const WhatsAppConnectionSchema = z.object({
  phoneNumberId: metaId('The phone number id is a long number from Meta’s dashboard'),
  wabaId: metaId('The WhatsApp Business Account id is a long number'),
  catalogId: metaId('The catalog id is a long number'),
  graphUrl: z.url().default(DEFAULT_GRAPH_URL),
  apiVersion: z.string().trim().regex(/^v\d+\.\d+$/, 'Like v23.0').default(DEFAULT_API_VERSION),
});
export type WhatsAppConnection = z.infer<typeof WhatsAppConnectionSchema>;
export type WhatsAppConnectionInput = z.input<typeof WhatsAppConnectionSchema>;

/**
 * demo-emulator: the demo store runs against the built-in emulator (no real connection yet) ·
 * cloud-api: messages go to Meta's Graph API · not-configured: the phone number id or the access
 * token is missing, so messages wait in the outbox.
 */
export const WHATSAPP_MODES = ['demo-emulator', 'cloud-api', 'not-configured'] as const;
export const WhatsAppModeSchema = z.enum(WHATSAPP_MODES);
export type WhatsAppMode = z.infer<typeof WhatsAppModeSchema>;

/** The settings an environment variable can override, and the variable that does it. */
export const CONNECTION_ENV_VARS = {
  phoneNumberId: 'REVIVE_WA_PHONE_NUMBER_ID',
  graphUrl: 'REVIVE_GRAPH_URL',
  accessToken: 'REVIVE_WA_ACCESS_TOKEN',
  appSecret: 'REVIVE_WA_APP_SECRET',
  verifyToken: 'REVIVE_WA_VERIFY_TOKEN',
} as const;
export const OverridableSchema = z.enum(['phoneNumberId', 'graphUrl', 'accessToken', 'appSecret', 'verifyToken']);
export type Overridable = z.infer<typeof OverridableSchema>;

/** A WhatsApp secret as the screen sees it: never the value; `source` says where the one in force comes from. */
export const ConnectionSecretSchema = z.object({
  set: z.boolean(),
  /** The stored secret's last four characters; null when unset or set by the environment. */
  hint: z.string().nullable(),
  source: z.enum(['settings', 'env']).nullable(),
  updatedAt: z.string().nullable(),
});
export type ConnectionSecret = z.infer<typeof ConnectionSecretSchema>;

export const WhatsAppConnectionStatusSchema = z.object({
  /** As saved in Settings: what the form edits. */
  stored: WhatsAppConnectionSchema,
  /** In force: the stored values with environment overrides applied (never the demo emulator's). */
  effective: WhatsAppConnectionSchema,
  /** Each overridden setting and its variable; the screen shows these read-only. */
  overrides: z.array(z.object({ field: OverridableSchema, variable: z.string() })),
  secrets: z.object({ accessToken: ConnectionSecretSchema, appSecret: ConnectionSecretSchema, verifyToken: ConnectionSecretSchema }),
  mode: WhatsAppModeSchema,
  /** The mode a restart would choose differs from the running one (e.g. a real number saved while the demo emulator runs). */
  restartNeeded: z.boolean(),
  /** What is still needed for the real Cloud API, in setup order. */
  missing: z.array(z.enum(['phoneNumberId', 'accessToken', 'appSecret', 'verifyToken'])),
});
export type WhatsAppConnectionStatus = z.infer<typeof WhatsAppConnectionStatusSchema>;

export const whatsappConnectionApi = {
  getWhatsAppConnection: { method: 'GET', path: '/api/whatsapp/connection', request: z.void(), response: WhatsAppConnectionStatusSchema },
  putWhatsAppConnection: { method: 'PUT', path: '/api/whatsapp/connection', request: WhatsAppConnectionSchema, response: WhatsAppConnectionStatusSchema },
} as const;
