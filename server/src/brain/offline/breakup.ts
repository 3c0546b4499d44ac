import { PRICE_BREAKUP_TOOL, type PriceBreakupToolResult } from '../../contracts/index.js';
import { checkWithTeam, finalize, suggest, type Ctx } from './ctx.js';
import { priceStockStep } from './product.js';
import { askWhat } from './products.js';
import { call, say, type Step } from './turn.js';
import { BUTTON, type Tri } from './voice.js';

/** Each part's name in the shopper's language. */
const PART: Record<PriceBreakupToolResult['lines'][number]['part'], Tri> = {
  metal: { en: 'Metal', hinglish: 'Metal', hindi: 'धातु' },
  making: { en: 'Making charges', hinglish: 'Making charges', hindi: 'बनवाई' },
  stones: { en: 'Stones', hinglish: 'Stones', hindi: 'नग' },
  hallmark: { en: 'Hallmark (HUID)', hinglish: 'Hallmark (HUID)', hindi: 'हॉलमार्क (HUID)' },
  gst: { en: 'GST 3%', hinglish: 'GST 3%', hindi: 'जीएसटी 3%' },
};
const METAL: Record<string, Tri> = {
  gold: { en: 'gold 24K', hinglish: 'gold 24K', hindi: 'सोना 24K' },
  silver: { en: 'silver', hinglish: 'silver', hindi: 'चांदी' },
  platinum: { en: 'platinum', hinglish: 'platinum', hindi: 'प्लैटिनम' },
};

/** "1 Dec" in the store's time zone. */
function day(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-IN', { timeZone, day: 'numeric', month: 'short' }).format(new Date(iso));
}

/**
 * "Why is it ₹62,340?" / "making charge kitna?": the product in focus through `price_breakup`,
 * then its parts line by line, each amount as the tool wrote it, and the rate with its date.
 */
export function breakupStep(c: Ctx): Step {
  const { turn, v, tc, reading } = c;
  const sku = reading.sku;
  if (!sku) return say(askWhat(c));
  // An agent without the pricing port: the price, stock and making charges from the catalog instead.
  if (!turn.has(PRICE_BREAKUP_TOOL)) return priceStockStep({ ...c, reading: { ...reading, intent: 'price_stock' } });
  if (!turn.called(PRICE_BREAKUP_TOOL)) return call(PRICE_BREAKUP_TOOL, { sku });
  const r = turn.result<PriceBreakupToolResult>(PRICE_BREAKUP_TOOL);
  if (!r) return say(checkWithTeam(c));
  const buttons = suggest(c, [BUTTON.visit, BUTTON.seeMore, BUTTON.talk]);
  if (!r.found) {
    return say(v.finish([v.t({ en: `I could not find ${sku} in our collection.`, hinglish: `${sku} hamare collection mein nahi mila.`, hindi: `${sku} हमारे कलेक्शन में नहीं मिला।` })]));
  }
  const name = r.name ?? r.sku;
  if (!r.pricedByWeight || !r.rate) {
    return finalize(c, [buttons], () =>
      v.finish([
        v.t({
          en: `${name} is ${r.priceText}: a fixed price for the piece as a whole, not worked out from today's metal rate.`,
          hinglish: `${name} ${r.priceText} ka hai: yeh poore piece ki fixed price hai, aaj ke rate se calculate nahi hoti.`,
          hindi: `${name} ${r.priceText} का है: यह पूरे पीस की तय कीमत है, आज के भाव से नहीं बनती।`,
        }),
      ], { topic: 'jewel', keep: 2 }),
    );
  }
  const rate = r.rate;
  const lines = r.lines.map((l) => `• ${v.t(PART[l.part])}: ${l.text}`).join('\n');
  const weight = r.weightGrams !== null ? `${Number(r.weightGrams.toFixed(3))} g ` : '';
  const metal = v.t(METAL[rate.metal] ?? METAL.gold as Tri);
  const when = day(rate.asOf, tc.store.timeZone);
  return finalize(c, [buttons], () =>
    v.finish(
      [
        v.t({
          en: `Here is how ${name} (${weight}${rate.purity}) comes to ${r.priceText}:`,
          hinglish: `${name} (${weight}${rate.purity}) ka ${r.priceText} aise banta hai:`,
          hindi: `${name} (${weight}${rate.purity}) के ${r.priceText} ऐसे बनते हैं:`,
        }),
        lines,
        v.t({
          en: `Metal at today's ${metal} rate of ${rate.perGramText}/g × ${rate.purityFactor} purity (as of ${when}).`,
          hinglish: `Metal aaj ke ${metal} rate ${rate.perGramText}/g × ${rate.purityFactor} purity par (${when} ka rate).`,
          hindi: `धातु आज के ${metal} भाव ${rate.perGramText}/ग्राम × ${rate.purityFactor} शुद्धता पर (${when} का भाव)।`,
        }),
      ],
      { topic: 'jewel', cta: 'visit', keep: 3 },
    ),
  );
}
