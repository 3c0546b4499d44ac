import type { Db } from '../db/index.js';
import type { OrderLineState, OrderNotice, OrderStatus, PaymentChoice } from '../contracts/index.js';

export interface OrderRow {
  id: number;
  contact_id: number;
  contact_name: string | null;
  contact_phone: string | null;
  inbound_id: string;
  status: OrderStatus;
  total: number;
  pieces: number;
  catalog_id: string | null;
  note: string | null;
  thread_id: number | null;
  agent_id: number | null;
  payment_choice: PaymentChoice | null;
  payment_choice_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface LineRow {
  order_id: number;
  sku: string;
  name: string | null;
  quantity: number;
  price: number | null;
  cart_price: number | null;
  cart_currency: string | null;
  state: OrderLineState;
  available: number | null;
  line_total: number;
  /** Pieces this line's reservation still holds. */
  reserved: number;
}

export interface ChangeRow {
  at: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  by: 'shopper' | 'owner';
  note: string;
  notice: OrderNotice | null;
}

export type NewOrder = Pick<OrderRow, 'contact_id' | 'inbound_id' | 'total' | 'pieces' | 'catalog_id' | 'note' | 'thread_id' | 'agent_id'>;
export type NewLine = Omit<LineRow, 'order_id' | 'reserved'>;
export interface OrderFilter {
  status?: OrderStatus | undefined;
  contact?: number | undefined;
  q?: string | undefined;
}

const SELECT = `select o.*, c.name as contact_name,
    coalesce(c.phone, case when c.wa_id glob '[0-9]*' then '+' || c.wa_id end) as contact_phone
  from orders o left join contacts c on c.id = o.contact_id`;

/** SQL for orders, their lines, status history and stock reservations; nothing else. */
export function ordersRepo(db: Db) {
  const byId = db.prepare<[number], OrderRow>(`${SELECT} where o.id = ?`);
  const byInbound = db.prepare<[string], OrderRow>(`${SELECT} where o.inbound_id = ?`);
  const insert = db.prepare<NewOrder & { now: string }>(
    `insert into orders (contact_id, inbound_id, status, total, pieces, catalog_id, note, thread_id, agent_id, created_at, updated_at)
     values (@contact_id, @inbound_id, 'new', @total, @pieces, @catalog_id, @note, @thread_id, @agent_id, @now, @now)`,
  );
  const insertLine = db.prepare<NewLine & { order_id: number }>(
    `insert into order_lines (order_id, sku, name, quantity, price, cart_price, cart_currency, state, available, line_total)
     values (@order_id, @sku, @name, @quantity, @price, @cart_price, @cart_currency, @state, @available, @line_total)`,
  );
  const lines = db.prepare<[number], LineRow>(
    `select l.*, coalesce((select sum(r.quantity) from stock_reservations r where r.order_id = l.order_id and r.sku = l.sku and r.state = 'held'), 0) as reserved
     from order_lines l where l.order_id = ? order by l.id`,
  );
  const setStatus = db.prepare<[string, string, number]>('update orders set status = ?, updated_at = ? where id = ?');
  const setPayment = db.prepare<[PaymentChoice, string, string, number]>('update orders set payment_choice = ?, payment_choice_at = ?, updated_at = ? where id = ?');
  const addChange = db.prepare<{ order_id: number; at: string; from_status: string | null; to_status: string; by: string; note: string; notice: string | null }>(
    'insert into order_status_changes (order_id, at, from_status, to_status, by, note, notice) values (@order_id, @at, @from_status, @to_status, @by, @note, @notice)',
  );
  const changes = db.prepare<[number], ChangeRow>('select at, from_status, to_status, by, note, notice from order_status_changes where order_id = ? order by id');
  const hold = db.prepare<[number, string, number, string]>("insert into stock_reservations (order_id, sku, quantity, state, created_at) values (?, ?, ?, 'held', ?)");
  const held = db.prepare<[string], { n: number }>("select coalesce(sum(quantity), 0) as n from stock_reservations where sku = ? and state = 'held'");
  const heldOf = db.prepare<[number], { sku: string; quantity: number }>("select sku, sum(quantity) as quantity from stock_reservations where order_id = ? and state = 'held' group by sku");
  const close = db.prepare<[string, string, number]>("update stock_reservations set state = ?, closed_at = ? where order_id = ? and state = 'held'");

  return {
    get: (id: number) => byId.get(id),
    byInbound: (inboundId: string) => byInbound.get(inboundId),
    list(f: OrderFilter, limit = 500): OrderRow[] {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (f.status) {
        where.push('o.status = ?');
        args.push(f.status);
      }
      if (f.contact !== undefined) {
        where.push('o.contact_id = ?');
        args.push(f.contact);
      }
      if (f.q) {
        const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        where.push(`(c.name like ? escape '\\' or c.phone like ? escape '\\' or c.wa_id like ? escape '\\' or cast(o.id as text) = ? or exists (select 1 from order_lines l where l.order_id = o.id and l.sku like ? escape '\\'))`);
        args.push(like, like, like, f.q.replace(/^#/, ''), like);
      }
      const sql = `${SELECT}${where.length ? ` where ${where.join(' and ')}` : ''} order by o.id desc limit ${Math.max(1, Math.floor(limit))}`;
      return db.prepare<(string | number)[], OrderRow>(sql).all(...args);
    },
    /** The order, its lines and its first status, in one go; the caller wraps it in a transaction with the reservations. */
    insert(order: NewOrder, newLines: NewLine[], now: string): number {
      const id = Number(insert.run({ ...order, now }).lastInsertRowid);
      for (const l of newLines) insertLine.run({ ...l, order_id: id });
      addChange.run({ order_id: id, at: now, from_status: null, to_status: 'new', by: 'shopper', note: '', notice: null });
      return id;
    },
    lines: (orderId: number) => lines.all(orderId),
    changes: (orderId: number) => changes.all(orderId),
    setStatus(id: number, from: OrderStatus, to: OrderStatus, by: 'shopper' | 'owner', note: string, notice: OrderNotice | null, now: string): void {
      setStatus.run(to, now, id);
      addChange.run({ order_id: id, at: now, from_status: from, to_status: to, by, note, notice });
    },
    /** The shopper's latest payment choice (a second tap replaces the first). */
    setPaymentChoice: (id: number, choice: PaymentChoice, now: string) => void setPayment.run(choice, now, now, id),
    hold: (orderId: number, sku: string, quantity: number, now: string) => void hold.run(orderId, sku, quantity, now),
    /** Pieces of a SKU held by open reservations. */
    held: (sku: string) => held.get(sku)?.n ?? 0,
    heldOf: (orderId: number) => heldOf.all(orderId),
    /** Ends an order's holds: `released` (cancelled) or `consumed` (completed). */
    closeHolds: (orderId: number, state: 'released' | 'consumed', now: string) => close.run(state, now, orderId).changes,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type OrdersRepo = ReturnType<typeof ordersRepo>;
