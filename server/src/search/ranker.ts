import type { AlternativeHit, ProductHit } from '../contracts/index.js';
import type { Constraints } from './constraints.js';
import { reciprocalRankFusion, RRF_K } from './fuse.js';
import type { HitRow, QueryRepo, SortKey } from './query.repo.js';
import { relaxations } from './relax.js';

/** Alternatives offered per relaxed constraint. */
const PER_RELAXATION = 3;

export interface Ranked {
  row: HitRow;
  score: number;
}

export interface QueryVector {
  table: string;
  vector: Float32Array;
}

/** What one search ranks with: its vector (null without one), BM25 expression and order. */
export interface Signals {
  vec: QueryVector | null;
  match: string | null;
  sort: SortKey | undefined;
}

export function toHit({ row, score }: Ranked): ProductHit {
  let stones: string[];
  try {
    stones = JSON.parse(row.stones) as string[];
  } catch {
    stones = [];
  }
  return {
    sku: row.sku,
    name: row.name,
    category: row.category as ProductHit['category'],
    metal: row.metal as ProductHit['metal'],
    purity: row.purity as ProductHit['purity'],
    weightGrams: row.weight_mg === null ? null : row.weight_mg / 1000,
    price: row.price,
    stock: row.stock,
    style: row.style,
    stones,
    score: Math.round(score * 1e6) / 1e6,
  };
}

/** In the order of `ids`, the products still meeting `c` in the live catalog, scored by position. */
function hydrate(query: QueryRepo, ids: number[], c: Constraints): Ranked[] {
  const rows = query.verified(ids, c);
  return ids.flatMap((id, i) => {
    const row = rows.get(id);
    return row ? [{ row, score: 1 / (RRF_K + i + 1) }] : [];
  });
}

export function createRanker(query: QueryRepo) {
  /**
   * The products meeting every constraint, best first: both legs filtered by the same constraints
   * and fused by reciprocal rank; with an order asked for ("cheapest"), the whole matching set in
   * that order, narrowed to the products the words found when they found any.
   */
  function rank(given: Constraints, s: Signals, limit: number): Ranked[] {
    const c = query.resolve(given);
    if (c.ids?.length === 0) return [];
    let ids: number[];
    if (s.sort) {
      const among = s.match ? query.bm25(s.match, 1000, c) : [];
      ids = query.sorted(c, s.sort, limit, among.length ? among : undefined);
    } else {
      const depth = Math.max(limit * 4, 40);
      const legs = [s.vec ? query.knn(s.vec.table, s.vec.vector, depth, c) : [], s.match ? query.bm25(s.match, depth, c) : []];
      ids = legs.some((l) => l.length) || s.vec ? reciprocalRankFusion(legs).map((f) => f.id) : query.sorted(c, 'newest', depth);
    }
    const ranked = hydrate(query, ids, c);
    // Without an order asked for, pieces in stock come first (relevance order otherwise kept).
    if (!s.sort) ranked.sort((a, b) => Number(b.row.stock > 0) - Number(a.row.stock > 0));
    return ranked.slice(0, limit);
  }

  /** Near misses, one relaxed constraint at a time (see relax.ts), each marked with what it breaks. */
  function alternatives(c: Constraints, s: Signals, limit: number): AlternativeHit[] {
    const out: AlternativeHit[] = [];
    const seen = new Set<string>();
    for (const r of relaxations(c)) {
      if (out.length >= limit) break;
      const take = Math.min(PER_RELAXATION, limit - out.length);
      let found: Ranked[];
      if (r.nearest) {
        const relaxed = query.resolve(r.constraints);
        const ids = relaxed.ids?.length === 0 ? [] : query.nearest(relaxed, r.nearest.column, r.nearest.min, r.nearest.max, take + seen.size);
        found = hydrate(query, ids, relaxed);
      } else {
        found = rank(r.constraints, s, take + seen.size);
      }
      for (const f of found.filter((x) => !seen.has(x.row.sku)).slice(0, take)) {
        seen.add(f.row.sku);
        out.push({ ...toHit(f), relaxed: { constraint: r.constraint, wanted: r.wanted, offered: r.offered(f.row) } });
      }
    }
    return out;
  }

  return { rank, alternatives };
}
