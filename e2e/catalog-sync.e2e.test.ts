import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS } from './e2e-app.js';

let page: Page;

e2eApp('catalog-sync', { width: 1600, height: 900 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });
const panel = () => page.getByTestId('catalog-sync');

describe('WhatsApp catalog sync, end to end in the demo store', () => {
  it('the Products screen shows the demo catalog synced to the (emulated) Meta catalog, and "Sync now" runs again', async () => {
    await nav('Products').click();
    await panel().waitFor({ timeout: 30_000 });
    // the server syncs the demo catalog to its emulator in the background shortly after it starts
    await expect.poll(() => panel().locator('[data-count="synced"]').textContent(), { timeout: 60_000 }).toBe('In sync 172');
    expect(await panel().locator('[data-count="failed"]').textContent()).toBe('Failed 0');
    await page.screenshot({ path: join(SHOTS, 'e2e-catalog-sync.png') });

    await panel().getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => panel().getByTestId('last-sync').textContent(), { timeout: 60_000 }).toMatch(/^Last sync .* · nothing changed$/);
    await panel().screenshot({ path: join(SHOTS, 'e2e-catalog-sync-panel.png') });
  });

  it('a product added without a photo is synced in the background and listed as failed with the reason', async () => {
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/products', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sku: 'SJ-NEW-0001', name: 'Temple Kangan', category: 'bangle', price: 52000, stock: 1 }) });
      return res.status;
    });
    expect(status).toBe(200);
    const row = panel().locator('[data-sku="SJ-NEW-0001"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain('No photo: Meta needs a picture for every product');
    expect(await panel().locator('[data-count="failed"]').textContent()).toBe('Failed 1');
    await panel().screenshot({ path: join(SHOTS, 'e2e-catalog-sync-failed.png') });
  });
});
