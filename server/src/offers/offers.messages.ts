import { templateMessage, textMessage, type GraphMessage } from '../whatsapp/index.js';

/** Whole rupees in Indian grouping: 2150 → "₹2,150". */
export const rupees = (n: number): string => `₹${n.toLocaleString('en-IN')}`;

/** "7.5%" / "5%". */
export const percentText = (p: number): string => `${Number(p.toFixed(1))}%`;

/** "4 Dec, 8:16 pm" in the store's time zone. */
export function expiryText(iso: string, timeZone: string): string {
  const d = new Date(iso);
  const zone = (() => {
    try {
      new Intl.DateTimeFormat('en-IN', { timeZone });
      return timeZone;
    } catch {
      return 'Asia/Kolkata';
    }
  })();
  const day = new Intl.DateTimeFormat('en-IN', { timeZone: zone, day: 'numeric', month: 'short' }).format(d);
  const time = new Intl.DateTimeFormat('en-IN', { timeZone: zone, hour: 'numeric', minute: '2-digit', hour12: true }).format(d).toLowerCase();
  return `${day}, ${time}`;
}

export interface CouponFacts {
  code: string;
  percent: number;
  amount: number | null;
  on: 'making' | 'price' | 'any';
  sku: string | null;
  expiresText: string;
}

/** "5% off the making charges (₹2,150) on SJ-BNG-005": one line for a template variable, a text or the Matrix. */
export function offerLine(c: Pick<CouponFacts, 'percent' | 'amount' | 'on' | 'sku'>): string {
  const what = c.on === 'making' ? 'the making charges' : c.on === 'price' ? 'the price' : 'the making charges of any piece';
  const money = c.amount !== null ? ` (${rupees(c.amount)})` : '';
  return `${percentText(c.percent)} off ${what}${money}${c.sku ? ` on ${c.sku}` : ''}`;
}

/**
 * The coupon as a copy-code template when the store has one approved: body {{1}} = the offer line,
 * {{2}} = valid till; one `copy_code` button with the code. Without a template: null (the words carry the code).
 */
export function couponTemplate(to: string, template: string, c: CouponFacts): GraphMessage | null {
  if (!template) return null;
  return templateMessage(to, { name: template, language: 'en', body: [offerLine(c), c.expiresText], buttons: [{ type: 'copy_code', code: c.code }] });
}

/** The owner's answer, as the shopper reads it: the template when there is one, else a text with the code. */
export function approvedMessages(to: string, template: string, c: CouponFacts): GraphMessage[] {
  const t = couponTemplate(to, template, c);
  if (t) return [t];
  return [textMessage(to, `Good news: our manager approved ${offerLine(c)}. Your code is *${c.code}*, valid till ${c.expiresText}. Show it at the counter (one use).`)];
}

export function declinedMessage(to: string, c: { asked: number | null; best: CouponFacts | null }): GraphMessage {
  const asked = c.asked !== null ? ` ${percentText(c.asked)}` : ' a bigger discount';
  const best = c.best ? ` The best we can do is ${offerLine(c.best)}: code *${c.best.code}*, valid till ${c.best.expiresText}.` : '';
  return textMessage(to, `Sorry, our manager could not approve${asked} on this piece.${best} We would still love to see you at the store.`);
}
