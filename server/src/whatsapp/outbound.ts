import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { OutboxSettingsSchema, type OutboxSettings } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import type { ListenerPorts } from '../domains.js';
import type { Bus } from '../ops/index.js';
import type { SettingsService } from '../settings/index.js';
import { createGraphClient } from './client/index.js';
import { resolveWhatsAppConfig, type WhatsAppConfig } from './config.js';
import { startEmulator, type Emulator } from './emulator/index.js';
import { readReceipt } from './messages/index.js';
import { createOutbox, outboxRoutes, type OutboxRow } from './outbox/index.js';
import { WEBHOOK_PATH } from './webhook/index.js';

export const OUTBOX_SETTINGS_KEY = 'whatsapp.outbox';

export interface OutboundDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  settings: SettingsService;
  /** The configuration from settings and environment (without the demo's emulator). */
  baseConfig: () => WhatsAppConfig;
  /** A status the inbox already stored for our id (biz_opaque_callback_data), for crash recovery. */
  statusByCallbackData?: (id: string) => { wamid: string; status: string } | null;
  env?: NodeJS.ProcessEnv;
}

/**
 * Demo mode: a demo data dir with no real WhatsApp connection (no token, no phone number id, no
 * REVIVE_GRAPH_URL) runs the local emulator, so the demo uses the real client, webhook and outbox.
 */
export function wantsEmulator(settings: SettingsService, cfg: WhatsAppConfig, env: NodeJS.ProcessEnv): boolean {
  return settings.isDemo() && !cfg.accessToken && !cfg.phoneNumberId && !env.REVIVE_GRAPH_URL;
}

/**
 * The demo store's Meta catalog on the local emulator. A demo data dir without a real connection
 * sends product and product_list messages against it (the emulator accepts them as Meta would a
 * synced catalog), so the demo, the simulator and `revive chat` show products as WhatsApp does.
 */
export const DEMO_CATALOG_ID = 'demo-catalog';

/** The catalog id product messages use: the connection's, else the demo's (demo mode only), else null. */
export function effectiveCatalogId(settings: SettingsService, env: NodeJS.ProcessEnv = process.env): string | null {
  const cfg = resolveWhatsAppConfig(settings);
  if (cfg.catalogId) return cfg.catalogId;
  return wantsEmulator(settings, cfg, env) ? DEMO_CATALOG_ID : null;
}

/** Test hook for the crash tests: stop for good after a row is committed as `sending`. */
function pauseHook(env: NodeJS.ProcessEnv): ((row: OutboxRow) => Promise<void>) | undefined {
  if (env.REVIVE_TEST_OUTBOX_PAUSE !== 'after-mark-sending') return undefined;
  return (row) => {
    process.stderr.write(`revive-test: outbox paused after marking ${row.id} sending\n`);
    return new Promise<void>(() => {});
  };
}

/**
 * The outbound half of the WhatsApp domain: the Graph API client, the durable outbox and its
 * worker, and — in demo mode — the in-process emulator the client is pointed at. The emulator's
 * credentials are a per-process override, never written to settings.
 */
export function buildOutbound(deps: OutboundDeps) {
  const env = deps.env ?? process.env;
  const log = deps.log.child({ part: 'outbound' });
  let override: Partial<WhatsAppConfig> | null = null;
  let emulator: Emulator | null = null;
  const config = (): WhatsAppConfig => (override ? { ...deps.baseConfig(), ...override } : deps.baseConfig());

  let outboxSettings: OutboxSettings | null = null;
  const readOutboxSettings = (): OutboxSettings => {
    const stored = OutboxSettingsSchema.safeParse(deps.settings.getValue(OUTBOX_SETTINGS_KEY) ?? {});
    const s = stored.success ? stored.data : OutboxSettingsSchema.parse({});
    const grace = Number(env.REVIVE_OUTBOX_CONFIRM_GRACE_MS);
    return Number.isFinite(grace) && env.REVIVE_OUTBOX_CONFIRM_GRACE_MS ? { ...s, confirmGraceMs: grace } : s;
  };

  const client = createGraphClient({ config });
  const outbox = createOutbox({
    db: deps.db,
    bus: deps.bus,
    log,
    client,
    settings: () => (outboxSettings ??= readOutboxSettings()),
    statusByCallbackData: deps.statusByCallbackData,
    afterMarkSending: pauseHook(env),
  });

  deps.bus.subscribe((m) => {
    if (m.type === 'whatsapp.status') {
      outbox.recordStatus({ wamid: m.wamid, status: m.status, callbackData: m.callbackData, errorCode: m.errorCode });
    } else if (m.type === 'settings.changed') {
      if (m.key === OUTBOX_SETTINGS_KEY) outboxSettings = null;
      if (m.key.startsWith('whatsapp.') || m.key.startsWith('secret.whatsapp.')) outbox.worker.configChanged();
    }
  });

  return {
    /** The configuration in force, the demo's emulator included: the webhook verifies with this. */
    config,
    client,
    outbox,
    /** The running demo emulator (its shopper side drives the demo), or null. */
    emulator: () => emulator,
    /** Blue ticks and "typing…" while a reply is prepared; best effort, never queued. */
    async markRead(messageId: string, typing = false): Promise<void> {
      try {
        await client.markRead(readReceipt(messageId, { typing }));
      } catch (err) {
        log.warn({ err: err instanceof Error ? err.message : String(err), messageId }, 'could not mark a message read');
      }
    },
    adminRouters: [outboxRoutes(outbox)],
    async start(ports?: ListenerPorts): Promise<void> {
      if (wantsEmulator(deps.settings, deps.baseConfig(), env)) {
        const secrets = { accessToken: `EAAdemo${randomBytes(16).toString('hex')}`, appSecret: randomBytes(16).toString('hex'), verifyToken: randomBytes(12).toString('hex') };
        const phoneNumberId = '109000000000001';
        emulator = await startEmulator({ ...secrets, phoneNumberId, webhookUrl: ports ? `http://127.0.0.1:${ports.publicPort}${WEBHOOK_PATH}` : undefined, statusDelayMs: 400 });
        override = { ...secrets, phoneNumberId, graphUrl: emulator.url };
        log.info({ graphUrl: emulator.url }, 'demo mode: WhatsApp runs against the local emulator');
      }
      outbox.start();
    },
    async stop(): Promise<void> {
      await outbox.stop();
      await emulator?.stop();
      emulator = null;
      override = null;
    },
  };
}
export type Outbound = ReturnType<typeof buildOutbound>;
