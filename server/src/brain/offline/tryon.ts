import type { InboundMessage } from '../../contracts/index.js';
// eslint-disable-next-line no-restricted-imports -- skills/tryon.tools.ts is the try_on tool's skills↔brains contract, like tools.ts.
import { TRY_ON, type TryOnNudgeWord, type TryOnToolResult } from '../../skills/tryon.tools.js';
import { checkWithTeam, finalize, suggest, type Ctx } from './ctx.js';
import { call, say, type Step } from './turn.js';
import type { Tri } from './voice.js';
import { BUTTON } from './voice.js';

const NUDGE_WORDS: [RegExp, TryOnNudgeWord][] = [
  [/\b(higher|up|upar|oopar|uppar)\b|ऊपर/giu, 'higher'],
  [/\b(lower|down|neeche|niche|nichey)\b|नीचे/giu, 'lower'],
  [/\b(bigger|larger|big|bada|badaa|bara)\b|बड़ा/giu, 'bigger'],
  [/\b(smaller|small|chhota|chota|chhotaa|chhote)\b|छोटा/giu, 'smaller'],
  [/\b(left|baaye|baayen|baen)\b|बाएँ|बाएं/giu, 'left'],
  [/\b(right|daaye|daayen|dayen)\b|दाएँ|दाएं/giu, 'right'],
];

/** The nudges in the shopper's words, in order ("thoda upar aur bada" → higher, bigger); [] for none. */
export function readNudges(text: string): TryOnNudgeWord[] {
  const found: { at: number; n: TryOnNudgeWord }[] = [];
  for (const [re, n] of NUDGE_WORDS) for (const m of text.matchAll(re)) found.push({ at: m.index ?? 0, n });
  return found.sort((a, b) => a.at - b.at).map((f) => f.n);
}

const FILLER = /\b(a|bit|little|slightly|more|make|move|it|this|the|and|aur|thoda|thodi|zara|sa|karo|kar|do|dijiye|kijiye|please|pls|plz|now|bhi|ise|isko|ek|to|too|much)\b|[.,!?]/giu;

/** Only nudges and filler ("thoda upar karo", "a bit bigger please"): "that's right, see you" is not a nudge. */
export function onlyNudges(text: string): boolean {
  let rest = text;
  for (const [re] of NUDGE_WORDS) rest = rest.replace(re, ' ');
  return readNudges(text).length > 0 && rest.replace(FILLER, ' ').trim() === '';
}

/** "Try this on me", "pehen ke dikhao", "how would it look on me" — not a try-on visit to book. */
const ASKS_TRY_ON = /\btry\s*(it|this|these|that|them|the \w+)?\s*on\b|\btry[- ]?on\b|\b(pehen|pehan|pahen|pahan)\w*\s*(ke|kar|kr)?\s*dikha|\bhow (would|will|does|do) (it|this|that|they|these) look on me\b|\bmujh(e|pe|par) (kaisa|kaisi|kaise)\b|पहन\S*\s*(के|कर)?\s*दिखा/iu;
const VISIT_WORDS = /\b(visit|book|appointment|slot|store|shop|dukaan)\b/i;
/** The try-on picture's caption invites these words: a reply with them adjusts that picture. */
const ADJUST_HINT = /"bigger", "smaller"/;

const BIGGER: Tri = { en: 'Bigger', hinglish: 'Bada karo', hindi: 'बड़ा करें' };
const SMALLER: Tri = { en: 'Smaller', hinglish: 'Chhota karo', hindi: 'छोटा करें' };

/** The piece being talked about: the one in focus, else the last one shown. */
const focusOf = (c: Ctx): string | null => c.tc.memory.focusSku ?? c.tc.memory.shownSkus[0] ?? null;

/** A photo from the shopper: try the piece in focus on it; with no piece yet, ask which. Null: try-on is off (today's reply). */
export function tryOnImageStep(c: Ctx, m: InboundMessage): Step | null {
  if (!c.turn.has(TRY_ON) || m.type !== 'image') return null;
  if (c.turn.called(TRY_ON)) return answer(c);
  const sku = focusOf(c);
  if (!sku) return askWhichPiece(c);
  return call(TRY_ON, { sku, ...(m.media?.id ? { photoId: m.media.id } : {}) });
}

/** Words about try-on: "try this on me" (the piece in focus), or a nudge of the last try-on picture. Null: not about try-on. */
export function tryOnTextStep(c: Ctx): Step | null {
  if (!c.turn.has(TRY_ON)) return null;
  if (c.turn.called(TRY_ON)) return answer(c);
  const nudges = readNudges(c.text);
  if (onlyNudges(c.text) && ADJUST_HINT.test(c.turn.lastAgentText)) return call(TRY_ON, { adjust: nudges });
  if (!ASKS_TRY_ON.test(c.text) || VISIT_WORDS.test(c.text)) return null;
  const sku = c.reading.sku ?? focusOf(c);
  if (!sku) return askWhichPiece(c);
  // a photo whose caption asks ("how does this look on me?") is the photo to use
  const photoId = c.tc.inbound?.type === 'image' ? c.tc.inbound.media?.id : null;
  return call(TRY_ON, { sku, ...(photoId ? { photoId } : {}) });
}

