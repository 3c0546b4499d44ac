import { rmSync } from 'node:fs';
import type { OutboxList } from '../../server/src/contracts/index.js';
import { createDemoDataDir, openApp, startServer, type App, type RunningServer } from '../../server/src/main.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../server/src/whatsapp/index.js';
import { tempDir } from './temp-server.js';

/**
 * The app on the real WhatsApp path: the Graph API emulator on loopback (Meta's checks, signed
 * webhooks back), the server pointed at it through the environment, a fresh data dir (the demo
 * store unless told otherwise). For tests of whole journeys: webhook → inbox → engine → outbox →
 * Graph API, and statuses back.
 */
export interface EmulatedApp {
  emu: Emulator;
  server: RunningServer;
  dataDir: string;
  secret: string;
  token: string;
  phoneNumberId: string;
  /** fetch on the admin listener with the bearer token (JSON body when `json` is given). */
  admin(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** Until the engine has answered and at least `atLeast` outbox items exist, all sent (a failed one throws). */
  drained(atLeast?: number): Promise<OutboxList>;
  /** Message bodies the app posted to the Graph API (read receipts left out). */
  sends<T = Record<string, unknown>>(): T[];
  stop(): Promise<void>;
}

export interface EmulatedAppOptions {
  name: string;
  phoneNumberId: string;
  statuses?: EmulatorOptions['statuses'];
  statusDelayMs?: number;
  /** Start from the demo store (default) or an empty data dir. */
  demo?: boolean;
  /** Changes made to the data before the server starts (a catalog id, an agent's skills). */
  prepare?(app: App): void;
  /** Point the emulator's webhooks (statuses, shopper messages) at the app's public listener. */
  webhooks?: boolean;
}

export async function startEmulatedApp(opts: EmulatedAppOptions): Promise<EmulatedApp> {
  const secret = `${opts.name}-app-secret-0123456789`;
  const token = `EAA${opts.name}-access-token`;
  const emu = await startEmulator({ appSecret: secret, accessToken: token, phoneNumberId: opts.phoneNumberId, statuses: opts.statuses ?? 'none', ...(opts.statusDelayMs !== undefined ? { statusDelayMs: opts.statusDelayMs } : {}) });
  const env: Record<string, string> = { REVIVE_WA_APP_SECRET: secret, REVIVE_WA_ACCESS_TOKEN: token, REVIVE_WA_PHONE_NUMBER_ID: opts.phoneNumberId, REVIVE_GRAPH_URL: emu.url };
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const dataDir = tempDir(`revive-${opts.name}-`);
  const config = { dataDir, logLevel: 'silent' as const, backupsEnabled: false };
  if (opts.demo !== false) await createDemoDataDir(config);
  if (opts.prepare) {
    const app = openApp(config);
    try {
      opts.prepare(app);
    } finally {
      app.close();
    }
  }
  const server = await startServer(config);
  if (opts.webhooks) emu.setWebhookUrl(`http://127.0.0.1:${server.publicPort}/webhooks/whatsapp`);

  const admin: EmulatedApp['admin'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${server.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`http://127.0.0.1:${server.adminPort}${path}`, { ...init, headers, body });
  };

  return {
    emu, server, dataDir, secret, token, phoneNumberId: opts.phoneNumberId, admin,
    async drained(atLeast = 1) {
      for (;;) {
        await server.services.whatsapp.inbox.idle();
        await server.services.conversations.idle();
        const list = (await (await admin('/api/whatsapp/outbox?limit=100')).json()) as OutboxList;
        if (list.items.some((i) => i.status === 'failed')) throw new Error(`a message failed: ${JSON.stringify(list.items)}`);
        if (list.items.length >= atLeast && list.items.every((i) => i.status === 'sent')) return list;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    sends<T>() {
      return emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && (r.body as { status?: string }).status !== 'read').map((r) => r.body as T);
    },
    async stop() {
      await server.close();
      await emu.stop();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
