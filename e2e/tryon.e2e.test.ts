import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS } from './e2e-app.js';

let page: Page;

e2eApp('tryon', { width: 1440, height: 1000 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });

/** A head-and-shoulders "selfie": a face, a neck and shoulders on a plain wall. */
function selfie(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000"><rect width="800" height="1000" fill="#9bb7c9"/>
<ellipse cx="400" cy="1000" rx="340" ry="260" fill="#b5473a"/><rect x="340" y="560" width="120" height="200" fill="#c98d6b"/>
<ellipse cx="400" cy="400" rx="150" ry="190" fill="#d9a07c"/><ellipse cx="245" cy="500" rx="22" ry="40" fill="#c98d6b"/><ellipse cx="555" cy="500" rx="22" ry="40" fill="#c98d6b"/>
<path d="M250 330 Q400 150 550 330 L560 260 Q400 120 240 260 Z" fill="#2b1d16"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

describe('Virtual try-on screen', () => {
  it('composes a product on a sample photo, moves the spot for its category and saves it', async () => {
    await nav('Agents').click();
    await page.getByRole('navigation', { name: 'Agent Studio' }).getByRole('link', { name: 'Try-on' }).click();
    await page.getByText('No photos stored').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-tryon-empty.png') });

    await page.locator('input[type="file"]').setInputFiles({ name: 'selfie.jpg', mimeType: 'image/jpeg', buffer: await selfie() });
    await page.getByRole('button', { name: 'Use another photo' }).waitFor();
    await page.getByRole('combobox', { name: 'Product' }).click();
    await page.getByRole('combobox', { name: 'Product' }).fill('SJ-NCK-0001');
    await page.getByRole('option').first().click();

    const preview = page.locator('img[alt$="on the sample photo"]');
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth; }), { timeout: 30_000 }).toBe(800);
    await page.screenshot({ path: join(SHOTS, 'e2e-tryon-preview.png') });

    const down = page.getByRole('slider').nth(1);
    await down.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => preview.getAttribute('src')).toMatch(/y=0\.66(&|$)/);
    await page.getByRole('button', { name: 'Save this spot' }).click();
    await page.getByText('Spot saved').waitFor();
    await page.getByText('your spot').waitFor();

    // the sample is listed as stored, with the day it will be deleted
    const row = page.locator('table[aria-label="Stored try-on photos"] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Your sample');
    await expect.poll(() => preview.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth; })).toBe(800);
    await page.screenshot({ path: join(SHOTS, 'e2e-tryon-saved.png'), fullPage: true });
  });
});
