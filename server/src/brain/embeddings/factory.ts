import type { Understood } from '../../contracts/index.js';
import { understand } from '../../understanding/index.js';
import type { Embedder } from './embedder.js';
import { createMistralEmbedder } from './mistral.js';
import { createOfflineEmbedder, type Canonicalizer } from './offline.js';

export interface EmbedderConfig {
  /** The `mistral.apiKey` secret; when set, Mistral embeds, else the offline embedder does. */
  mistralApiKey?: string | undefined;
  /** Origin of a Mistral-compatible server (tests, proxies). */
  mistralServerUrl?: string | undefined;
}

/** The lexicon's reading of a text as canonical terms: "sone ki chain" → metal:gold, category:chain. */
export function lexiconTerms(u: Understood): string[] {
  const terms: string[] = [];
  if (u.category) terms.push(`category:${u.category}`);
  if (u.style) terms.push(`style:${u.style.toLowerCase()}`);
  if (u.metal) terms.push(`metal:${u.metal}`);
  if (u.purity) terms.push(`purity:${u.purity}`);
  for (const s of u.stones ?? []) terms.push(`stone:${s.toLowerCase()}`);
  if (u.occasion) terms.push(`occasion:${u.occasion.toLowerCase()}`);
  if (u.gender) terms.push(`gender:${u.gender}`);
  return terms;
}

/** Phrases remembered per process; more than this and the memo starts afresh. */
const MEMO_LIMIT = 50_000;

/**
 * Reads every phrase of one to three words through the lexicon (memoised: a catalog repeats its
 * words, so indexing 100k products costs a few thousand lexicon reads, not 100k). Phrase by phrase
 * rather than the whole text: a product text and a shopper's query then get the same terms for
 * the same words, whatever surrounds them.
 */
export function phraseCanonicalizer(): Canonicalizer {
  const memo = new Map<string, string[]>();
  return (text) => {
    const out = new Set<string>();
    // Phrases never run across punctuation ("…Ring. gold 22K" is not a phrase).
    for (const part of text.toLowerCase().split(/[.;,:!?|/()]+/)) {
      const words = part.match(/[\p{L}\p{N}]+/gu) ?? [];
      for (let n = 1; n <= 3; n += 1) {
        for (let i = 0; i + n <= words.length; i += 1) {
          const phrase = words.slice(i, i + n).join(' ');
          let terms = memo.get(phrase);
          if (!terms) {
            if (memo.size >= MEMO_LIMIT) memo.clear();
            terms = lexiconTerms(understand(phrase));
            memo.set(phrase, terms);
          }
          for (const t of terms) out.add(t);
        }
      }
    }
    return [...out];
  };
}

/** The one place that picks the embeddings provider: Mistral when a key is set, offline otherwise. */
export function createEmbedder(config: EmbedderConfig = {}): Embedder {
  const key = config.mistralApiKey?.trim();
  if (key) return createMistralEmbedder({ apiKey: key, ...(config.mistralServerUrl ? { serverURL: config.mistralServerUrl } : {}) });
  return createOfflineEmbedder({ canonicalize: phraseCanonicalizer() });
}
