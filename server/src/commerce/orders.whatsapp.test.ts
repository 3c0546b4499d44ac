import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUpdates, postWebhook } from '../../../test/helpers/whatsapp-webhooks.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { OrderDetail, OutboxList } from '../contracts/index.js';
import { createDemoDataDir, openApp, startServer, type RunningServer } from '../main.js';
import { startEmulator, type Emulator } from '../whatsapp/index.js';

/**
 * The real channel: the fixture's signed `order` webhook (our SKUs in its cart) → inbox → engine →
 * the order hook → the confirmation through the outbox to the Graph emulator; then the owner's
 * status change reaches the shopper the same way.
 */
const SECRET = 'orders-app-secret-0123456789';
const TOKEN = 'EAAorders-access-token';
const PHONE_ID = '1122334455667';
const SHOPPER = '972987654321';
const ENV = { REVIVE_WA_APP_SECRET: SECRET, REVIVE_WA_ACCESS_TOKEN: TOKEN, REVIVE_WA_PHONE_NUMBER_ID: PHONE_ID } as const;

let emu: Emulator;
let server: RunningServer;
let dataDir: string;
let product: { sku: string; price: number };
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  emu = await startEmulator({ appSecret: SECRET, accessToken: TOKEN, phoneNumberId: PHONE_ID, statuses: 'none' });
  for (const [k, v] of Object.entries({ ...ENV, REVIVE_GRAPH_URL: emu.url })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  dataDir = tempDir('revive-orders-wa-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  product = app.services.catalog.list().products.find((p) => p.stock >= 1)!;
  app.close();
  server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
}, 90_000);

afterAll(async () => {
  await server?.close();
  await emu?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const admin = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${server.adminPort}${path}`, { ...init, headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...init.headers } });

async function drained(n: number): Promise<OutboxList> {
  for (;;) {
    await server.services.whatsapp.inbox.idle();
    await server.services.conversations.idle();
    const list = (await (await admin('/api/whatsapp/outbox?limit=100')).json()) as OutboxList;
    if (list.items.length >= n && list.items.every((i) => i.status === 'sent')) return list;
    if (list.items.some((i) => i.status === 'failed')) throw new Error(`a message failed: ${JSON.stringify(list.items)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sends = () => emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && (r.body as { status?: string }).status !== 'read').map((r) => r.body as Record<string, unknown>);

describe('an order on the WhatsApp channel', () => {
  it('the fixture order webhook, delivered three times, makes one order and one confirmation sent to the Graph API', async () => {
    const body = structuredClone(loadUpdates('message.json').order) as { entry: { changes: { value: { messages: { timestamp: string; order: { product_items: unknown[] } }[] } }[] }[] };
    const msg = body.entry[0]!.changes[0]!.value.messages[0]!;
    msg.timestamp = String(Math.floor(Date.now() / 1000));
    msg.order.product_items = [{ product_retailer_id: product.sku, quantity: 1, item_price: product.price, currency: 'INR' }];
    const raw = JSON.stringify(body);
    for (let i = 0; i < 3; i += 1) expect((await postWebhook(server, raw, { secret: SECRET })).status).toBe(200);
    await drained(1);

    expect(server.services.orders.list().orders).toMatchObject([{ id: 1, status: 'new', total: product.price, inboundId: 'wamid.xyzxyz', contactName: 'Test Name' }]);
    const replies = sends();
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ to: SHOPPER, type: 'interactive', interactive: { type: 'button', body: { text: expect.stringContaining(`Total: ₹${product.price.toLocaleString('en-IN')} for 1 piece.`) } } });
  }, 60_000);

  it('the owner confirms it and the shopper is told on WhatsApp (inside the 24-hour window)', async () => {
    const res = await admin('/api/orders/1/status', { method: 'POST', body: JSON.stringify({ status: 'confirmed' }) });
    const detail = (await res.json()) as OrderDetail & { notice: string };
    expect(detail.notice).toBe('sent');
    await drained(2);
    expect(sends().at(-1)).toMatchObject({ to: SHOPPER, type: 'text', text: { body: expect.stringMatching(/^Your order #1 is confirmed: 1 piece, ₹[\d,]+\. We are keeping it aside for you at /) } });
  }, 60_000);
});
