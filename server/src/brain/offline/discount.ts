import { OFFER_TOOL, type OfferDiscountResult } from '../../contracts/index.js';
import { checkWithTeam, finalize, suggest, type Ctx } from './ctx.js';
import { call, say, type Step } from './turn.js';
import { BUTTON, type Tri } from './voice.js';

/** A percent in the shopper's words ("20%", "make it 12 percent"): the signal of a counter-ask. */
const PERCENT = /\b\d{1,3}(?:\.\d)?\s*(?:%|percent|per\s*cent|pc\b|pct\b|taka)/i;
/** The agent's own earlier words about an offer or a code (all three languages). */
const OFFER_TALK = /\bREV-[A-Z0-9]{4}\b|discount|off the|manager|छूट|मैनेजर/i;

/**
 * Whether words the intent reader did not place ("make it 20%", "12 percent?") answer the agent's
 * offer: a percent right after the agent talked about a discount.
 */
export function continuesDiscount(text: string, lastAgentText: string): boolean {
  return PERCENT.test(text) && OFFER_TALK.test(lastAgentText);
}

/** "5%" / "7.5%". */
const pct = (p: number) => `${Number(p.toFixed(1))}%`;

function offeredWords(c: Ctx, r: OfferDiscountResult): string {
  const { v } = c;
  const p = pct(r.percent ?? 0);
  const money = r.amountText ? ` (${r.amountText})` : '';
  const onEn = r.on === 'making' ? 'the making charges' : r.on === 'price' ? 'the price' : 'the making charges';
  const onHi = r.on === 'price' ? 'daam' : 'making charges';
  const onHindi = r.on === 'price' ? 'दाम' : 'बनवाई';
  const pieceEn = r.sku ? ` of ${r.sku}` : '';
  const offer = v.t({
    en: `I can offer you ${p} off ${onEn}${pieceEn}${money}: your code is *${r.code}*, valid till ${r.expiresText}.`,
    hinglish: `Aapke liye ${r.sku ? `${r.sku} ke ` : ''}${onHi} par ${p} off${money}: code *${r.code}*, ${r.expiresText} tak valid.`,
    hindi: `आपके लिए ${r.sku ? `${r.sku} की ` : ''}${onHindi} पर ${p} की छूट${money}: कोड *${r.code}*, ${r.expiresText} तक।`,
  });
  const how: Tri = r.codeSent
    ? { en: 'Tap *Copy code* above and show it at the counter; it works once.', hinglish: 'Upar *Copy code* dabaiye aur counter par dikhaiye; ek baar chalega.', hindi: 'ऊपर *Copy code* दबाइए और काउंटर पर दिखाइए; एक बार चलेगा।' }
    : { en: 'Show the code at the counter; it works once.', hinglish: 'Counter par code dikhaiye; ek baar chalega.', hindi: 'काउंटर पर कोड दिखाइए; एक बार चलेगा।' };
  const last: Tri | null = r.atCap ? { en: 'This is the best I can do.', hinglish: 'Isse behtar main nahi kar sakta.', hindi: 'इससे बेहतर मैं नहीं कर सकता।' } : null;
  return v.finish([offer, last ? v.t(last) : null, v.t(how)], { topic: 'info', cta: 'visit', keep: 2 });
}

function approvalWords(c: Ctx): string {
  const { v } = c;
  return v.finish(
    [
      v.t({
        en: 'That is more than I can offer myself, so I have asked our manager.',
        hinglish: 'Itna main khud nahi de sakta, isliye manager se pooch liya hai.',
        hindi: 'इतना मैं खुद नहीं दे सकता, इसलिए मैनेजर से पूछ लिया है।',
      }),
      v.t({
        en: 'I will message you here as soon as they reply.',
        hinglish: 'Jaise hi jawab aayega, yahin message karunga.',
        hindi: 'जवाब आते ही यहीं संदेश करूँगा।',
      }),
    ],
    { topic: 'info', keep: 2 },
  );
}

function noneWords(c: Ctx): string {
  const { v } = c;
  return v.finish(
    [
      v.t({
        en: "There is no discount on this piece: its price follows the day's rate.",
        hinglish: 'Is piece par discount nahi hai: iska daam aaj ke rate par chalta hai.',
        hindi: 'इस पर छूट नहीं है: इसका दाम आज के भाव पर चलता है।',
      }),
      v.t({ en: 'I am happy to show you jewellery with an offer.', hinglish: 'Offer wali jewellery dikha sakta hoon.', hindi: 'ऑफ़र वाले गहने दिखा सकता हूँ।' }),
    ],
    { topic: 'info', keep: 2 },
  );
}

/** Without the discount tool: prices follow the day's gold rate and making charges; offer the manager. */
export function noOfferStep(c: Ctx): Step {
  const { v } = c;
  return finalize(c, [suggest(c, [BUTTON.manager, BUTTON.visit])], () =>
    v.finish(
      [
        v.t({
          en: "Our prices follow the day's gold rate and the making charges of each piece.",
          hinglish: 'Hamare daam aaj ke gold rate aur har piece ke making charges par chalte hain.',
          hindi: 'हमारे दाम आज के सोने के भाव और हर गहने की बनवाई पर चलते हैं।',
        }),
        v.t({
          en: 'I cannot promise an offer from here, but I can ask the manager for you.',
          hinglish: 'Offer ka vaada yahan se nahi ho sakta, par manager se pooch sakte hain.',
          hindi: 'ऑफ़र का वादा यहाँ से नहीं हो सकता, पर मैनेजर से पूछ सकते हैं।',
        }),
      ],
      { topic: 'info', cta: 'visit' },
    ),
  );
}

/**
 * A discount ask: through `offer_discount` when the agent has Discount authority (the store
 * decides the percent; the words say the code and expiry, or that the manager is checking);
 * otherwise the honest answer without an amount.
 */
export function discountOfferStep(c: Ctx): Step {
  const { turn, tc } = c;
  if (!turn.has(OFFER_TOOL)) return noOfferStep(c);
  const sku = c.reading.sku ?? tc.memory.focusSku ?? null;
  if (!turn.called(OFFER_TOOL)) return call(OFFER_TOOL, { ...(sku ? { sku } : {}), asked: c.text.slice(0, 1000) });
  const r = turn.result<OfferDiscountResult>(OFFER_TOOL);
  if (!r) return say(checkWithTeam(c));
  if (r.outcome === 'approval') return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.talk])], () => approvalWords(c));
  if (r.outcome === 'none' || r.code === null) return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.visit])], () => noneWords(c));
  return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.talk])], () => offeredWords(c, r));
}
