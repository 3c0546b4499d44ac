import { ORDER_STATUS_LABELS, PAYMENT_CHOICE_LABELS, type Order, type OrderLine, type OrderNotice, type OrderStatus } from '../../api/contracts';

/** Whole rupees in Indian grouping: 125000 → "₹1,25,000". */
export const rupees = (n: number): string => `₹${n.toLocaleString('en-IN')}`;

export const statusLabel = (s: OrderStatus): string => ORDER_STATUS_LABELS[s];

export const STATUS_COLOR: Record<OrderStatus, string> = { new: 'blue', confirmed: 'grape', ready_for_pickup: 'orange', completed: 'teal', cancelled: 'gray' };

/** "2 × SJ-BNG-0001, 1 × SJ-ERG-0003" */
export const itemsText = (o: Pick<Order, 'lines'>): string => o.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ');

/** What a line's check against the catalog means for the owner. */
export function lineNote(l: OrderLine): string | null {
  if (l.state === 'price_changed' && l.cartPrice !== null) return `Cart showed ${l.cartCurrency && l.cartCurrency !== 'INR' ? `${l.cartCurrency} ${l.cartPrice}` : rupees(Math.round(l.cartPrice))}; charged at today's ${l.price !== null ? rupees(l.price) : 'price'}`;
  if (l.state === 'out_of_stock') return `Out of stock: ${l.available ?? 0} free, ${l.quantity} asked; not counted`;
  if (l.state === 'unknown') return 'Not in the catalog; not counted';
  return null;
}

/** The verb on a status button. */
export const ACTION: Record<OrderStatus, string> = { new: 'Back to new', confirmed: 'Confirm', ready_for_pickup: 'Ready for pickup', completed: 'Complete', cancelled: 'Cancel order' };

export const NOTICE_TEXT: Record<OrderNotice, string> = {
  sent: 'the shopper was told on WhatsApp',
  outside_window: 'not told: more than 24 hours since the shopper last wrote (only a template can go now)',
  no_channel: 'not told: a test shopper (simulator or CLI)',
  not_asked: 'the shopper was not told',
};

/** "Pays at the store", or null before the shopper tapped a payment choice. */
export const paymentText = (o: Pick<Order, 'paymentChoice'>): string | null => (o.paymentChoice ? PAYMENT_CHOICE_LABELS[o.paymentChoice] : null);
