import type { InboundMessage } from '../../contracts/index.js';
import { finalize, suggest, type Ctx } from './ctx.js';
import { TOOL } from './tools.js';
import { call, say, type Step } from './turn.js';
import type { Tri } from './voice.js';

/** The order facts the commerce hook gives (`context.hooks[kind = order].facts`); every number said comes from here. */
interface OrderFacts {
  orderId: number;
  pieces: number;
  totalText: string;
  lines: { sku: string; name: string | null; quantity: number; priceText: string | null; lineTotalText: string }[];
  priceChanges: { sku: string; priceText: string; cartPriceText: string }[];
  unavailable: { sku: string; name: string | null; quantity: number; state: 'unknown' | 'out_of_stock'; available: number | null }[];
  paymentUrl: string | null;
}

const NEXT = {
  visit: { en: 'Visit to try', hinglish: 'Try karne aaun', hindi: 'पहनकर देखूँ' },
  payAtStore: { en: 'Pay at store', hinglish: 'Store pe payment', hindi: 'दुकान पर भुगतान' },
  paymentLink: { en: 'Payment link', hinglish: 'Payment link', hindi: 'पेमेंट लिंक' },
} satisfies Record<string, Tri>;

function factsOf(c: Ctx): OrderFacts | null {
  const h = c.tc.hooks?.find((x) => x.kind === 'order');
  const f = h?.facts as Partial<OrderFacts> | undefined;
  return f && typeof f.orderId === 'number' && typeof f.totalText === 'string' && Array.isArray(f.lines) ? (f as OrderFacts) : null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * An order from the catalog. With the commerce hook's facts: the confirmation — each line, price
 * changes pointed out, what we could not count, the total, and the next steps as buttons (a
 * payment link only when the store has one). Without them (no commerce): thank, count the
 * pieces and hand to the team, never a total.
 */
export function orderConfirmStep(c: Ctx, m: InboundMessage): Step {
  const f = factsOf(c);
  if (!f) return orderWithoutCommerce(c, m);
  const { v } = c;
  const name = (l: { sku: string; name: string | null }) => (l.name ? `${l.name} (${l.sku})` : l.sku);
  const lines = f.lines.map((l) => `• ${l.quantity} × ${name(l)}: ${l.lineTotalText}`).join('\n');
  const changes = f.priceChanges.map((p) =>
    v.t({ en: `Please note: ${p.sku} is now ${p.priceText}, not ${p.cartPriceText}.`, hinglish: `Dhyan dijiye: ${p.sku} ab ${p.priceText} hai, ${p.cartPriceText} nahi.`, hindi: `कृपया ध्यान दें: ${p.sku} अब ${p.priceText} का है, ${p.cartPriceText} का नहीं।` }),
  );
  const missing = f.unavailable.map((u) =>
    u.state === 'unknown'
      ? v.t({ en: `We could not find ${u.sku} in our catalog, so it is not included.`, hinglish: `${u.sku} hamare catalog mein nahi mila, isliye shaamil nahi hai.`, hindi: `${u.sku} हमारे कैटलॉग में नहीं मिला, इसलिए शामिल नहीं है।` })
      : v.t({
          en: `${name(u)} is out of stock (${u.available ?? 0} left, you asked for ${u.quantity}), so it is not included.`,
          hinglish: `${name(u)} stock mein nahi hai (${u.available ?? 0} bache hain, aapne ${u.quantity} maange), isliye shaamil nahi hai.`,
          hindi: `${name(u)} स्टॉक में नहीं है (${u.available ?? 0} बचे हैं, आपने ${u.quantity} माँगे), इसलिए शामिल नहीं है।`,
        }),
  );
  if (f.pieces === 0) {
    return say(
      v.finish(
        [
          v.t({ en: `Thank you for your order #${f.orderId}.`, hinglish: `Order #${f.orderId} ke liye shukriya.`, hindi: `ऑर्डर #${f.orderId} के लिए धन्यवाद।` }),
          ...missing,
          v.t({ en: 'Our team will get back to you with options.', hinglish: 'Hamari team aapko options ke saath sampark karegi.', hindi: 'हमारी टीम विकल्पों के साथ आपसे संपर्क करेगी।' }),
        ],
        { topic: 'sorry', keep: 2 + missing.length },
      ),
    );
  }
  const next = [NEXT.visit, NEXT.payAtStore, ...(f.paymentUrl ? [NEXT.paymentLink] : [])];
  const pieces = v.t({ en: plural(f.pieces, 'piece', 'pieces'), hinglish: `${f.pieces} piece`, hindi: `${f.pieces} गहने` });
  const thanks = v.t({ en: `Thank you for your order #${f.orderId}!`, hinglish: `Order #${f.orderId} ke liye shukriya!`, hindi: `ऑर्डर #${f.orderId} के लिए धन्यवाद!` });
  const sentences = [
    ...changes,
    ...missing,
    v.t({ en: `Total: ${f.totalText} for ${pieces}. We are keeping them aside for you.`, hinglish: `Total: ${f.totalText} (${pieces}). Hum inhe aapke liye alag rakh rahe hain.`, hindi: `कुल: ${f.totalText} (${pieces})। हम इन्हें आपके लिए अलग रख रहे हैं।` }),
    f.paymentUrl ? v.t({ en: `Pay online: ${f.paymentUrl}`, hinglish: `Online payment: ${f.paymentUrl}`, hindi: `ऑनलाइन भुगतान: ${f.paymentUrl}` }) : null,
    v.t({ en: 'How would you like to go ahead?', hinglish: 'Aage kaise badhein?', hindi: 'आगे कैसे बढ़ें?' }),
  ];
  // Every line of an order matters: even a concise agent says them all, one line each.
  return finalize(c, [suggest(c, next)], () => [v.finish([thanks], { topic: 'thanks' }), lines, v.finish(sentences, { keep: sentences.length })].join('\n'));
}

/** No commerce domain: thank, count the pieces, hand to the team to confirm. Never a total. */
function orderWithoutCommerce(c: Ctx, m: InboundMessage): Step {
  const { v, turn } = c;
  const items = m.order?.items ?? [];
  const pieces = items.reduce((n, i) => n + (Number.isFinite(i.quantity) && i.quantity > 0 ? i.quantity : 1), 0);
  const skus = items.map((i) => i.retailerId).join(', ');
  if (turn.has(TOOL.handoff) && !turn.called(TOOL.handoff)) {
    return call(TOOL.handoff, { reason: `Order of ${pieces} item(s) to confirm: ${skus}`.slice(0, 300) });
  }
  return say(
    v.finish(
      [
        v.t({
          en: `Thank you for your order of ${pieces} ${pieces === 1 ? 'item' : 'items'}!`,
          hinglish: `${pieces} item ke order ke liye shukriya!`,
          hindi: `${pieces} गहनों के ऑर्डर के लिए धन्यवाद!`,
        }),
        v.t({
          en: 'Our team will confirm availability and the final amount with you shortly.',
          hinglish: 'Hamari team jaldi availability aur final amount confirm karegi.',
          hindi: 'हमारी टीम जल्द उपलब्धता और कुल राशि की पुष्टि करेगी।',
        }),
      ],
      { topic: 'thanks', keep: 2 },
    ),
  );
}
