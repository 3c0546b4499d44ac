import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../server/src/config.js';
import { startTestTunnelServer, type TestTunnelServer } from '../test/helpers/localtunnel-server.js';
import { tempDir } from '../test/helpers/temp-server.js';
import { launchChromium } from './browser.js';
import { startBrowserMode } from './start-browser-mode.js';

const SHOTS = join(appRoot(), 'test-results');

let app: { child: ChildProcess; url: string; output: () => string };
let browser: BrowserContext;
let tunnelServer: TestTunnelServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The tunnel registers with a localtunnel-protocol server inside the test, never the internet.
  tunnelServer = await startTestTunnelServer();
  process.env.REVIVE_TUNNEL_HOST = tunnelServer.host;
  browser = await launchChromium();
  app = await startBrowserMode(join(tempDir(), 'data'));
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  app?.child.kill('SIGTERM');
  await tunnelServer?.close();
  delete process.env.REVIVE_TUNNEL_HOST;
});

// evaluated in the page (this tsconfig has no DOM types)
const clipboard = async (page: Page) => String(await page.evaluate('navigator.clipboard.readText()'));

describe('Settings → WhatsApp, end to end in the demo store', () => {
  it('walks the connect wizard, runs the tunnel, makes a verify token and sends a test message', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'WhatsApp' }).click();
    await page.getByText('Demo: built-in emulator').waitFor({ timeout: 15_000 });

    // 1. the number: the schema's message at the field, then saved
    await page.getByLabel('Phone number ID').fill('10654abc');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('The phone number id is a long number from Meta’s dashboard').waitFor();
    await page.getByLabel('Phone number ID').fill('106540352242922');
    await page.getByLabel('WhatsApp Business Account ID').fill('102290129340398');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // 2. the keys: saved as secrets, then only their hints
    await page.getByLabel('Access token').fill('EAAGm0PX4ZCpsBAwxyz1234');
    await page.getByLabel('App secret').fill('0123456789abcdef0123456789ab9876');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('button', { name: 'Generate verify token' }).waitFor();
    await page.getByText('Restart Revive to switch').waitFor();

    // 3. the webhook: tunnel on, its URL copied, a verify token shown once
    await page.getByRole('button', { name: 'Start the tunnel' }).click();
    await page.getByLabel('Tunnel state: On').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Copy webhook URL' }).click();
    const webhookUrl = await clipboard(page);
    expect(webhookUrl).toMatch(/^https?:\/\/[\w-]+\.lt\.test(:\d+)?\/webhooks\/whatsapp$/);
    expect(await page.getByText(webhookUrl, { exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Generate verify token' }).click();
    await page.getByText('Your verify token — shown only this once').waitFor();
    await page.getByRole('button', { name: 'Copy verify token' }).click();
    const token = await clipboard(page);
    expect(token).toMatch(/^[\w-]{32}$/);
    await page.getByText(`Set ••••${token.slice(-4)}`).waitFor();

    // the tunnel server forgets us and keeps our name: the URL changes and the screen says so
    await tunnelServer.dropAll({ retire: true });
    await page.getByText("Your webhook URL changed — paste the new one in Meta's dashboard").waitFor({ timeout: 30_000 });
    await page.getByLabel('Tunnel state: On').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Copy the new webhook URL' }).click();
    const newUrl = await clipboard(page);
    expect(newUrl).toMatch(/\/webhooks\/whatsapp$/);
    expect(newUrl).not.toBe(webhookUrl);
    await page.screenshot({ path: join(SHOTS, 'e2e-whatsapp-webhook.png'), fullPage: true });

    // 4. the test message reaches the demo's emulator
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Send to').fill('98765 43210');
    await page.getByRole('button', { name: 'Send test message' }).click();
    const status = page.getByLabel('Test message status');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Sent|Delivered|Read/);
    expect(await status.textContent()).toContain('+91 98765 43210');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SHOTS, 'e2e-whatsapp-settings.png'), fullPage: true });

    // after a reload the verify token is only a hint, and the keys were never put back on screen
    await page.reload();
    await page.getByText('Demo: built-in emulator').waitFor({ timeout: 15_000 });
    // everything is set, so the wizard opens on the test step; the token's hint is on the webhook step
    await page.getByLabel('Send to').waitFor();
    await page.locator('.mantine-Stepper-step', { hasText: 'Webhook' }).click();
    await page.getByText(`Set ••••${token.slice(-4)}`).waitFor();
    await page.getByRole('button', { name: 'Generate a new verify token' }).waitFor();
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain('EAAGm0PX4ZCpsBAwxyz1234');
    expect(html).not.toContain('0123456789abcdef0123456789ab9876');
  }, 150_000);
});
