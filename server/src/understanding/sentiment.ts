import { EMOJI, INTENSIFIERS, NEGATORS_AFTER, NEGATORS_BEFORE, PHRASES, WORDS } from './sentiment.lexicon.js';

/** A message's mood: −1 (furious) … 0 (neutral) … 1 (delighted), with the terms that moved it. */
export interface Sentiment {
  score: number;
  hits: { term: string; weight: number }[];
}

interface Token {
  word: string;
  shouted: boolean;
  clause: number;
  used: boolean;
}

const WORD = /[\p{L}\p{M}']+/gu;
const PHRASE_LIST = Object.entries(PHRASES).map(([p, w]) => ({ words: p.split(' '), weight: w, term: p }));

function tokens(text: string): Token[] {
  const out: Token[] = [];
  text
    .replace(/[’‘`]/g, "'")
    .split(/[,.!?;:।\n]+/)
    .forEach((clause, c) => {
      for (const m of clause.matchAll(WORD)) {
        const raw = m[0].replace(/^'+|'+$/g, '');
        if (!raw) continue;
        out.push({ word: raw.toLowerCase(), shouted: raw.length >= 3 && raw === raw.toUpperCase() && raw !== raw.toLowerCase(), clause: c, used: false });
      }
    });
  return out;
}

/** True when most letters are capitals (at least 6 letters): the whole message is shouted. */
function shouting(text: string): boolean {
  const letters = text.match(/[A-Za-z]/g) ?? [];
  const caps = letters.filter((l) => l >= 'A' && l <= 'Z').length;
  return letters.length >= 6 && caps / letters.length > 0.7;
}

/** The intensifier just before token i (same clause), as a multiplier. */
function boostBefore(ts: Token[], i: number): number {
  const prev = ts[i - 1];
  return prev && prev.clause === ts[i]!.clause ? (INTENSIFIERS[prev.word] ?? 1) : 1;
}

function negated(ts: Token[], i: number): boolean {
  const t = ts[i]!;
  for (let j = Math.max(0, i - 3); j < i; j++) if (ts[j]!.clause === t.clause && !ts[j]!.used && NEGATORS_BEFORE.has(ts[j]!.word)) return true;
  for (let j = i + 1; j <= Math.min(ts.length - 1, i + 2); j++) if (ts[j]!.clause === t.clause && !ts[j]!.used && NEGATORS_AFTER.has(ts[j]!.word)) return true;
  return false;
}

/**
 * Lexicon-based mood of one shopper message, English and Hinglish (and common Devanagari):
 * phrases first ("kala pad gaya", "waste of money"), then words; negators flip ("not good",
 * "achha nahi"), intensifiers ("very", "bahut", "ekdum") and capitals strengthen, "!!" sharpens
 * anger, a plain question softens it ("is this fake?"); emojis count. The sum is squashed with tanh.
 */
export function scoreSentiment(text: string): Sentiment {
  const ts = tokens(text);
  const hits: Sentiment['hits'] = [];
  let sum = 0;
  const add = (term: string, weight: number) => {
    hits.push({ term, weight: Math.round(weight * 100) / 100 });
    sum += weight;
  };

  for (const p of PHRASE_LIST) {
    for (let i = 0; i + p.words.length <= ts.length; i++) {
      const span = ts.slice(i, i + p.words.length);
      if (span.some((t, k) => t.used || t.word !== p.words[k] || t.clause !== span[0]!.clause)) continue;
      span.forEach((t) => (t.used = true));
      add(p.term, p.weight * boostBefore(ts, i));
    }
  }
  ts.forEach((t, i) => {
    if (t.used) return;
    const base = WORDS[t.word];
    if (base === undefined) return;
    let w = base * boostBefore(ts, i) * (t.shouted ? 1.5 : 1);
    if (negated(ts, i)) w = w > 0 ? -w * 0.9 : -w * 0.4;
    add(t.word, w);
  });
  for (const ch of text.replace(/\uFE0F/g, '')) {
    const w = EMOJI[ch];
    if (w !== undefined) add(ch, w);
  }

  if (sum < 0 && shouting(text)) sum *= 1.4;
  if (sum < 0 && /!{2,}/.test(text)) sum *= 1.3;
  const trimmed = text.trim();
  if (sum < 0 && /[^?]\?$/.test(trimmed) && !trimmed.includes('!')) sum *= 0.5;
  return { score: Math.round(Math.tanh(sum) * 100) / 100, hits };
}
