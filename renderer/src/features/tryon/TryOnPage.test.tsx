// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORIES, type Product, type TryOnAnchor, type TryOnAnchors, type TryOnPhoto } from '../../api/contracts';
import { cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { TryOnPage } from './TryOnPage';
import { previewUrl } from './tryonUrls';

const BANGLE_SPOT: TryOnAnchor = { x: 0.5, y: 0.58, scale: 0.36, pair: false };
const DEFAULTS = { ...Object.fromEntries(CATEGORIES.map((c) => [c, BANGLE_SPOT])), earrings: { x: 0.3, y: 0.5, scale: 0.09, pair: true } } as TryOnAnchors['defaults'];
const PHOTO: TryOnPhoto = { id: 9, contactId: null, contactLabel: null, source: 'owner', mediaId: 'local-1', width: 800, height: 1000, bytes: 1000, results: 0, createdAt: '2026-12-01T10:00:00.000Z', expiresAt: '2026-12-06T10:00:00.000Z' };
const SHOPPER: TryOnPhoto = { ...PHOTO, id: 3, contactId: 4, contactLabel: 'Meera', source: 'whatsapp', mediaId: '1234', results: 2 };
const product = (sku: string, name: string, images: string[]): Product => ({ sku, name, category: 'bangle', price: 45000, images }) as Product;

function setup(photos: TryOnPhoto[]) {
  const state = { photos };
  return createFakeFetch({
    'GET /api/tryon/anchors': () => ({ json: { anchors: DEFAULTS, defaults: DEFAULTS } }),
    'GET /api/tryon/photos': () => ({ json: { photos: state.photos, retentionDays: 5 } }),
    'GET /api/products': () => ({ json: { products: [product('SJ-BNG-0001', 'Classic Kada', ['products/a.png']), product('SJ-BNG-0009', 'No-photo Bangle', [])], total: 2 } }),
    'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_found', message: 'none' } } }),
    'POST /api/tryon/photos': () => {
      state.photos = [PHOTO, ...state.photos];
      return { json: PHOTO };
    },
    'PUT /api/tryon/anchors/bangle': (r) => ({ json: { anchors: { ...DEFAULTS, bangle: r.body }, defaults: DEFAULTS } }),
    'DELETE /api/tryon/photos/3': () => {
      state.photos = state.photos.filter((p) => p.id !== 3);
      return { json: { deleted: 1 } };
    },
  });
}

afterEach(() => {
  act(() => notifications.clean());
  cleanup();
});

describe('Try-on screen', () => {
  it('with no photos, says how they arrive and how long they are kept', async () => {
    const fake = setup([]);
    renderScreen(<TryOnPage />, { fetch: fake.fetch, path: '/agents/try-on' });
    await waitFor(() => hasText('No photos stored'), 'the empty state');
    expect(hasText('it is kept here for 5 days, then deleted')).toBe(true);
    expect(hasText('deleted 5 days after they arrive')).toBe(true);
    expect(hasText('Upload a sample photo')).toBe(true);
  });

  it('uploads a sample, previews a product with a photo on it, moves its spot and saves it for the category', async () => {
    const fake = setup([]);
    renderScreen(<TryOnPage />, { fetch: fake.fetch, path: '/agents/try-on' });
    await waitFor(() => hasText('No photos stored'), 'the page');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'me.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [file] });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => fake.requests.some((r) => r.method === 'POST' && r.url === '/api/tryon/photos'), 'the upload');
    expect(fake.requests.find((r) => r.method === 'POST')!.body).toBeInstanceOf(Blob);

    await waitFor(() => hasText('Pick a product with a photo') || document.querySelector('input[placeholder="Pick a product with a photo"]') !== null, 'the product list');
    const picker = getByLabelText('Product');
    act(() => picker.focus());
    click(picker);
    await waitFor(() => document.querySelectorAll('[role="option"]').length > 0, 'the products');
    // only products with a photo can be tried on
    expect([...document.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual(['Classic Kada (SJ-BNG-0001)']);
    click(document.querySelector<HTMLElement>('[role="option"]')!);

    const img = () => document.querySelector<HTMLImageElement>('img[alt="Classic Kada on the sample photo"]');
    await waitFor(() => img() !== null, 'the preview');
    expect(img()!.getAttribute('src')).toBe(previewUrl(9, 'SJ-BNG-0001', BANGLE_SPOT));
    expect(getButton('Save this spot').disabled).toBe(true);

    const down = document.querySelector<HTMLElement>('[aria-labelledby="tryon-Down"] [role="slider"]') ?? getByLabelText<HTMLElement>('Down');
    act(() => {
      down.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    await waitFor(() => img()!.getAttribute('src') === previewUrl(9, 'SJ-BNG-0001', { ...BANGLE_SPOT, y: 0.59 }), 'the moved preview');
    click(getButton('Save this spot'));
    await waitFor(() => fake.requests.some((r) => r.method === 'PUT'), 'the save');
    expect(fake.requests.find((r) => r.method === 'PUT')!.body).toEqual({ ...BANGLE_SPOT, y: 0.59 });
    await waitFor(() => hasText('your spot'), 'the saved badge');
  });

  it('lists stored photos with their deletion day and deletes one', async () => {
    const fake = setup([SHOPPER]);
    renderScreen(<TryOnPage />, { fetch: fake.fetch, path: '/agents/try-on' });
    await waitFor(() => hasText('Meera'), 'the photo row');
    const row = document.querySelector('table[aria-label="Stored try-on photos"] tbody tr')!.textContent ?? '';
    expect(row).toContain('WhatsApp');
    expect(row).toContain('2');
    click(getByLabelText<HTMLElement>('Delete photo 3'));
    await waitFor(() => fake.requests.some((r) => r.method === 'DELETE' && r.url === '/api/tryon/photos/3'), 'the delete');
    await waitFor(() => hasText('No photos stored'), 'the empty list');
  });
});
