import { ORDER_STATUS_LABELS, type OrderStatus } from '../contracts/index.js';

/** Where `PUT /api/commerce/order-settings` keeps the store's payment link (UPI or a payment page). */
export const PAYMENT_URL_SETTING = 'commerce.paymentUrl';

/**
 * Allowed status moves. Orders only go forward; completed and cancelled are final. Stock: an order
 * holds its counted pieces from the moment it arrives; cancelling releases them, completing
 * consumes them (the catalog's stock goes down by the pieces sold).
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ['confirmed', 'ready_for_pickup', 'completed', 'cancelled'],
  confirmed: ['ready_for_pickup', 'completed', 'cancelled'],
  ready_for_pickup: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Whole rupees in Indian grouping: 125000 → "₹1,25,000". */
export const rupees = (n: number): string => `₹${Math.round(n).toLocaleString('en-IN')}`;

/** What the shopper is told when the owner moves their order (WhatsApp text). */
export function statusNotice(o: { id: number; total: number; pieces: number }, to: OrderStatus, note: string, storeName: string | null): string {
  const at = storeName ? ` at ${storeName}` : '';
  const extra = note.trim() ? ` ${note.trim()}` : '';
  const pieces = `${o.pieces} ${o.pieces === 1 ? 'piece' : 'pieces'}`;
  switch (to) {
    case 'confirmed':
      return `Your order #${o.id} is confirmed: ${pieces}, ${rupees(o.total)}. We are keeping it aside for you${at}.${extra}`;
    case 'ready_for_pickup':
      return `Good news: your order #${o.id} is ready for pickup${at}.${extra}`;
    case 'completed':
      return `Thank you for shopping with us! Your order #${o.id} is complete.${extra}`;
    case 'cancelled':
      return `Your order #${o.id} has been cancelled.${extra || ' Write to us if you would like anything else.'}`;
    case 'new':
      return `We have your order #${o.id} (${ORDER_STATUS_LABELS.new}).${extra}`;
  }
}
