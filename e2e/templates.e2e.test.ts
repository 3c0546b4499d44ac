import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS } from './e2e-app.js';

let page: Page;

e2eApp('templates', { width: 1440, height: 900 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });

describe('Templates and Flows settings, in the demo store', () => {
  it('lists the emulator’s templates with their status; only approved ones can be sent', async () => {
    await nav('Settings').click();
    await page.getByRole('tab', { name: 'Templates' }).click();
    const table = page.getByRole('table', { name: 'Message templates' });
    await table.getByText('appointment_reminder').waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Send order_update' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send diwali_offer' }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'e2e-templates-list.png') });

    await page.getByRole('button', { name: 'Send diwali_offer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Coupon code (up to 15 characters)').waitFor();
    await dialog.getByLabel('Body {{1}}').fill('Meera');
    await page.waitForTimeout(300); // the modal's fade-in, for the picture only
    await page.screenshot({ path: join(SHOTS, 'e2e-templates-send.png') });
    await page.keyboard.press('Escape');
  });

  it('shows the Flows public key and Flow ids on the WhatsApp settings screen', async () => {
    await page.getByRole('tab', { name: 'WhatsApp' }).click();
    const card = page.getByRole('region', { name: 'WhatsApp Flows' });
    await card.getByText('-----BEGIN PUBLIC KEY-----', { exact: false }).waitFor({ timeout: 30_000 });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(SHOTS, 'e2e-flows-key.png') });
    expect(await card.getByRole('button', { name: 'book_appointment.json' }).isVisible()).toBe(true);
  });
});
