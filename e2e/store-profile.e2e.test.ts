import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../server/src/config.js';
import { tempDir } from '../test/helpers/temp-server.js';
import { launchChromium } from './browser.js';
import { startBrowserMode } from './start-browser-mode.js';

const SHOTS = join(appRoot(), 'test-results');

let app: { child: ChildProcess; url: string; output: () => string };
let browser: BrowserContext;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  app = await startBrowserMode(join(tempDir(), 'data'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  app?.child.kill('SIGTERM');
});

describe('browser mode, end to end', () => {
  it('npm start prints a tokened link like Jupyter and makes the demo store on first run', () => {
    expect(app.output()).toContain('First run: made');
    expect(app.output()).toContain('browser mode');
  });

  it('opens the link, edits the store profile, reloads and finds it kept', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toContain('Jewellers');
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-home.png'), fullPage: true });

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Store name').waitFor();
    await page.getByLabel('PIN code').fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A PIN code has 6 digits').waitFor();

    await page.getByLabel('Store name').fill('Kanak Mahal Jewellers');
    await page.getByLabel('City').fill('Udaipur');
    await page.getByLabel('PIN code').fill('313001');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Store profile saved').waitFor();

    await page.reload();
    await expect.poll(() => page.getByLabel('Store name').inputValue(), { timeout: 15_000 }).toBe('Kanak Mahal Jewellers');
    expect(await page.getByLabel('City').inputValue()).toBe('Udaipur');
    expect(await page.getByLabel('PIN code').inputValue()).toBe('313001');
    await page.screenshot({ path: join(SHOTS, 'e2e-store-profile.png'), fullPage: true });

    await page.getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toContain('Kanak Mahal Jewellers');
  });

  it('a browser without the token sees the sign-in notice, not the data', async () => {
    const other = await launchChromium();
    try {
      const page = await other.newPage();
      await page.goto(new URL('/', app.url).href);
      await page.getByText('Open Revive from the link', { exact: false }).first().waitFor({ timeout: 15_000 });
      expect(await page.content()).not.toContain('Kanak Mahal');
    } finally {
      await other.close();
    }
  });
});
