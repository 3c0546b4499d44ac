// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetalRates, PricedProduct, RatesState } from '../../api/contracts';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { RatesPage } from './RatesPage';

const FEED = { url: null, intervalMinutes: 60, lastFetchAt: null, lastOkAt: null, lastError: null };
const RATES: MetalRates = { id: 1, gold24: 7850, silver: 95, platinum: null, asOf: '2026-12-01T04:30:00.000Z', source: 'manual', createdAt: '2026-12-01T04:30:00.000Z' };
const BANGLE: PricedProduct = {
  sku: 'SJ-BNG-0010', name: 'Meenakari Kundan Bangle', metal: 'gold', purity: '22K', netWeightGrams: 31.27, price: 259433,
  pricing: { pricedByWeight: true, making: { kind: 'percent', value: 12 }, stoneValue: 0, hallmarkFee: 45 },
  quote: { sku: 'SJ-BNG-0010', price: 259433, breakup: { metal: 224850, making: 26982, stones: 0, hallmark: 45, gst: 7556 }, rate: { metal: 'gold', perGram: 7850, purity: '22K', purityFactor: 0.916, asOf: RATES.asOf, source: 'manual' } },
  problem: null,
};
const PAYAL: PricedProduct = { sku: 'SJ-ANK-0001', name: 'Ghungroo Silver Payal', metal: 'silver', purity: '925', netWeightGrams: 76.49, price: 9311, pricing: null, quote: null, problem: null };

function setup(state: RatesState, onSet: (body: unknown) => { status?: number; json?: unknown }) {
  return createFakeFetch({
    'GET /api/rates': () => ({ json: state }),
    'GET /api/rates/history': () => ({ json: { history: state.rates ? [state.rates] : [] } }),
    'GET /api/pricing': () => ({ json: { products: state.rates ? [PAYAL, BANGLE] : [] } }),
    'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_found', message: 'none' } } }),
    'PUT /api/rates': (r) => onSet(r.body),
  });
}

afterEach(() => {
  act(() => notifications.clean());
  cleanup();
});

describe('Gold rate screen', () => {
  it('with no rates yet, says what to do; saving sends only the rates typed', async () => {
    const sent: unknown[] = [];
    const fake = setup({ rates: null, feed: FEED }, (body) => {
      sent.push(body);
      return { json: { rates: { ...RATES, silver: null }, reprice: { repriced: [], skipped: [] } } };
    });
    renderScreen(<RatesPage />, { fetch: fake.fetch, path: '/rates' });
    await waitFor(() => hasText('No rates yet'), 'the empty state');
    expect(hasText('No products with a metal yet')).toBe(true);
    changeValue(getByLabelText('Gold 24K (₹ per gram)'), '7850');
    click(getButton('Save rates'));
    await waitFor(() => sent.length === 1, 'the save');
    expect(sent).toEqual([{ gold24: 7850 }]);
    await waitFor(() => hasText('0 products repriced.'), 'the notice');
  });

  it('shows the server’s reason under the field when a rate is refused', async () => {
    const fake = setup({ rates: RATES, feed: FEED }, () => ({ status: 400, json: { error: { code: 'validation', message: 'bad', fields: { gold24: 'Gold 24K above ₹50,000 per gram is not a real rate (expected ₹1,000–₹50,000)' } } } }));
    renderScreen(<RatesPage />, { fetch: fake.fetch, path: '/rates' });
    await waitFor(() => hasText('Meenakari Kundan Bangle'), 'the products');
    // the bangle priced by weight comes first, in Indian format
    const rows = [...document.querySelectorAll('table[aria-label="Products priced by weight"] tbody tr')].map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('SJ-BNG-0010');
    expect(rows[0]).toContain('₹2,59,433');
    expect(rows[1]).toContain('fixed price');
    changeValue(getByLabelText('Gold 24K (₹ per gram)'), '78500');
    click(getButton('Save rates'));
    await waitFor(() => hasText('Gold 24K above ₹50,000 per gram is not a real rate'), 'the field error');
  });
});
