import type { Embedder } from '../brain/index.js';
import { SEARCH_LIMIT_MAX, type SearchResult, type SearchSync } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import { understand as defaultUnderstand } from '../understanding/index.js';
import { isEmpty } from './constraints.js';
import type { Understand } from './documents.js';
import { indexRepo } from './index.repo.js';
import { createIndexer } from './indexer.js';
import { queryRepo } from './query.repo.js';
import { createRanker, toHit, type QueryVector } from './ranker.js';
import { constraintsFrom } from './read-query.js';
import { createTextPlanner } from './text-plan.js';

export interface ProductSearchDeps {
  db: Db;
  /** The embedder, or a function returning the one to use now (it changes when a Mistral key is set). */
  embedder: Embedder | (() => Embedder);
  understand?: Understand;
  log?: { warn(obj: object, msg: string): void };
}

export interface ProductSearch {
  /** Brings the index up to date with the catalog: (re)embeds new and changed products, drops deleted ones. */
  sync(): Promise<SearchSync>;
  search(query: string, opts?: { limit?: number }): Promise<SearchResult>;
}

export const DEFAULT_LIMIT = 10;
/**
 * Hybrid product search: the shopper's words become exact constraints (understanding), applied
 * inside both the vector KNN (vec0 partition and metadata columns) and the BM25 leg (FTS5 joined
 * to products), fused by reciprocal rank. Every hit is re-checked against the live catalog before
 * it is returned; when none meets every constraint, near misses come back separately, marked.
 */
export function createProductSearch(deps: ProductSearchDeps): ProductSearch {
  const index = indexRepo(deps.db);
  const query = queryRepo(deps.db);
  const understand = deps.understand ?? defaultUnderstand;
  const embedderNow = () => (typeof deps.embedder === 'function' ? deps.embedder() : deps.embedder);
  const text = createTextPlanner(query);
  const ranker = createRanker(query);
  const indexer = createIndexer({ index, embedder: embedderNow, understand, changed: () => text.reset() });

  /** The query's vector, or null when the index was built by another embedder or embedding failed. */
  async function queryVector(q: string): Promise<QueryVector | null> {
    const embedder = embedderNow();
    const built = index.indexedWith();
    if (!built || built.embedderId !== embedder.id) return null;
    try {
      const [vector] = await embedder.embed([q]);
      return vector ? { table: built.table, vector } : null;
    } catch (err) {
      deps.log?.warn({ err }, 'query embedding failed; searching by words and filters only');
      return null;
    }
  }

  return {
    sync: () => indexer.sync(),
    async search(q, opts = {}) {
      const limit = Math.min(SEARCH_LIMIT_MAX, Math.max(1, Math.floor(opts.limit ?? DEFAULT_LIMIT)));
      const understood = understand(q);
      const c = constraintsFrom(understood, (style) => query.hasTerm('style', style));
      const plan = text.plan(understood.text);
      const signals = { vec: await queryVector(q), match: plan.match, sort: understood.sort };
      const ranked = ranker.rank(c, signals, limit);
      if (ranked.length && plan.words && !plan.known && isEmpty(c)) {
        // Only words, and no product contains any of them ("titanium", "xyz"): the nearest
        // products are a guess, so they are offered as alternatives, never as matches.
        const relaxed = { constraint: 'words' as const, wanted: understood.text, offered: 'none of these words' };
        return { understood, results: [], alternatives: ranked.map((r) => ({ ...toHit(r), relaxed })) };
      }
      const results = ranked.map(toHit);
      return { understood, results, alternatives: results.length ? [] : ranker.alternatives(c, signals, limit) };
    },
  };
}
