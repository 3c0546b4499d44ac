import type { GetProductResult } from './tools.js';
import { TOOL } from './tools.js';
import { understand } from '../../understanding/index.js';
import { checkWithTeam, finalize, specs, suggest, type Ctx } from './ctx.js';
import { queryFrom } from './query.js';
import { askWhat, noCatalog, stockWords, type ProductDetail } from './products.js';
import { call, say, type Step } from './turn.js';
import { BUTTON } from './voice.js';

/** price_stock: the product in question through get_product, then price, purity, weight and stock in words. */
export function priceStockStep(c: Ctx): Step {
  const { turn, v, tc, reading } = c;
  const sku = reading.sku;
  if (!sku) {
    if (reading.ordinal !== null && tc.memory.shownSkus.length > 0) {
      const n = tc.memory.shownSkus.length;
      return say(
        v.finish([
          v.t({
            en: `I have shown you ${n} ${n === 1 ? 'design' : 'designs'} so far. Which one would you like to know about? Tap it or send its code.`,
            hinglish: `Abhi tak ${n} design dikhaye hain. Kaunsa wala? Us par tap kijiye ya uska code bhejiye.`,
            hindi: `अभी तक ${n} डिज़ाइन दिखाए हैं। कौन सा? उस पर टैप कीजिए या उसका कोड भेजिए।`,
          }),
        ]),
      );
    }
    if (tc.memory.shownSkus.length > 0) {
      return say(
        v.finish([
          v.t({
            en: 'Which design would you like to know about? Tap it, or tell me its number in the list.',
            hinglish: 'Kaunsa design? Us par tap kijiye ya list mein uska number bataiye.',
            hindi: 'कौन सा डिज़ाइन? उस पर टैप कीजिए या सूची में उसका नंबर बताइए।',
          }),
        ]),
      );
    }
    return say(askWhat(c));
  }
  if (!turn.has(TOOL.getProduct)) return say(noCatalog(c));
  if (!turn.called(TOOL.getProduct)) return call(TOOL.getProduct, { sku });
  const r = turn.result<GetProductResult>(TOOL.getProduct);
  if (!r) return say(checkWithTeam(c));
  const p = r.found ? r.product : null;
  if (!p) {
    return finalize(c, [suggest(c, [BUTTON.seeMore, BUTTON.talk])], () =>
      v.finish([
        v.t({
          en: `I could not find ${sku} in our collection.`,
          hinglish: `${sku} hamare collection mein nahi mila.`,
          hindi: `${sku} हमारे कलेक्शन में नहीं मिला।`,
        }),
        v.t({
          en: 'Could you check the code, or tell me what you are looking for?',
          hinglish: 'Code check kar lijiye, ya bataiye kya dhoondh rahe hain?',
          hindi: 'कोड जाँच लीजिए, या बताइए क्या ढूँढ रहे हैं?',
        }),
      ]),
    );
  }
  return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.seeMore, BUTTON.talk])], () => productWords(c, p));
}

export function productWords(c: Ctx, p: ProductDetail): string {
  const { v } = c;
  const spec = specs(p);
  const lead = v.t({
    en: `${p.name} is ${p.priceText}${spec ? ` (${spec})` : ''}, ${stockWords(c, p)}.`,
    hinglish: `${p.name} ${p.priceText} ka hai${spec ? ` (${spec})` : ''}, ${stockWords(c, p)}.`,
    hindi: `${p.name} ${p.priceText} का है${spec ? ` (${spec})` : ''}, ${stockWords(c, p)}।`,
  });
  const making =
    p.makingChargesText && !v.concise
      ? v.t({
          en: `Making charges: ${p.makingChargesText}.`,
          hinglish: `Making charges: ${p.makingChargesText}.`,
          hindi: `बनवाई: ${p.makingChargesText}।`,
        })
      : null;
  const stones = v.detailed && p.stones.length > 0 ? v.t({ en: `Stones: ${p.stones.join(', ')}.`, hinglish: `Stones: ${p.stones.join(', ')}.`, hindi: `नग: ${p.stones.join(', ')}।` }) : null;
  const description = v.detailed && p.description ? firstSentence(p.description) : null;
  const link = v.detailed && p.url ? p.url : null;
  return v.finish([lead, making, stones, description, link], { topic: 'jewel', cta: p.inStock ? 'reserve' : 'visit', keep: 1 });
}

function firstSentence(text: string): string {
  const s = text.trim().split(/(?<=[.!?।])\s/)[0] ?? text;
  return s.length > 240 ? `${s.slice(0, 237)}…` : s;
}

/** A scheduled follow-up: a gentle nudge about the product talked about, or the last search. */
export function followUpStep(c: Ctx): Step {
  const { turn, v, tc } = c;
  const name = tc.shopperName ? ` ${tc.shopperName.split(/\s+/)[0]}` : '';
  const focus = tc.memory.focusSku;
  if (focus && turn.has(TOOL.getProduct)) {
    if (!turn.called(TOOL.getProduct)) return call(TOOL.getProduct, { sku: focus });
    const p = turn.result<GetProductResult>(TOOL.getProduct)?.product;
    if (p) {
      return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.seeMore])], () =>
        v.finish(
          [
            v.t({
              en: `Hi${name}, still thinking about the ${p.name}?`,
              hinglish: `Namaste${name}, ${p.name} ke baare mein socha?`,
              hindi: `नमस्ते${name}, ${p.name} के बारे में सोचा?`,
            }),
            v.t({
              en: `It is ${p.priceText} and ${stockWords(c, p)}.`,
              hinglish: `Yeh ${p.priceText} ka hai aur ${stockWords(c, p)}.`,
              hindi: `यह ${p.priceText} का है और ${stockWords(c, p)}।`,
            }),
          ],
          { topic: 'jewel', cta: v.push === 'shark' ? 'reserve' : 'more' },
        ),
      );
    }
  }
  // The last search without its budget: a follow-up has no tool result to back an amount with.
  const last = tc.memory.lastQuery ? withoutAmounts(tc.memory.lastQuery) : null;
  return finalize(c, [suggest(c, last ? [BUTTON.seeMore, BUTTON.visit] : [BUTTON.goldBangles, BUTTON.bridal])], () =>
    v.finish(
      [
        last
          ? v.t({
              en: `Hi${name}, still looking for ${last}? I can show you a few more designs.`,
              hinglish: `Namaste${name}, abhi bhi ${last} dhoondh rahe hain? Aur designs dikha sakte hain.`,
              hindi: `नमस्ते${name}, अभी भी ${last} ढूँढ रहे हैं? और डिज़ाइन दिखा सकते हैं।`,
            })
          : v.t({
              en: `Hi${name}, just checking in: can I help you find something?`,
              hinglish: `Namaste${name}, kuch dhoondhne mein madad karein?`,
              hindi: `नमस्ते${name}, कुछ ढूँढने में मदद करें?`,
            }),
      ],
      { topic: 'jewel', cta: 'visit' },
    ),
  );
}

function withoutAmounts(query: string): string | null {
  const u = understand(query);
  const words = queryFrom({ ...u, priceMin: undefined, priceMax: undefined, priceAround: undefined, sort: undefined, sku: undefined });
  return words || null;
}
