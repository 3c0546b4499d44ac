import { ORDER_NEXT_STEPS, orderNextStepOf, type InboundMessage, type OrderNextStep } from '../../contracts/index.js';
import { finalize, suggest, type Ctx } from './ctx.js';
import { TOOL } from './tools.js';
import { call, say, type Step } from './turn.js';
import { BUTTON, Voice, type Tri } from './voice.js';

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

const NEXT: Record<OrderNextStep, Tri> = ORDER_NEXT_STEPS;

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

/** The facts of the commerce hook for a tap on "Pay at store" or "Payment link" (`context.hooks[kind = order_next_step]`). */
interface NextStepFacts {
  step: 'payAtStore' | 'paymentLink';
  orderId: number;
  totalText: string;
  paymentUrl: string | null;
}

function nextStepFactsOf(c: Ctx): NextStepFacts | null {
  const f = c.tc.hooks?.find((x) => x.kind === 'order_next_step')?.facts as Partial<NextStepFacts> | undefined;
  return f && (f.step === 'payAtStore' || f.step === 'paymentLink') && typeof f.orderId === 'number' && typeof f.totalText === 'string' ? (f as NextStepFacts) : null;
}

/**
 * The shopper tapped a next step under their order: "Payment link" gets the store's link with
 * the order's number and total; "Pay at store" (or a link the store does not have) says the
 * pieces wait for them and offers a visit. Null when the hook found no open order.
 */
export function orderNextStep(base: Ctx): Step | null {
  const f = nextStepFactsOf(base);
  if (!f) return null;
  // Answered in the language of the button tapped ("Store pe payment" reads as English words).
  const lang = orderNextStepOf(base.tc.inbound?.reply?.title ?? base.text)?.language;
  const c: Ctx = lang === 'hinglish' || lang === 'hindi' ? { ...base, v: new Voice(base.tc.persona, lang) } : base;
  const { v } = c;
  const order = `#${f.orderId} (${f.totalText})`;
  if (f.step === 'paymentLink' && f.paymentUrl) {
    const sentences = [
      v.t({ en: `Here is the link to pay for order ${order}: ${f.paymentUrl}`, hinglish: `Order ${order} ka payment link: ${f.paymentUrl}`, hindi: `ऑर्डर ${order} के भुगतान का लिंक: ${f.paymentUrl}` }),
      v.t({ en: 'Once the payment reaches us, we will confirm it here.', hinglish: 'Payment milte hi hum yahin confirm karenge.', hindi: 'भुगतान मिलते ही हम यहीं पुष्टि करेंगे।' }),
    ];
    return finalize(c, [suggest(c, [NEXT.visit, NEXT.payAtStore])], () => v.finish(sentences, { keep: sentences.length }));
  }
  const sentences = [
    f.step === 'paymentLink' ? v.t({ en: 'We do not take payments online yet.', hinglish: 'Abhi hum online payment nahi lete.', hindi: 'अभी हम ऑनलाइन भुगतान नहीं लेते।' }) : null,
    v.t({
      en: `Of course: you can pay at the store. Your order ${order} is kept aside for you.`,
      hinglish: `Bilkul, aap store pe payment kar sakte hain. Aapka order ${order} aapke liye alag rakha hai.`,
      hindi: `ज़रूर, आप दुकान पर भुगतान कर सकते हैं। आपका ऑर्डर ${order} आपके लिए अलग रखा है।`,
    }),
    v.t({ en: 'When would you like to come in?', hinglish: 'Aap kab aana chahenge?', hindi: 'आप कब आना चाहेंगे?' }),
  ];
  return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.timings])], () => v.finish(sentences, { topic: 'store', keep: sentences.length }));
}
