import type { InboundMessage, Order, OrderLineState } from '../contracts/index.js';
import type { NewLine } from './orders.repo.js';
import { rupees } from './orders.rules.js';

/** What orders need of the catalog: a product's name, price and stock; taking sold pieces off its stock. */
export interface CatalogPort {
  product(sku: string): { sku: string; name: string; price: number; stock: number } | null;
  /** A completed order's pieces leave the stock. */
  consume?(sku: string, quantity: number): void;
}

type CartItem = NonNullable<InboundMessage['order']>['items'][number];

/** The cart's price as rupees when it is one (INR or no currency given); else null (another currency is not compared). */
function cartRupees(i: CartItem): number | null {
  if (i.itemPrice === null || !Number.isFinite(i.itemPrice)) return null;
  if (i.currency && i.currency.toUpperCase() !== 'INR') return null;
  return Math.round(i.itemPrice);
}

/**
 * The cart checked against our catalog, line by line and in the shopper's order: our price always
 * (a different cart price is marked `price_changed`), a SKU we do not have `unknown`, fewer free
 * pieces than asked `out_of_stock` (not counted). Pieces counted by earlier lines of the same cart
 * are not free for later ones.
 */
export function priceLines(items: CartItem[], catalog: CatalogPort, held: (sku: string) => number): NewLine[] {
  const taken = new Map<string, number>();
  return items.map((i): NewLine => {
    const quantity = Number.isFinite(i.quantity) && i.quantity >= 1 ? Math.floor(i.quantity) : 1;
    const base = { sku: i.retailerId, quantity, cart_price: i.itemPrice, cart_currency: i.currency };
    const p = catalog.product(i.retailerId);
    if (!p) return { ...base, name: null, price: null, state: 'unknown', available: null, line_total: 0 };
    const free = Math.max(0, p.stock - held(p.sku) - (taken.get(p.sku) ?? 0));
    if (free < quantity) return { ...base, sku: p.sku, name: p.name, price: p.price, state: 'out_of_stock', available: free, line_total: 0 };
    taken.set(p.sku, (taken.get(p.sku) ?? 0) + quantity);
    const cart = cartRupees(i);
    const state: OrderLineState = cart !== null && cart !== p.price ? 'price_changed' : 'ok';
    return { ...base, sku: p.sku, name: p.name, price: p.price, state, available: free, line_total: p.price * quantity };
  });
}

export interface FactLine {
  sku: string;
  name: string | null;
  quantity: number;
  price: number | null;
  priceText: string | null;
  lineTotal: number;
  lineTotalText: string;
  state: OrderLineState;
}

/** What the agent confirms with (a TOOL event's result and the brain's `context.hooks`): every number it may say. */
export interface OrderFacts {
  orderId: number;
  status: Order['status'];
  pieces: number;
  total: number;
  totalText: string;
  /** Counted lines (price, quantity, line total). */
  lines: FactLine[];
  /** Lines whose cart price was not ours: we charge `price`, the cart showed `cartPrice`. */
  priceChanges: { sku: string; name: string | null; price: number; priceText: string; cartPrice: number; cartPriceText: string }[];
  /** Lines not counted: `unknown` SKUs and `out_of_stock` ones (with the pieces free). */
  unavailable: { sku: string; name: string | null; quantity: number; state: 'unknown' | 'out_of_stock'; available: number | null }[];
  /** The store's payment link, when it has one (offer "Payment link"). */
  paymentUrl: string | null;
}

export function orderFacts(o: Order, paymentUrl: string | null): OrderFacts {
  const counted = o.lines.filter((l) => l.state === 'ok' || l.state === 'price_changed');
  return {
    orderId: o.id,
    status: o.status,
    pieces: o.pieces,
    total: o.total,
    totalText: rupees(o.total),
    lines: counted.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, price: l.price, priceText: l.price === null ? null : rupees(l.price), lineTotal: l.lineTotal, lineTotalText: rupees(l.lineTotal), state: l.state })),
    priceChanges: counted
      .filter((l) => l.state === 'price_changed' && l.price !== null && l.cartPrice !== null)
      .map((l) => ({ sku: l.sku, name: l.name, price: l.price as number, priceText: rupees(l.price as number), cartPrice: Math.round(l.cartPrice as number), cartPriceText: rupees(l.cartPrice as number) })),
    unavailable: o.lines
      .filter((l): l is typeof l & { state: 'unknown' | 'out_of_stock' } => l.state === 'unknown' || l.state === 'out_of_stock')
      .map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, state: l.state, available: l.available })),
    paymentUrl,
  };
}
