import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRoot } from '../../config.js';
import { createGraphClient, GraphApiError } from '../client/index.js';
import type { WhatsAppConfig } from '../config.js';
import {
  catalogMessage, ctaUrlMessage, documentMessage, flowMessage, imageMessage, listMessage, MessageLimitError, productListMessage, productMessage,
  readReceipt, replyButtonsMessage, templateMessage, textMessage, type GraphMessage,
} from '../messages/index.js';
import { startEmulator, validateSendBody, type Emulator, type EmulatorOptions } from './index.js';

const SECRET = 'app-secret-for-tests';
const TOKEN = 'EAAemulator-token';
const PHONE_ID = '106540352242922';
const TO = '919876543210';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function emulator(opts: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  const e = await startEmulator({ appSecret: SECRET, accessToken: TOKEN, phoneNumberId: PHONE_ID, statusDelayMs: 1, webhookRetry: { baseMs: 20, maxMs: 50 }, ...opts });
  running.push(e);
  return e;
}

/** The app's side of the webhook: checks the signature like the real route and records bodies. */
async function receiver(answer: (n: number) => number = () => 200) {
  const got: { body: Record<string, unknown>; signed: boolean }[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const expected = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
      n += 1;
      const status = answer(n);
      if (status === 200) got.push({ body: JSON.parse(raw.toString()) as Record<string, unknown>, signed: req.headers['x-hub-signature-256'] === expected });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  running.push({ stop: () => new Promise<void>((r) => server.close(() => r())) });
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/webhooks/whatsapp`, got, calls: () => n };
}

function clientFor(e: Emulator, over: Partial<WhatsAppConfig> = {}) {
  return createGraphClient({ config: () => ({ phoneNumberId: PHONE_ID, wabaId: '', catalogId: '', graphUrl: e.url, apiVersion: 'v23.0', accessToken: TOKEN, appSecret: SECRET, verifyToken: 'v', ...over }) });
}

const statusesOf = (body: Record<string, unknown>) =>
  ((body.entry as { changes: { value: { statuses?: Record<string, unknown>[] } }[] }[])[0]!.changes[0]!.value.statuses ?? []) as Record<string, unknown>[];

describe('emulator: the Graph API endpoints', () => {
  it('answers a send like Meta and records the exact request', async () => {
    const e = await emulator();
    const body = { ...textMessage(`+${TO}`, 'Namaste 🙏', { previewUrl: true }), biz_opaque_callback_data: 'ob-1' };
    const res = await clientFor(e).sendMessage(body);
    expect(res.wamid).toMatch(/^wamid\./);
    expect(res.waId).toBe(TO);
    expect(e.requests).toHaveLength(1);
    expect(e.requests[0]).toMatchObject({ method: 'POST', path: `/v23.0/${PHONE_ID}/messages`, status: 200, body });
    expect(e.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(e.accepted).toEqual([{ wamid: res.wamid, body }]);
  });

  it('rejects a wrong token with 190/401 and an unknown phone number id with 100', async () => {
    const e = await emulator();
    const bad = (await clientFor(e, { accessToken: 'nope' }).sendMessage(textMessage(TO, 'x')).catch((x: unknown) => x)) as GraphApiError;
    expect(bad).toBeInstanceOf(GraphApiError);
    expect([bad.httpStatus, bad.code, bad.scope]).toEqual([401, 190, 'account']);
    const other = (await clientFor(e, { phoneNumberId: '111111111111' }).sendMessage(textMessage(TO, 'x')).catch((x: unknown) => x)) as GraphApiError;
    expect([other.httpStatus, other.code, other.subcode]).toEqual([400, 100, 33]);
    expect(e.accepted).toHaveLength(0);
  });

  it('marks read (with typing) and answers success', async () => {
    const e = await emulator();
    await clientFor(e).markRead(readReceipt('wamid.IN1', { typing: true }));
    expect(e.requests[0]!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1', typing_indicator: { type: 'text' } });
    expect(e.requests[0]!.status).toBe(200);
  });

  it('stores uploaded media, gives its URL, and serves the bytes to the token holder', async () => {
    const e = await emulator();
    const client = clientFor(e);
    const data = Buffer.from('%PDF-1.4 brochure');
    const { id } = await client.uploadMedia({ data, mimeType: 'application/pdf', filename: 'brochure.pdf' });
    expect(e.requests[0]!.body).toEqual({ fields: { messaging_product: 'whatsapp', type: 'application/pdf' }, file: { filename: 'brochure.pdf', mimeType: 'application/pdf', size: data.length } });
    const info = await client.getMedia(id);
    expect(info).toMatchObject({ id, mimeType: 'application/pdf', fileSize: data.length });
    expect((await client.downloadMedia(info.url)).data).toEqual(data);
    expect((await fetch(info.url)).status).toBe(401);
  });
});

describe('emulator: injected failures', () => {
  it('a 130429 burst fails the next sends, then they go through', async () => {
    const e = await emulator();
    e.failNext({ code: 130429, times: 2 });
    const client = clientFor(e);
    const codes: (number | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await client.sendMessage(textMessage(TO, `try ${i}`)).catch((x: unknown) => x);
      codes.push(r instanceof GraphApiError ? r.code : null);
    }
    expect(codes).toEqual([130429, 130429, null]);
    const err = e.requests[0]!;
    expect(err.status).toBe(400);
  });

  it('targets one recipient, returns 5xx, and can be slow', async () => {
    const e = await emulator();
    e.failNext({ code: 131047, to: '919800000009' });
    e.failNext({ httpStatus: 503 });
    const client = clientFor(e);
    const five = (await client.sendMessage(textMessage(TO, 'a')).catch((x: unknown) => x)) as GraphApiError;
    expect([five.httpStatus, five.kind]).toEqual([503, 'retryable']);
    const closed = (await client.sendMessage(textMessage('919800000009', 'b')).catch((x: unknown) => x)) as GraphApiError;
    expect(closed.needsTemplate).toBe(true);
    e.failNext({ delayMs: 300 });
    const slow = createGraphClient({ config: () => ({ phoneNumberId: PHONE_ID, wabaId: '', catalogId: '', graphUrl: e.url, apiVersion: 'v23.0', accessToken: TOKEN, appSecret: SECRET, verifyToken: 'v' }), timeoutMs: 100 });
    const late = (await slow.sendMessage(textMessage(TO, 'c')).catch((x: unknown) => x)) as GraphApiError;
    expect(late.kind).toBe('ambiguous');
    expect(e.accepted.map((a) => (a.body.text as { body: string }).body)).toEqual(['c']);
  });
});

describe('emulator: status webhooks and the shopper', () => {
  it('posts signed sent → delivered → read statuses carrying biz_opaque_callback_data', async () => {
    const app = await receiver();
    const e = await emulator({ webhookUrl: app.url });
    const { wamid } = await clientFor(e).sendMessage({ ...textMessage(TO, 'x'), biz_opaque_callback_data: 'ob-42' });
    await e.settled();
    expect(app.got.map((g) => g.signed)).toEqual([true, true, true]);
    const statuses = app.got.flatMap((g) => statusesOf(g.body));
    expect(statuses.map((s) => [s.id, s.status, s.recipient_id, s.biz_opaque_callback_data])).toEqual([
      [wamid, 'sent', TO, 'ob-42'],
      [wamid, 'delivered', TO, 'ob-42'],
      [wamid, 'read', TO, 'ob-42'],
    ]);
    expect(app.got[0]!.body).toMatchObject({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_ID } } }] }] });
  });

  it('keeps retrying a webhook the app refused, as Meta does', async () => {
    const app = await receiver((n) => (n < 3 ? 500 : 200));
    const e = await emulator({ webhookUrl: app.url, statuses: 'sent' });
    await clientFor(e).sendMessage(textMessage(TO, 'x'));
    await e.settled();
    expect(app.calls()).toBe(3);
    expect(e.deliveries[0]).toMatchObject({ ok: true, attempts: 3, status: 200 });
  });

  it('reports 131047 the way Meta does in practice: accepted, then a failed status', async () => {
    const app = await receiver();
    const e = await emulator({ webhookUrl: app.url });
    e.failNext({ code: 131047, via: 'status' });
    const { wamid } = await clientFor(e).sendMessage({ ...textMessage(TO, 'x'), biz_opaque_callback_data: 'ob-7' });
    await e.settled();
    const [failed] = app.got.flatMap((g) => statusesOf(g.body));
    expect(failed).toMatchObject({ id: wamid, status: 'failed', biz_opaque_callback_data: 'ob-7', errors: [{ code: 131047, title: 'Re-engagement message' }] });
  });

  it('the shopper side posts Meta-shaped, signed messages: text, button tap, order', async () => {
    const app = await receiver();
    const e = await emulator({ webhookUrl: app.url });
    const text = await e.sendInbound({ from: `+${TO}`, name: 'Asha', text: 'gold bangles under 50k' });
    expect(text.delivery.ok).toBe(true);
    await e.sendInbound({ from: TO, buttonReply: { id: 'visit_yes', title: 'Yes, book it' }, context: { id: 'wamid.OUT1' } });
    await e.sendInbound({ from: TO, order: { catalogId: '354160437058781', items: [{ productRetailerId: 'SJ-BNG-1', quantity: 1, itemPrice: 48500, currency: 'INR' }] } });
    expect(app.got.every((g) => g.signed)).toBe(true);
    const messages = app.got.map((g) => (g.body.entry as { changes: { value: { messages: Record<string, unknown>[]; contacts: unknown[] } }[] }[])[0]!.changes[0]!.value);
    expect(messages[0]!.contacts).toEqual([{ profile: { name: 'Asha' }, wa_id: TO, user_id: `IN.${TO}` }]);
    expect(messages[0]!.messages[0]).toMatchObject({ from: TO, id: text.wamid, type: 'text', text: { body: 'gold bangles under 50k' } });
    expect(messages[1]!.messages[0]).toMatchObject({ type: 'interactive', context: { id: 'wamid.OUT1' }, interactive: { type: 'button_reply', button_reply: { id: 'visit_yes', title: 'Yes, book it' } } });
    expect(messages[2]!.messages[0]).toMatchObject({ type: 'order', order: { catalog_id: '354160437058781', product_items: [{ product_retailer_id: 'SJ-BNG-1', quantity: 1, item_price: 48500, currency: 'INR' }] } });
    // the same shape as Meta's own payloads in the shared fixtures
    const fixture = JSON.parse(readFileSync(join(appRoot(), '..', 'shared', 'fixtures', 'whatsapp', 'updates', 'message.json'), 'utf8')) as Record<string, { entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[] }>;
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(messages[0]!.messages[0]!)).toEqual(keys(fixture.text!.entry[0]!.changes[0]!.value.messages[0]!));
    expect(keys(messages[2]!.messages[0]!.order as object)).toEqual(keys(fixture.order!.entry[0]!.changes[0]!.value.messages[0]!.order as object));
  });
});

describe('emulator validation matches the builders', () => {
  const N = (n: number) => Array.from({ length: n }, (_, i) => i);
  const valid: [string, GraphMessage][] = [
    ['text', textMessage(TO, 'hi', { previewUrl: true })],
    ['buttons', replyButtonsMessage(TO, { body: 'b', header: { text: 'h' }, footer: 'f', buttons: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] })],
    ['list', listMessage(TO, { body: 'b', button: 'Open', sections: [{ title: 'S', rows: [{ id: 'r', title: 'R', description: 'd' }] }] })],
    ['product', productMessage(TO, { catalogId: '1', productRetailerId: 'SKU' })],
    ['product_list', productListMessage(TO, { catalogId: '1', header: 'H', body: 'B', sections: [{ title: 'S', productRetailerIds: ['A', 'B'] }] })],
    ['catalog', catalogMessage(TO, { body: 'B', thumbnailProductRetailerId: 'A' })],
    ['cta_url', ctaUrlMessage(TO, { body: 'B', displayText: 'Go', url: 'https://x.example' })],
    ['flow', flowMessage(TO, { body: 'B', cta: 'Book', flow: { name: 'appointment' }, screen: 'S', token: 't' })],
    ['template', templateMessage(TO, { name: 'offer', language: 'en_US', body: ['A'], buttons: [{ type: 'copy_code', code: 'SAVE10' }, { type: 'phone_number' }, { type: 'url', suffix: 'x' }] })],
    ['image', imageMessage(TO, { link: 'https://x.example/a.png' }, { caption: 'c' })],
    ['document', documentMessage(TO, { id: '123' }, { filename: 'a.pdf' })],
    ['bsuid', textMessage('US.13491208655302741918', 'hi')],
  ];

  it.each(valid)('accepts what the %s builder makes', (_name, body) => {
    expect(validateSendBody({ ...body, biz_opaque_callback_data: 'x'.repeat(512) })).toBeNull();
  });

  type Case = [string, () => unknown, () => unknown, number];
  const buttons = (n: number) => N(n).map((i) => ({ type: 'reply', reply: { id: `b${i}`, title: `B${i}` } }));
  const interactive = (m: GraphMessage) => m.interactive as Record<string, Record<string, unknown>>;
  const with_ = (m: GraphMessage, f: (i: Record<string, Record<string, unknown>>) => void) => {
    const copy = structuredClone(m);
    f(interactive(copy));
    return copy;
  };
  const okButtons = replyButtonsMessage(TO, { body: 'b', buttons: [{ id: 'a', title: 'A' }] });
  const okList = listMessage(TO, { body: 'b', button: 'Open', sections: [{ rows: [{ id: 'r', title: 'R' }] }] });
  const okPl = productListMessage(TO, { catalogId: '1', header: 'H', body: 'B', sections: [{ title: 'S', productRetailerIds: ['A'] }] });
  const cases: Case[] = [
    ['4 buttons', () => replyButtonsMessage(TO, { body: 'b', buttons: N(4).map((i) => ({ id: `b${i}`, title: `B${i}` })) }), () => with_(okButtons, (i) => void (i.action!.buttons = buttons(4))), 131009],
    ['21-char button title', () => replyButtonsMessage(TO, { body: 'b', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }), () => with_(okButtons, (i) => void (i.action!.buttons = [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }])), 131009],
    ['11 list rows', () => listMessage(TO, { body: 'b', button: 'Open', sections: [{ rows: N(11).map((i) => ({ id: `r${i}`, title: 'R' })) }] }), () => with_(okList, (i) => void (i.action!.sections = [{ rows: N(11).map((n) => ({ id: `r${n}`, title: 'R' })) }])), 131009],
    ['25-char row title', () => listMessage(TO, { body: 'b', button: 'Open', sections: [{ rows: [{ id: 'r', title: 'x'.repeat(25) }] }] }), () => with_(okList, (i) => void (i.action!.sections = [{ rows: [{ id: 'r', title: 'x'.repeat(25) }] }])), 131009],
    ['31 products', () => productListMessage(TO, { catalogId: '1', header: 'H', body: 'B', sections: [{ title: 'S', productRetailerIds: N(31).map(String) }] }), () => with_(okPl, (i) => void (i.action!.sections = [{ title: 'S', product_items: N(31).map((n) => ({ product_retailer_id: String(n) })) }])), 131009],
    ['11 sections', () => productListMessage(TO, { catalogId: '1', header: 'H', body: 'B', sections: N(11).map((n) => ({ title: `S${n}`, productRetailerIds: [String(n)] })) }), () => with_(okPl, (i) => void (i.action!.sections = N(11).map((n) => ({ title: `S${n}`, product_items: [{ product_retailer_id: String(n) }] })))), 131009],
    ['product_list without header', () => productListMessage(TO, { catalogId: '1', header: '', body: 'B', sections: [{ title: 'S', productRetailerIds: ['A'] }] }), () => with_(okPl, (i) => void delete i.header), 131008],
    ['body over 1,024', () => replyButtonsMessage(TO, { body: 'x'.repeat(1025), buttons: [{ id: 'a', title: 'A' }] }), () => with_(okButtons, (i) => void (i.body = { text: 'x'.repeat(1025) })), 131009],
    ['text over 4,096', () => textMessage(TO, 'x'.repeat(4097)), () => ({ ...textMessage(TO, 'x'), text: { preview_url: false, body: 'x'.repeat(4097) } }), 131009],
    ['copy code over 15', () => templateMessage(TO, { name: 'o', language: 'en', buttons: [{ type: 'copy_code', code: 'x'.repeat(16) }] }), () => {
      const m = templateMessage(TO, { name: 'o', language: 'en', buttons: [{ type: 'copy_code', code: 'OK' }] });
      ((m.template as { components: { parameters: { coupon_code: string }[] }[] }).components[0]!.parameters[0]!).coupon_code = 'x'.repeat(16);
      return m;
    }, 131009],
    ['21-char CTA', () => ctaUrlMessage(TO, { body: 'b', displayText: 'x'.repeat(21), url: 'https://a.example' }), () => with_(ctaUrlMessage(TO, { body: 'b', displayText: 'Go', url: 'https://a.example' }), (i) => void (i.action!.parameters = { display_text: 'x'.repeat(21), url: 'https://a.example' })), 131009],
    ['navigate flow without screen', () => flowMessage(TO, { body: 'b', cta: 'Go', flow: { id: '1' } }), () => with_(flowMessage(TO, { body: 'b', cta: 'Go', flow: { id: '1' }, screen: 'S' }), (i) => void delete (i.action!.parameters as Record<string, unknown>).flow_action_payload), 131008],
  ];

  it.each(cases)('%s: the builder refuses it and the emulator answers Meta’s error', async (_name, build, raw, code) => {
    expect(build).toThrow(MessageLimitError);
    expect(validateSendBody(raw())?.code).toBe(code);
    const e = await emulator();
    const err = (await clientFor(e).sendMessage(raw() as GraphMessage).catch((x: unknown) => x)) as GraphApiError;
    expect(err).toBeInstanceOf(GraphApiError);
    expect([err.httpStatus, err.code, err.kind]).toEqual([400, code, 'permanent']);
    expect(err.details).toBeTruthy();
  });

  it('answers 100 for an unknown type and for a body without messaging_product', () => {
    expect(validateSendBody({ messaging_product: 'whatsapp', to: TO, type: 'hologram' })).toMatchObject({ code: 100, details: expect.stringContaining('Param type must be one of') });
    expect(validateSendBody({ to: TO, type: 'text', text: { body: 'x' } })).toMatchObject({ code: 131008 });
  });
});
