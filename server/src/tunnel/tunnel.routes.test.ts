import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestTunnelServer, type TestTunnelServer } from '../../../test/helpers/localtunnel-server.js';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import { TunnelStatusSchema, VerifyTokenRotatedSchema, type TunnelStatus } from '../contracts/index.js';
import { startServer } from '../main.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tunnel API and exposure through the real server', () => {
  let server: TempServer;
  let lt: TestTunnelServer;

  const status = async (): Promise<TunnelStatus> => TunnelStatusSchema.parse(await (await server.api('/api/tunnel')).json());
  const whenUp = () => waitFor(status, (s) => s.state === 'up', 'the tunnel to come up');
  const idOf = (s: TunnelStatus) => new URL(s.url ?? '').hostname.split('.')[0] ?? '';

  beforeEach(async () => {
    lt = await startTestTunnelServer();
    server = await startTempServer();
  });
  afterEach(async () => {
    await server.stop();
    await lt.close();
  });

  it('is off until switched on, and validates its settings', async () => {
    const s = await status();
    expect(s).toMatchObject({ state: 'off', enabled: false, url: null, webhookUrl: null, host: 'https://localtunnel.me', hostFromEnv: false, verifyToken: { set: false } });
    expect(lt.registrations).toEqual([]);

    const bad = await server.api('/api/tunnel/settings', { method: 'PUT', json: { enabled: true, host: 'ftp://example.com' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.host).toMatch(/web address/);
    expect((await status()).enabled).toBe(false);
  });

  it('exposes the public listener only: /healthz and product images answer, the admin API is 404 even with the token', async () => {
    const put = await server.api('/api/tunnel/settings', { method: 'PUT', json: { enabled: true, host: lt.host } });
    expect(put.status).toBe(200);
    expect(TunnelStatusSchema.parse(await put.json())).toMatchObject({ enabled: true, host: lt.host });
    const s = await whenUp();
    expect(s.webhookUrl).toBe(`${s.url}/webhooks/whatsapp`);
    const id = idOf(s);

    expect((await lt.publicRequest(id, '/healthz')).status).toBe(200);
    const bearer = { authorization: `Bearer ${server.token}` };
    for (const path of ['/api/health', '/api/tunnel', '/api/settings/secrets', '/', `/?token=${server.token}`]) {
      const res = await lt.publicRequest(id, path, bearer);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(server.token);
    }
    // The same request on the admin port works, so the 404 above is the tunnel's doing.
    expect((await server.api('/api/health')).status).toBe(200);

    mkdirSync(join(server.dataDir, 'media', 'products'), { recursive: true });
    writeFileSync(join(server.dataDir, 'media', 'products', 'SJ-RNG-0001.png'), PNG);
    const img = await lt.publicRequest(id, '/media/products/SJ-RNG-0001.png');
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['cache-control']).toBe('public, max-age=300');
  });

  it('gives what the Meta dashboard needs: its verification handshake succeeds through the tunnel with the rotated token', async () => {
    const { value } = VerifyTokenRotatedSchema.parse(await (await server.api('/api/tunnel/verify-token/rotate', { method: 'POST' })).json());
    await server.api('/api/tunnel/settings', { method: 'PUT', json: { enabled: true, host: lt.host } });
    const s = await whenUp();
    const path = new URL(s.webhookUrl ?? '').pathname;
    const ok = await lt.publicRequest(idOf(s), `${path}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(value)}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('1158201444');
    expect((await lt.publicRequest(idOf(s), `${path}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status).toBe(403);
  });

  it('stops and starts on request, and switching it off stops it', async () => {
    await server.api('/api/tunnel/settings', { method: 'PUT', json: { enabled: true, host: lt.host } });
    const first = await whenUp();

    const stopped = TunnelStatusSchema.parse(await (await server.api('/api/tunnel/stop', { method: 'POST' })).json());
    expect(stopped).toMatchObject({ state: 'off', url: null, enabled: true });
    await waitFor(async () => lt.socketCount(), (n) => n === 0, 'the sockets to close');

    expect((await server.api('/api/tunnel/start', { method: 'POST' })).status).toBe(200);
    const again = await whenUp();
    expect(again.subdomain).toBe(first.subdomain);

    const off = TunnelStatusSchema.parse(await (await server.api('/api/tunnel/settings', { method: 'PUT', json: { enabled: false } })).json());
    expect(off).toMatchObject({ state: 'off', enabled: false });
    await waitFor(async () => lt.socketCount(), (n) => n === 0, 'the sockets to close');
  });

  it('rotates the verify token: the value once, then only its hint', async () => {
    const res = await server.api('/api/tunnel/verify-token/rotate', { method: 'POST' });
    expect(res.status).toBe(200);
    const { value, verifyToken } = VerifyTokenRotatedSchema.parse(await res.json());
    expect(verifyToken).toEqual({ set: true, hint: `••••${value.slice(-4)}`, source: 'settings' });

    const s = await server.api('/api/tunnel');
    const secrets = await server.api('/api/settings/secrets');
    expect(await s.text()).not.toContain(value);
    const list = (await secrets.json()) as { secrets: Array<{ name: string; set: boolean; hint: string }> };
    expect(list.secrets.find((x) => x.name === 'whatsapp.verifyToken')).toMatchObject({ set: true, hint: verifyToken.hint });
  });
});

describe('tunnel auto-start', () => {
  it('starts with the server when switched on, asking for the same subdomain', async () => {
    const lt = await startTestTunnelServer();
    const first = await startTempServer();
    const dataDir = first.dataDir;
    try {
      await first.api('/api/tunnel/settings', { method: 'PUT', json: { enabled: true, host: lt.host } });
      const before = await waitFor(async () => TunnelStatusSchema.parse(await (await first.api('/api/tunnel')).json()), (s) => s.state === 'up', 'up');
      await first.close();
      await waitFor(async () => lt.clientIds(), (ids) => ids.length === 0, 'the old session to be released');

      const second = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
      try {
        const api = (path: string) => fetch(`http://127.0.0.1:${second.adminPort}${path}`, { headers: { authorization: `Bearer ${second.token}` } });
        const after = await waitFor(async () => TunnelStatusSchema.parse(await (await api('/api/tunnel')).json()), (s) => s.state === 'up', 'up after restart');
        expect(after.url).toBe(before.url);
        expect(after.urlChangedAt).toBeNull();
        expect(lt.registrations).toEqual([before.subdomain, before.subdomain]);
      } finally {
        await second.close();
      }
    } finally {
      await lt.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
