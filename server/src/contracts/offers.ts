import { z } from 'zod';

/**
 * Discount authority (issue #9): offers the agent made within its cap, each a single-use coupon
 * code with an expiry; asks above the cap wait for the owner as approvals.
 */

/** The tool the `discount_authority` skill gives the model, and what it returns (the offline brain reads it). */
export const OFFER_TOOL = 'offer_discount';

/** What the owner may approve at most (the agent's own cap is 10% at most, enforced in code). */
export const OWNER_MAX_PERCENT = 50;

/** active: can be used; used: redeemed at the counter; expired: past its date unused; replaced: a better offer to the same shopper superseded it. */
export const COUPON_STATUSES = ['active', 'used', 'expired', 'replaced'] as const;
export const CouponStatusSchema = z.enum(COUPON_STATUSES);
export type CouponStatus = z.infer<typeof CouponStatusSchema>;

export const CouponSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  agentId: z.number().int().nullable(),
  /** The product the offer is on; null for an offer on any piece. */
  sku: z.string().nullable(),
  percent: z.number(),
  /** Whole rupees off; null when the offer is on no one product. */
  amount: z.number().int().nullable(),
  /** What the percent applies to: the making charges, or the price when the product has none recorded. */
  on: z.enum(['making', 'price', 'any']),
  /** 'agent' within its cap; 'owner' after an approval. */
  source: z.enum(['agent', 'owner']),
  status: CouponStatusSchema,
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Coupon = z.infer<typeof CouponSchema>;

export const APPROVAL_STATUSES = ['pending', 'approved', 'declined'] as const;
export const ApprovalStatusSchema = z.enum(APPROVAL_STATUSES);
export type ApprovalStatus = z.infer<typeof ApprovalStatusSchema>;

export const ApprovalSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  agentId: z.number().int().nullable(),
  sku: z.string().nullable(),
  /** The product's price in rupees when known, for the owner's decision. */
  price: z.number().int().nullable(),
  /** What the shopper asked for; null when they asked without a number. */
  askedPercent: z.number().nullable(),
  /** The shopper's words. */
  askedText: z.string(),
  /** The agent's cap for this product when asked. */
  capPercent: z.number(),
  status: ApprovalStatusSchema,
  decidedPercent: z.number().nullable(),
  decidedAt: z.string().nullable(),
  /** The coupon sent after an approval. */
  code: z.string().nullable(),
  createdAt: z.string(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export const ApproveInputSchema = z.object({
  percent: z
    .number({ error: 'Give the percent to approve' })
    .gt(0, 'More than 0%')
    .max(OWNER_MAX_PERCENT, `At most ${OWNER_MAX_PERCENT}%`)
    .refine((p) => Number.isInteger(p * 2), 'Whole or half percents, e.g. 7 or 7.5'),
});
export const RedeemInputSchema = z.object({ code: z.string().trim().min(1, 'Type the code from the shopper\'s phone').max(40) });

/** What `offer_discount` returns: the model (and the offline brain) words the offer from these facts only. */
export interface OfferDiscountResult {
  /** offered: a coupon within the cap; approval: asked above the cap, the owner decides; none: no discount on this piece. */
  outcome: 'offered' | 'approval' | 'none';
  percent: number | null;
  /** Whole rupees off and as text ("₹2,150"); null when the offer is on no one product. */
  amount: number | null;
  amountText: string | null;
  on: 'making' | 'price' | 'any' | null;
  sku: string | null;
  code: string | null;
  /** ISO-8601 UTC, and as the store writes dates ("4 Dec"). */
  expiresAt: string | null;
  expiresText: string | null;
  /** This is the agent's last word: asking again gets the same offer or the owner. */
  atCap: boolean;
  /** The coupon went as a copy-code template button just before the words. */
  codeSent: boolean;
  /** Why there is no discount (excluded piece, skill at 0%). */
  reason: string | null;
}

/** The skill's settings the offers service needs for one ask (the skill's config, checked by its schema). */
export interface DiscountSettings {
  maxPercent: number;
  onMakingChargesOnly: boolean;
  tenacity: number;
  perCategory: Record<string, number>;
  excludedCategories: string[];
  couponDays: number;
  couponTemplate: string;
}

/** One ask, from the skill's executor to the offers service (the `OffersPort`). */
export interface OfferRequest {
  contactId: number;
  agentId: number | null;
  /** The shopper's WhatsApp recipient, for messages sent later (an owner's approval). */
  recipient: string;
  /** The product, from the catalog (null: no product named or shown). */
  product: { sku: string; name: string; category: string; style: string | null; price: number } | null;
  /** The model's number or the shopper's words: only a wish. */
  wish: unknown;
  /** The shopper's words, for the owner. */
  text: string;
  settings: DiscountSettings;
}

export const offersApi = {
  listCoupons: {
    method: 'GET',
    path: '/api/offers/coupons',
    request: z.void(),
    query: z.object({ status: CouponStatusSchema.optional(), contact: z.coerce.number().int().optional(), q: z.string().max(100).optional() }),
    response: z.object({ coupons: z.array(CouponSchema) }),
  },
  redeemCoupon: { method: 'POST', path: '/api/offers/coupons/redeem', request: RedeemInputSchema, response: CouponSchema },
  listApprovals: {
    method: 'GET',
    path: '/api/offers/approvals',
    request: z.void(),
    query: z.object({ status: ApprovalStatusSchema.optional() }),
    response: z.object({ approvals: z.array(ApprovalSchema) }),
  },
  approveDiscount: { method: 'POST', path: '/api/offers/approvals/:id/approve', request: ApproveInputSchema, response: ApprovalSchema },
  declineDiscount: { method: 'POST', path: '/api/offers/approvals/:id/decline', request: z.object({}).optional(), response: ApprovalSchema },
} as const;
