import type { Logger } from 'pino';
import type { CrmService } from '../crm/index.js';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { Bus } from '../ops/index.js';
import type { SettingsService } from '../settings/index.js';
import { resolveWhatsAppConfig, type WhatsAppConfig } from './config.js';
import { createInboxService, inboxRoutes, type InboxOptions } from './inbox/index.js';
import { DeliveryLog, deliveriesRoutes, webhookRoutes } from './webhook/index.js';
import { buildOutbound } from './outbound.js';

export interface WhatsAppDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  settings: SettingsService;
  crm: CrmService;
  inbox?: InboxOptions;
}

/**
 * The WhatsApp configuration, read once and again after any settings change (the webhook reads
 * it on every request; environment variables still win, as resolveWhatsAppConfig says).
 */
function cachedConfig(settings: SettingsService, bus: Bus): () => WhatsAppConfig {
  let cached: WhatsAppConfig | undefined;
  bus.subscribe((m) => {
    if (m.type === 'settings.changed') cached = undefined;
  });
  return () => (cached ??= resolveWhatsAppConfig(settings));
}

/** Builds the WhatsApp domain's services and its DomainModule (routers, start/stop). */
export function buildWhatsApp(deps: WhatsAppDeps) {
  const config = cachedConfig(deps.settings, deps.bus);
  const log = deps.log.child({ domain: 'whatsapp' });

  // --- inbound: signed webhook → durable inbox (dedupe, statuses) → per-shopper processing ---
  const deliveries = new DeliveryLog();
  const inbox = createInboxService({ db: deps.db, bus: deps.bus, log, crm: deps.crm }, deps.inbox);
  // the demo's emulator signs with its own app secret: read through the outbound override
  const secrets = () => outbound.config();
  const inbound = {
    publicRouters: [webhookRoutes({ secrets, ingest: inbox.ingest, deliveries, log })],
    adminRouters: [inboxRoutes(inbox), deliveriesRoutes({ secrets, deliveries, payloadStats: inbox.payloadStats })],
  };

  // --- outbound: Cloud API client, durable outbox, demo emulator ---
  const outbound = buildOutbound({ db: deps.db, bus: deps.bus, log, settings: deps.settings, baseConfig: config, statusByCallbackData: inbox.statusByCallbackData });

  const service = {
    config: outbound.config,
    /** Graph API client, durable outbox (enqueue builders' messages here), markRead, demo emulator. */
    outbound,
    inbox,
    /** Where an outbound message stands, from its statuses in any order. */
    statusOf: inbox.statusOf,
    /** The conversation engine plugs in here; until then inbound messages wait as pending. */
    setInboundHandler: inbox.setInboundHandler,
  };
  const module: DomainModule = {
    name: 'whatsapp',
    publicRouters: [...inbound.publicRouters],
    adminRouters: [...inbound.adminRouters, ...outbound.adminRouters],
    async start(ports) {
      inbox.start();
      await outbound.start(ports);
    },
    async stop() {
      await outbound.stop();
      await inbox.stop();
    },
  };
  return { service, module };
}
export type WhatsAppService = ReturnType<typeof buildWhatsApp>['service'];
