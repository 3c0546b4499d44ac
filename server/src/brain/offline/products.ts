import type { GetProductResult, SearchProductsResult, SendProductsResult, ToolProduct } from './tools.js';
import { TOOL } from './tools.js';
import { checkWithTeam, finalize, priceRange, specs, suggest, type Ctx } from './ctx.js';
import { changesFilters, refineQuery } from './query.js';
import { call, say, type Step } from './turn.js';
import { BUTTON, type Tri } from './voice.js';

const SEARCH_LIMIT = 30;

/** product_search and more: search, send the top of the list, suggest replies, then sum up in words. */
export function searchStep(c: Ctx, mode: 'new' | 'more'): Step {
  const { turn, v, tc } = c;
  if (!turn.has(TOOL.searchProducts)) return say(noCatalog(c));
  const last = tc.memory.lastQuery;
  if (mode === 'more' && !last) return say(askWhat(c));
  const query = mode === 'more' && last ? refineQuery(last, c.text) : c.text;
  // "Show more" / "cheaper ones" skip what the shopper has seen; a new filter starts afresh.
  const skipShown = mode === 'more' && (!changesFilters(c.text) || c.reading.understood.sort !== undefined);
  if (!turn.called(TOOL.searchProducts)) return call(TOOL.searchProducts, { query, limit: SEARCH_LIMIT });
  const r = turn.result<SearchProductsResult>(TOOL.searchProducts);
  if (!r) return say(checkWithTeam(c));

  const shown = new Set(tc.memory.shownSkus);
  const pool = skipShown ? r.products.filter((p) => !shown.has(p.sku)) : r.products;
  const picks = pool.slice(0, v.listSize);
  const alternatives = picks.length === 0 && r.products.length === 0 ? r.alternatives.slice(0, v.listSize) : [];
  const list: ToolProduct[] = picks.length > 0 ? picks : alternatives;
  const what = r.filters.length > 0 ? r.filters.join(', ') : r.query;
  const send =
    list.length > 0
      ? { name: TOOL.sendProducts, args: { skus: list.map((p) => p.sku), header: header(c, r.filters), body: body(c, list) } }
      : null;
  const moreLeft = pool.length > picks.length;
  const titles =
    list.length > 0
      ? [moreLeft ? BUTTON.seeMore : BUTTON.timings, BUTTON.visit, BUTTON.talk]
      : r.products.length > 0
        ? [BUTTON.visit, BUTTON.talk]
        : c.reading.understood.category
          ? [allOf(c.reading.understood.category), BUTTON.talk]
          : [BUTTON.gold, BUTTON.silver, BUTTON.talk];

  return finalize(c, [send, suggest(c, titles)], () => {
    // Image cards may send fewer than asked (only pictures with a public address): words carry the rest.
    const sent = (turn.result<SendProductsResult>(TOOL.sendProducts)?.sent ?? 0) >= list.length;
    if (picks.length > 0) return foundWords(c, { count: r.count, what, picks, sent, more: mode === 'more' && skipShown, moreLeft });
    if (alternatives.length > 0) return alternativeWords(c, alternatives, sent);
    if (mode === 'more' && r.products.length > 0) {
      return v.finish(
        [v.t({ en: `That is everything I have for ${what}.`, hinglish: `${what} mein itna hi hai abhi.`, hindi: `${what} में अभी इतना ही है।` })],
        { topic: 'jewel', cta: 'visit' },
      );
    }
    return nothingWords(c, what);
  });
}

function header(c: Ctx, filters: string[]): string {
  const text = filters.join(' · ');
  const h = text ? text.charAt(0).toUpperCase() + text.slice(1) : c.v.t({ en: 'Our picks for you', hinglish: 'Aapke liye designs', hindi: 'आपके लिए डिज़ाइन' });
  return h.slice(0, 60);
}

function body(c: Ctx, list: ToolProduct[]): string {
  const range = priceRange(list);
  const n = list.length;
  const designs = c.v.t({ en: n === 1 ? '1 design' : `${n} designs`, hinglish: `${n} design`, hindi: `${n} डिज़ाइन` });
  if (!range) return designs;
  return range.low === range.high ? `${designs} · ${range.low}` : `${designs} · ${range.low} – ${range.high}`;
}

