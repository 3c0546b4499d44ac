import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/temp-server.js';
import { e2eApp, SHOTS, type E2eApp } from './e2e-app.js';


let app: E2eApp['app'];
let page: Page;

e2eApp('audience', { width: 1440, height: 900 }, (e) => {
  ({ app, page } = e);
  page.on('pageerror', (err) => console.error('PAGEERROR', err.message, err.stack));
  page.on('console', (m) => m.type() === 'error' && console.error('CONSOLE', m.text()));
});

/**
 * A customer list as a jeweller keeps it: phones written four ways, one customer twice (row 4 is
 * row 2 again, its blanks leaving row 2's values), money in lakh and rupee forms, and a phone that is not one (row 6).
 */
const CUSTOMERS_CSV = [
  'Customer Name,Mobile No,City,Total Purchase,Ring Size',
  'Priya Sharma,98765 43210,Mumbai,1.2 lakh,12',
  'Rahul Mehta,+91-98123-45678,Pune,"₹39,754",14',
  'Priya Sharma,919876543210,,,12',
  'Anita Desai,098200 11122,Surat,"5,000",',
  'Wrong Number,12345,Delhi,100,',
].join('\n');

const nameCell = (name: string) => page.locator('.ag-row [col-id="name"]').filter({ hasText: new RegExp(`^${name}$`) }).first();
async function rowId(name: string): Promise<string> {
  const row = nameCell(name).locator('xpath=ancestor::*[contains(@class,"ag-row")][1]');
  return (await row.getAttribute('row-id')) ?? '';
}
const cell = (id: string, col: string) => page.locator(`.ag-row[row-id="${id}"] [col-id="${col}"]`).first();

