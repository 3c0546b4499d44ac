import { ftsMatch, ftsTerm, ftsWords } from './fts-query.js';
import type { QueryRepo } from './query.repo.js';

/**
 * BM25 scores every document its words match, so a word found on most products costs most and
 * ranks nothing: the rarest words are kept while they match at most this many products together.
 */
export const MAX_TEXT_DOCUMENTS = 5000;

export interface TextPlan {
  /** The FTS5 expression for the BM25 leg, or null when no word is worth searching. */
  match: string | null;
  /** Leftover words were given. */
  words: boolean;
  /** Some product contains one of them. */
  known: boolean;
}

/** Plans the BM25 leg from the leftover words, counting each word's products once per index state. */
export function createTextPlanner(query: Pick<QueryRepo, 'documentsMatching'>) {
  let counts = new Map<string, number>();
  return {
    plan(text: string): TextPlan {
      const words = ftsWords(text);
      const counted = words.map((w) => {
        let n = counts.get(w);
        if (n === undefined) {
          n = query.documentsMatching(ftsTerm(w));
          if (counts.size > 10_000) counts = new Map();
          counts.set(w, n);
        }
        return { w, n };
      });
      const keep: string[] = [];
      let total = 0;
      for (const { w, n } of counted.filter((x) => x.n > 0).sort((a, b) => a.n - b.n)) {
        if (total + n > MAX_TEXT_DOCUMENTS) break;
        total += n;
        keep.push(w);
      }
      return { match: ftsMatch(keep), words: words.length > 0, known: counted.some((x) => x.n > 0) };
    },
    /** The index changed: counts are stale. */
    reset(): void {
      counts = new Map();
    },
  };
}
