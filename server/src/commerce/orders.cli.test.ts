import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { loadUpdates } from '../../../test/helpers/whatsapp-webhooks.js';
import type { ChatResult, OpsEventPage } from '../contracts/index.js';
import { openApp } from '../main.js';

let root: string;
let data: string;
const FROM = '+972987654321';
const rupees = (n: number) => `₹${n.toLocaleString('en-IN')}`;
let a: { sku: string; price: number };
let b: { sku: string; price: number };

beforeAll(async () => {
  root = tempDir('revive-orders-cli-');
  data = join(root, 'store');
  expect((await runCli(['init', '--demo', '--data', data, '--json'])).code).toBe(0);
  const app = openApp({ dataDir: data, logLevel: 'warn', backupsEnabled: false });
  try {
    const inStock = app.services.catalog.list().products.filter((p) => p.category === 'bangle' && p.stock >= 2);
    a = inStock[0]!;
    b = inStock[1]!;
  } finally {
    app.close();
  }
}, 90_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The fixture's whole `order` webhook body with our SKUs in the cart (one at a stale price) and its unknown HAMBURGER kept. */
function payloadFile(): string {
  const body = structuredClone(loadUpdates('message.json').order) as { entry: { changes: { value: { messages: { order: { product_items: unknown[] } }[] } }[] }[] };
  const items = body.entry[0]!.changes[0]!.value.messages[0]!.order.product_items;
  items.splice(0, items.length,
    { product_retailer_id: a.sku, quantity: 2, item_price: a.price - 300, currency: 'INR' },
    { product_retailer_id: b.sku, quantity: 1, item_price: b.price, currency: 'INR' },
    { product_retailer_id: 'HAMBURGER', quantity: 1, item_price: 30, currency: 'ILS' });
  const file = join(root, 'order.json');
  writeFileSync(file, JSON.stringify(body));
  return file;
}

const textOf = (r: Record<string, unknown>) => (r as { interactive?: { body?: { text?: string } }; text?: { body?: string } }).interactive?.body?.text ?? (r as { text?: { body?: string } }).text?.body ?? '';

describe('orders through the CLI', () => {
  it('an order payload through `revive chat` becomes an order, confirmed with its total; `orders list --json` prints it exactly; `events --type ORDER` shows it', async () => {
    const file = payloadFile();
    const chat = await runCli(['chat', '--payload', file, '--data', data, '--from', FROM, '--json']);
    expect(chat.stderr).toBe('');
    expect(chat.code).toBe(0);
    const out = JSON.parse(chat.stdout) as ChatResult;
    const total = a.price * 2 + b.price;
    expect(out.events.find((e) => e.type === 'TOOL' && e.data.name === 'order')?.data.result).toMatchObject({ orderId: 1, total, pieces: 3 });
    const reply = out.replies.at(-1)!;
    expect(reply).toMatchObject({ type: 'interactive', interactive: { type: 'button', action: { buttons: [{ reply: { title: 'Visit to try' } }, { reply: { title: 'Pay at store' } }] } } });
    const words = textOf(reply);
    expect(words).toContain(`Total: ${rupees(total)} for 3 pieces.`);
    expect(words).toContain(`${a.sku} is now ${rupees(a.price)}, not ${rupees(a.price - 300)}.`);
    expect(words).toContain('We could not find HAMBURGER in our catalog');

    const list = await runCli(['orders', 'list', '--data', data, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      orders: [{ id: 1, contact: FROM, status: 'new', total, lines: [{ sku: a.sku, quantity: 2, price: a.price }, { sku: b.sku, quantity: 1, price: b.price }, { sku: 'HAMBURGER', quantity: 1, price: null }] }],
    });

    const events = await runCli(['events', '--type', 'ORDER', '--data', data, '--json']);
    const page = JSON.parse(events.stdout) as OpsEventPage;
    expect(page.events.map((e) => e.detail)).toEqual([`new order #1: 3 pieces, ${rupees(total)}, 1 price changed, 1 unavailable`]);
  }, 60_000);

  it('the same webhook again makes no second order; a status filter and a bad status behave', async () => {
    const again = await runCli(['chat', '--payload', payloadFile(), '--data', data, '--from', FROM, '--json']);
    expect(again.code).toBe(0);
    const list = JSON.parse((await runCli(['orders', 'list', '--data', data, '--json'])).stdout) as { orders: unknown[] };
    expect(list.orders).toHaveLength(1);
    expect(JSON.parse((await runCli(['orders', 'list', '--status', 'confirmed', '--data', data, '--json'])).stdout)).toEqual({ orders: [] });
    const bad = await runCli(['orders', 'list', '--status', 'shipped', '--data', data, '--json']);
    expect(bad.code).toBe(2);
    const human = await runCli(['orders', 'list', '--data', data]);
    expect(human.stdout).toContain(`#1  ${FROM}  New`);
  }, 60_000);
});
