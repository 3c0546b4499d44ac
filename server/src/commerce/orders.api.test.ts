import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, json, startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import type { ChatResult, Deal, Order, OrderDetail, OrderSettings, Product } from '../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());


const cart = (items: [string, number, number][]) => ({ type: 'order', order: { catalog_id: 'cat', text: 'For my sister', product_items: items.map(([sku, quantity, price]) => ({ product_retailer_id: sku, quantity, item_price: price, currency: 'INR' })) } });

describe('orders API', () => {
  it('a simulator order is listed, with its deal on the pipeline as Sold for its total', async () => {
    expect((await json<{ orders: Order[] }>(s.api('/api/orders'))).orders).toEqual([]);
    const p = await s.send('POST', '/api/products', { sku: 'SJ-BNG-9001', name: 'Temple Bangle', category: 'bangle', metal: 'gold', purity: '22K', price: 48200, stock: 2 });
    expect(p.status).toBe(200);
    expect((await json<Product>(p)).stock).toBe(2);
    const chat = await json<ChatResult>(s.send('POST', '/api/simulator/messages', { phone: '+919812345678', name: 'Meera', message: cart([['SJ-BNG-9001', 1, 47900]]) }));
    expect(chat.events.some((e) => e.type === 'TOOL' && e.data.name === 'order')).toBe(true);
    const { orders } = await json<{ orders: Order[] }>(s.api('/api/orders'));
    expect(orders).toMatchObject([{ id: 1, contactName: 'Meera', contactPhone: '+919812345678', status: 'new', total: 48200, pieces: 1, note: 'For my sister', lines: [{ sku: 'SJ-BNG-9001', state: 'price_changed', cartPrice: 47900, reserved: 1 }] }]);
    const { deals } = await json<{ deals: Deal[] }>(s.api('/api/deals'));
    expect(deals).toMatchObject([{ contactName: 'Meera', stage: 'sold', value: 48200, products: ['SJ-BNG-9001'] }]);
  });

  it('reads an order with its history and the statuses it can go to; moves it; refuses a move backwards', async () => {
    expect(await json<OrderDetail>(s.api('/api/orders/1'))).toMatchObject({ status: 'new', next: ['confirmed', 'ready_for_pickup', 'completed', 'cancelled'], history: [{ to: 'new', by: 'shopper' }] });
    const moved = await json<OrderDetail & { notice: string }>(s.send('POST', '/api/orders/1/status', { status: 'confirmed' }));
    // a simulator shopper is a test contact: nothing goes out on WhatsApp
    expect(moved).toMatchObject({ status: 'confirmed', notice: 'no_channel', history: [{ to: 'new' }, { from: 'new', to: 'confirmed', by: 'owner', notice: 'no_channel' }] });
    const back = await s.send('POST', '/api/orders/1/status', { status: 'new' });
    expect(back.status).toBe(409);
    expect((await errorOf(back)).message).toMatch(/Order #1 is Confirmed/);
    expect((await s.send('POST', '/api/orders/1/status', { status: 'shipped' })).status).toBe(400);
    expect((await s.api('/api/orders/99')).status).toBe(404);
    expect((await json<{ orders: Order[] }>(s.api('/api/orders?status=confirmed'))).orders).toHaveLength(1);
    expect((await json<{ orders: Order[] }>(s.api('/api/orders?status=new'))).orders).toHaveLength(0);
    expect((await s.api('/api/orders?status=later')).status).toBe(400);
  });

  it('keeps the payment link setting, refusing what is not a link', async () => {
    expect(await json<OrderSettings>(s.api('/api/commerce/order-settings'))).toEqual({ paymentUrl: '' });
    const bad = await s.send('PUT', '/api/commerce/order-settings', { paymentUrl: 'pay me' });
    expect(bad.status).toBe(400);
    expect(await json<OrderSettings>(s.send('PUT', '/api/commerce/order-settings', { paymentUrl: 'https://pay.example.in/shop' }))).toEqual({ paymentUrl: 'https://pay.example.in/shop' });
    const chat = await json<ChatResult>(s.send('POST', '/api/simulator/messages', { phone: '+919812345679', message: cart([['SJ-BNG-9001', 1, 48200]]) }));
    const last = chat.replies.at(-1) as { interactive?: { action?: { buttons?: { reply: { title: string } }[] } } };
    expect(last.interactive?.action?.buttons?.map((b) => b.reply.title)).toEqual(['Visit to try', 'Pay at store', 'Payment link']);
  });
});
