import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS } from './e2e-app.js';

let page: Page;

e2eApp('rates', { width: 1500, height: 1000 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });
const row = (sku: string) => page.getByRole('table', { name: 'Products priced by weight' }).getByRole('row').filter({ hasText: sku });

describe('Gold rate, end to end in the demo store', () => {
  it('starts with no rates and says what to do', async () => {
    await nav('Gold rate').click();
    await page.getByText('No rates yet: enter the 24K gold rate').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-rates-empty.png') });
  });

  it('sets today\'s rates, prices a bangle by weight with a live breakup, and reprices it on a rate change', async () => {
    await page.getByLabel('Gold 24K (₹ per gram)').fill('7850');
    await page.getByLabel('Silver (₹ per gram)').fill('95');
    await page.getByRole('button', { name: 'Save rates' }).click();
    await page.getByText('Rates saved').waitFor();
    await page.getByText(/as of .* set by hand/).waitFor();

    await page.getByRole('textbox', { name: 'Find a product' }).fill('SJ-BNG-0010');
    await row('SJ-BNG-0010').getByRole('button', { name: 'Set up' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Percent').fill('12');
    // 31.27 g × ₹7,850 × 0.916 = ₹2,24,850.06 → ₹2,24,850; making 12% = ₹26,982; GST 3% of ₹2,51,877 = ₹7,556
    const breakup = dialog.getByRole('table', { name: 'Price breakup' });
    await breakup.getByText('₹26,982').waitFor();
    expect(await breakup.textContent()).toContain('₹2,24,850');
    expect(await breakup.textContent()).toContain('₹2,59,433');
    await page.screenshot({ path: join(SHOTS, 'e2e-rates-pricing.png') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row('SJ-BNG-0010').textContent()).toContain('weight');
    expect(await row('SJ-BNG-0010').textContent()).not.toContain('fixed price');
    expect(await row('SJ-BNG-0010').textContent()).toContain('₹2,59,433');

    await page.getByLabel('Gold 24K (₹ per gram)').fill('8000');
    await page.getByRole('button', { name: 'Save rates' }).click();
    await page.getByText('1 product repriced.').waitFor();
    await expect.poll(() => row('SJ-BNG-0010').textContent()).not.toContain('₹2,59,433');
    expect(await page.getByRole('table', { name: 'Rate history' }).getByRole('row').count()).toBe(3); // header + 2 changes
    // two changes draw the chart: a gold line through two points, the second higher; silver, unchanged, is flat
    const chart = page.getByTestId('rate-chart');
    await chart.locator('.recharts-line-curve').first().waitFor();
    const ys = (line: number) => chart.locator('.recharts-line-dots').nth(line).locator('circle').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cy'))));
    const [gold, silver] = [await ys(0), await ys(1)];
    expect(gold).toHaveLength(2);
    expect(gold[1]).toBeLessThan(gold[0]!); // ₹8,000 sits above ₹7,850 (SVG y grows downwards)
    expect(silver).toHaveLength(2);
    expect(silver[1]).toBe(silver[0]);
    await chart.screenshot({ path: join(SHOTS, 'e2e-rates-chart.png') });
    await page.getByRole('textbox', { name: 'Find a product' }).fill('');
    await page.screenshot({ path: join(SHOTS, 'e2e-rates-screen.png'), fullPage: true });
  });
});
