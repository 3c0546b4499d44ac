import type { Language } from '../../contracts/index.js';

/**
 * Word-level reading of a shopper's message for the offline brain: normalised tokens, typo repair
 * against the brain's own key words (a small optimal-string-alignment distance), and the language
 * the shopper wrote in.
 */

const DEVANAGARI = /[\u0900-\u097F]/u;

/** Lowercase NFKC words (Latin or Devanagari, digits kept), apostrophes dropped: "Don't!!" → ["dont"]. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’'`´]/g, '')
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

/** Optimal string alignment distance (a transposition counts as one edit), stopping past `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

/**
 * Repairs typos of the given key words: a Latin token of 4+ letters one edit away from a key of 5+
 * letters (two edits when both have 8+) becomes that key, unless two keys are equally near or the
 * token is itself a word we know ("stone" is never "store"). Known words pass unchanged.
 */
export function createSpeller(keys: Iterable<string>, known: Iterable<string>): (token: string) => string {
  const vocabulary = new Set<string>(known);
  const targets: string[] = [];
  for (const k of keys) {
    vocabulary.add(k);
    if (k.length >= 5 && /^[a-z]+$/.test(k)) targets.push(k);
  }
  const cache = new Map<string, string>();
  return (token) => {
    if (vocabulary.has(token) || token.length < 4 || !/^[a-z]+$/.test(token)) return token;
    const hit = cache.get(token);
    if (hit !== undefined) return hit;
    let best: string | null = null;
    let bestDistance = Infinity;
    let tie = false;
    for (const target of targets) {
      const limit = Math.min(target.length, token.length) >= 8 ? 2 : 1;
      const d = editDistance(token, target, limit);
      if (d > limit) continue;
      if (d < bestDistance) [best, bestDistance, tie] = [target, d, false];
      else if (d === bestDistance && best !== target) tie = true;
    }
    const out = best !== null && !tie ? best : token;
    if (cache.size > 5000) cache.clear();
    cache.set(token, out);
    return out;
  };
}

/** Hindi words written in Latin letters that English does not use: two of them make a message Hinglish. */
const HINGLISH_MARKERS = new Set(
  `hai hain h kya kia kyaa mujhe muje mujhko mereko chahiye chaiye chahie chaahiye dikhao dikhaiye dikha dikhado batao bataiye
  bataye kitna kitne kitni ka ki ke ko se mein me pe par tak wala wali wale aap aapke aapki apke apki tum tumhare kaun konsa
  kaunsa konsi kaunsi kab kahan kaha kaise kaisa kaisi nahi nahin nhi mat bhejo bhai bhaiya didi ji haan han acha achha accha
  theek thik sona sone chandi chaandi ki liye keliye aur bhi ya abhi sirf bas bahut bohot zyada jyada thoda thodi dukaan dukan
  khulta khulti khulega band hoga hogi milega milegi sakta sakti sakte karo karna karein kijiye dijiye dena dedo do lena
  lagega lagta raha rahi rahe tha thi wapas badalna shukriya dhanyavad dhanyawad namaste namaskar insaan baat kal aaj parso
  aana aaunga aaungi aayenge daam rate sasta sasti saste mehenga mehnga kuch kuchh koi bolo boliye samjha chalega chahte
  chahti dusra doosra pehla pahla teesra tisra wala yeh ye woh wo iska uska iski uski hu hoon hun aa jao aapka aapko apka apko mera meri mere hamara hamari saman ekdum`.split(/\s+/).filter(Boolean),
);

/** Words that are Hinglish markers but also common English: they count only beside another marker. */
const WEAK_MARKERS = new Set(['do', 'me', 'band', 'rate', 'par', 'h', 'ye', 'ya', 'to', 'wo', 'bas', 'ki', 'se']);

/** The language the shopper wrote in: Devanagari script is Hindi; two Hinglish words make Hinglish. */
export function detectLanguage(text: string): Language {
  if (DEVANAGARI.test(text)) return 'hindi';
  let strong = 0;
  let weak = 0;
  for (const w of words(text)) {
    if (!HINGLISH_MARKERS.has(w)) continue;
    if (WEAK_MARKERS.has(w)) weak += 1;
    else strong += 1;
  }
  return strong >= 2 || (strong >= 1 && weak >= 1) ? 'hinglish' : 'english';
}

/** The shopper's language when the persona allows it, else the persona's first language. */
export function replyLanguage(shopper: Language, allowed: readonly Language[]): Language {
  if (allowed.includes(shopper)) return shopper;
  // A Hinglish writer reads Devanagari Hindi less easily than English; a Hindi writer reads Hinglish fine.
  if (shopper === 'hindi' && allowed.includes('hinglish')) return 'hinglish';
  return allowed[0] ?? 'english';
}
