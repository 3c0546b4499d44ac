import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp, SHOTS } from './e2e-app.js';


let page: Page;
let site: { server: Server; url: string };

/** A small store website on 127.0.0.1 (port 0) for "Read website"; no network. */
const SITE_PAGES: Record<string, string> = {
  '/robots.txt': 'User-agent: *\nAllow: /\n',
  '/': '<h1>Meenakshi Jewellers</h1><p>Temple jewellery from Madurai.</p><a href="/about-us">About us</a> <a href="/faq">FAQ</a>',
  '/about-us': '<h1>About us</h1><p>Meenakshi Jewellers has crafted temple jewellery in Madurai for three generations, since 1961.</p>',
  '/faq': '<h1>FAQ</h1><h2>Do you resize bangles?</h2><p>Yes, bangle resizing is free within six months of purchase at the Madurai showroom.</p>',
};
function startSite(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const body = SITE_PAGES[req.url ?? '/'];
    if (!body) return void res.writeHead(404).end('Not found');
    const type = req.url === '/robots.txt' ? 'text/plain' : 'text/html; charset=utf-8';
    const html = type === 'text/plain' ? body : `<!doctype html><html><head><title>Meenakshi Jewellers</title></head><body><main>${body}</main></body></html>`;
    res.writeHead(200, { 'content-type': type }).end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

beforeAll(async () => {
  site = await startSite();
});
afterAll(() => {
  site?.server.close();
});

e2eApp('knowledge', { width: 1280, height: 900 }, (e) => {
  page = e.page;
});

const GIFT_MD = [
  '# Gift wrapping',
  '',
  'Every piece ships in a maroon velvet gift box with a handwritten card, at no extra cost.',
  '',
  '## Silk pouch',
  '',
  'A hand-block-printed silk pouch from Jaipur can be added for any order; ask the agent for it.',
  '',
].join('\n');

const sourceRow = (name: string) => page.getByRole('table', { name: 'Knowledge sources' }).getByRole('row', { name, exact: true });

describe('Knowledge screen, end to end in the demo store', () => {
  it('is reached from Agent Studio and lists the demo policies', async () => {
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('heading', { name: 'Agent Studio' }).waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Agent Studio' }).getByRole('link', { name: 'Knowledge' }).click();
    await page.waitForURL(/\/agents\/knowledge$/);
    await sourceRow('returns-and-exchange.md').waitFor({ timeout: 30_000 });
    await expect.poll(() => sourceRow('returns-and-exchange.md').textContent()).toContain('Ready');

    // The empty state, as a new store sees it (the list answered empty by the browser, for the picture only).
    await page.route('**/api/knowledge/sources', (route) => route.fulfill({ json: { sources: [] } }));
    await page.reload();
    await page.getByText("Your agents know nothing about the store's policies yet").waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-knowledge-empty.png'), fullPage: true });
    await page.unroute('**/api/knowledge/sources');
    await page.reload();
    await sourceRow('returns-and-exchange.md').waitFor({ timeout: 30_000 });
  });

  it('uploads a Markdown file dropped on the drop zone and one chosen with the picker; both become ready', async () => {
    // A real drop: a DataTransfer holding the file, dispatched on the zone.
    const dataTransfer = await page.evaluateHandle((text) => {
      // Runs in the page, which has DataTransfer (this file is type-checked without the DOM library).
      const { DataTransfer: PageDataTransfer } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const dt = new PageDataTransfer();
      dt.items.add(new File([text], 'gift-wrapping.md', { type: 'text/markdown' }));
      return dt;
    }, GIFT_MD);
    await page.getByTestId('knowledge-drop-zone').dispatchEvent('drop', { dataTransfer });
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await uploads.getByRole('listitem', { name: 'gift-wrapping.md' }).and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
    await expect.poll(() => sourceRow('gift-wrapping.md').textContent(), { timeout: 30_000 }).toMatch(/Ready\d+ passages?/);

    await page.getByLabel('Documents to upload').setInputFiles({
      name: 'festive-hours.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Festive hours\n\nDuring Diwali week the showroom stays open until 10 pm every night.\n'),
    });
    await uploads.getByRole('listitem', { name: 'festive-hours.md' }).and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
    await expect.poll(() => sourceRow('festive-hours.md').textContent(), { timeout: 30_000 }).toMatch(/Ready\d+ passages?/);
    await page.screenshot({ path: join(SHOTS, 'e2e-knowledge-sources.png'), fullPage: true });
  });

  it('answers a test question with a passage from the uploaded file', async () => {
    await page.getByRole('textbox', { name: 'Question' }).fill('Does my order come in a velvet gift box?');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const passages = page.getByRole('region', { name: 'Passages found' }).getByTestId('passage');
    await passages.first().waitFor({ timeout: 30_000 });
    expect(await passages.first().textContent()).toContain('gift-wrapping.md');
    expect(await passages.first().textContent()).toContain('maroon velvet gift box');
    expect(await page.getByText("The documents don't answer this").count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'e2e-knowledge-answer.png'), fullPage: true });

    await page.getByRole('textbox', { name: 'Question' }).fill('Do you service motorcycles?');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByText("The documents don't answer this — the agent will say it will check").waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-knowledge-unanswerable.png') });
  });

  it('reads a website given its address, with live progress, and answers from it', async () => {
    await page.getByRole('tab', { name: 'Website' }).click();
    await page.getByLabel('Website address').fill(site.url);
    await page.getByLabel('Most pages').fill('5');
    await page.getByRole('button', { name: 'Read website' }).click();
    // The row is named as the server names the source (the address or its host) and links the site.
    const link = page.getByRole('table', { name: 'Knowledge sources' }).getByRole('link', { name: 'Open the site' });
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${site.url.replace(/[.]/g, '\\.')}/?$`));
    const row = page.locator('table[aria-label="Knowledge sources"] tbody tr', { has: page.locator(`a[href^="${site.url}"]`) });
    expect(await row.getAttribute('aria-label')).toContain(new URL(site.url).host);
    // The status arrives by knowledge.source live messages only: the screen does not poll.
    await expect.poll(() => row.textContent(), { timeout: 60_000 }).toMatch(/Ready\d+ passages?/);
    await page.screenshot({ path: join(SHOTS, 'e2e-knowledge-website.png'), fullPage: true });

    await page.getByRole('textbox', { name: 'Question' }).fill('Is bangle resizing free?');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const first = page.getByRole('region', { name: 'Passages found' }).getByTestId('passage').first();
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toContain('bangle resizing is free within six months');
  });

  it("lets an agent answer from only the chosen document, saved across a reload", async () => {
    await page.getByRole('navigation', { name: 'Agent Studio' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByText('All changes saved').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Knowledge' }).click();
    const all = page.getByRole('checkbox', { name: "All of the store's documents" });
    await all.waitFor({ timeout: 30_000 });
    expect(await all.isChecked()).toBe(true);

    // From "all", untick every document but the gift-wrapping one.
    const boxes = page.getByRole('checkbox', { name: /^Answer from / });
    const names = (await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).filter((n) => n !== 'Answer from gift-wrapping.md');
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) await page.getByRole('checkbox', { name, exact: true }).uncheck();
    expect(await all.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Agent saved').first().waitFor({ timeout: 15_000 });
    await page.getByText('All changes saved').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-knowledge-agent-sources.png') });

    await page.reload();
    await page.getByText('All changes saved').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Knowledge' }).click();
    await page.getByRole('checkbox', { name: 'Answer from gift-wrapping.md' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('checkbox', { name: "All of the store's documents" }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Answer from gift-wrapping.md' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Answer from returns-and-exchange.md' }).isChecked()).toBe(false);
  });
});
