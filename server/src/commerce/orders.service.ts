import type { Logger } from 'pino';
import {
  OrderListQuerySchema,
  OrderSettingsSchema,
  OrderStatusInputSchema,
  ORDER_STATUS_LABELS,
  orderNextStepOf,
  type InboundMessage,
  type LiveMessage,
  type Order,
  type OrderDetail,
  type OrderNotice,
  type OrderSettings,
} from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { priceLines, orderFacts, type CatalogPort, type OrderFacts } from './orders.lines.js';
import type { OrderRow, OrdersRepo } from './orders.repo.js';
import { ORDER_TRANSITIONS, PAYMENT_URL_SETTING, rupees, statusNotice } from './orders.rules.js';

/** What the engine hands an inbound hook (structurally the conversations domain's InboundHook context). */
export interface OrderHookContext {
  contact: { id: number };
  agent: { id: number; name: string };
  threadId: number;
}
export interface OrderHookResult {
  kind: 'order';
  summary: string;
  facts: OrderFacts & Record<string, unknown>;
}

/** A tap on "Pay at store" or "Payment link" under an order confirmation: the order it is about. */
export interface OrderNextStepResult {
  kind: 'order_next_step';
  summary: string;
  facts: { step: 'payAtStore' | 'paymentLink'; orderId: number; status: string; pieces: number; total: number; totalText: string; paymentUrl: string | null };
}

/** The event log's `record` (ops), for ORDER events. */
export type RecordPort = (input: { type: 'ORDER'; detail: string; contactId?: number | null; agentId?: number | null; agent?: string | null; data?: Record<string, unknown> }) => void;
/** Tells the shopper something on WhatsApp: sent, or why not (window closed, a test contact). */
export type NotifyPort = (contactId: number, text: string, correlationId: string) => OrderNotice;

export interface OrdersPorts {
  catalog: CatalogPort;
  /** The pipeline's `signal`: an order moves the shopper's deal to Sold with its value. */
  signal?: (contactId: number, what: 'order', data: { agentId?: number | null; value?: number; products?: { sku: string; price?: number | null }[]; reason?: string }) => unknown;
  record?: RecordPort;
  notify?: NotifyPort;
  storeName?: () => string | null;
}

export interface OrdersServiceDeps extends OrdersPorts {
  repo: OrdersRepo;
  bus: { publish(m: LiveMessage): void };
  log: Logger;
  settings: { getValue(key: string): unknown; setValue(key: string, value: unknown): void };
  clock?: () => Date;
}

/**
 * Orders: a cart from WhatsApp becomes an order (once per message), priced from our catalog, its
 * pieces held; the owner moves it new → confirmed → ready for pickup → completed (or cancelled),
 * each move kept, published (`orders.changed`) and logged (ORDER), the shopper told if asked.
 */
