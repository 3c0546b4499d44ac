// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Product } from '../../api/contracts';
import { changeValue, cleanup, click, flush, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { gridCell, shownSkus, SLOW } from './gridTestHelpers';
import { catalog } from './productFixtures';
import { ProductsPage } from './ProductsPage';

// Each test draws the real grid: see SLOW.
vi.setConfig({ testTimeout: 120_000 });

afterEach(() => {
  cleanup();
  notifications.clean();
});

async function openAddForm() {
  const fake = createFakeFetch({
    'GET /api/products': () => ({ json: { products: catalog(), total: 3 } }),
    'GET /api/settings/store': () => ({ json: storeProfile() }),
    'POST /api/products': (req) => ({ status: 201, json: { ...(req.body as Product), images: [], updatedAt: '2026-03-05T06:00:00.000Z' } }),
  });
  renderScreen(<ProductsPage />, { fetch: fake.fetch });
  await waitFor(() => shownSkus().length === 3, 'the grid rows', SLOW);
  click(getButton('Add product'));
  await waitFor(() => document.querySelector('form[aria-label="New product"]') !== null, 'the add form', SLOW);
  return fake;
}

const posts = (fake: ReturnType<typeof createFakeFetch>) => fake.requests.filter((r) => r.method === 'POST');

function submit(): void {
  const form = document.querySelector<HTMLFormElement>('form[aria-label="New product"]');
  if (!form) throw new Error('No add form');
  // The form's own submit button, not the page header's "Add product".
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) throw new Error('No submit button');
  act(() => button.click());
}

describe('Adding a product', () => {
  it('sends POST with the checked values (whole rupees, whole stock) and shows the new row', async () => {
    const fake = await openAddForm();
    changeValue(getByLabelText('SKU'), 'SJ-RNG-0900');
    changeValue(getByLabelText('Name'), 'Solitaire Ring');
    changeValue(getByLabelText('Price (₹)'), '125000');
    changeValue(getByLabelText('Stock'), '3');
    submit();

    await waitFor(() => shownSkus().includes('SJ-RNG-0900'), 'the new row', SLOW);
    expect(posts(fake)).toHaveLength(1);
    const [request] = posts(fake);
    expect(request?.url).toBe('/api/products');
    expect(request?.headers).toEqual(expect.objectContaining({ 'Content-Type': 'application/json' }));
    expect(request?.body).toEqual({
      sku: 'SJ-RNG-0900',
      name: 'Solitaire Ring',
      category: 'ring',
      style: null,
      metal: 'gold',
      purity: '22K',
      grossWeightGrams: null,
      netWeightGrams: null,
      stones: [],
      stoneCarat: null,
      price: 125000,
      stock: 3,
      description: '',
      gender: 'women',
      occasions: [],
      url: null,
    });
    const { price, stock } = request?.body as { price: unknown; stock: unknown };
    expect(Number.isInteger(price)).toBe(true);
    expect(Number.isInteger(stock)).toBe(true);

    expect(gridCell('SJ-RNG-0900', 'price').textContent).toBe('₹1,25,000');
    expect(gridCell('SJ-RNG-0900', 'name').textContent).toBe('Solitaire Ring');
    await waitFor(() => document.querySelector('form[aria-label="New product"]') === null, 'the form closed', SLOW);
    await waitFor(() => hasText('Product added'), 'the added notification', SLOW);
    expect(hasText('4 products')).toBe(true);
  });

  it('shows the field errors and sends nothing while the name or price is missing', async () => {
    const fake = await openAddForm();
    changeValue(getByLabelText('SKU'), 'SJ-RNG-0900');
    submit();
    await flush();
    expect(hasText('Give the product a name')).toBe(true);
    expect(hasText('Enter the price in whole rupees')).toBe(true);
    expect(getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(getByLabelText('Price (₹)').getAttribute('aria-invalid')).toBe('true');
    expect(posts(fake)).toEqual([]);

    // The name alone is not enough: the price is still missing.
    changeValue(getByLabelText('Name'), 'Solitaire Ring');
    submit();
    await flush();
    expect(hasText('Give the product a name')).toBe(false);
    expect(hasText('Enter the price in whole rupees')).toBe(true);
    expect(posts(fake)).toEqual([]);
    expect(shownSkus()).not.toContain('SJ-RNG-0900');
  });

  it('keeps a minus sign out of the price, and refuses a net weight above the gross weight', async () => {
    const fake = await openAddForm();
    changeValue(getByLabelText('SKU'), 'SJ-RNG-0900');
    changeValue(getByLabelText('Name'), 'Solitaire Ring');
    // The price box takes no minus sign at all: a negative price cannot be typed.
    changeValue(getByLabelText('Price (₹)'), '-1');
    expect(getByLabelText<HTMLInputElement>('Price (₹)').value).toBe('₹1');
    changeValue(getByLabelText('Gross weight (g)'), '4');
    changeValue(getByLabelText('Net weight (g)'), '5');
    submit();
    await flush();
    expect(hasText('Net weight (5 g) is more than gross weight (4 g)')).toBe(true);
    expect(getByLabelText('Net weight (g)').getAttribute('aria-invalid')).toBe('true');
    expect(posts(fake)).toEqual([]);
    expect(document.querySelector('form[aria-label="New product"]')).not.toBeNull();
  });
});
