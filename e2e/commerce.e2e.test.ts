import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eApp, SHOTS, pageApi } from './e2e-app.js';

let page: Page;

e2eApp('commerce', { width: 1600, height: 900 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });
const phone = () => page.getByRole('region', { name: 'Simulator' });
const rupees = (n: number) => `₹${n.toLocaleString('en-IN')}`;

const api = <T>(path: string, method = 'GET', body?: unknown): Promise<T> => pageApi<T>(page, path, method, body);

type Msg = { direction: 'in' | 'out'; kind: string; payload: { interactive?: { type?: string; action?: { sections?: { product_items: { product_retailer_id: string }[] }[] } } } };
let agentId = 0;
let skus: string[] = [];
let total = 0;

describe('Commerce, end to end in the demo store: bangles → product list → cart → order → Orders and Pipeline', () => {
  it('a shopper asking for bangles in the simulator gets a product list', async () => {
    // product messages name only SKUs synced to the (emulated) Meta catalog: wait for the first sync
    await expect.poll(async () => (await api<{ counts: { synced: number }; running: boolean }>('/api/catalog-sync')).counts.synced, { timeout: 60_000 }).toBeGreaterThan(0);
    await nav('Agents').click();
    await page.getByRole('heading', { name: 'Agent Studio' }).waitFor({ timeout: 30_000 });
    await phone().getByRole('textbox', { name: 'Message', exact: true }).fill('gold bangles');
    await phone().getByRole('button', { name: 'Send', exact: true }).click();
    await phone().getByRole('button', { name: 'View items' }).first().waitFor({ timeout: 60_000 });

    const { agents } = await api<{ agents: { id: number }[] }>('/api/agents');
    for (const a of agents) {
      const { thread } = await api<{ thread: { messages: Msg[] } | null }>(`/api/simulator/thread?agentId=${a.id}`);
      const list = thread?.messages.find((m) => m.direction === 'out' && m.payload.interactive?.type === 'product_list');
      if (!list) continue;
      agentId = a.id;
      skus = (list.payload.interactive?.action?.sections ?? []).flatMap((s) => s.product_items.map((p) => p.product_retailer_id));
    }
    expect(skus.length).toBeGreaterThan(1);
    await page.screenshot({ path: join(SHOTS, 'e2e-commerce-product-list.png') });
  });

  it('the shopper sends a cart of two shown bangles and sees a confirmation with the total in Indian format', async () => {
    const [a, b] = await Promise.all(skus.slice(0, 2).map((sku) => api<{ sku: string; price: number }>(`/api/products/${encodeURIComponent(sku)}`)));
    total = a!.price * 2 + b!.price;
    const order = { type: 'order', order: { catalog_id: 'demo', text: '', product_items: [{ product_retailer_id: a!.sku, quantity: 2, item_price: a!.price, currency: 'INR' }, { product_retailer_id: b!.sku, quantity: 1, item_price: b!.price - 500, currency: 'INR' }] } };
    await api('/api/simulator/messages', 'POST', { agentId, message: order });

    await page.reload();
    await phone().getByText(`Total: ${rupees(total)} for 3 pieces.`).waitFor({ timeout: 30_000 });
    await phone().getByText(`${b!.sku} is now ${rupees(b!.price)}, not ${rupees(b!.price - 500)}.`).waitFor();
    await phone().getByRole('button', { name: 'Visit to try' }).waitFor();
    await phone().getByText(`Total: ${rupees(total)}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'e2e-commerce-confirmation.png') });
  });

  it('the order is on the Orders screen; its detail shows the lines, the held pieces and moves it on', async () => {
    await nav('Orders').click();
    const row = page.getByTestId('order-row-1');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain(rupees(total));
    expect(await row.textContent()).toContain('New');
    await page.screenshot({ path: join(SHOTS, 'e2e-commerce-orders.png') });

    await row.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Order received on WhatsApp').waitFor();
    expect(await drawer.getByTestId('order-total').textContent()).toBe(rupees(total));
    await drawer.getByText('3 pieces are held for this order (not offered to others).').waitFor();
    await drawer.getByText(/Cart showed ₹[\d,]+; charged at today's ₹[\d,]+/).waitFor();
    await page.waitForTimeout(400); // the drawer's slide-in, for the picture only
    await page.screenshot({ path: join(SHOTS, 'e2e-commerce-order.png') });
    await drawer.getByRole('button', { name: 'Confirm', exact: true }).click();
    await drawer.getByText('New → Confirmed').waitFor({ timeout: 15_000 });
    await drawer.getByText('not told: a test shopper (simulator or CLI)').first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Confirmed');
  });

  it('its deal is on the Pipeline as Sold for the order total', async () => {
    await nav('Pipeline').click();
    const card = page.locator('[data-stage="sold"] [data-deal]').first();
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toContain(rupees(total));
    await page.screenshot({ path: join(SHOTS, 'e2e-commerce-pipeline.png') });
  });
});
