import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem, SecretList, VerifyTokenRotated, WhatsAppConnectionStatus } from '../../contracts/index.js';
import { openApp, startServer } from '../../main.js';
import { startTempServer, tempDir, type TempServer } from '../../../../test/helpers/temp-server.js';

const PHONE_ID = '106540352242922';
const WABA_ID = '102290129340398';

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function until<T>(what: string, fn: () => Promise<T | false | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A Graph API that accepts every message and records what it was sent. */
async function fakeGraph() {
  const requests: { method: string; path: string; authorization: string | undefined; body: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as { to?: string }) : null;
      requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body?.to, wa_id: body?.to }], messages: [{ id: `wamid.FAKE${requests.length}` }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('Settings → WhatsApp connection through the real server', () => {
  let server: TempServer;
  beforeAll(async () => {
    server = await startTempServer();
  });
  afterAll(() => server.stop());

  const get = async () => json<WhatsAppConnectionStatus>(await server.api('/api/whatsapp/connection'));

  it('starts not configured, with nothing overridden and no secret set', async () => {
    const s = await get();
    expect(s).toMatchObject({
      mode: 'not-configured',
      restartNeeded: false,
      overrides: [],
      missing: ['phoneNumberId', 'accessToken', 'appSecret', 'verifyToken'],
      stored: { phoneNumberId: '', wabaId: '', catalogId: '', graphUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' },
    });
    expect(s.secrets.accessToken).toEqual({ set: false, hint: null, source: null, updatedAt: null });
  });

  it('refuses bad ids with a message per field and keeps what was saved', async () => {
    const res = await server.api('/api/whatsapp/connection', { method: 'PUT', json: { phoneNumberId: '12ab', wabaId: WABA_ID, apiVersion: '23' } });
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; fields: Record<string, string> } }>(res);
    expect(body.error.code).toBe('validation');
    expect(body.error.fields).toEqual({ phoneNumberId: 'The phone number id is a long number from Meta’s dashboard', apiVersion: 'Like v23.0' });
    expect((await get()).stored.wabaId).toBe('');
  });

  it('saves the ids (trimmed), then the secrets make it a Cloud API connection', async () => {
    const res = await server.api('/api/whatsapp/connection', { method: 'PUT', json: { phoneNumberId: ` ${PHONE_ID} `, wabaId: WABA_ID, catalogId: '' } });
    expect(res.status).toBe(200);
    const saved = await json<WhatsAppConnectionStatus>(res);
    expect(saved.stored).toEqual({ phoneNumberId: PHONE_ID, wabaId: WABA_ID, catalogId: '', graphUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' });
    expect(saved.effective.phoneNumberId).toBe(PHONE_ID);
    expect(saved).toMatchObject({ mode: 'not-configured', missing: ['accessToken', 'appSecret', 'verifyToken'] });

    await server.api('/api/settings/secrets/whatsapp.accessToken', { method: 'PUT', json: { value: 'EAAGm0PX4ZCpsBAwxyz1234' } });
    await server.api('/api/settings/secrets/whatsapp.appSecret', { method: 'PUT', json: { value: '0123456789abcdef0123456789ab9876' } });
    const raw = await (await server.api('/api/whatsapp/connection')).text();
    expect(raw).not.toContain('EAAGm0PX4ZCpsBAwxyz1234');
    expect(raw).not.toContain('0123456789abcdef0123456789ab9876');
    const s = JSON.parse(raw) as WhatsAppConnectionStatus;
    expect(s.secrets.accessToken).toMatchObject({ set: true, hint: '••••1234', source: 'settings' });
    expect(s.secrets.appSecret).toMatchObject({ set: true, hint: '••••9876', source: 'settings' });
    expect(s).toMatchObject({ mode: 'cloud-api', missing: ['verifyToken'], restartNeeded: false });
  });

  it('a rotated verify token is shown once; afterwards only its hint is listed', async () => {
    const rotated = await json<VerifyTokenRotated>(await server.api('/api/tunnel/verify-token/rotate', { method: 'POST' }));
    expect(rotated.value).toMatch(/^[\w-]{32}$/);
    const raw = await (await server.api('/api/whatsapp/connection')).text();
    expect(raw).not.toContain(rotated.value);
    const s = JSON.parse(raw) as WhatsAppConnectionStatus;
    expect(s.secrets.verifyToken).toMatchObject({ set: true, hint: `••••${rotated.value.slice(-4)}`, source: 'settings' });
    expect(s.missing).toEqual([]);
    const secrets = await (await server.api('/api/settings/secrets')).text();
    expect(secrets).not.toContain(rotated.value);
    expect((JSON.parse(secrets) as SecretList).secrets.find((x) => x.name === 'whatsapp.verifyToken')?.hint).toBe(`••••${rotated.value.slice(-4)}`);
  });
});

describe('environment overrides (headless use) against a fake Graph API', () => {
  const saved = { ...process.env };
  let graph: Awaited<ReturnType<typeof fakeGraph>>;
  let server: TempServer;
  beforeAll(async () => {
    graph = await fakeGraph();
    Object.assign(process.env, {
      REVIVE_GRAPH_URL: graph.url,
      REVIVE_WA_PHONE_NUMBER_ID: '109999999999999',
      REVIVE_WA_ACCESS_TOKEN: 'EAAenv-token-for-tests',
    });
    server = await startTempServer();
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
    for (const key of ['REVIVE_GRAPH_URL', 'REVIVE_WA_PHONE_NUMBER_ID', 'REVIVE_WA_ACCESS_TOKEN']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('shows which settings the environment overrides, and the values in force', async () => {
    await server.api('/api/whatsapp/connection', { method: 'PUT', json: { phoneNumberId: PHONE_ID, wabaId: WABA_ID } });
    const s = await json<WhatsAppConnectionStatus>(await server.api('/api/whatsapp/connection'));
    expect(s.overrides).toEqual([
      { field: 'phoneNumberId', variable: 'REVIVE_WA_PHONE_NUMBER_ID' },
      { field: 'graphUrl', variable: 'REVIVE_GRAPH_URL' },
      { field: 'accessToken', variable: 'REVIVE_WA_ACCESS_TOKEN' },
    ]);
    expect(s.stored.phoneNumberId).toBe(PHONE_ID);
    expect(s.effective).toMatchObject({ phoneNumberId: '109999999999999', graphUrl: graph.url, wabaId: WABA_ID });
    expect(s.secrets.accessToken).toEqual({ set: true, hint: null, source: 'env', updatedAt: null });
    expect(s.mode).toBe('cloud-api');
  });

  it('a test message is queued and sent to that Graph API with the exact body and the bearer token', async () => {
    const res = await server.api('/api/whatsapp/test-message', { method: 'POST', json: { to: '+919876543210' } });
    expect(res.status).toBe(200);
    const queued = await json<OutboxItem>(res);
    expect(queued).toMatchObject({ to: '919876543210', kind: 'text', status: 'queued' });
    const sent = await until('sent', async () => {
      const item = await json<OutboxItem>(await server.api(`/api/whatsapp/outbox/${queued.id}`));
      return item.status === 'sent' && item;
    });
    expect(sent.wamid).toBe('wamid.FAKE1');
    expect(graph.requests).toEqual([
      {
        method: 'POST',
        path: '/v23.0/109999999999999/messages',
        authorization: 'Bearer EAAenv-token-for-tests',
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '919876543210',
          type: 'text',
          text: { preview_url: false, body: 'Hello from Revive 👋 This is a test message.' },
          biz_opaque_callback_data: queued.id,
        },
      },
    ]);
  });
});

describe('demo mode', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('runs the emulator until a real connection is saved, then asks for a restart; test messages still reach the emulator', async () => {
    const dataDir = tempDir();
    const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
    app.settings.markDemo();
    app.close();
    const s = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
    stops.push(async () => {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const api = (path: string, init: { method?: string; json?: unknown } = {}) =>
      fetch(`http://127.0.0.1:${s.adminPort}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${s.token}`, ...(init.json ? { 'content-type': 'application/json' } : {}) },
        body: init.json ? JSON.stringify(init.json) : undefined,
      });

    const before = await json<WhatsAppConnectionStatus>(await api('/api/whatsapp/connection'));
    expect(before).toMatchObject({ mode: 'demo-emulator', restartNeeded: false });
    // the emulator's credentials are never shown as if they were the store's
    expect(before.secrets.accessToken.set).toBe(false);
    expect(before.stored.phoneNumberId).toBe('');

    await api('/api/whatsapp/connection', { method: 'PUT', json: { phoneNumberId: PHONE_ID } });
    const after = await json<WhatsAppConnectionStatus>(await api('/api/whatsapp/connection'));
    expect(after).toMatchObject({ mode: 'demo-emulator', restartNeeded: true });

    const queued = await json<OutboxItem>(await api('/api/whatsapp/test-message', { method: 'POST', json: { to: '+919876543210' } }));
    const done = await until('delivered by the emulator', async () => {
      const item = await json<OutboxItem>(await api(`/api/whatsapp/outbox/${queued.id}`));
      return item.status === 'sent' && item;
    });
    expect(done.wamid).toMatch(/^wamid\./);
  });
});
