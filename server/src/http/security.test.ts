import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import { sampleProfile } from '../../../test/helpers/fixtures.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());

/** A raw request, so tests can send any Host header (fetch would not let us). */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function wsStatus(url: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('admin API authentication', () => {
  it('refuses /api without a token with 401 and a JSON error', async () => {
    const res = await fetch(`${s.admin}/api/health`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses a wrong bearer token', async () => {
    const res = await fetch(`${s.admin}/api/health`, { headers: { authorization: 'Bearer not-the-token-at-all-xxxxxxxx' } });
    expect(res.status).toBe(401);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const res = await fetch(s.ready.adminUrl, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^revive_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const api = await fetch(`${s.admin}/api/health`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(api.status).toBe(200);
  });

  it('rejects a page URL with a wrong token instead of setting a cookie', async () => {
    const res = await fetch(`${s.admin}/?token=wrong`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('DNS-rebinding guard', () => {
  it('answers 421 to any Host but 127.0.0.1:<port> or localhost:<port>', async () => {
    const auth = { authorization: `Bearer ${s.token}` };
    expect((await raw(s.adminPort, '/api/health', { ...auth, host: 'evil.example' })).status).toBe(421);
    expect((await raw(s.adminPort, '/api/health', { ...auth, host: `127.0.0.1:${s.adminPort + 1}` })).status).toBe(421);
    expect((await raw(s.adminPort, '/', { host: 'revive.attacker.test' })).status).toBe(421);
    expect((await raw(s.adminPort, '/api/health', { ...auth, host: `localhost:${s.adminPort}` })).status).toBe(200);
    expect((await raw(s.adminPort, '/api/health', { ...auth, host: `127.0.0.1:${s.adminPort}` })).status).toBe(200);
  });
});

describe('Origin checks', () => {
  const cookieHeaders = () => ({ cookie: `revive_session=${s.token}`, 'content-type': 'application/json' });

  it('refuses a cookie-authenticated write from a foreign Origin with 403 and changes nothing', async () => {
    const res = await fetch(`${s.admin}/api/settings/store`, {
      method: 'PUT',
      headers: { ...cookieHeaders(), origin: 'http://evil.example' },
      body: JSON.stringify(sampleProfile({ name: 'Hacked' })),
    });
    expect(res.status).toBe(403);
    expect((await s.api('/api/settings/store')).status).toBe(404);
  });

  it('refuses a cookie-authenticated write without Origin, accepts ours', async () => {
    const none = await fetch(`${s.admin}/api/settings/store`, { method: 'PUT', headers: cookieHeaders(), body: JSON.stringify(sampleProfile()) });
    expect(none.status).toBe(403);
    const ours = await fetch(`${s.admin}/api/settings/store`, {
      method: 'PUT',
      headers: { ...cookieHeaders(), origin: s.admin },
      body: JSON.stringify(sampleProfile()),
    });
    expect(ours.status).toBe(200);
  });

  it('refuses a WebSocket upgrade from a foreign Origin, and one without a session', async () => {
    const url = `ws://127.0.0.1:${s.adminPort}/api/live`;
    expect(await wsStatus(url, { cookie: `revive_session=${s.token}`, origin: 'http://evil.example' })).toBe(403);
    expect(await wsStatus(url, { origin: s.admin })).toBe(401);
    expect(await wsStatus(url, { cookie: `revive_session=${s.token}`, origin: s.admin, host: 'evil.example' })).toBe(421);
    expect(await wsStatus(url, { cookie: `revive_session=${s.token}`, origin: s.admin })).toBe('open');
  });
});

describe('limits and errors', () => {
  it('answers 413 to a JSON body over 1 MB', async () => {
    const big = JSON.stringify({ ...sampleProfile(), tagline: 'x'.repeat(1_100_000) });
    const res = await s.api('/api/settings/store', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 415 to a write that is not JSON', async () => {
    const res = await s.api('/api/settings/store', { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
  });

  it('answers JSON 404 for an unknown API path and 400 for broken JSON', async () => {
    const missing = await s.api('/api/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const broken = await s.api('/api/settings/store', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'validation' } });
  });

  it('sends security headers', async () => {
    const res = await s.api('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('public listener', () => {
  it('serves /healthz and answers 404 to every admin path, even with the token', async () => {
    const ok = await fetch(`${s.ready.publicUrl}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    for (const path of ['/api/health', '/api/settings/store', '/api/live', '/', `/?token=${s.token}`]) {
      const res = await fetch(`${s.ready.publicUrl}${path}`, { headers: { authorization: `Bearer ${s.token}`, cookie: `revive_session=${s.token}` } });
      expect(res.status, path).toBe(404);
    }
    expect(await wsStatus(`ws://${s.ready.publicUrl.slice(7)}/api/live`, { authorization: `Bearer ${s.token}` })).not.toBe('open');
  });
});
