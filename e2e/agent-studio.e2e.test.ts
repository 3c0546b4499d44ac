import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS } from './e2e-app.js';

let page: Page;

e2eApp('agent-studio', { width: 1280, height: 800 }, (e) => {
  page = e.page;
});

const previewText = () => page.getByRole('region', { name: 'Preview reply' }).locator('[data-testid="preview-bubble"]').allTextContents();
const phone = () => page.getByRole('region', { name: 'Simulator' });
const agentBubbles = () => phone().locator('[data-side="agent"]');

describe('Agent Studio, end to end in the demo store', () => {
  it('opens the default agent and the Emoji slider changes the live preview', async () => {
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('heading', { name: 'Agent Studio' }).waitFor({ timeout: 30_000 });
    await page.getByText('All changes saved').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="preview-bubble"]').first().waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Preview reply' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 15_000 });
    const before = (await previewText()).join('\n');

    const emoji = page.getByRole('slider', { name: 'Emoji' });
    await emoji.focus();
    await emoji.press('End');
    expect(await emoji.getAttribute('aria-valuenow')).toBe('100');
    await page.getByText('Unsaved changes').waitFor();
    // The preview settles on a different reply (polled from here: the page's CSP forbids evaluated strings).
    const settled = async () => ((await page.getByRole('region', { name: 'Preview reply' }).getAttribute('aria-busy')) === 'false' ? (await previewText()).join('\n') : before);
    await expect.poll(settled, { timeout: 15_000 }).not.toBe(before);
    const after = (await previewText()).join('\n');
    expect(after).not.toBe(before);
    await page.screenshot({ path: join(SHOTS, 'e2e-agent-studio.png') });
  });

  it('chats in the simulator, opens the product list and a product, and taps a reply button', async () => {
    await phone().getByRole('textbox', { name: 'Message', exact: true }).fill('gold bangles under 50000');
    await phone().getByRole('button', { name: 'Send', exact: true }).click();
    const list = agentBubbles().filter({ has: page.getByRole('button', { name: 'View items' }) }).last();
    await list.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-simulator-chat.png') });

    await list.getByRole('button', { name: 'View items' }).click();
    const sheet = phone().getByRole('dialog');
    await sheet.locator('button[aria-label^="Open "]').first().waitFor();
    const rows = sheet.locator('button[aria-label^="Open "]');
    expect(await rows.count()).toBeGreaterThan(0);
    await sheet.getByText(/₹[\d,]+/).first().waitFor({ timeout: 15_000 });
    for (const price of await sheet.getByText(/^₹[\d,]+$/).allTextContents()) {
      expect(Number(price.replace(/[₹,]/g, ''))).toBeLessThanOrEqual(50_000);
    }
    await page.screenshot({ path: join(SHOTS, 'e2e-simulator-product-list.png') });

    const name = (await rows.first().getAttribute('aria-label'))!.replace(/^Open /, '');
    await rows.first().click();
    await sheet.getByRole('button', { name: 'Message business' }).waitFor();
    // The page opens at once and fills in its product as it loads.
    await expect.poll(async () => sheet.textContent(), { timeout: 15_000 }).toContain(name);
    expect(await sheet.textContent()).toMatch(/₹[\d,]+/);
    await page.screenshot({ path: join(SHOTS, 'e2e-simulator-product.png') });
    await sheet.getByRole('button', { name: /^Close / }).click();

    // A reply button under one of the agent's messages: the tap goes in as a button_reply and the agent answers it.
    const withButtons = agentBubbles().filter({ has: page.locator('button:not([aria-label])') }).last();
    const button = withButtons.locator('button:not([aria-label])').filter({ hasNotText: /View items|^View$/ }).first();
    await button.waitFor({ timeout: 15_000 });
    const title = (await button.textContent())!.trim();
    const count = await agentBubbles().count();
    await button.click();
    await phone().locator('[data-side="shopper"]').filter({ hasText: title }).waitFor();
    await expect.poll(() => agentBubbles().count(), { timeout: 30_000 }).toBeGreaterThan(count);
    expect(await phone().getByRole('status', { name: /is typing/ }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'e2e-simulator-reply-button.png') });
  });

  it('makes an avatar from a description', async () => {
    await page.getByRole('tab', { name: 'Avatar' }).click();
    await page.getByLabel('Describe a face to generate').fill('Professional Indian saleswoman in a saree');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByText('Avatar made').waitFor({ timeout: 30_000 });
    const src = await page.getByRole('img', { name: "Aarav's avatar" }).first().getAttribute('src');
    expect(src).toMatch(/^\/api\/agents\/\d+\/avatar\?v=/);
    await page.screenshot({ path: join(SHOTS, 'e2e-agent-studio-avatar.png') });
  });

  it('shows the Skill Store with the agent’s skills and the others ready to switch on', async () => {
    await page.getByRole('tab', { name: 'Skills' }).click();
    const onAgent = page.getByRole('region', { name: 'On this agent' });
    await onAgent.waitFor();
    expect(await onAgent.getByRole('group').count()).toBeGreaterThan(0);
    expect(await onAgent.textContent()).toContain('Human handoff');
    const store = (await page.getByRole('region', { name: 'Skill Store' }).textContent()) ?? '';
    for (const skill of ['Appointment booking', 'Discount authority', 'Virtual try-on']) expect(store).toContain(skill);
    expect(store).not.toContain('Coming soon');
    await page.screenshot({ path: join(SHOTS, 'e2e-agent-studio-skills.png') });
  });
});
