import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { OutboxItem, OutboxList, SecretList } from '../contracts/index.js';
import { openApp, startServer, type RunningServer } from '../main.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { CONNECTION_KEY } from './config.js';
import { startEmulator, type Emulator } from './emulator/index.js';
import { textMessage } from './messages/index.js';

const SECRET = 'app-secret-outbound-test';
const TOKEN = 'EAAoutbound-test-token';
const PHONE_ID = '106540352242922';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function server(setup: (app: ReturnType<typeof openApp>) => void) {
  const dataDir = tempDir();
  const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  setup(app);
  app.close();
  const s: RunningServer = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
  cleanup.push(async () => {
    await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const api = async <T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`http://127.0.0.1:${s.adminPort}${path}`, {
      method: init.method ?? (init.json ? 'POST' : 'GET'),
      headers: { authorization: `Bearer ${s.token}`, ...(init.json ? { 'content-type': 'application/json' } : {}) },
      body: init.json ? JSON.stringify(init.json) : undefined,
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  return { s, api };
}

async function connected(): Promise<{ emu: Emulator } & Awaited<ReturnType<typeof server>>> {
  const emu = await startEmulator({ appSecret: SECRET, accessToken: TOKEN, phoneNumberId: PHONE_ID, statusDelayMs: 5, webhookRetry: { baseMs: 50, maxMs: 200 } });
  cleanup.push(() => emu.stop());
  const srv = await server((app) => {
    app.settings.setValue(CONNECTION_KEY, { phoneNumberId: PHONE_ID, graphUrl: emu.url, apiVersion: 'v23.0' });
    app.settings.setSecret('whatsapp.accessToken', TOKEN);
    app.settings.setSecret('whatsapp.appSecret', SECRET);
  });
  emu.setWebhookUrl(`http://127.0.0.1:${srv.s.publicPort}/webhooks/whatsapp`);
  return { emu, ...srv };
}

describe('outbound through the real server', () => {
  it('a test message goes through the outbox to the Graph API, and its statuses come back by the signed webhook', async () => {
    const { emu, api } = await connected();
    const queued = await api<OutboxItem>('/api/whatsapp/test-message', { json: { to: '+91 98765 43210'.replace(/ /g, ''), text: 'Hello from Shringar' } });
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ status: 'queued', to: '919876543210', kind: 'text', preview: 'Hello from Shringar' });
    const id = queued.body.id;
    const done = await until('read receipt', async () => {
      const r = await api<OutboxItem>(`/api/whatsapp/outbox/${id}`);
      return r.body.delivery === 'read' && r.body;
    });
    expect(done).toMatchObject({ status: 'sent', delivery: 'read', attempts: 1 });
    const sends = emu.requests.filter((r) => r.path.endsWith('/messages'));
    expect(sends).toHaveLength(1);
    expect(sends[0]!.path).toBe(`/v23.0/${PHONE_ID}/messages`);
    expect(sends[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sends[0]!.body).toEqual({ ...textMessage('+919876543210', 'Hello from Shringar'), biz_opaque_callback_data: id });
    expect(done.wamid).toBe(emu.accepted[0]!.wamid);
    const list = await api<OutboxList>('/api/whatsapp/outbox?status=sent');
    expect(list.body.items.map((i) => i.id)).toEqual([id]);
    expect(list.body.counts.sent).toBe(1);
  });

  it('131047 reported by a failed status marks the message needs_template', async () => {
    const { emu, api } = await connected();
    emu.failNext({ code: 131047, via: 'status' });
    const { body } = await api<OutboxItem>('/api/whatsapp/test-message', { json: { to: '+919876543210', text: 'Are you still looking for bangles?' } });
    const item = await until('needs_template', async () => {
      const r = await api<OutboxItem>(`/api/whatsapp/outbox/${body.id}`);
      return r.body.status === 'needs_template' && r.body;
    });
    expect(item).toMatchObject({ errorCode: 131047, delivery: 'failed' });
    expect(emu.accepted).toHaveLength(1);
  });

  it('reads a number typed the Indian way as +91, not as another country code', async () => {
    const { emu, api } = await connected();
    for (const typed of ['98765 43210', '098765-43210', '919876543210']) {
      const r = await api<OutboxItem>('/api/whatsapp/test-message', { json: { to: typed, text: 'Namaste' } });
      expect(r.status, typed).toBe(200);
      expect(r.body.to, typed).toBe('919876543210');
    }
    await until('three sends', async () => emu.requests.filter((q) => q.path.endsWith('/messages')).length === 3);
  });

  it('refuses a test message to something that is not a phone number', async () => {
    const { api } = await connected();
    const r = await api<{ error: { code: string; message: string } }>('/api/whatsapp/test-message', { json: { to: 'my shop number', text: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/neither a phone number/);
  });
});

describe('demo mode', () => {
  it('runs the real client, webhook and outbox against the in-process emulator, storing no fake secrets', async () => {
    const { api } = await server((app) => app.settings.markDemo());
    const { body } = await api<OutboxItem>('/api/whatsapp/test-message', { json: { to: '+919876543210', text: 'Demo hello' } });
    const item = await until('demo delivery', async () => {
      const r = await api<OutboxItem>(`/api/whatsapp/outbox/${body.id}`);
      return r.body.delivery === 'read' && r.body;
    });
    expect(item.wamid).toMatch(/^wamid\./);
    const secrets = await api<SecretList>('/api/settings/secrets');
    expect(secrets.body.secrets.filter((s) => s.name.startsWith('whatsapp.')).every((s) => !s.set)).toBe(true);
  });

  it('an empty (non-demo) store without a connection keeps messages queued', async () => {
    const { api } = await server(() => {});
    const { body } = await api<OutboxItem>('/api/whatsapp/test-message', { json: { to: '+919876543210', text: 'x' } });
    await new Promise((r) => setTimeout(r, 300));
    expect((await api<OutboxItem>(`/api/whatsapp/outbox/${body.id}`)).body.status).toBe('queued');
  });
});
