import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import { ORDER_STATUSES, ORDER_STATUS_LABELS, type Order } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

const rupees = (n: number) => `₹${n.toLocaleString('en-IN')}`;

/** "#3  +919876543210  New  ₹96,400  2 × SJ-BNG-005" one order a line. */
function human(orders: Order[]): string {
  if (!orders.length) return 'No orders yet. A shopper\'s WhatsApp cart (or `revive chat --payload order.json`) becomes one.';
  return orders
    .map((o) => {
      const items = o.lines.map((l) => `${l.quantity} × ${l.sku}${l.state === 'ok' ? '' : ` (${l.state.replace(/_/g, ' ')})`}`).join(', ');
      return `#${o.id}  ${o.contactPhone ?? o.contactName ?? `contact ${o.contactId}`}  ${ORDER_STATUS_LABELS[o.status]}  ${rupees(o.total)}  ${items}`;
    })
    .join('\n');
}

/** `revive orders list --data DIR [--status S] --json` → {"orders":[{"id","contact","status","total","lines":[{"sku","quantity","price"}]}]} */
export function ordersCommand(program: Command, run: Run): void {
  const orders = program.command('orders').description('orders that came from WhatsApp carts');
  orders
    .command('list')
    .description('list orders, newest first')
    .addOption(dataOption())
    .addOption(new Option('--status <status>', 'only orders in this status').choices([...ORDER_STATUSES]))
    .addOption(jsonOption())
    .action((opts: { data: string; status?: Order['status']; json?: boolean }) =>
      run(opts.json, () => {
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const list = app.services.orders.list(opts.status ? { status: opts.status } : {}).orders;
          const value = {
            orders: list.map((o) => ({ id: o.id, contact: o.contactPhone ?? o.contactName ?? String(o.contactId), status: o.status, total: o.total, lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, price: l.price })) })),
          };
          output(Boolean(opts.json)).result(value, human(list));
        } finally {
          app.close();
        }
      }),
    );
}