export function createOrdersService(deps: OrdersServiceDeps) {
  const { repo } = deps;
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();

  function row(id: number): OrderRow {
    const r = Number.isInteger(id) ? repo.get(id) : undefined;
    if (!r) throw new DomainError('not_found', `There is no order ${id}`);
    return r;
  }
  function toOrder(r: OrderRow): Order {
    return {
      id: r.id, contactId: r.contact_id, contactName: r.contact_name, contactPhone: r.contact_phone, status: r.status, total: r.total, pieces: r.pieces,
      lines: repo.lines(r.id).map((l) => ({
        sku: l.sku, name: l.name, quantity: l.quantity, price: l.price, cartPrice: l.cart_price, cartCurrency: l.cart_currency, state: l.state, available: l.available, reserved: l.reserved, lineTotal: l.line_total,
      })),
      note: r.note, catalogId: r.catalog_id, inboundId: r.inbound_id, threadId: r.thread_id, agentId: r.agent_id,
      paymentChoice: r.payment_choice, paymentChoiceAt: r.payment_choice_at, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }
  function detail(r: OrderRow): OrderDetail {
    const history = repo.changes(r.id).map((c) => ({ at: c.at, from: c.from_status, to: c.to_status, by: c.by, note: c.note, notice: c.notice }));
    return { ...toOrder(r), history, next: [...ORDER_TRANSITIONS[r.status]] };
  }
  function publish(order: Order, by: 'shopper' | 'owner'): void {
    deps.bus.publish({ type: 'orders.changed', time: now(), orderId: order.id, order, by });
  }

  function settings(): OrderSettings {
    const parsed = OrderSettingsSchema.safeParse({ paymentUrl: deps.settings.getValue(PAYMENT_URL_SETTING) ?? '' });
    return parsed.success ? parsed.data : { paymentUrl: '' };
  }

  /** Pieces of a SKU free to sell: the catalog's stock less what open orders hold. */
  function available(sku: string): number | null {
    const p = deps.catalog.product(sku);
    return p ? Math.max(0, p.stock - repo.held(sku)) : null;
  }

  /** The cart in `m` as an order (created once per message id) and the facts the agent confirms with. */
  function fromCart(m: InboundMessage, ctx: OrderHookContext): { order: Order; created: boolean } {
    const cart = m.order;
    if (!cart) throw new DomainError('validation', 'The message carries no order');
    const existing = repo.byInbound(m.id);
    if (existing) return { order: toOrder(existing), created: false };
    const at = now();
    const id = repo.transaction(() => {
      const lines = priceLines(cart.items, deps.catalog, (sku) => repo.held(sku));
      const counted = lines.filter((l) => l.state === 'ok' || l.state === 'price_changed');
      const orderId = repo.insert(
        {
          contact_id: ctx.contact.id, inbound_id: m.id, total: counted.reduce((n, l) => n + l.line_total, 0), pieces: counted.reduce((n, l) => n + l.quantity, 0),
          catalog_id: cart.catalogId, note: cart.text?.trim() || null, thread_id: ctx.threadId, agent_id: ctx.agent.id,
        },
        lines,
        at,
      );
      for (const l of counted) repo.hold(orderId, l.sku, l.quantity, at);
      return orderId;
    });
    return { order: toOrder(row(id)), created: true };
  }

  return {
    /**
     * The engine's inbound hook: an `order` message → the order, its facts for the agent's
     * confirmation; null for any other message. The same message twice gives the same order.
     */
    hook(m: InboundMessage, ctx: OrderHookContext): OrderHookResult | null {
      if (m.type !== 'order' || !m.order) return null;
      const { order, created } = fromCart(m, ctx);
      const facts = orderFacts(order, settings().paymentUrl || null);
      const summary = `order #${order.id}: ${order.pieces} ${order.pieces === 1 ? 'piece' : 'pieces'}, ${rupees(order.total)}${facts.priceChanges.length ? `, ${facts.priceChanges.length} ${facts.priceChanges.length === 1 ? 'price' : 'prices'} changed` : ''}${facts.unavailable.length ? `, ${facts.unavailable.length} unavailable` : ''}`;
      if (created) {
        publish(order, 'shopper');
        deps.record?.({
          type: 'ORDER', detail: `new ${summary}`, contactId: order.contactId, agentId: ctx.agent.id, agent: ctx.agent.name,
          data: { orderId: order.id, total: order.total, pieces: order.pieces, status: order.status, skus: order.lines.map((l) => l.sku) },
        });
        // An order with nothing we can sell is the team's to look at, not a sale.
        if (order.pieces > 0) {
          try {
            deps.signal?.(order.contactId, 'order', {
              agentId: ctx.agent.id, value: order.total, reason: `order #${order.id}: ${rupees(order.total)}`,
              products: order.lines.filter((l) => l.lineTotal > 0).map((l) => ({ sku: l.sku, price: l.price })),
            });
          } catch (err) {
            deps.log.warn({ err, orderId: order.id }, 'commerce: the pipeline did not take the order');
          }
        }
      }
      return { kind: 'order', summary: created ? summary : `${summary} (already received)`, facts: { ...facts, duplicate: !created } };
    },
    /**
     * The engine's inbound hook for a tap on an order confirmation's "Pay at store" or "Payment
     * link" (in any of the agent's languages): the shopper's latest open order and the store's
     * payment link, so the answer names them; the choice is kept on the order (the Orders screen
     * shows it, live) and goes to the Matrix (ORDER). Null for
     * anything else, or when the shopper has no open order ("Visit to try" is a visit question).
     */
    nextStepHook(m: InboundMessage, ctx: OrderHookContext): OrderNextStepResult | null {
      const step = orderNextStepOf(m.reply?.title ?? (m.type === 'text' ? m.text : null))?.step;
      if (step !== 'payAtStore' && step !== 'paymentLink') return null;
      const open = repo.list({ contact: ctx.contact.id }, 5).find((o) => o.status !== 'cancelled' && o.status !== 'completed');
      if (!open) return null;
      repo.setPaymentChoice(open.id, step === 'payAtStore' ? 'pay_at_store' : 'payment_link', now());
      const order = toOrder(row(open.id));
      publish(order, 'shopper');
      const choice = step === 'payAtStore' ? 'will pay at the store' : 'asked for the payment link';
      deps.record?.({ type: 'ORDER', detail: `order #${order.id}: the shopper ${choice}`, contactId: order.contactId, agentId: ctx.agent.id, agent: ctx.agent.name, data: { orderId: order.id, step } });
      return {
        kind: 'order_next_step',
        summary: `order #${order.id} (${rupees(order.total)}): ${choice}`,
        facts: { step, orderId: order.id, status: order.status, pieces: order.pieces, total: order.total, totalText: rupees(order.total), paymentUrl: settings().paymentUrl || null },
      };
    },
    list(query: unknown = {}): { orders: Order[] } {
      const q = OrderListQuerySchema.safeParse(query ?? {});
      if (!q.success) throw new DomainError('validation', `Bad filter: ${q.error.issues[0]?.path.join('.')} ${q.error.issues[0]?.message}`, fieldErrors(q.error.issues));
      return { orders: repo.list(q.data).map(toOrder) };
    },
    get: (id: number): OrderDetail => detail(row(id)),
    /** The owner moves an order; holds are released (cancelled) or consumed (completed); the shopper is told when asked. */
    setStatus(id: number, input: unknown): OrderDetail & { notice: OrderNotice } {
      const parsed = OrderStatusInputSchema.safeParse(input);
      if (!parsed.success) throw new DomainError('validation', parsed.error.issues[0]?.message ?? 'The status change is not valid', fieldErrors(parsed.error.issues));
      const { status: to, note, notify } = parsed.data;
      const r = row(id);
      if (!ORDER_TRANSITIONS[r.status].includes(to)) {
        const next = ORDER_TRANSITIONS[r.status].map((s) => ORDER_STATUS_LABELS[s]).join(', ');
        throw new DomainError('conflict', `Order #${id} is ${ORDER_STATUS_LABELS[r.status]}: it can go to ${next || 'no other status'}, not ${ORDER_STATUS_LABELS[to]}`, { status: 'Not allowed from here' });
      }
      const at = now();
      const text = statusNotice({ id, total: r.total, pieces: r.pieces }, to, note, deps.storeName?.() ?? null);
      // The notice is queued in the outbox in the same transaction as the move: both or neither.
      const notice = repo.transaction((): OrderNotice => {
        const told: OrderNotice = !notify ? 'not_asked' : deps.notify ? deps.notify(r.contact_id, text, `order:${id}:${to}`) : 'no_channel';
        if (to === 'completed') {
          for (const h of repo.heldOf(id)) deps.catalog.consume?.(h.sku, h.quantity);
          repo.closeHolds(id, 'consumed', at);
        } else if (to === 'cancelled') repo.closeHolds(id, 'released', at);
        repo.setStatus(id, r.status, to, 'owner', note, told, at);
        return told;
      });
      const out = detail(row(id));
      publish(out, 'owner');
      deps.record?.({ type: 'ORDER', detail: `order #${id}: ${ORDER_STATUS_LABELS[r.status]} → ${ORDER_STATUS_LABELS[to]}${notice === 'sent' ? ' (shopper told)' : ''}`, contactId: r.contact_id, data: { orderId: id, from: r.status, to, notice } });
      return { ...out, notice };
    },
    available,
    settings,
    updateSettings(input: unknown): OrderSettings {
      const parsed = OrderSettingsSchema.safeParse(input ?? {});
      if (!parsed.success) throw new DomainError('validation', parsed.error.issues[0]?.message ?? 'The order settings are not valid', fieldErrors(parsed.error.issues));
      deps.settings.setValue(PAYMENT_URL_SETTING, parsed.data.paymentUrl);
      return parsed.data;
    },
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
