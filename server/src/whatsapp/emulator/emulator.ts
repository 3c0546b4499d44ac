import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { registerCatalog } from './catalog.js';
import { metaError, type Injection } from './errors.js';
import { validateSendBody } from './validate.js';
import { registerTemplates } from './templates.js';
import { createWebhookSender, envelope, inboundValue, newWamid, statusValue, type DeliveryRecord, type Identity, type InboundInput, type RetryPolicy } from './webhooks.js';

export interface EmulatorOptions {
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  /** Where status webhooks and the shopper's messages go (the app's public `/webhooks/whatsapp`). */
  webhookUrl?: string;
  wabaId?: string;
  displayPhoneNumber?: string;
  /** How far automatic statuses go after an accepted send; `none` sends no status webhooks. */
  statuses?: 'none' | 'sent' | 'delivered' | 'read';
  /** Pause between sent → delivered → read. */
  statusDelayMs?: number;
  webhookRetry?: Partial<RetryPolicy>;
  port?: number;
}

/** Every request the emulator received, for tests that assert exact bodies. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, or for uploads `{ fields, file }`; the raw text when it was not JSON. */
  body: unknown;
  /** What the emulator answered. */
  status: number;
}

export interface Emulator {
  url: string;
  identity: Identity;
  requests: RecordedRequest[];
  /** Webhooks posted to the app (statuses and shopper messages), with their outcome. */
  deliveries: DeliveryRecord[];
  /** Accepted outbound messages: the wamid given and the body sent. */
  accepted: { wamid: string; body: Record<string, unknown> }[];
  /** Make the next matching send(s) fail or be slow; see `Injection`. */
  failNext(injection: Injection): void;
  /** The shopper writes: a correctly signed Meta-shaped webhook to the app. */
  sendInbound(input: InboundInput): Promise<{ wamid: string; delivery: DeliveryRecord }>;
  /** Puts a file in the emulator's media store (as if a shopper had sent it); returns its id. */
  addMedia(data: Buffer, mimeType: string): string;
  setWebhookUrl(url: string | undefined): void;
  /** Resolves when every status webhook scheduled so far has been delivered or given up. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

interface StoredMedia {
  data: Buffer;
  mimeType: string;
  sha256: string;
}

/**
 * A local stand-in for the Graph API endpoints the client uses, with Meta's validation, error
 * shapes and status webhooks, plus the shopper's side. Used by demo mode and by tests.
 */
export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const identity: Identity = { wabaId: opts.wabaId ?? '100000000000001', phoneNumberId: opts.phoneNumberId, displayPhoneNumber: opts.displayPhoneNumber ?? '15550000000' };
  const retry: RetryPolicy = { attempts: 12, baseMs: 100, maxMs: 2000, ...opts.webhookRetry };
  let webhookUrl = opts.webhookUrl;
  let stopped = false;
  const requests: RecordedRequest[] = [];
  const accepted: Emulator['accepted'] = [];
  const injections: (Injection & { left: number })[] = [];
  const media = new Map<string, StoredMedia>();
  const pending = new Set<Promise<unknown>>();
  const sender = createWebhookSender({ appSecret: opts.appSecret, url: () => webhookUrl, retry, stopped: () => stopped });
  let url = '';

  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

  function record(req: Request, body: unknown, status: number): void {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    requests.push({ method: req.method, path: req.originalUrl, headers, body, status });
  }

  function reply(res: Response, status: number, body: unknown, delayMs = 0): void {
    if (delayMs > 0) {
      setTimeout(() => {
        if (!res.destroyed) res.status(status).json(body);
      }, delayMs).unref();
    } else res.status(status).json(body);
  }

  function authorised(req: Request): boolean {
    return req.headers.authorization === `Bearer ${opts.accessToken}`;
  }

  function takeInjection(to: string | undefined): Injection | null {
    const i = injections.findIndex((x) => x.left > 0 && (x.to === undefined || x.to.replace(/^\+/, '') === to));
    if (i < 0) return null;
    const inj = injections[i] as Injection & { left: number };
    inj.left -= 1;
    if (inj.left === 0) injections.splice(i, 1);
    return inj;
  }

