import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.js';
import type { WhatsAppConfig } from '../config.js';
import { readReceipt, templateMessage, textMessage } from '../messages/index.js';
import { classify, createGraphClient, GraphApiError } from './index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A bare fake Graph API on port 0: records each request and answers with `reply`. */
async function fakeGraph(reply: (req: Seen) => { status?: number; json?: unknown; raw?: string; type?: string; hang?: boolean }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(s);
      const r = reply(s);
      if (r.hang) return;
      res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'application/json' });
      res.end(r.raw ?? JSON.stringify(r.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}`, seen };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

function config(url: string, over: Partial<WhatsAppConfig> = {}): WhatsAppConfig {
  return { phoneNumberId: '106540352242922', wabaId: '', catalogId: '', graphUrl: url, apiVersion: 'v23.0', accessToken: 'EAAtest-token', appSecret: 's', verifyToken: 'v', ...over };
}

const OK = { messaging_product: 'whatsapp', contacts: [{ input: '919876543210', wa_id: '919876543210' }], messages: [{ id: 'wamid.HBgLOUT' }] };

describe('Graph client: exact requests', () => {
  it('POSTs the message JSON to /<version>/<phone-id>/messages with the bearer token', async () => {
    const g = await fakeGraph(() => ({ json: OK }));
    const client = createGraphClient({ config: () => config(g.url) });
    const body = { ...templateMessage('+919876543210', { name: 'diwali_offer', language: 'en', buttons: [{ type: 'copy_code', code: 'DIWALI10' }] }), biz_opaque_callback_data: 'our-id-1' };
    expect(await client.sendMessage(body)).toEqual({ wamid: 'wamid.HBgLOUT', waId: '919876543210' });
    expect(g.seen).toHaveLength(1);
    const req = g.seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v23.0/106540352242922/messages');
    expect(req.headers.authorization).toBe('Bearer EAAtest-token');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919876543210',
      type: 'template',
      template: { name: 'diwali_offer', language: { code: 'en' }, components: [{ type: 'button', index: '0', sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: 'DIWALI10' }] }] },
      biz_opaque_callback_data: 'our-id-1',
    });
  });

  it('reads the configuration on every call', async () => {
    const g = await fakeGraph(() => ({ json: OK }));
    let cfg = config(g.url);
    const client = createGraphClient({ config: () => cfg });
    await client.sendMessage(textMessage('919876543210', 'one'));
    cfg = config(g.url, { phoneNumberId: '999999999999', apiVersion: 'v24.0', accessToken: 'EAAnew' });
    await client.sendMessage(textMessage('919876543210', 'two'));
    expect(g.seen[1]!.url).toBe('/v24.0/999999999999/messages');
    expect(g.seen[1]!.headers.authorization).toBe('Bearer EAAnew');
  });

  it('marks read with the typing indicator', async () => {
    const g = await fakeGraph(() => ({ json: { success: true } }));
    await createGraphClient({ config: () => config(g.url) }).markRead(readReceipt('wamid.IN1', { typing: true }));
    expect(g.seen[0]!.url).toBe('/v23.0/106540352242922/messages');
    expect(JSON.parse(g.seen[0]!.body.toString())).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1', typing_indicator: { type: 'text' } });
  });

  it('uploads media as multipart with messaging_product, type and the file', async () => {
    const g = await fakeGraph(() => ({ json: { id: '1037543291543636' } }));
    const client = createGraphClient({ config: () => config(g.url) });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(await client.uploadMedia({ data: png, mimeType: 'image/png', filename: 'ring.png' })).toEqual({ id: '1037543291543636' });
    const req = g.seen[0]!;
    expect(req.url).toBe('/v23.0/106540352242922/media');
    expect(req.headers.authorization).toBe('Bearer EAAtest-token');
    const form = await new Response(req.body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    expect(form.get('messaging_product')).toBe('whatsapp');
    expect(form.get('type')).toBe('image/png');
    const file = form.get('file') as File;
    expect(file.name).toBe('ring.png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(png);
  });

  it('gets a media URL, then downloads it with the token', async () => {
    let base = '';
    const g = await fakeGraph((req) =>
      req.url.startsWith('/v23.0/')
        ? { json: { messaging_product: 'whatsapp', url: `${base}/dl/abc`, mime_type: 'image/jpeg', sha256: 'f00', file_size: '5', id: '555' } }
        : { raw: 'hello', type: 'image/jpeg' },
    );
    base = g.url;
    const client = createGraphClient({ config: () => config(g.url) });
    const info = await client.getMedia('555');
    expect(g.seen[0]!.url).toBe('/v23.0/555?phone_number_id=106540352242922');
    expect(info).toEqual({ id: '555', url: `${g.url}/dl/abc`, mimeType: 'image/jpeg', sha256: 'f00', fileSize: 5 });
    const file = await client.downloadMedia(info.url);
    expect(file.data.toString()).toBe('hello');
    expect(g.seen[1]!.headers.authorization).toBe('Bearer EAAtest-token');
  });

  it('says what is missing when WhatsApp is not connected, without calling anything', async () => {
    const g = await fakeGraph(() => ({ json: OK }));
    const client = createGraphClient({ config: () => config(g.url, { accessToken: undefined, phoneNumberId: '' }) });
    expect(client.isConfigured()).toBe(false);
    await expect(client.sendMessage(textMessage('919876543210', 'x'))).rejects.toThrow(DomainError);
    await expect(client.sendMessage(textMessage('919876543210', 'x'))).rejects.toThrow(/access token and phone number id are missing/);
    expect(g.seen).toHaveLength(0);
  });
});

describe('Graph client: errors', () => {
  it('parses Meta’s error body into a typed GraphApiError', async () => {
    const g = await fakeGraph(() => ({
      status: 400,
      json: { error: { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, error_subcode: 2494010, error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours have passed' }, fbtrace_id: 'AbC123' } },
    }));
    const err = await createGraphClient({ config: () => config(g.url) })
      .sendMessage(textMessage('919876543210', 'x'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphApiError);
    const e = err as GraphApiError;
    expect({ http: e.httpStatus, code: e.code, sub: e.subcode, type: e.type, details: e.details, trace: e.fbtraceId, kind: e.kind, needsTemplate: e.needsTemplate }).toEqual({
      http: 400, code: 131047, sub: 2494010, type: 'OAuthException', details: 'More than 24 hours have passed', trace: 'AbC123', kind: 'permanent', needsTemplate: true,
    });
    expect(e.describe()).toMatch(/send an approved template/);
  });

  it('classifies codes the way the outbox needs', () => {
    const c = (http: number, code: number | null) => classify(http, code);
    expect(c(400, 130429)).toEqual({ kind: 'retryable', scope: 'global' });
    expect(c(429, null)).toEqual({ kind: 'retryable', scope: 'global' });
    expect(c(400, 131056)).toEqual({ kind: 'retryable', scope: 'recipient' });
    expect(c(500, 131000)).toEqual({ kind: 'retryable', scope: 'message' });
    expect(c(503, null)).toEqual({ kind: 'retryable', scope: 'message' });
    expect(c(502, 2)).toEqual({ kind: 'retryable', scope: 'message' });
    for (const code of [131047, 131026, 131048, 368, 100, 131009]) expect(c(400, code)).toEqual({ kind: 'permanent', scope: 'message' });
    expect(c(401, 190)).toEqual({ kind: 'permanent', scope: 'account' });
  });

  it('a non-JSON error page still becomes a GraphApiError with its status', async () => {
    const g = await fakeGraph(() => ({ status: 502, raw: '<html>Bad gateway</html>', type: 'text/html' }));
    const e = (await createGraphClient({ config: () => config(g.url) }).sendMessage(textMessage('919876543210', 'x')).catch((x: unknown) => x)) as GraphApiError;
    expect(e).toBeInstanceOf(GraphApiError);
    expect(e.httpStatus).toBe(502);
    expect(e.kind).toBe('retryable');
  });

  it('a refused connection never reached Meta: retryable; a timeout may have: ambiguous', async () => {
    const g = await fakeGraph(() => ({ hang: true }));
    const closed = await fakeGraph(() => ({ json: OK }));
    const gone = servers.pop()!;
    gone.closeAllConnections();
    await new Promise((r) => gone.close(r));
    const refused = (await createGraphClient({ config: () => config(closed.url) }).sendMessage(textMessage('919876543210', 'x')).catch((x: unknown) => x)) as GraphApiError;
    expect(refused.kind).toBe('retryable');
    const timedOut = (await createGraphClient({ config: () => config(g.url), timeoutMs: 200 }).sendMessage(textMessage('919876543210', 'x')).catch((x: unknown) => x)) as GraphApiError;
    expect(timedOut).toBeInstanceOf(GraphApiError);
    expect(timedOut.kind).toBe('ambiguous');
    expect(g.seen).toHaveLength(1);
  });
});
