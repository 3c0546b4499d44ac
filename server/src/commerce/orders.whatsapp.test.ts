import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUpdates, postWebhook } from '../../../test/helpers/whatsapp-webhooks.js';
import { startEmulatedApp, type EmulatedApp } from '../../../test/helpers/emulated-app.js';
import type { OrderDetail } from '../contracts/index.js';

/**
 * The real channel: the fixture's signed `order` webhook (our SKUs in its cart) → inbox → engine →
 * the order hook → the confirmation through the outbox to the Graph emulator; then the owner's
 * status change reaches the shopper the same way.
 */
const PHONE_ID = '1122334455667';
const SHOPPER = '972987654321';

let w: EmulatedApp;
let product: { sku: string; price: number };

beforeAll(async () => {
  w = await startEmulatedApp({ name: 'orders', phoneNumberId: PHONE_ID, prepare: (app) => void (product = app.services.catalog.list().products.find((p) => p.stock >= 1)!) });
}, 90_000);

afterAll(async () => {
  await w?.stop();
});

describe('an order on the WhatsApp channel', () => {
  it('the fixture order webhook, delivered three times, makes one order and one confirmation sent to the Graph API', async () => {
    const body = structuredClone(loadUpdates('message.json').order) as { entry: { changes: { value: { messages: { timestamp: string; order: { product_items: unknown[] } }[] } }[] }[] };
    const msg = body.entry[0]!.changes[0]!.value.messages[0]!;
    msg.timestamp = String(Math.floor(Date.now() / 1000));
    msg.order.product_items = [{ product_retailer_id: product.sku, quantity: 1, item_price: product.price, currency: 'INR' }];
    const raw = JSON.stringify(body);
    for (let i = 0; i < 3; i += 1) expect((await postWebhook(w.server, raw, { secret: w.secret })).status).toBe(200);
    await w.drained(1);

    expect(w.server.services.orders.list().orders).toMatchObject([{ id: 1, status: 'new', total: product.price, inboundId: 'wamid.xyzxyz', contactName: 'Test Name' }]);
    const replies = w.sends();
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ to: SHOPPER, type: 'interactive', interactive: { type: 'button', body: { text: expect.stringContaining(`Total: ₹${product.price.toLocaleString('en-IN')} for 1 piece.`) } } });
  }, 60_000);

  it('the owner confirms it and the shopper is told on WhatsApp (inside the 24-hour window)', async () => {
    const res = await w.admin('/api/orders/1/status', { method: 'POST', json: { status: 'confirmed' } });
    const detail = (await res.json()) as OrderDetail & { notice: string };
    expect(detail.notice).toBe('sent');
    await w.drained(2);
    expect(w.sends().at(-1)).toMatchObject({ to: SHOPPER, type: 'text', text: { body: expect.stringMatching(/^Your order #1 is confirmed: 1 piece, ₹[\d,]+\. We are keeping it aside for you at /) } });
  }, 60_000);
});
