import { z } from 'zod';

/**
 * Orders (issue #8, parts 3 and 7): a shopper's WhatsApp cart (`order` message) becomes an order
 * with lines priced from our catalog, stock reserved, and a status the owner moves.
 */
export const ORDER_STATUSES = ['new', 'confirmed', 'ready_for_pickup', 'completed', 'cancelled'] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  new: 'New',
  confirmed: 'Confirmed',
  ready_for_pickup: 'Ready for pickup',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/**
 * A line's check against our catalog: `ok`; `price_changed` (the cart's price was not ours, the
 * line uses ours); `out_of_stock` (fewer available than asked: not counted, not reserved);
 * `unknown` (no such SKU in our catalog: not counted).
 */
/**
 * The next steps an order confirmation offers as reply buttons, in the agent's three languages
 * (each at most 20 characters, WhatsApp's button title limit). A tap comes back as its title.
 */
export const ORDER_NEXT_STEPS = {
  visit: { en: 'Visit to try', hinglish: 'Try karne aaun', hindi: 'पहनकर देखूँ' },
  payAtStore: { en: 'Pay at store', hinglish: 'Store pe payment', hindi: 'दुकान पर भुगतान' },
  paymentLink: { en: 'Payment link', hinglish: 'Payment link', hindi: 'पेमेंट लिंक' },
} as const;
export type OrderNextStep = keyof typeof ORDER_NEXT_STEPS;

/** Which next step a button title (or the same words typed) is, and in which of the three languages (English first where two agree). */
export function orderNextStepOf(text: string | null | undefined): { step: OrderNextStep; language: 'en' | 'hinglish' | 'hindi' } | null {
  const t = (text ?? '').trim().toLowerCase();
  if (!t) return null;
  for (const [step, titles] of Object.entries(ORDER_NEXT_STEPS)) {
    for (const [language, title] of Object.entries(titles)) if (title.toLowerCase() === t) return { step: step as OrderNextStep, language: language as 'en' | 'hinglish' | 'hindi' };
  }
  return null;
}

export const ORDER_LINE_STATES = ['ok', 'price_changed', 'out_of_stock', 'unknown'] as const;
export const OrderLineStateSchema = z.enum(ORDER_LINE_STATES);
export type OrderLineState = z.infer<typeof OrderLineStateSchema>;

export const OrderLineSchema = z.object({
  sku: z.string(),
  name: z.string().nullable(),
  quantity: z.number().int().positive(),
  /** Our unit price in whole rupees (null when the SKU is unknown). */
  price: z.number().int().nonnegative().nullable(),
  /** The unit price the shopper's cart showed, as Meta sent it, and its currency. */
  cartPrice: z.number().nullable(),
  cartCurrency: z.string().nullable(),
  state: OrderLineStateSchema,
  /** Pieces available (stock − reserved) when the order came; null when the SKU is unknown. */
  available: z.number().int().nullable(),
  /** Pieces held for this order (0 once released or for lines not counted). */
  reserved: z.number().int().nonnegative(),
  /** price × quantity for counted lines, else 0. */
  lineTotal: z.number().int().nonnegative(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

/** How the shopper said they will pay: a tap on "Pay at store" or "Payment link" under the order confirmation. */
export const PAYMENT_CHOICES = ['pay_at_store', 'payment_link'] as const;
export const PaymentChoiceSchema = z.enum(PAYMENT_CHOICES);
export type PaymentChoice = z.infer<typeof PaymentChoiceSchema>;
export const PAYMENT_CHOICE_LABELS: Record<PaymentChoice, string> = { pay_at_store: 'Pays at the store', payment_link: 'Asked for the payment link' };

export const OrderSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: OrderStatusSchema,
  /** Whole rupees: the counted lines at our prices. */
  total: z.number().int().nonnegative(),
  /** Pieces counted in the total. */
  pieces: z.number().int().nonnegative(),
  lines: z.array(OrderLineSchema),
  /** The shopper's note with the cart, if any. */
  note: z.string().nullable(),
  catalogId: z.string().nullable(),
  /** The `order` message's wamid (one order per message). */
  inboundId: z.string(),
  threadId: z.number().int().nullable(),
  agentId: z.number().int().nullable(),
  /** Null until the shopper taps a payment choice. */
  paymentChoice: PaymentChoiceSchema.nullable(),
  paymentChoiceAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof OrderSchema>;

/** How a status change reached the shopper: sent through the outbox, skipped (24-hour window closed, or a test contact), or not asked. */
export const ORDER_NOTICES = ['sent', 'outside_window', 'no_channel', 'not_asked'] as const;
export const OrderNoticeSchema = z.enum(ORDER_NOTICES);
export type OrderNotice = z.infer<typeof OrderNoticeSchema>;

export const OrderStatusChangeSchema = z.object({
  at: z.string(),
  from: OrderStatusSchema.nullable(),
  to: OrderStatusSchema,
  by: z.enum(['shopper', 'owner']),
  note: z.string(),
  notice: OrderNoticeSchema.nullable(),
});
export type OrderStatusChange = z.infer<typeof OrderStatusChangeSchema>;

export const OrderDetailSchema = OrderSchema.extend({ history: z.array(OrderStatusChangeSchema), next: z.array(OrderStatusSchema) });
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

export const OrderStatusInputSchema = z.object({
  status: OrderStatusSchema,
  note: z.string().trim().max(300).default(''),
  /** Tell the shopper on WhatsApp (inside the 24-hour window only). */
  notify: z.boolean().default(true),
});
export type OrderStatusInput = z.input<typeof OrderStatusInputSchema>;

export const OrderSettingsSchema = z.object({
  /** A UPI or payment page link offered as "Payment link" after an order; empty: not offered. */
  paymentUrl: z.union([z.literal(''), z.url({ protocol: /^(https?|upi)$/, error: 'Enter a full https:// or upi:// link, e.g. https://pay.example.in/shop or upi://pay?pa=shop@upi' })]).default(''),
});
export type OrderSettings = z.infer<typeof OrderSettingsSchema>;

export const OrderListQuerySchema = z.object({
  status: OrderStatusSchema.optional(),
  contact: z.coerce.number().int().optional(),
  q: z.string().max(200).optional(),
});

export const ordersApi = {
  listOrders: { method: 'GET', path: '/api/orders', request: z.void(), query: OrderListQuerySchema, response: z.object({ orders: z.array(OrderSchema) }) },
  getOrder: { method: 'GET', path: '/api/orders/:id', request: z.void(), response: OrderDetailSchema },
  setOrderStatus: { method: 'POST', path: '/api/orders/:id/status', request: OrderStatusInputSchema, response: OrderDetailSchema.extend({ notice: OrderNoticeSchema }) },
  getOrderSettings: { method: 'GET', path: '/api/commerce/order-settings', request: z.void(), response: OrderSettingsSchema },
  putOrderSettings: { method: 'PUT', path: '/api/commerce/order-settings', request: OrderSettingsSchema, response: OrderSettingsSchema },
} as const;
