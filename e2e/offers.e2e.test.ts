import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS, pageApi } from './e2e-app.js';

let page: Page;

e2eApp('offers', { width: 1600, height: 900 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });
const phone = () => page.getByRole('region', { name: 'Simulator' });
const say = async (text: string) => {
  const before = await phone().locator('[data-side="agent"]').count();
  await phone().getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await phone().getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => phone().locator('[data-side="agent"]').count(), { timeout: 60_000 }).toBeGreaterThan(before);
};

const api = <T>(path: string, method = 'GET', body?: unknown): Promise<T> => pageApi<T>(page, path, method, body);

type AgentSkill = { id: string; enabled: boolean; config: Record<string, unknown> };

describe('Offers, end to end in the demo store: discount within the cap → bigger ask → owner approves → redeem', () => {
  it('starts empty and says how codes appear', async () => {
    await nav('Offers').click();
    await page.getByText('No coupon codes yet').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-offers-empty.png') });
  });

  it('the agent offers a code within its cap, and a bigger ask waits for the owner on the Offers screen', async () => {
    const { agents } = await api<{ agents: { id: number; skills: AgentSkill[] }[] }>('/api/agents');
    const agent = agents[0]!;
    const skills = agent.skills.map((k) => (k.id === 'discount_authority' ? { ...k, enabled: true, config: { ...k.config, maxPercent: 5, tenacity: 50 } } : k));
    await api(`/api/agents/${agent.id}`, 'PATCH', { skills });

    await nav('Agents').click();
    await page.getByRole('heading', { name: 'Agent Studio' }).waitFor({ timeout: 30_000 });
    await say('can you give a discount?');
    await phone().getByText(/your code is \*?REV-/).first().waitFor({ timeout: 30_000 });
    await say('make it 20%');
    await phone().getByText(/asked our manager/).waitFor({ timeout: 30_000 });

    await nav('Offers').click();
    const requests = page.getByRole('region', { name: 'Discount requests' });
    await requests.getByText('Discount requests (1)').waitFor({ timeout: 30_000 });
    await requests.getByText('asks 20% · agent cap 5%').waitFor();
    await page.getByRole('table', { name: 'Coupons' }).getByText(/^REV-/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'e2e-offers-request.png') });
  });

  it('the owner approves at 8%: the request closes and the owner\'s code is listed; redeeming it twice is refused', async () => {
    const requests = page.getByRole('region', { name: 'Discount requests' });
    await requests.getByLabel(/Percent to approve for/).fill('8');
    await requests.getByRole('button', { name: 'Approve 8%' }).click();
    await requests.waitFor({ state: 'detached', timeout: 30_000 });
    const table = page.getByRole('table', { name: 'Coupons' });
    const row = table.getByRole('row').filter({ hasText: '8% off' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('You');
    const code = (await row.locator('td').first().textContent())?.trim() ?? '';
    expect(code).toMatch(/^REV-[A-Z][A-Z0-9]{3}$/);
    const outbox = await api<{ items: { correlationId: string | null; preview: string }[] }>('/api/whatsapp/outbox?limit=50');
    expect(outbox.items.find((i) => i.correlationId === 'offers.approval')?.preview).toContain(code);

    await page.getByLabel('Redeem code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page.getByText(`${code} redeemed`).waitFor({ timeout: 30_000 });
    await page.getByLabel('Redeem code').fill(code);
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page.getByText(/was already used/).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'e2e-offers-redeemed.png') });
  });
});