describe('Audience, end to end in the demo store', () => {
  it('imports a customer list with mixed phone formats and a duplicate through the wizard', async () => {
    await page.getByRole('link', { name: 'Audience' }).click();
    await page.getByRole('heading', { name: 'Audience' }).waitFor({ timeout: 30_000 });
    const file = join(tempDir(), 'customers.csv');
    writeFileSync(file, CUSTOMERS_CSV);
    await page.getByRole('button', { name: 'Import customers' }).first().click();
    await page.getByLabel('Customer file').setInputFiles(file);
    await page.getByRole('button', { name: 'Read the file' }).click();
    await page.getByText('The first rows as they will import').waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Field for column Mobile No').inputValue()).toBe('phone');
    expect(await page.getByLabel('Field for column Customer Name').inputValue()).toBe('name');
    // A changed mapping: Ring Size becomes a field of the store's own.
    await page.getByLabel('Field for column Ring Size').selectOption('__custom');
    expect(await page.getByLabel('New field name for column Ring Size').inputValue()).toBe('Ring Size');
    await page.getByRole('button', { name: /^Check \d+ rows$/ }).click();

    await page.getByText('Nothing is saved yet').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Will be created', { exact: true }).textContent()).toContain('3');
    expect(await page.locator('table[aria-label="Duplicates"]').textContent()).toContain('Same person as row 2');
    await page.screenshot({ path: join(SHOTS, 'e2e-audience-check.png') });
    await page.getByRole('button', { name: 'Import 4 rows' }).click();

    await page.getByText('Rows that were not imported').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Created', { exact: true }).textContent()).toContain('3');
    expect(await page.getByLabel('Rejected', { exact: true }).textContent()).toContain('1');
    expect(await page.locator('table[aria-label="Rejected rows"] tbody tr').first().textContent()).toMatch(/^6/);
    expect(await page.locator('table[aria-label="Duplicates"]').textContent()).toContain('Same person as row 2 (+91 98765 43210)');
    const download = page.getByRole('link', { name: /Download rejected rows/ });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/contacts\/imports\/[\w-]+\/rejected\.csv$/);
    const csv = await page.request.get(new URL(href ?? '', app.url).toString());
    expect(await csv.text()).toContain('12345');
    await page.screenshot({ path: join(SHOTS, 'e2e-audience-report.png') });
    await page.getByRole('button', { name: 'Done' }).click();

    // The contacts in the grid: the duplicate merged into one Priya, phones in one form, spend in rupees.
    await nameCell('Anita Desai').waitFor({ timeout: 15_000 });
    const priya = await rowId('Priya Sharma');
    expect(await cell(priya, 'phone').textContent()).toBe('+91 98765 43210');
    expect(await cell(priya, 'totalSpend').textContent()).toBe('₹1,20,000');
    expect(await page.locator('.ag-row [col-id="name"]').filter({ hasText: /^Priya Sharma$/ }).count()).toBe(1);
    expect(await cell(await rowId('Anita Desai'), 'phone').textContent()).toBe('+91 98200 11122');
  });

  it('tags two contacts in bulk', async () => {
    const priya = await rowId('Priya Sharma');
    const rahul = await rowId('Rahul Mehta');
    await page.locator(`.ag-row[row-id="${priya}"] .ag-selection-checkbox input`).first().click();
    await page.locator(`.ag-row[row-id="${rahul}"] .ag-selection-checkbox input`).first().click();
    await page.getByText('2 selected').waitFor();
    await page.getByLabel('Tags for the selected contacts').fill('#E2EBridal');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(async () => cell(rahul, 'tags').textContent(), { timeout: 15_000 }).toContain('#E2EBridal');
    expect(await cell(priya, 'tags').textContent()).toContain('#E2EBridal');
    expect(await cell(await rowId('Anita Desai'), 'tags').textContent()).not.toContain('#E2EBridal');
    await page.screenshot({ path: join(SHOTS, 'e2e-audience-grid.png') });

    // The contact drawer says why the tag is there.
    await page.getByRole('button', { name: 'Open Rahul Mehta' }).click();
    const drawer = page.getByRole('dialog', { name: 'Rahul Mehta' });
    await drawer.getByText('Added by you').waitFor({ timeout: 15_000 });
    expect(await drawer.textContent()).toContain('+91 98123 45678');
    expect(await drawer.textContent()).toContain('₹39,754');
    await page.screenshot({ path: join(SHOTS, 'e2e-audience-contact.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('filters the grid by a saved segment', async () => {
    await page.getByRole('button', { name: 'New segment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('E2E brides');
    await page.getByLabel('Rule 1 field').selectOption('tags');
    await page.getByLabel('Rule 1 value').fill('E2EBridal');
    await page.getByText('2 contacts match').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-audience-segment-editor.png') });
    await page.getByRole('button', { name: 'Save segment' }).click();

    await page.getByText(/^2 contacts in E2E brides/).waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await page.locator('.ag-row [col-id="name"]').allTextContents()).sort(), { timeout: 15_000 }).toEqual(['Priya Sharma', 'Rahul Mehta']);
    expect(await page.getByLabel('E2E brides count').textContent()).toBe('2');
    const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(exportHref).toMatch(/^\/api\/contacts\/export\.csv\?segment=\d+$/);
    const csv = await (await page.request.get(new URL(exportHref ?? '', app.url).toString())).text();
    expect(csv).toContain('Priya Sharma');
    expect(csv).not.toContain('Anita Desai');
  });

  it('exports exactly the rows a column filter leaves, with the same columns', async () => {
    await page.getByLabel('City Filter Input').fill('Pune');
    await expect.poll(async () => page.locator('.ag-row [col-id="name"]').allTextContents(), { timeout: 15_000 }).toEqual(['Rahul Mehta']);
    const button = page.getByRole('button', { name: 'Export CSV (1 shown)' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('contacts-filtered.csv');
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(lines[0]).toMatch(/^Name,Phone,WhatsApp ID,Email,City,/);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^Rahul Mehta,'\+919812345678,.*,Pune,/)]);
    await page.screenshot({ path: join(SHOTS, 'e2e-audience-filtered-export.png') });
    // Without column filters the link to the server's list is back.
    await page.getByLabel('City Filter Input').fill('');
    await page.getByRole('link', { name: 'Export CSV' }).waitFor({ timeout: 15_000 });
  });
});
