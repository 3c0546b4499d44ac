import { WhatsAppConnectionSchema, type WhatsAppConnection } from '../contracts/index.js';
import type { SettingsService } from '../settings/index.js';

/** The schema and defaults live in the contracts, so Settings → WhatsApp checks the same rules. */
export { DEFAULT_API_VERSION, DEFAULT_GRAPH_URL, WhatsAppConnectionSchema, type WhatsAppConnection } from '../contracts/index.js';

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
