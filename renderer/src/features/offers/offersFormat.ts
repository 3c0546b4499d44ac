import type { Approval, Coupon, CouponStatus } from '../../api/contracts';

const money = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** Whole rupees in Indian grouping: 215000 → "₹2,15,000". */
export const rupees = (n: number): string => `₹${money.format(n)}`;

/** 7.5 → "7.5%". */
export const percent = (p: number): string => `${Number(p.toFixed(1))}%`;

/** "5% off making · ₹2,150" — what a coupon is worth. */
export function couponWorth(c: Pick<Coupon, 'percent' | 'amount' | 'on'>): string {
  const on = c.on === 'making' ? 'making charges' : c.on === 'price' ? 'price' : 'making charges, any piece';
  return `${percent(c.percent)} off ${on}${c.amount !== null ? ` · ${rupees(c.amount)}` : ''}`;
}

export const STATUS_LABEL: Record<CouponStatus, string> = { active: 'Active', used: 'Used', expired: 'Expired', replaced: 'Replaced' };
export const STATUS_COLOR: Record<CouponStatus, string> = { active: 'teal', used: 'blue', expired: 'gray', replaced: 'gray' };

/** The shopper as the owner knows them: name, else phone. */
export const shopper = (x: Pick<Approval, 'contactName' | 'contactPhone'>): string => x.contactName ?? x.contactPhone ?? 'A shopper';

/** The percent the approve box starts at: what was asked (within what the owner may approve), else the cap. */
export function startPercent(a: Pick<Approval, 'askedPercent' | 'capPercent'>): number {
  const asked = a.askedPercent ?? a.capPercent;
  return Math.min(50, Math.max(0.5, Math.floor(asked * 2) / 2));
}
