import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Contact, ContactList, InboundMessage, LiveMessage, MessageStatus } from '../../contracts/index.js';
import { startTempServer, type TempServer } from '../../../../test/helpers/temp-server.js';
import { configureWebhook, loadUpdates, postWebhook } from '../../../../test/helpers/whatsapp-webhooks.js';

type Body = { entry: { changes: { value: Record<string, unknown> & { messages?: Record<string, unknown>[]; statuses?: Record<string, unknown>[] } }[] }[] };

/** A fixture body with its first message or status changed (ids made unique per test). */
function fixture(file: string, variant: string, edit: (item: Record<string, unknown>, value: Body['entry'][0]['changes'][0]['value']) => void): string {
  const body = structuredClone(loadUpdates(file)[variant]) as Body;
  const value = body.entry[0]?.changes[0]?.value;
  if (!value) throw new Error('fixture without a value');
  const item = value.messages?.[0] ?? value.statuses?.[0];
  if (!item) throw new Error('fixture without a message or status');
  edit(item, value);
  return JSON.stringify(body);
}

const status = (wamid: string, variant: string, edit: (s: Record<string, unknown>) => void = () => {}) =>
  fixture('message_status.json', variant, (s) => {
    s.id = wamid;
    edit(s);
  });

let s: TempServer;
const handled: InboundMessage[] = [];
const contactsSeen: Contact[] = [];
const live: LiveMessage[] = [];
let ws: WebSocket;

beforeAll(async () => {
  s = await startTempServer();
  await configureWebhook(s);
  s.services.whatsapp.setInboundHandler(async (m, { contact }) => {
    handled.push(m);
    contactsSeen.push(contact);
  });
  ws = new WebSocket(`ws://127.0.0.1:${s.adminPort}/api/live`, { headers: { authorization: `Bearer ${s.token}` } });
  ws.on('message', (d: Buffer) => live.push(JSON.parse(d.toString()) as LiveMessage));
  await new Promise((r) => ws.once('open', r));
});
afterAll(async () => {
  ws.close();
  await s.stop();
});

const statusOf = async (wamid: string) => (await (await s.api(`/api/whatsapp/statuses/${encodeURIComponent(wamid)}`)).json()) as MessageStatus;

