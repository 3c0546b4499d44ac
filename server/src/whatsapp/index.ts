/** The WhatsApp domain's public face: other domains import only from here. */
export { buildWhatsApp, type WhatsAppService, type WhatsAppDeps } from './whatsapp.domain.js';
export { resolveWhatsAppConfig, WhatsAppConnectionSchema, CONNECTION_KEY, DEFAULT_GRAPH_URL, DEFAULT_API_VERSION, type WhatsAppConfig, type WhatsAppConnection } from './config.js';
// inbound
export { signWebhook, WEBHOOK_PATH } from './webhook/index.js';
export { parseWebhook } from './webhook/index.js';
export type { InboxService, InboundHandler, InboxOptions } from './inbox/index.js';
export { connectionModule } from './connection/index.js';
// outbound: message builders (Meta's exact bodies, limits checked), client errors, outbox, emulator
export * from './messages/index.js';
export { GraphApiError, type GraphClient } from './client/index.js';
export { type Outbox, type EnqueueInput } from './outbox/index.js';
export { buildOutbound, OUTBOX_SETTINGS_KEY, DEMO_CATALOG_ID, effectiveCatalogId, type Outbound } from './outbound.js';
export { startEmulator, type Emulator, type EmulatorOptions, type InboundInput } from './emulator/index.js';