function askWhichPiece(c: Ctx): Step {
  const { v } = c;
  return finalize(c, [suggest(c, [BUTTON.goldBangles, { en: 'Earrings', hinglish: 'Jhumke', hindi: 'झुमके' }, { en: 'Necklaces', hinglish: 'Haar', hindi: 'हार' }])], () =>
    v.finish(
      [
        v.t({ en: 'Lovely photo, thank you!', hinglish: 'Sundar photo, shukriya!', hindi: 'सुंदर फ़ोटो, धन्यवाद!' }),
        v.t({
          en: 'Which piece would you like to try on? Tell me what you like and I will show you designs to pick from.',
          hinglish: 'Kaunsa piece pehen ke dekhna hai? Bataiye, main designs dikhata hoon, aap chun lijiye.',
          hindi: 'कौन सा गहना पहनकर देखना है? बताइए, मैं डिज़ाइन दिखाता हूँ, आप चुन लीजिए।',
        }),
      ],
      { topic: 'jewel', keep: 2 },
    ),
  );
}

/** The final words after try_on: from its result only (the picture itself went with its disclaimer). */
function answer(c: Ctx): Step {
  const { v, turn } = c;
  const r = turn.result<TryOnToolResult>(TRY_ON);
  if (!r) return say(checkWithTeam(c));
  if (r.ok) {
    const words = r.adjusted
      ? v.t({ en: 'Adjusted — how does this look?', hinglish: 'Adjust kar diya — ab kaisa lag raha hai?', hindi: 'ठीक कर दिया — अब कैसा लग रहा है?' })
      : v.t({
          en: `Here is ${r.name} on your photo. It is only an impression; the real piece may look different.`,
          hinglish: `Yeh rahi ${r.name} aapki photo par. Yeh sirf ek jhalak hai; asli piece thoda alag dikh sakta hai.`,
          hindi: `यह रहा ${r.name} आपकी फ़ोटो पर। यह सिर्फ़ एक झलक है; असली गहना थोड़ा अलग दिख सकता है।`,
        });
    return finalize(c, [suggest(c, [BIGGER, SMALLER, BUTTON.visit])], () =>
      v.finish(
        [
          words,
          v.t({
            en: 'Say bigger, smaller, higher or lower to adjust it, or visit us to try the real piece.',
            hinglish: 'Bada, chhota, upar ya neeche bolke adjust kijiye, ya store aakar asli piece pehen ke dekhiye.',
            hindi: 'बड़ा, छोटा, ऊपर या नीचे कहकर ठीक कीजिए, या दुकान आकर असली गहना पहनकर देखिए।',
          }),
        ],
        { topic: 'jewel', keep: 2 },
      ),
    );
  }
  const name = r.name ?? v.t({ en: 'the piece', hinglish: 'yeh piece', hindi: 'यह गहना' });
  switch (r.reason) {
    case 'no_photo':
    case 'nothing_to_adjust': {
      const hand = r.photoKind === 'hand photo';
      return say(
        v.finish(
          [
            hand
              ? v.t({ en: `Send me a photo of your hand and I will show you ${name} on it.`, hinglish: `Apne haath ki ek photo bhejiye, main ${name} us par dikhata hoon.`, hindi: `अपने हाथ की एक फ़ोटो भेजिए, मैं ${name} उस पर दिखाता हूँ।` })
              : v.t({ en: `Send me a selfie and I will show you ${name} on it.`, hinglish: `Ek selfie bhejiye, main ${name} us par dikhata hoon.`, hindi: `एक सेल्फ़ी भेजिए, मैं ${name} उस पर दिखाता हूँ।` }),
            v.t({ en: 'Face the camera in good light.', hinglish: 'Achhi roshni mein, camera ki taraf dekhte hue.', hindi: 'अच्छी रोशनी में, कैमरे की ओर देखते हुए।' }),
          ],
          { topic: 'jewel', keep: 2 },
        ),
      );
    }
    case 'limit':
      return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.talk])], () =>
        v.finish(
          [
            v.t({ en: "That's all the try-ons I can make for you today.", hinglish: 'Aaj ke liye try-on ki seema poori ho gayi.', hindi: 'आज के लिए ट्राई-ऑन की सीमा पूरी हो गई।' }),
            v.t({ en: 'Visit us to try the real pieces!', hinglish: 'Store aakar asli pieces pehen ke dekhiye!', hindi: 'दुकान आकर असली गहने पहनकर देखिए!' }),
          ],
          { topic: 'jewel', keep: 2 },
        ),
      );
    case 'bad_photo':
      return say(v.finish([v.t({ en: `I could not use that photo: ${r.message}.`, hinglish: `Yeh photo use nahi ho payi: ${r.message}.`, hindi: `यह फ़ोटो काम नहीं आई: ${r.message}।` })], { topic: 'sorry' }));
    case 'no_product_photo':
      return say(v.finish([v.t({ en: `${name} has no photo for try-on yet; our team can share more pictures.`, hinglish: `${name} ki try-on photo abhi nahi hai; team aur photos bhej degi.`, hindi: `${name} की ट्राई-ऑन फ़ोटो अभी नहीं है; टीम और फ़ोटो भेज देगी।` })], { topic: 'sorry' }));
    default:
      return askWhichPiece(c);
  }
}
