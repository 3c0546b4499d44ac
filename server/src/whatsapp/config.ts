import { z } from 'zod';
import type { SettingsService } from '../settings/index.js';

/** Meta's Graph API as the real service serves it; the emulator and tests point this elsewhere. */
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_API_VERSION = 'v23.0';

/** The non-secret WhatsApp settings, stored under settings key `whatsapp.connection`. */
export const WhatsAppConnectionSchema = z.object({
  phoneNumberId: z.string().regex(/^\d{5,20}$/, 'The phone number id is a long number from Meta’s dashboard').or(z.literal('')).default(''),
  wabaId: z.string().regex(/^\d{5,20}$/, 'The WhatsApp Business Account id is a long number').or(z.literal('')).default(''),
  catalogId: z.string().regex(/^\d{5,20}$/, 'The catalog id is a long number').or(z.literal('')).default(''),
  graphUrl: z.url().default(DEFAULT_GRAPH_URL),
  apiVersion: z.string().regex(/^v\d+\.\d+$/, 'Like v23.0').default(DEFAULT_API_VERSION),
});
export type WhatsAppConnection = z.infer<typeof WhatsAppConnectionSchema>;

export interface WhatsAppConfig extends WhatsAppConnection {
  accessToken: string | undefined;
  appSecret: string | undefined;
  verifyToken: string | undefined;
}

export const CONNECTION_KEY = 'whatsapp.connection';

/**
 * The WhatsApp configuration in force: environment variables (headless use) override settings,
 * settings override defaults. Read on every use, so a change in Settings applies at once.
 */
export function resolveWhatsAppConfig(settings: SettingsService, env: NodeJS.ProcessEnv = process.env): WhatsAppConfig {
  const stored = WhatsAppConnectionSchema.parse(settings.getValue(CONNECTION_KEY) ?? {});
  return {
    ...stored,
    phoneNumberId: env.REVIVE_WA_PHONE_NUMBER_ID || stored.phoneNumberId,
    graphUrl: (env.REVIVE_GRAPH_URL || stored.graphUrl).replace(/\/+$/, ''),
    accessToken: env.REVIVE_WA_ACCESS_TOKEN || settings.readSecret('whatsapp.accessToken'),
    appSecret: env.REVIVE_WA_APP_SECRET || settings.readSecret('whatsapp.appSecret'),
    verifyToken: env.REVIVE_WA_VERIFY_TOKEN || settings.readSecret('whatsapp.verifyToken'),
  };
}
