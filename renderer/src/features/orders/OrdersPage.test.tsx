// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order, OrderDetail } from '../../api/contracts';
import { cleanup, click, getButton, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { OrdersPage } from './OrdersPage';

const at = '2026-03-01T10:00:00.000Z';
const ORDER: Order = {
  id: 7, contactId: 3, contactName: 'Meera', contactPhone: '+919812345678', status: 'new', total: 108900, pieces: 3, note: null, catalogId: 'cat', inboundId: 'wamid.7', threadId: 11, agentId: 1,
  paymentChoice: null, paymentChoiceAt: null, createdAt: at, updatedAt: at,
  lines: [
    { sku: 'SJ-BNG-005', name: 'Temple Bangle', quantity: 2, price: 48200, cartPrice: 47900, cartCurrency: 'INR', state: 'price_changed', available: 3, reserved: 2, lineTotal: 96400 },
    { sku: 'SJ-ERG-001', name: 'Pearl Jhumkas', quantity: 1, price: 12500, cartPrice: 12500, cartCurrency: 'INR', state: 'ok', available: 1, reserved: 1, lineTotal: 12500 },
    { sku: 'SODA', name: null, quantity: 1, price: null, cartPrice: 10, cartCurrency: 'ILS', state: 'unknown', available: null, reserved: 0, lineTotal: 0 },
  ],
};
const DETAIL: OrderDetail = { ...ORDER, history: [{ at, from: null, to: 'new', by: 'shopper', note: '', notice: null }], next: ['confirmed', 'ready_for_pickup', 'completed', 'cancelled'] };

function setup(orders: Order[], move: (body: unknown) => { status?: number; json?: unknown } = () => ({ json: {} })) {
  return createFakeFetch({
    'GET /api/orders': () => ({ json: { orders } }),
    'GET /api/orders/7': () => ({ json: DETAIL }),
    'POST /api/orders/7/status': (r) => move(r.body),
    'GET /api/commerce/order-settings': () => ({ json: { paymentUrl: '' } }),
    'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_configured', message: 'no store' } } }),
  });
}

afterEach(() => {
  act(() => notifications.clean());
  cleanup();
});

describe('Orders screen', () => {
  it('explains where orders come from when there are none', async () => {
    renderScreen(<OrdersPage />, { fetch: setup([]).fetch, path: '/orders' });
    await waitFor(() => hasText('No orders yet'), 'the empty state');
    expect(hasText('the deal moves to Sold on the Pipeline')).toBe(true);
  });

  it('lists orders with items, the total in Indian format, the status and the time in the store zone', async () => {
    renderScreen(<OrdersPage />, { fetch: setup([ORDER]).fetch, path: '/orders' });
    await waitFor(() => hasText('#7'), 'the order');
    const row = document.querySelector('[data-testid="order-row-7"]')!;
    expect(row.textContent).toContain('Meera');
    expect(row.textContent).toContain('2 × SJ-BNG-005, 1 × SJ-ERG-001, 1 × SODA');
    expect(row.textContent).toContain('₹1,08,900');
    expect(row.textContent).toContain('2 lines need a look');
    expect(row.textContent).toContain('1 Mar 2026, 3:30 pm');
  });

  it('opens an order with its checked lines and held pieces, and confirms it telling the shopper', async () => {
    const bodies: unknown[] = [];
    const fake = setup([ORDER], (body) => {
      bodies.push(body);
      return { json: { ...DETAIL, status: 'confirmed', next: ['ready_for_pickup', 'completed', 'cancelled'], notice: 'sent', history: [...DETAIL.history, { at, from: 'new', to: 'confirmed', by: 'owner', note: '', notice: 'sent' }] } };
    });
    renderScreen(<OrdersPage />, { fetch: fake.fetch, path: '/orders' });
    await waitFor(() => hasText('#7'), 'the order');
    click(document.querySelector<HTMLElement>('[data-testid="order-row-7"]')!);
    await waitFor(() => hasText('Order received on WhatsApp'), 'the detail');
    expect(hasText("Cart showed ₹47,900; charged at today's ₹48,200")).toBe(true);
    expect(hasText('Not in the catalog; not counted')).toBe(true);
    expect(hasText('3 pieces are held for this order (not offered to others).')).toBe(true);
    expect(document.querySelector('[data-testid="order-total"]')?.textContent).toBe('₹1,08,900');
    expect(document.querySelector('a[href="/inbox?thread=11"]')).not.toBeNull();
    click(getButton('Confirm'));
    await waitFor(() => hasText('New → Confirmed'), 'the move');
    expect(bodies).toEqual([{ status: 'confirmed', note: '', notify: true }]);
    expect(hasText('the shopper was told on WhatsApp')).toBe(true);
  });

  it('shows how the shopper chose to pay, in the list and the order', async () => {
    const chose = { paymentChoice: 'pay_at_store' as const, paymentChoiceAt: '2026-03-01T11:00:00.000Z' };
    const fake = createFakeFetch({
      'GET /api/orders': () => ({ json: { orders: [{ ...ORDER, ...chose }] } }),
      'GET /api/orders/7': () => ({ json: { ...DETAIL, ...chose } }),
      'GET /api/commerce/order-settings': () => ({ json: { paymentUrl: '' } }),
      'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_configured', message: 'no store' } } }),
    });
    renderScreen(<OrdersPage />, { fetch: fake.fetch, path: '/orders' });
    await waitFor(() => hasText('#7'), 'the order');
    expect(document.querySelector('[data-testid="order-row-7"]')?.textContent).toContain('Pays at the store');
    click(document.querySelector<HTMLElement>('[data-testid="order-row-7"]')!);
    await waitFor(() => document.querySelector('[data-testid="order-payment"]') !== null, 'the payment line');
    expect(document.querySelector('[data-testid="order-payment"]')?.textContent).toBe('Payment: Pays at the store (1 Mar 2026, 4:30 pm)');
  });

  it('says why when the server refuses a move', async () => {
    const fake = setup([ORDER], () => ({ status: 409, json: { error: { code: 'conflict', message: 'Order #7 is Completed: it can go to no other status, not Confirmed' } } }));
    renderScreen(<OrdersPage />, { fetch: fake.fetch, path: '/orders' });
    await waitFor(() => hasText('#7'), 'the order');
    click(document.querySelector<HTMLElement>('[data-testid="order-row-7"]')!);
    await waitFor(() => hasText('Order received on WhatsApp'), 'the detail');
    click(getButton('Confirm'));
    await waitFor(() => hasText('Order #7 is Completed: it can go to no other status, not Confirmed'), 'the error');
  });
});
