import { normalize, type Embedder } from './embedder.js';

/**
 * Maps a text's words to canonical lexicon terms ("sone", "sona" → "gold"; "neckless" → "necklace"),
 * so that synonyms land on the same features. Supplied by the understanding domain.
 */
export type Canonicalizer = (text: string) => string[];

export interface OfflineEmbedderOptions {
  dimensions?: number;
  canonicalize?: Canonicalizer;
}

export const OFFLINE_DIMENSIONS = 128;
/** Bump when features or weights change: the id names the vector space, so the index rebuilds. */
const VERSION = 2;

// Feature weights: whole words carry most meaning; character n-grams catch typos and inflections
// ("neckless" ~ "necklace", "ganesh" ~ "ganesha"); canonical terms tie Hindi and English names together.
const WORD = 1;
const BIGRAM = 0.6;
const NGRAMS = 1;
const CANONICAL = 1.4;

const STOPWORDS = new Set(
  'a an and the for of with in on to from by is are my me i you your our we do does have has any some show want need please ' +
    'under below above over between upto up till tak se ka ki ke ko mein me liye wala wali wale hai hain chahiye koi kuch aur ya'
      .split(' '),
);

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a, 32 bits, continuing from `h`: fast, deterministic, good enough spread for feature hashing. */
function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hash of `c:` + padded.slice(start, start + n), without building the string. */
const GRAM_SEED = fnv1a('c:');
function gramHash(padded: string, start: number, n: number): number {
  let h = GRAM_SEED;
  for (let i = start; i < start + n; i += 1) {
    h ^= padded.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’`]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => !STOPWORDS.has(w) && !/^\d/.test(w));
}

/**
 * The offline embedder: signed feature hashing of word unigrams and bigrams, character 3–5-grams
 * and canonical lexicon terms, L2-normalised. Deterministic, no network, no model file. It measures
 * shared wording, not meaning — exact filters and BM25 carry the rest of hybrid search.
 */
export function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Embedder {
  const dimensions = options.dimensions ?? OFFLINE_DIMENSIONS;
  const canonicalize = options.canonicalize;

  function addHash(v: Float32Array, h: number, weight: number): void {
    const sign = h & 0x80000000 ? -1 : 1;
    const at = (h & 0x7fffffff) % dimensions;
    v[at] = (v[at] ?? 0) + sign * weight;
  }
  const add = (v: Float32Array, feature: string, weight: number) => addHash(v, fnv1a(feature), weight);

  function embedOne(text: string): Float32Array {
    const v = new Float32Array(dimensions);
    const ws = words(text);
    ws.forEach((w, i) => {
      add(v, `w:${w}`, WORD);
      const next = ws[i + 1];
      if (next !== undefined) add(v, `b:${w} ${next}`, BIGRAM);
      const padded = `<${w}>`;
      let count = 0;
      for (let n = 3; n <= 5; n += 1) count += Math.max(0, padded.length - n + 1);
      const each = NGRAMS / Math.sqrt(count || 1);
      for (let n = 3; n <= 5; n += 1) for (let s = 0; s + n <= padded.length; s += 1) addHash(v, gramHash(padded, s, n), each);
    });
    if (canonicalize) for (const term of new Set(canonicalize(text))) add(v, `k:${term}`, CANONICAL);
    return normalize(v);
  }

  return {
    id: `offline-hash-v${VERSION}-${dimensions}`,
    dimensions,
    embed: (texts) => Promise.resolve(texts.map(embedOne)),
  };
}
