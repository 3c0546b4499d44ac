import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../server/src/config.js';
import { tempDir } from '../test/helpers/temp-server.js';
import { launchChromium } from './browser.js';
import { startBrowserMode } from './start-browser-mode.js';

const SHOTS = join(appRoot(), 'test-results');

let app: { child: ChildProcess; url: string; output: () => string };
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  app = await startBrowserMode(join(tempDir(), 'data'));
  page = await browser.newPage();
  await page.goto(app.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  app?.child.kill('SIGTERM');
});

/** A stock file as a jeweller keeps it: its own column names, Indian number formats, one broken row. */
const STOCK_CSV = [
  'Item Code,Product Name,Type,Karat/Purity,Gross Wt (g),MRP (₹),Qty In Hand',
  'SJ-E2E-0001,Peacock Temple Jhumka,Earrings,916,14.2,"₹ 86,500.00",2',
  'SJ-E2E-0002,Broken Weight Ring,Ring,22K,abc,"12,000",1',
].join('\n');

describe('Products screen, end to end', () => {
  it('shows the demo catalog in the grid', async () => {
    await page.getByRole('link', { name: 'Products' }).click();
    await page.locator('.ag-row').first().waitFor({ timeout: 30_000 });
    const description = await page.getByText(/\d+ products · double-click/).textContent();
    expect(Number(/(\d[\d,]*) products/.exec(description ?? '')?.[1]?.replace(/,/g, ''))).toBeGreaterThanOrEqual(150);
    // AG Grid counts the header row in aria-rowcount.
    const rowCount = Number(await page.locator('[role="treegrid"], [role="grid"]').first().getAttribute('aria-rowcount'));
    expect(rowCount - 1).toBeGreaterThanOrEqual(150);
    expect(await page.locator('.ag-row [col-id="price"]').first().textContent()).toMatch(/^₹[\d,]+$/);
  });

  it('imports a spreadsheet through the wizard and finds the new product in the grid', async () => {
    const file = join(tempDir(), 'shop-stock.csv');
    writeFileSync(file, STOCK_CSV);
    await page.getByRole('button', { name: 'Import spreadsheet' }).click();
    await page.getByLabel('Spreadsheet file').setInputFiles(file);
    await page.getByRole('button', { name: 'Read the file' }).click();
    await page.getByText('The first rows as they will import').waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Field for column Item Code').inputValue()).toBe('sku');
    expect(await page.getByLabel('Field for column MRP (₹)').inputValue()).toBe('price');
    await page.getByRole('button', { name: 'Import 2 rows' }).click();

    await page.getByText('Rows that were not imported').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Created', { exact: true }).textContent()).toContain('1');
    expect(await page.getByLabel('Rejected', { exact: true }).textContent()).toContain('1');
    expect(await page.locator('table[aria-label="Rejected rows"] tbody tr').first().textContent()).toMatch(/^3/);
    const download = page.getByRole('link', { name: /Download rejected rows/ });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/catalog\/imports\/[\w-]+\/rejected\.csv$/);
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByLabel('Filter the grid').fill('SJ-E2E');
    const row = page.locator('.ag-row[row-id="SJ-E2E-0001"]').first();
    await row.waitFor({ timeout: 15_000 });
    expect(await page.locator('.ag-row[row-id="SJ-E2E-0001"] [col-id="price"]').first().textContent()).toBe('₹86,500');
    expect(await page.locator('.ag-row[row-id="SJ-E2E-0002"]').count()).toBe(0);
    await page.getByLabel('Filter the grid').fill('');
  });

  it('shows what a shopper-style search understood as chips', async () => {
    await page.getByLabel('Search like a shopper').fill('gold bangles under 50k');
    const understood = page.getByRole('group', { name: 'What the search understood' });
    await understood.getByText('Up to ₹50,000').waitFor({ timeout: 15_000 });
    expect(await understood.textContent()).toContain('Category: bangle');
    expect(await understood.textContent()).toContain('Metal: gold');
    // The chips can show a render before the grid's rows follow: wait until the rows are the search's.
    const prices = async () => (await page.locator('.ag-row [col-id="price"]').allTextContents()).map((p) => Number(p.replace(/[₹,]/g, '')));
    await expect.poll(async () => { const p = await prices(); return p.length > 0 && p.every((x) => x <= 50_000); }, { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'e2e-products.png'), fullPage: true });
  });
});
