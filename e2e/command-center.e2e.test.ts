import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS, type E2eApp } from './e2e-app.js';


let app: E2eApp['app'];
/** The owner's Command Center (Matrix, Fleet) in one tab, the Agent Studio's simulator in another. */
let center: Page;
let studio: Page;

e2eApp(
  'command-center',
  { width: 1280, height: 800 },
  async (e) => {
    ({ app, page: center } = e);
    studio = await e.browser.newPage();
    await studio.goto(new URL('/agents', app.url).toString());
  },
  () => [center, studio],
);

const phone = () => studio.getByRole('region', { name: 'Simulator' });

async function sendInSimulator(text: string): Promise<void> {
  await studio.bringToFront();
  await phone().getByRole('textbox', { name: 'Message', exact: true }).waitFor({ timeout: 30_000 });
  await phone().getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await phone().getByRole('button', { name: 'Send', exact: true }).click();
}

describe('Command Center, end to end in the demo store', () => {
  it('a message sent in the simulator appears in the Matrix, live', async () => {
    await center.getByRole('link', { name: 'Matrix' }).click();
    await center.getByRole('heading', { name: 'Matrix' }).waitFor({ timeout: 30_000 });
    await center.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    const log = center.getByRole('table', { name: 'Event log' });
    await log.waitFor();

    const words = `e2e matrix check ${Date.now()}`;
    await studio.getByText('All changes saved').waitFor({ timeout: 30_000 });
    await sendInSimulator(words);

    // The shopper's words arrive as an INBOUND line, followed by the agent's OUTBOUND reply.
    const inbound = log.getByRole('row').filter({ hasText: words }).filter({ hasText: '[INBOUND]' });
    await inbound.first().waitFor({ timeout: 30_000 });
    await log.getByRole('row').filter({ hasText: '[OUTBOUND]' }).last().waitFor({ timeout: 60_000 });
    expect(await inbound.count()).toBe(1);

    // Clicking the line opens that conversation (in the front tab: a background tab runs no animations).
    await center.bringToFront();
    await inbound.first().click();
    const drawer = center.getByRole('dialog');
    await drawer.getByText(words).waitFor({ timeout: 15_000 });
    await drawer.locator('[data-side="agent"]').first().waitFor();
    await center.waitForTimeout(500); // the drawer slides in: let it settle for the picture
    await center.screenshot({ path: join(SHOTS, 'e2e-matrix-conversation.png') });
    await center.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await center.screenshot({ path: join(SHOTS, 'e2e-matrix.png') });

    // Opened afresh, the Matrix shows it again, from the stored history.
    await center.reload();
    await inbound.first().waitFor({ timeout: 30_000 });
    expect(await inbound.count()).toBe(1);
  });

  it('pausing the default agent on its Fleet card gives the next shopper message the away message', async () => {
    await center.bringToFront();
    await center.getByRole('link', { name: 'Fleet' }).click();
    await center.getByRole('heading', { name: 'Fleet' }).waitFor({ timeout: 30_000 });
    const card = center.getByRole('article').filter({ hasText: 'Answers your WhatsApp number' });
    await card.waitFor({ timeout: 15_000 });
    // The simulator turn above counts on the default agent's card.
    await expect.poll(async () => Number((await card.getByText('Messages today').locator('..').textContent())?.replace(/\D+/g, '') ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);

    const agents = (await (await center.request.get(new URL('/api/agents', app.url).toString())).json()) as { agents: { name: string; isDefault: boolean; awayMessage: string }[] };
    const chosen = agents.agents.find((a) => a.isDefault);
    expect(chosen).toBeDefined();
    const away = chosen!.awayMessage.trim();
    expect(away.length).toBeGreaterThan(0);

    await card.getByRole('button', { name: 'Pause' }).click();
    await card.getByText('Paused', { exact: true }).waitFor({ timeout: 15_000 });
    await center.screenshot({ path: join(SHOTS, 'e2e-fleet-paused.png') });

    // The studio hears of it live; the next message gets the away message instead of an answer.
    await phone().getByText('paused', { exact: true }).waitFor({ timeout: 15_000 });
    const before = await phone().locator('[data-side="agent"]').count();
    await sendInSimulator('Do you have gold bangles?');
    await expect.poll(async () => phone().locator('[data-side="agent"]').count(), { timeout: 30_000 }).toBeGreaterThan(before);
    const last = (await phone().locator('[data-side="agent"]').last().textContent()) ?? '';
    expect(last).toContain(away.slice(0, 40));

    await center.bringToFront();
    await card.getByRole('button', { name: 'Resume' }).click();
    await card.getByText('Active', { exact: true }).waitFor({ timeout: 15_000 });
    await center.screenshot({ path: join(SHOTS, 'e2e-fleet.png') });
  });
});