function listLines(list: ToolProduct[]): string {
  return list.map((p, k) => `${k + 1}. ${p.name} — ${[specs(p), p.priceText].filter(Boolean).join(' — ')}`).join('\n');
}

function foundWords(c: Ctx, o: { count: number; what: string; picks: ToolProduct[]; sent: boolean; more: boolean; moreLeft: boolean }): string {
  const { v } = c;
  const range = priceRange(o.picks);
  const k = o.picks.length;
  const span = !range ? '' : range.low === range.high ? range.low : `${range.low} – ${range.high}`;
  const many = o.count >= SEARCH_LIMIT;
  const lead = o.more
    ? v.t({ en: `Here ${k === 1 ? 'is 1 more' : `are ${k} more`}, priced ${span}.`, hinglish: `Yeh rahe ${k} aur designs, ${span}.`, hindi: `ये रहे ${k} और डिज़ाइन, ${span}।` })
    : v.t({
        en: `I found ${many ? 'many' : o.count} ${o.count === 1 ? 'design' : 'designs'} for ${o.what}${k < o.count ? `; here are ${k}` : ''}, priced ${span}.`,
        hinglish: `${o.what} mein ${many ? 'kaafi' : o.count} design mile${k < o.count ? `; yeh rahe ${k}` : ''}, daam ${span}.`,
        hindi: `${o.what} में ${many ? 'कई' : o.count} डिज़ाइन मिले${k < o.count ? `; ये रहे ${k}` : ''}, दाम ${span}।`,
      });
  const top = o.picks[0];
  if (top && o.count === 1 && !o.more) {
    const facts = [specs(top), top.priceText].filter(Boolean).join(', ');
    const one = v.t({
      en: `I found one design for ${o.what}: ${top.name} (${facts}).`,
      hinglish: `${o.what} mein ek design mila: ${top.name} (${facts}).`,
      hindi: `${o.what} में एक डिज़ाइन मिला: ${top.name} (${facts})।`,
    });
    return v.finish([one, !o.sent ? listLines(o.picks) : null], { topic: 'jewel', cta: 'reserve' });
  }
  const highlight =
    top && !v.concise
      ? v.t({
          en: `Top pick: ${top.name} (${[specs(top), top.priceText].filter(Boolean).join(', ')}).`,
          hinglish: `Sabse khaas: ${top.name} (${[specs(top), top.priceText].filter(Boolean).join(', ')}).`,
          hindi: `सबसे ख़ास: ${top.name} (${[specs(top), top.priceText].filter(Boolean).join(', ')})।`,
        })
      : null;
  // Without the product message (skill off or failed), the words carry the list.
  const lines = !o.sent || v.detailed ? listLines(o.picks) : null;
  const tip = v.detailed
    ? v.t({
        en: 'Tip: every gold piece should carry a BIS hallmark with its HUID number; ask us to show it.',
        hinglish: 'Tip: har gold piece par BIS hallmark aur HUID number hona chahiye; dikhane ko zaroor kahiye.',
        hindi: 'सुझाव: हर सोने के गहने पर BIS हॉलमार्क और HUID नंबर होना चाहिए; दिखाने को ज़रूर कहिए।',
      })
    : null;
  return v.finish([lead, lines ?? highlight, tip], { topic: 'jewel', cta: o.moreLeft ? 'more' : 'visit', keep: lines && !o.sent ? 2 : 1 });
}

function alternativeWords(c: Ctx, alts: SearchProductsResult['alternatives'], sent: boolean): string {
  const { v } = c;
  const first = alts[0];
  const wanted = first?.relaxed.wanted ?? '';
  // What the nearest ones offer instead, for the one constraint said ("₹58,800, ₹99,500" or "not made for bridal").
  const same = alts.filter((a) => a.relaxed.constraint === first?.relaxed.constraint);
  const offers = [...new Set(same.map((a) => a.relaxed.offered.trim()))].slice(0, 3).join(', ');
  return v.finish(
    [
      v.t({
        en: `Sorry, I have nothing for “${wanted}” right now.`,
        hinglish: `Maaf kijiye, “${wanted}” mein abhi kuch nahi hai.`,
        hindi: `माफ़ कीजिए, “${wanted}” में अभी कुछ नहीं है।`,
      }),
      first?.relaxed.constraint === 'words'
        ? v.t({ en: 'Here are a few other designs.', hinglish: 'Yeh kuch aur designs dekhiye.', hindi: 'ये कुछ और डिज़ाइन देखिए।' })
        : v.t({ en: `Here are the closest (${offers}).`, hinglish: `Sabse kareeb yeh hain (${offers}).`, hindi: `सबसे क़रीब ये हैं (${offers})।` }),
      !sent ? listLines(alts) : null,
    ],
    { topic: 'jewel', cta: 'more', keep: sent ? 2 : 3 },
  );
}

