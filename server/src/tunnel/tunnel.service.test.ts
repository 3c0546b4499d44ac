import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import express from 'express';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestTunnelServer, type TestTunnelServer } from '../../../test/helpers/localtunnel-server.js';
import { sampleProfile } from '../../../test/helpers/fixtures.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { LiveMessage } from '../contracts/index.js';
import { closeServer, createPublicApp, listenLoopback } from '../http/index.js';
import { openCore, type Core } from '../main.js';
import { createTunnelService, type TunnelService } from './tunnel.service.js';

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('tunnel service against a localtunnel-protocol server', () => {
  let dir: string;
  let core: Core;
  let pub: Awaited<ReturnType<typeof listenLoopback>>;
  let lt: TestTunnelServer;
  let tunnel: TunnelService;
  let messages: LiveMessage[];
  let envToken: string | undefined;

  const states = () => messages.flatMap((m) => (m.type === 'tunnel.state' ? [m.state] : []));
  const idOf = (url: string | null) => new URL(url ?? 'https://none').hostname.split('.')[0] ?? '';

  beforeEach(async () => {
    dir = tempDir();
    core = openCore({ dataDir: dir, logLevel: 'silent' });
    core.settings.saveStoreProfile(sampleProfile({ name: 'Shringar Jewellers' }));
    messages = [];
    core.bus.subscribe((m) => messages.push(m));
    const echo = express.Router().post('/echo', express.raw({ type: '*/*' }), (req, res) => {
      res.send(createHash('sha256').update(req.body as Buffer).digest('hex'));
    });
    pub = await listenLoopback(createPublicApp({ log: core.log, routers: [echo] }), 0);
    lt = await startTestTunnelServer();
    envToken = undefined;
    tunnel = createTunnelService({
      settings: core.settings,
      bus: core.bus,
      log: core.log,
      webhookPath: '/webhooks/whatsapp',
      verifyToken: () => envToken ?? core.settings.readSecret('whatsapp.verifyToken'),
      env: { REVIVE_TUNNEL_HOST: lt.host },
      backoff: { initialMs: 40, maxMs: 400 },
      timings: { connectTimeoutMs: 5_000, emptyGraceMs: 2_000 },
    });
    tunnel.attach(pub.port);
  });

  afterEach(async () => {
    tunnel.stop();
    await lt.close();
    await closeServer(pub.server);
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('comes up on a stable subdomain made from the store name, and carries requests to the public listener', async () => {
    expect(tunnel.status().state).toBe('off');
    expect(tunnel.start().state).toBe('starting');
    await waitFor(() => tunnel.status().state === 'up', 'up');

    const s = tunnel.status();
    expect(s.subdomain).toMatch(/^shringar-jewellers-[a-z0-9]{6}$/);
    expect(s.url).toBe(`https://${s.subdomain}.lt.test`);
    expect(s.webhookUrl).toBe(`https://${s.subdomain}.lt.test/webhooks/whatsapp`);
    expect(s).toMatchObject({ host: lt.host, hostFromEnv: true, lastError: null, reconnects: 0, urlChangedAt: null });
    expect(lt.registrations).toEqual([s.subdomain]);

    const health = await lt.publicRequest(idOf(s.url), '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect(tunnel.publicUrl('/media/products/a.png')).toBe(`${s.url}/media/products/a.png`);
  });

  it('delivers a body byte for byte even when the first piece on a socket ends inside a UTF-8 character', async () => {
    tunnel.start();
    await waitFor(() => tunnel.status().state === 'up' && lt.socketCount() === 2, 'up with both sockets');
    const body = Buffer.from(JSON.stringify({ text: 'सोने की चेन 1 लाख तक '.repeat(20) }));
    const head = Buffer.from(`POST /echo HTTP/1.1\r\nHost: x.lt.test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    const cut = body.indexOf(Buffer.from('स')) + 1; // inside the three bytes of स
    const response = await lt.rawRequest(idOf(tunnel.status().url), [Buffer.concat([head, body.subarray(0, cut)]), body.subarray(cut)]);
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain(createHash('sha256').update(body).digest('hex'));
  });

  it('stays up when the server closes its sockets but keeps the port: the client reopens them', async () => {
    tunnel.start();
    await waitFor(() => tunnel.status().state === 'up' && lt.socketCount() === 2, 'up with both sockets');
    const url = tunnel.status().url;
    lt.kickSockets();
    await waitFor(() => lt.socketCount() === 2, 'sockets reopened');
    expect((await lt.publicRequest(idOf(url), '/healthz')).status).toBe(200);
    expect(tunnel.status()).toMatchObject({ state: 'up', url, reconnects: 0 });
    expect(states()).not.toContain('reconnecting');
  });

  it('reconnects when the server drops the client, and announces the new URL when the subdomain was not free', async () => {
    tunnel.start();
    await waitFor(() => tunnel.status().state === 'up', 'up');
    const first = tunnel.status().url;

    await lt.dropAll({ retire: true });
    await waitFor(() => tunnel.status().reconnects === 1 && tunnel.status().state === 'up', 'back up');

    const s = tunnel.status();
    expect(states()).toEqual(['starting', 'up', 'reconnecting', 'up']);
    expect(s.url).not.toBe(first);
    expect(s.previousUrl).toBe(first);
    expect(s.urlChangedAt).not.toBeNull();
    const changed = messages.filter((m) => m.type === 'tunnel.changed');
    expect(changed).toEqual([{ type: 'tunnel.changed', time: expect.any(String), url: s.url, webhookUrl: `${s.url}/webhooks/whatsapp`, previousUrl: first }]);
    expect((await lt.publicRequest(idOf(s.url), '/healthz')).status).toBe(200);
    expect((await lt.publicRequest(idOf(first), '/healthz')).status).toBe(404);
  });

  it('keeps the URL (and says nothing) when the same subdomain is granted again', async () => {
    tunnel.start();
    await waitFor(() => tunnel.status().state === 'up', 'up');
    const first = tunnel.status().url;
    await lt.dropAll();
    await waitFor(() => tunnel.status().reconnects === 1 && tunnel.status().state === 'up', 'back up');
    expect(tunnel.status()).toMatchObject({ url: first, urlChangedAt: null });
    expect(messages.some((m) => m.type === 'tunnel.changed')).toBe(false);
  });

  it('survives the tunnel server going away (connections refused), backs off with the error shown, and recovers', async () => {
    tunnel.start();
    await waitFor(() => tunnel.status().state === 'up', 'up');
    await lt.goDown();
    // Refused sockets make the library emit 'error' (which crashes a process with no listener),
    // then every registration is refused too.
    await waitFor(() => tunnel.status().state === 'error', 'error');
    const down = tunnel.status();
    expect(down.url).toBeNull();
    expect(down.lastError).toMatch(/refused/);
    expect(down.nextRetryAt).not.toBeNull();
    expect(states().slice(0, 4)).toEqual(['starting', 'up', 'reconnecting', 'error']);
    await waitFor(() => tunnel.status().nextRetryAt !== down.nextRetryAt, 'a further retry');
    expect(tunnel.status().state).toBe('error');

    await lt.resume();
    await waitFor(() => tunnel.status().state === 'up', 'up again');
    expect(tunnel.status()).toMatchObject({ lastError: null, reconnects: 1 });
  });

  it('reports an unreachable server as an error from the start and keeps retrying', async () => {
    await lt.goDown();
    tunnel.start();
    await waitFor(() => tunnel.status().state === 'error', 'error');
    expect(tunnel.status().lastError).toMatch(/refused the connection/);
    await lt.resume();
    await waitFor(() => tunnel.status().state === 'up', 'up after the server returned');
  });

  it('stop() closes every socket and cancels retries and a registration in flight', async () => {
    tunnel.start();
    await waitFor(() => lt.socketCount() === 2, 'sockets open');
    tunnel.stop();
    expect(tunnel.status()).toMatchObject({ state: 'off', url: null, webhookUrl: null, nextRetryAt: null, lastError: null });
    await waitFor(() => lt.socketCount() === 0, 'sockets closed');

    // A server that accepts and never answers: stop() must abort the hanging registration.
    const held: Socket[] = [];
    let closedByClient = false;
    const hang = createServer((s) => {
      held.push(s);
      s.resume();
      s.on('close', () => (closedByClient = true));
    });
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const hanging = createTunnelService({
      settings: core.settings, bus: core.bus, log: core.log, webhookPath: '/webhooks/whatsapp', verifyToken: () => undefined,
      env: { REVIVE_TUNNEL_HOST: `http://127.0.0.1:${(hang.address() as AddressInfo).port}` },
    });
    hanging.attach(pub.port);
    hanging.start();
    await waitFor(() => held.length === 1, 'registration sent');
    hanging.stop();
    await waitFor(() => closedByClient, 'registration socket closed');
    await new Promise<void>((r) => hang.close(() => r()));

    // …and nothing comes back later: no retry registers again.
    const count = lt.registrations.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(lt.registrations.length).toBe(count);
  });

  it('cannot start before the server has given it the public port', () => {
    const detached = createTunnelService({ settings: core.settings, bus: core.bus, log: core.log, webhookPath: '/webhooks/whatsapp', verifyToken: () => undefined });
    expect(() => detached.start()).toThrow(/only while the server is running/);
  });

  it('rotates the verify token, showing it once and only its hint afterwards; refuses when the environment sets it', () => {
    expect(tunnel.status().verifyToken).toEqual({ set: false, hint: null, source: null });
    const { value, verifyToken } = tunnel.rotateVerifyToken();
    expect(value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(verifyToken).toEqual({ set: true, hint: `••••${value.slice(-4)}`, source: 'settings' });
    expect(core.settings.readSecret('whatsapp.verifyToken')).toBe(value);
    expect(JSON.stringify(tunnel.status())).not.toContain(value);
    expect(tunnel.rotateVerifyToken().value).not.toBe(value);

    envToken = 'from-the-environment-1234';
    expect(tunnel.status().verifyToken).toEqual({ set: true, hint: '••••1234', source: 'env' });
    expect(() => tunnel.rotateVerifyToken()).toThrow(/REVIVE_WA_VERIFY_TOKEN/);
  });
});