describe('durable inbox', () => {
  it('stores a webhook delivered 5 times at once as one message and hands it over once', async () => {
    const body = fixture('message.json', 'text', (m) => (m.id = 'wamid.race'));
    const results = await Promise.all(Array.from({ length: 5 }, () => postWebhook(s, body)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await s.services.whatsapp.inbox.idle();
    // A redelivery much later is still a duplicate.
    expect((await postWebhook(s, body)).status).toBe(200);
    await s.services.whatsapp.inbox.idle();
    expect(handled.filter((m) => m.id === 'wamid.race')).toHaveLength(1);
    const items = s.services.whatsapp.inbox.list().filter((i) => i.wamid === 'wamid.race');
    expect(items).toEqual([expect.objectContaining({ state: 'handled', attempts: 1 })]);
    const d = (await (await s.api('/api/whatsapp/webhook/deliveries')).json()) as { deliveries: { newMessages: number; messages: number }[] };
    expect(d.deliveries.slice(0, 6).reduce((n, x) => n + x.newMessages, 0)).toBe(1);
    expect(live.filter((m) => m.type === 'whatsapp.inbound' && m.wamid === 'wamid.race')).toHaveLength(1);
  });

  it('hands the handler the normalised message and its contact, and opens the 24-hour window', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = fixture('message.json', 'text', (m, v) => {
      m.id = 'wamid.window';
      m.from = '919876543210';
      m.timestamp = String(now);
      v.contacts = [{ profile: { name: 'Priya' }, wa_id: '919876543210', user_id: 'IN.1001' }];
    });
    expect((await postWebhook(s, body)).status).toBe(200);
    await s.services.whatsapp.inbox.idle();
    const i = handled.findIndex((m) => m.id === 'wamid.window');
    expect(handled[i]).toMatchObject({ type: 'text', text: 'Body Text', from: '919876543210' });
    expect(contactsSeen[i]).toMatchObject({ waId: '919876543210', userId: 'IN.1001', phone: '+919876543210', name: 'Priya', windowOpen: true });
    const list = (await (await s.api('/api/contacts')).json()) as ContactList;
    const c = list.contacts.find((x) => x.userId === 'IN.1001');
    expect(c?.windowOpenUntil).toBe(new Date((now + 24 * 3600) * 1000).toISOString());
  });

  it('keys a shopper without a phone number by their business-scoped user id, and joins the number when it appears', async () => {
    const noPhone = fixture('message.json', 'text', (m, v) => {
      m.id = 'wamid.nophone.1';
      delete m.from;
      m.from_user_id = 'IN.2002';
      v.contacts = [{ profile: { name: 'Kavya', username: '@kavya' }, user_id: 'IN.2002', parent_user_id: 'IN.ENT.9' }];
    });
    expect((await postWebhook(s, noPhone)).status).toBe(200);
    await s.services.whatsapp.inbox.idle();
    const first = contactsSeen[handled.findIndex((m) => m.id === 'wamid.nophone.1')];
    expect(first).toMatchObject({ waId: null, phone: null, userId: 'IN.2002', parentUserId: 'IN.ENT.9', username: '@kavya', name: 'Kavya' });

    const withPhone = fixture('message.json', 'text', (m, v) => {
      m.id = 'wamid.nophone.2';
      m.from = '919900112233';
      v.contacts = [{ profile: { name: 'Kavya' }, wa_id: '919900112233', user_id: 'IN.2002' }];
    });
    expect((await postWebhook(s, withPhone)).status).toBe(200);
    await s.services.whatsapp.inbox.idle();
    const second = contactsSeen[handled.findIndex((m) => m.id === 'wamid.nophone.2')];
    expect(second).toMatchObject({ id: first?.id, waId: '919900112233', phone: '+919900112233', userId: 'IN.2002' });
  });
});

describe('statuses', () => {
  it('ends at read when read arrives before sent and delivered', async () => {
    for (const v of ['read', 'delivered', 'sent']) expect((await postWebhook(s, status('wamid.out.1', v))).status).toBe(200);
    const st = await statusOf('wamid.out.1');
    expect(st.status).toBe('read');
    expect(st.history.map((h) => h.status).sort()).toEqual(['delivered', 'read', 'sent']);
  });

  it('ends at failed, with the error code, when failed arrives after delivered; failed stays', async () => {
    expect((await postWebhook(s, status('wamid.out.2', 'sent', (x) => (x.biz_opaque_callback_data = 'out-42')))).status).toBe(200);
    expect((await postWebhook(s, status('wamid.out.2', 'delivered'))).status).toBe(200);
    expect((await statusOf('wamid.out.2')).status).toBe('delivered');
    expect((await postWebhook(s, status('wamid.out.2', 'failed', (x) => ((x.errors as { code: number }[])[0] = { code: 131026, title: 'Message undeliverable' } as never)))).status).toBe(200);
    expect((await postWebhook(s, status('wamid.out.2', 'read'))).status).toBe(200);
    const st = await statusOf('wamid.out.2');
    expect(st).toMatchObject({ status: 'failed', callbackData: 'out-42', errors: [{ code: 131026, title: 'Message undeliverable' }] });
    // The outbox finds a message by its own id (biz_opaque_callback_data) when it never saw the wamid.
    expect(s.services.whatsapp.inbox.statusByCallbackData('out-42')).toMatchObject({ wamid: 'wamid.out.2', status: 'failed' });
    expect(s.services.whatsapp.inbox.statusByCallbackData('out-unknown')).toBeNull();
  });

  it('knows nothing of a message it has no status for, and publishes one live message per new status', async () => {
    expect(await statusOf('wamid.never')).toMatchObject({ status: null, errors: [], history: [] });
    expect((await postWebhook(s, status('wamid.out.3', 'delivered'))).status).toBe(200);
    expect((await postWebhook(s, status('wamid.out.3', 'delivered'))).status).toBe(200);
    await expect.poll(() => live.filter((m) => m.type === 'whatsapp.status' && m.wamid === 'wamid.out.3').length).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(live.filter((m) => m.type === 'whatsapp.status' && m.wamid === 'wamid.out.3')).toEqual([expect.objectContaining({ status: 'delivered', recipientId: '972987654321' })]);
  });
});