/** "sets", "earrings", "nose pins": a category as a plural the search reads back as that category. */
function plural(category: string): string {
  return category.endsWith('s') ? category : `${category}s`;
}

/** A button for every piece of one category ("All sets"). */
function allOf(category: string): Tri {
  const p = plural(category);
  return { en: `All ${p}`, hinglish: `Saare ${p}`, hindi: `सभी ${p}` };
}

function nothingWords(c: Ctx, what: string): string {
  const { v } = c;
  const u = c.reading.understood;
  const budget = u.priceMax ?? u.priceMin ?? u.priceAround;
  // Several wishes at once and nothing meets them all: offer the whole category rather than ask for more.
  const question = u.category
    ? v.t({
        en: `Would you like to see all our ${plural(u.category)} instead?`,
        hinglish: `Kya aap hamare saare ${plural(u.category)} dekhna chahenge?`,
        hindi: `क्या आप हमारे सभी ${plural(u.category)} देखना चाहेंगे?`,
      })
    : budget === undefined
      ? v.t({ en: 'What budget do you have in mind?', hinglish: 'Aapka budget kitna hai?', hindi: 'आपका बजट कितना है?' })
      : !u.metal
        ? v.t({ en: 'Would you prefer gold, silver or diamond?', hinglish: 'Gold, silver ya diamond — kya pasand karenge?', hindi: 'सोना, चांदी या हीरा — क्या पसंद करेंगे?' })
        : v.t({ en: 'What is the occasion?', hinglish: 'Kis occasion ke liye chahiye?', hindi: 'किस मौक़े के लिए चाहिए?' });
  return v.finish(
    [v.t({ en: `I could not find anything for ${what}.`, hinglish: `${what} ke liye kuch nahi mila.`, hindi: `${what} के लिए कुछ नहीं मिला।` }), question],
    { topic: 'info' },
  );
}

export function noCatalog(c: Ctx): string {
  return c.v.finish(
    [
      c.v.t({
        en: 'I cannot look up our collection here.',
        hinglish: 'Yahan collection check nahi ho sakta.',
        hindi: 'यहाँ कलेक्शन नहीं देखा जा सकता।',
      }),
      c.v.t({
        en: 'Our team will gladly help you; do visit us or ask to talk to us.',
        hinglish: 'Hamari team madad karegi; store aaiye ya "Baat karein" likhiye.',
        hindi: 'हमारी टीम मदद करेगी; दुकान आइए या "बात करें" लिखिए।',
      }),
    ],
    { topic: 'info' },
  );
}

export function askWhat(c: Ctx): string {
  return c.v.finish(
    [
      c.v.t({
        en: 'What would you like to see? For example gold bangles, jhumkas or a bridal set.',
        hinglish: 'Kya dekhna chahenge? Jaise gold bangles, jhumka ya bridal set.',
        hindi: 'क्या देखना चाहेंगे? जैसे सोने की चूड़ियाँ, झुमके या शादी का सेट।',
      }),
    ],
    { topic: 'jewel' },
  );
}

/** "In stock", "only 1 left", "out of stock at the moment". */
export function stockWords(c: Ctx, p: ToolProduct): string {
  if (!p.inStock || p.stock <= 0) return c.v.t({ en: 'out of stock at the moment', hinglish: 'abhi stock mein nahi hai', hindi: 'अभी स्टॉक में नहीं है' });
  if (p.stock <= 2) return c.v.t({ en: `only ${p.stock} left`, hinglish: `sirf ${p.stock} bacha hai`, hindi: `सिर्फ़ ${p.stock} बचा है` });
  return c.v.t({ en: 'in stock', hinglish: 'stock mein hai', hindi: 'स्टॉक में है' });
}

export type ProductDetail = NonNullable<GetProductResult['product']>;
