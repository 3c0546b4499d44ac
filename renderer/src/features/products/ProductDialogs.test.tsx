// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { gridCell, pickFile, shownSkus, SLOW } from './gridTestHelpers';
import { catalog, product } from './productFixtures';
import { ProductsPage } from './ProductsPage';

// Each test draws the real grid: see SLOW.
vi.setConfig({ testTimeout: 120_000 });

// jsdom has no object URLs; the picture editor previews a picked file with one.
const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeAll(() => {
  URL.createObjectURL = () => 'blob:preview';
  URL.revokeObjectURL = () => {};
});
afterAll(() => {
  URL.createObjectURL = objectUrls.create;
  URL.revokeObjectURL = objectUrls.revoke;
});

afterEach(() => {
  cleanup();
  notifications.clean();
});

type Routes = Parameters<typeof createFakeFetch>[0];

async function openProducts(routes: Routes = {}) {
  const fake = createFakeFetch({
    'GET /api/products': () => ({ json: { products: catalog(), total: 3 } }),
    'GET /api/settings/store': () => ({ json: storeProfile() }),
    ...routes,
  });
  renderScreen(<ProductsPage />, { fetch: fake.fetch });
  await waitFor(() => shownSkus().length === 3, 'the grid rows', SLOW);
  return fake;
}

const writes = (fake: ReturnType<typeof createFakeFetch>) => fake.requests.filter((r) => r.method !== 'GET');
const fileInput = () => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('No file input');
  return input;
};

describe('Deleting a product', () => {
  it('asks first, then sends DELETE and takes the row out of the grid', async () => {
    const fake = await openProducts({ 'DELETE /api/products/SJ-NCK-0007': () => ({ json: { sku: 'SJ-NCK-0007', deleted: true } }) });
    click(getByLabelText('Delete SJ-NCK-0007'));
    await waitFor(() => hasText('Delete this product?'), 'the confirmation', SLOW);
    expect(hasText('Kundan Rani Haar')).toBe(true);
    // Nothing is sent until the person confirms.
    expect(writes(fake)).toEqual([]);

    click(getButton('Delete'));
    await waitFor(() => !shownSkus().includes('SJ-NCK-0007'), 'the row gone', SLOW);
    expect(writes(fake)).toEqual([expect.objectContaining({ method: 'DELETE', url: '/api/products/SJ-NCK-0007', body: undefined })]);
    expect(shownSkus().sort()).toEqual(['SJ-ANK-0001', 'SJ-BNG-0002']);
    await waitFor(() => hasText('Product deleted'), 'the deleted notification', SLOW);
    await waitFor(() => !hasText('Delete this product?'), 'the dialog closed', SLOW);
    expect(hasText('2 products')).toBe(true);
  });

  it('sends nothing and keeps the row when the person keeps it', async () => {
    const fake = await openProducts({ 'DELETE /api/products/SJ-NCK-0007': () => ({ json: { sku: 'SJ-NCK-0007', deleted: true } }) });
    click(getByLabelText('Delete SJ-NCK-0007'));
    await waitFor(() => hasText('Delete this product?'), 'the confirmation', SLOW);
    click(getButton('Keep it'));
    await waitFor(() => !hasText('Delete this product?'), 'the dialog closed', SLOW);
    expect(writes(fake)).toEqual([]);
    expect(shownSkus().sort()).toEqual(['SJ-ANK-0001', 'SJ-BNG-0002', 'SJ-NCK-0007']);
  });
});

describe('Product picture', () => {
  const BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it('uploads a picked image as raw bytes and shows the new picture', async () => {
    const saved = product({ images: ['products/SJ-BNG-0002.png'], updatedAt: '2026-03-05T06:00:00.000Z' });
    const fake = await openProducts({ 'POST /api/products/SJ-BNG-0002/image': () => ({ json: saved }) });
    const before = gridCell('SJ-BNG-0002', 'image').querySelector('img')?.getAttribute('src');
    click(getByLabelText('Picture of SJ-BNG-0002'));
    await waitFor(() => hasText('Picture · SJ-BNG-0002'), 'the picture dialog', SLOW);
    expect(hasText('No picture yet')).toBe(true);

    const file = new File([BYTES], 'bangle.png', { type: 'image/png' });
    pickFile(fileInput(), file);
    await waitFor(() => queryImg('New picture preview') !== null, 'the preview', SLOW);
    expect(hasText('New: bangle.png (11 B)')).toBe(true);
    expect(writes(fake)).toEqual([]);

    click(getButton('Upload picture'));
    await waitFor(() => hasText('Current picture') && !hasText('No picture yet'), 'the new current picture', SLOW);
    const sent = writes(fake);
    expect(sent).toEqual([
      expect.objectContaining({ method: 'POST', url: '/api/products/SJ-BNG-0002/image', headers: expect.objectContaining({ 'Content-Type': 'application/octet-stream' }) }),
    ]);
    const body = sent[0]?.body;
    expect(body).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (body as Blob).arrayBuffer())).toEqual(BYTES);

    // The preview is used up; the dialog and the grid show the saved picture, cache-busted.
    expect(queryImg('New picture preview')).toBeNull();
    expect(getButton('Choose a new picture')).toBeTruthy();
    expect(queryImg('Current picture of Textured 22K Gold Bangle')?.getAttribute('src')).toBe('/api/products/SJ-BNG-0002/image?v=2026-03-05T06%3A00%3A00.000Z');
    await waitFor(() => gridCell('SJ-BNG-0002', 'image').querySelector('img')?.getAttribute('src') !== before, 'the new thumbnail', SLOW);
    expect(gridCell('SJ-BNG-0002', 'image').querySelector('img')?.getAttribute('src')).toContain('v=2026-03-05T06%3A00%3A00.000Z');
    await waitFor(() => hasText('Picture added'), 'the notification', SLOW);
  });

  it('refuses a file that is not a picture and sends nothing', async () => {
    const fake = await openProducts({ 'POST /api/products/SJ-BNG-0002/image': () => ({ json: product() }) });
    click(getByLabelText('Picture SJ-BNG-0002'));
    await waitFor(() => hasText('Picture · SJ-BNG-0002'), 'the picture dialog', SLOW);

    pickFile(fileInput(), new File(['name,price\n'], 'prices.csv', { type: 'text/csv' }));
    await waitFor(() => document.querySelector('[role="alert"]') !== null, 'the refusal', SLOW);
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('“prices.csv” is not a PNG, JPEG or WebP picture.');
    expect(queryImg('New picture preview')).toBeNull();
    expect(() => getButton('Upload picture')).toThrow();
    expect(writes(fake)).toEqual([]);
  });
});

function queryImg(alt: string): HTMLImageElement | null {
  return [...document.querySelectorAll('img')].find((img) => img.getAttribute('alt') === alt) ?? null;
}
