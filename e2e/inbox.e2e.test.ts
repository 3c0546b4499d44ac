import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS } from './e2e-app.js';

let page: Page;

e2eApp('inbox', { width: 1500, height: 900 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });
const phone = () => page.getByRole('region', { name: 'Simulator' });
const agentBubbles = () => phone().locator('[data-side="agent"]');
const say = async (text: string) => {
  const before = await agentBubbles().count();
  await phone().getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await phone().getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => agentBubbles().count(), { timeout: 60_000 }).toBeGreaterThan(before);
};
const conversation = () => page.getByRole('region', { name: /^Conversation with / });

describe('Inbox, end to end in the demo store', () => {
  it('an angry shopper in the simulator is handed to a person: told someone will reply, the owner is alerted, the Inbox badge counts it', async () => {
    await nav('Agents').click();
    await page.getByRole('heading', { name: 'Agent Studio' }).waitFor({ timeout: 30_000 });
    await say('This is the worst service ever, my chain broke in a week. You cheated me!');
    expect(await agentBubbles().last().textContent()).toContain('team will reply to you here soon');
    // the in-app alert, and the unread badge on the Inbox entry
    await page.getByText(/needs you$/).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => nav('Inbox').textContent(), { timeout: 30_000 }).toMatch(/1/);
    await page.screenshot({ path: join(SHOTS, 'e2e-inbox-alert.png') });
  });

  it('the thread is first in the Inbox with its reason; the owner replies and the reply reaches the shopper', async () => {
    await nav('Inbox').click();
    const first = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('aria-label')).toMatch(/needs you: /);
    expect(await first.textContent()).toMatch(/Upset|Complaint/);
    await conversation().locator('[data-side="shopper"]').getByText('This is the worst service ever', { exact: false }).waitFor();
    // opened: read, the badge clears
    await expect.poll(() => nav('Inbox').textContent(), { timeout: 30_000 }).toBe('Inbox');
    await page.screenshot({ path: join(SHOTS, 'e2e-inbox-thread.png') });

    await conversation().getByRole('textbox', { name: 'Reply' }).fill('So sorry about the chain! Bring it in, we will repair it free today.');
    await conversation().getByRole('button', { name: 'Send' }).click();
    await conversation().locator('[data-by="owner"]').getByText('we will repair it free today', { exact: false }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-inbox-replied.png') });

    await nav('Agents').click();
    await phone().getByText('we will repair it free today', { exact: false }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-inbox-simulator.png') });
  });

  it('the owner hands back and the agent answers the next message again', async () => {
    await nav('Inbox').click();
    await conversation().getByRole('button', { name: /^Hand back to / }).click();
    await conversation().getByRole('button', { name: 'Take over' }).waitFor({ timeout: 30_000 });
    await conversation().getByText(/is answering$/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'e2e-inbox-handed-back.png') });

    await nav('Agents').click();
    await phone().getByText('we will repair it free today', { exact: false }).waitFor({ timeout: 30_000 });
    await say('ok thanks, show me gold bangles');
    expect(await agentBubbles().last().textContent()).not.toContain('A member of our team will reply');
    await page.screenshot({ path: join(SHOTS, 'e2e-inbox-agent-again.png') });
  });

  it('a plain "5 stars" is thanked and shows on the Feedback screen, per agent and month', async () => {
    await say('5 stars, lovely staff');
    expect(await agentBubbles().last().textContent()).toContain('Thank you for your feedback!');
    await nav('Inbox').click();
    await page.getByRole('link', { name: 'Feedback' }).click();
    const table = page.getByRole('table', { name: 'Ratings' });
    await table.getByText('lovely staff').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('list', { name: 'Ratings per agent and month' }).textContent()).toMatch(/Aarav.*5\.0.*1 rating/);
    await page.screenshot({ path: join(SHOTS, 'e2e-inbox-feedback.png') });
  });
});
