// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Approval, Coupon } from '../../api/contracts';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { ApprovalsPanel } from './ApprovalsPanel';
import { OffersPage } from './OffersPage';

const at = '2026-12-01T10:00:00.000Z';
const pending: Approval = {
  id: 7, contactId: 3, contactName: 'Meera', contactPhone: '+919812300077', agentId: 1, sku: 'SJ-BNG-005', price: 43000, askedPercent: 20, askedText: 'make it 20%',
  capPercent: 5, status: 'pending', decidedPercent: null, decidedAt: null, code: null, createdAt: at,
};
const coupon: Coupon = {
  id: 1, code: 'REV-K7QM', contactId: 3, contactName: 'Meera', contactPhone: '+919812300077', agentId: 1, sku: 'SJ-BNG-005', percent: 5, amount: 2150, on: 'price',
  source: 'agent', status: 'active', expiresAt: '2026-12-04T10:00:00.000Z', usedAt: null, createdAt: at,
};

afterEach(() => {
  act(() => notifications.clean());
  cleanup();
});

describe('ApprovalsPanel', () => {
  it('shows a pending request and approves it at the percent the owner sets; the panel empties', async () => {
    let waiting = [pending];
    const fake = createFakeFetch({
      'GET /api/offers/approvals?status=pending': () => ({ json: { approvals: waiting } }),
      'POST /api/offers/approvals/7/approve': (r) => {
        waiting = [];
        return { json: { ...pending, status: 'approved', decidedPercent: (r.body as { percent: number }).percent, code: 'REV-W3NA' } };
      },
    });
    renderScreen(<ApprovalsPanel />, { fetch: fake.fetch, path: '/inbox' });
    await waitFor(() => hasText('Discount requests (1)'), 'the request');
    expect(hasText('asks 20% · agent cap 5%')).toBe(true);
    expect(hasText('SJ-BNG-005 (₹43,000) · “make it 20%”')).toBe(true);
    changeValue(getByLabelText('Percent to approve for Meera'), '12');
    await waitFor(() => hasText('Approve 12%'), 'the button to follow the percent');
    click(getButton('Approve 12%'));
    await waitFor(() => fake.requests.some((r) => r.method === 'POST'), 'the approval');
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ percent: 12 });
    await waitFor(() => !hasText('Discount requests'), 'the panel to empty');
    expect(hasText('Code REV-W3NA is on its way')).toBe(true);
  });

  it('keeps the request and says why when the server refuses', async () => {
    const fake = createFakeFetch({
      'GET /api/offers/approvals?status=pending': () => ({ json: { approvals: [pending] } }),
      'POST /api/offers/approvals/7/decline': () => ({ status: 409, json: { error: { code: 'conflict', message: 'This request was already approved' } } }),
    });
    renderScreen(<ApprovalsPanel />, { fetch: fake.fetch, path: '/inbox' });
    await waitFor(() => hasText('Discount requests (1)'), 'the request');
    click(getButton('Decline'));
    await waitFor(() => hasText('This request was already approved'), 'the reason');
    expect(hasText('Discount requests (1)')).toBe(true);
  });
});

describe('Offers page', () => {
  it('lists codes with their status and redeems one at the counter; a second use is refused with the reason', async () => {
    let used = false;
    const fake = createFakeFetch({
      'GET /api/offers/approvals?status=pending': () => ({ json: { approvals: [] } }),
      'GET /api/offers/coupons': () => ({ json: { coupons: [{ ...coupon, ...(used ? { status: 'used', usedAt: at } : {}) }] } }),
      'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_found', message: 'none' } } }),
      'POST /api/offers/coupons/redeem': () => {
        if (used) return { status: 409, json: { error: { code: 'conflict', message: 'Coupon REV-K7QM was already used on 2026-12-01: it cannot be used.' } } };
        used = true;
        return { json: { ...coupon, status: 'used', usedAt: at } };
      },
    });
    renderScreen(<OffersPage />, { fetch: fake.fetch, path: '/offers' });
    await waitFor(() => hasText('REV-K7QM'), 'the coupon');
    expect(hasText('5% off price · ₹2,150')).toBe(true);
    expect(hasText('Active')).toBe(true);
    const input = getByLabelText('Redeem code');
    changeValue(input, 'rev-k7qm');
    click(getButton('Redeem'));
    await waitFor(() => hasText('REV-K7QM redeemed: 5% off price · ₹2,150 on SJ-BNG-005 for Meera.'), 'the redemption');
    await waitFor(() => hasText('Used'), 'the list to reload');
    changeValue(input, 'REV-K7QM');
    click(getButton('Redeem'));
    await waitFor(() => hasText('was already used'), 'the refusal');
  });
});