  async function deliverStatuses(wamid: string, body: Record<string, unknown>, inj: Injection | null): Promise<void> {
    const failure = inj?.via === 'status' ? inj : null;
    const recipientId = String(body.to ?? body.recipient ?? '');
    const biz = typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined;
    const base = { wamid, recipientId, bizOpaqueCallbackData: biz };
    if (inj?.noStatuses) return;
    if (inj?.statusAfterMs) await sleep(inj.statusAfterMs);
    if (failure) {
      const e = metaError(failure).body.error;
      await sender.post(envelope(identity, statusValue({ ...base, status: 'failed', error: { code: e.code, title: e.message.replace(/^\(#\d+\) /, ''), details: e.error_data?.details ?? e.message } })));
      return;
    }
    const steps = ['sent', 'delivered', 'read'] as const;
    const last = opts.statuses ?? 'read';
    if (last === 'none') return;
    for (const status of steps) {
      const d = await sender.post(envelope(identity, statusValue({ ...base, status })));
      if (!d.ok || status === last || stopped) return;
      await sleep(opts.statusDelayMs ?? 20);
    }
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.raw({ type: () => true, limit: '100mb' }));
  registerTemplates(app, { wabaId: () => identity.wabaId, authorised, record });
  registerCatalog(app, { authorised, record }); // Commerce catalog endpoints + the product-message check (catalog.ts)

  app.post('/:version/:phoneNumberId/messages', (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // stays raw; rejected below
    }
    const answer = (status: number, payload: unknown, delayMs = 0) => {
      record(req, body, status);
      reply(res, status, payload, delayMs);
    };
    const answerError = (i: Parameters<typeof metaError>[0], delayMs = 0) => {
      const e = metaError(i);
      answer(e.status, e.body, delayMs);
    };
    if (!authorised(req)) return answerError({ code: 190 });
    if (req.params.phoneNumberId !== identity.phoneNumberId) {
      return answerError({ code: 100, subcode: 33, message: `Unsupported post request. Object with ID '${req.params.phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.` });
    }
    if (typeof body !== 'object' || body === null) return answerError({ code: 100, details: 'The request body is not valid JSON.' });
    const rejection = validateSendBody(body);
    if (rejection) return answerError(rejection);
    const b = body as Record<string, unknown>;
    if (b.status === 'read') return answer(200, { success: true });

    const to = typeof b.to === 'string' ? b.to.replace(/^\+/, '') : undefined;
    const inj = takeInjection(to ?? (b.recipient as string | undefined));
    if (inj && (inj.code !== undefined || inj.httpStatus !== undefined) && inj.via !== 'status') return answerError(inj, inj.delayMs ?? 0);

    const wamid = newWamid();
    accepted.push({ wamid, body: b });
    if (webhookUrl) void track(deliverStatuses(wamid, b, inj));
    const contacts = to ? [{ input: String(b.to), wa_id: to }] : [{ input: String(b.recipient), user_id: String(b.recipient) }];
    answer(200, { messaging_product: 'whatsapp', contacts, messages: [{ id: wamid, ...(b.type === 'template' ? { message_status: 'accepted' } : {}) }] }, inj?.delayMs ?? 0);
  });

  app.post('/:version/:phoneNumberId/media', async (req, res) => {
    const ct = req.headers['content-type'] ?? '';
    const fail = (i: Parameters<typeof metaError>[0], body: unknown) => {
      const e = metaError(i);
      record(req, body, e.status);
      res.status(e.status).json(e.body);
    };
    if (!authorised(req)) return fail({ code: 190 }, null);
    let form: FormData;
    try {
      form = await new Response(req.body as Buffer, { headers: { 'content-type': ct } }).formData();
    } catch {
      return fail({ code: 100, details: 'Upload must be multipart/form-data.' }, null);
    }
    const file = form.get('file');
    const fields = { messaging_product: form.get('messaging_product'), type: form.get('type') };
    const summary = { fields, file: file instanceof Blob ? { filename: (file as File).name, mimeType: file.type, size: file.size } : null };
    if (fields.messaging_product !== 'whatsapp') return fail({ code: 131008, details: 'The parameter messaging_product is required.' }, summary);
    if (!(file instanceof Blob)) return fail({ code: 131008, details: 'The parameter file is required.' }, summary);
    const data = Buffer.from(await file.arrayBuffer());
    const id = addMedia(data, String(fields.type ?? file.type));
    record(req, summary, 200);
    res.json({ id });
  });

  app.get('/media-download/:mediaId', (req, res) => {
    const m = media.get(String(req.params.mediaId));
    const status = !authorised(req) ? 401 : m ? 200 : 404;
    record(req, null, status);
    if (!m || status !== 200) return res.status(status).end();
    res.type(m.mimeType).send(m.data);
  });

  app.get('/:version/:mediaId', (req, res) => {
    const m = media.get(String(req.params.mediaId));
    const status = !authorised(req) ? 401 : m ? 200 : 400;
    record(req, null, status);
    if (status === 401) return res.status(401).json(metaError({ code: 190 }).body);
    if (!m) return res.status(400).json(metaError({ code: 100, subcode: 33, message: `Unsupported get request. Object with ID '${req.params.mediaId}' does not exist.` }).body);
    res.json({ messaging_product: 'whatsapp', url: `${url}/media-download/${req.params.mediaId}`, mime_type: m.mimeType, sha256: m.sha256, file_size: m.data.length, id: req.params.mediaId });
  });

  app.use((req, res) => {
    record(req, null, 400);
    res.status(400).json(metaError({ code: 100, message: `Unknown path components: ${req.path}` }).body);
  });

  function addMedia(data: Buffer, mimeType: string): string {
    const id = String(1_000_000_000_000 + media.size + Math.floor(Math.random() * 1_000_000) * 1000);
    media.set(id, { data, mimeType, sha256: createHash('sha256').update(data).digest('hex') });
    return id;
  }

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  return {
    url,
    identity,
    requests,
    accepted,
    deliveries: sender.deliveries,
    failNext(injection) {
      injections.push({ ...injection, left: injection.times ?? 1 });
    },
    async sendInbound(input) {
      const wamid = input.id ?? `wamid.${randomBytes(18).toString('base64url')}`;
      const delivery = await track(sender.post(envelope(identity, inboundValue(input, wamid))));
      return { wamid, delivery };
    },
    addMedia,
    setWebhookUrl(u) {
      webhookUrl = u;
    },
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    async stop() {
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
