// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveClient } from '../../api/live';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { health, storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { editCell, gridCell, shownSkus, SLOW } from './gridTestHelpers';
import { catalog, product } from './productFixtures';
import { ProductsPage } from './ProductsPage';

// Each test draws the real grid: see SLOW.
vi.setConfig({ testTimeout: 120_000 });

type Routes = Parameters<typeof createFakeFetch>[0];

beforeEach(() => {
  FakeSocket.instances = [];
});
afterEach(() => {
  cleanup();
  notifications.clean();
});

async function openProducts(routes: Routes = {}, live?: LiveClient) {
  const fake = createFakeFetch({
    'GET /api/products': () => ({ json: { products: catalog(), total: 3 } }),
    'GET /api/settings/store': () => ({ json: storeProfile() }),
    'GET /api/health': () => ({ json: health() }),
    ...routes,
  });
  renderScreen(<ProductsPage />, { fetch: fake.fetch, ...(live ? { live } : {}) });
  await waitFor(() => shownSkus().length === 3, 'the grid rows', SLOW);
  return fake;
}

const puts = (fake: ReturnType<typeof createFakeFetch>) => fake.requests.filter((r) => r.method === 'PUT');

describe('Products grid', () => {
  it('shows every product with Indian-format prices and marks zero stock', async () => {
    await openProducts();
    expect(shownSkus().sort()).toEqual(['SJ-ANK-0001', 'SJ-BNG-0002', 'SJ-NCK-0007']);
    expect(gridCell('SJ-NCK-0007', 'price').textContent).toBe('₹1,25,000');
    expect(gridCell('SJ-BNG-0002', 'price').textContent).toBe('₹39,754');
    expect(gridCell('SJ-NCK-0007', 'stones').textContent).toBe('kundan, pearl');
    // 12:35 UTC shown in the store's zone (Kolkata).
    expect(gridCell('SJ-BNG-0002', 'updatedAt').textContent).toMatch(/4 Mar 2026, 6:05\s*pm/i);
    expect(gridCell('SJ-ANK-0001', 'stock').classList).toContain('revive-out-of-stock');
    expect(gridCell('SJ-BNG-0002', 'stock').classList).not.toContain('revive-out-of-stock');
    expect(hasText('3 products')).toBe(true);
  });

  it('narrows the rows with the quick filter', async () => {
    await openProducts();
    changeValue(getByLabelText('Filter the grid'), 'rani haar');
    await waitFor(() => shownSkus().length === 1, 'one row', SLOW);
    expect(shownSkus()).toEqual(['SJ-NCK-0007']);
    changeValue(getByLabelText('Filter the grid'), '');
    await waitFor(() => shownSkus().length === 3, 'all rows again', SLOW);
  });

  it('saves an inline price edit with PUT as a whole number of rupees', async () => {
    const fake = await openProducts({
      'PUT /api/products/SJ-NCK-0007': (req) => ({ json: product({ ...catalog()[1], ...(req.body as object), updatedAt: '2026-03-05T06:00:00.000Z' }) }),
    });
    await editCell('SJ-NCK-0007', 'price', '98500');
    await waitFor(() => gridCell('SJ-NCK-0007', 'price').textContent === '₹98,500', 'the saved price', SLOW);
    expect(puts(fake)).toEqual([expect.objectContaining({ url: '/api/products/SJ-NCK-0007', body: { price: 98500 }, headers: expect.objectContaining({ 'Content-Type': 'application/json' }) })]);
    expect(Number.isInteger((puts(fake)[0]?.body as { price: number }).price)).toBe(true);
    await waitFor(() => hasText('SJ-NCK-0007 · Price (₹)'), 'the saved notification', SLOW);
  });

  it("shows the server's field error on the cell and keeps the saved value", async () => {
    const fake = await openProducts({
      'PUT /api/products/SJ-NCK-0007': () => ({
        status: 400,
        json: { error: { code: 'validation', message: 'Some product details need fixing', fields: { price: 'A 22K rani haar cannot cost less than its gold' } } },
      }),
    });
    await editCell('SJ-NCK-0007', 'price', '500');
    await waitFor(() => hasText('A 22K rani haar cannot cost less than its gold'), 'the server error', SLOW);
    expect(puts(fake)).toHaveLength(1);
    expect(gridCell('SJ-NCK-0007', 'price').textContent).toBe('₹1,25,000');
    await waitFor(() => gridCell('SJ-NCK-0007', 'price').classList.contains('revive-cell-invalid'), 'the marked cell', SLOW);
    expect(hasText('SJ-NCK-0007 was not saved')).toBe(true);

    click(getByLabelText('Dismiss SJ-NCK-0007 Price (₹)'));
    await waitFor(() => !gridCell('SJ-NCK-0007', 'price').classList.contains('revive-cell-invalid'), 'the mark cleared', SLOW);
  });

  it('refuses a negative or fractional price before sending it', async () => {
    const fake = await openProducts();
    await editCell('SJ-BNG-0002', 'price', '-5');
    await waitFor(() => hasText('A price cannot be negative'), 'the negative price message', SLOW);
    await editCell('SJ-BNG-0002', 'stock', '2.5');
    await waitFor(() => hasText('Stock is a whole number'), 'the stock message', SLOW);
    expect(puts(fake)).toHaveLength(0);
  });

  it('reloads when a spreadsheet saved into the watched folder is imported', async () => {
    let products = catalog();
    const live = new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) });
    const fake = await openProducts({ 'GET /api/products': () => ({ json: { products, total: products.length } }) }, live);
    act(() => FakeSocket.latest().open());
    products = [...products, product({ sku: 'SJ-RNG-0900', name: 'Solitaire Ring', category: 'ring' })];
    act(() =>
      FakeSocket.latest().send({ type: 'catalog.imported', time: '2026-03-05T06:00:00Z', jobId: 'j', source: 'inbox', fileName: 'stock.xlsx', dryRun: false, created: 1, updated: 0, unchanged: 3, rejected: 0 }),
    );
    await waitFor(() => shownSkus().includes('SJ-RNG-0900'), 'the imported product', SLOW);
    expect(fake.requests.filter((r) => r.url === '/api/products')).toHaveLength(2);
  });
});

describe('Products empty and error states', () => {
  it('explains what to do when the catalog is empty and opens the import wizard', async () => {
    const fake = createFakeFetch({
      'GET /api/products': () => ({ json: { products: [], total: 0 } }),
      'GET /api/health': () => ({ json: health() }),
    });
    renderScreen(<ProductsPage />, { fetch: fake.fetch });
    await waitFor(() => hasText('No products yet'), 'the empty state', SLOW);
    await waitFor(() => hasText('/home/shop/.local/share/revive/catalog-inbox/'), 'the watched folder', SLOW);
    click(getButton('Import a spreadsheet'));
    await waitFor(() => hasText('Drop your stock spreadsheet here'), 'the wizard', SLOW);
  });

  it('offers a retry when the catalog cannot be loaded', async () => {
    const fake = createFakeFetch({ 'GET /api/products': () => ({ status: 500, json: { error: { code: 'internal', message: 'Database is locked' } } }) });
    renderScreen(<ProductsPage />, { fetch: fake.fetch });
    await waitFor(() => hasText('Database is locked'), 'the error', SLOW);
    expect(getButton('Try again')).toBeTruthy();
  });
});
