import type { Db } from '../db/index.js';
import type { Constraints, TermKind } from './constraints.js';

/** SQL for answering searches, nothing else. Constraints become WHERE clauses here and only here. */

/** A product row as both search legs read it (the indexer reads these columns and a few more). */
export interface HitRow {
  id: number;
  sku: string;
  name: string;
  category: string;
  style: string | null;
  metal: string | null;
  purity: string | null;
  weight_mg: number | null;
  stones: string;
  price: number;
  stock: number;
  gender: string | null;
}

export type SortKey = 'price_asc' | 'price_desc' | 'weight_asc' | 'weight_desc' | 'newest';

interface Clause {
  sql: string[];
  params: unknown[];
}

const WEIGHT = 'coalesce(p.net_weight_mg, p.gross_weight_mg)';
const ORDER: Record<SortKey, string> = {
  price_asc: 'p.price asc, p.id',
  price_desc: 'p.price desc, p.id',
  weight_asc: `${WEIGHT} is null, ${WEIGHT} asc, p.id`,
  weight_desc: `${WEIGHT} is null, ${WEIGHT} desc, p.id`,
  newest: 'p.updated_at desc, p.id desc',
};

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Ids carrying every canonical term asked for (stones are all-of), or null when none is asked. */
function termSet(c: Constraints): Clause | null {
  if (c.ids) return { sql: ['select value from json_each(?)'], params: [JSON.stringify(c.ids)] };
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (kind: TermKind, value: string) => {
    parts.push('select product_id from search_terms where kind = ? and value = ?');
    params.push(kind, value);
  };
  for (const s of c.stones ?? []) add('stone', s);
  if (c.occasion !== undefined) add('occasion', c.occasion);
  if (c.style !== undefined) add('style', c.style);
  if (c.sku !== undefined) {
    parts.push('select id from products where sku = ?');
    params.push(c.sku);
  }
  return parts.length ? { sql: [parts.join(' intersect ')], params } : null;
}

/** Every constraint as a condition on `products p`. */
function productWhere(c: Constraints): Clause {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    sql.push(condition);
    params.push(...values);
  };
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    sql.push(values.length ? `${column} in (${marks(values.length)})` : '0');
    params.push(...values);
  };
  inList('p.category', c.categories);
  inList('p.metal', c.metals);
  inList('p.purity', c.purities);
  inList('p.gender', c.genders);
  if (c.priceMin !== undefined) add('p.price >= ?', c.priceMin);
  if (c.priceMax !== undefined) add('p.price <= ?', c.priceMax);
  if (c.weightMinMg !== undefined) add(`${WEIGHT} >= ?`, c.weightMinMg);
  if (c.weightMaxMg !== undefined) add(`${WEIGHT} <= ?`, c.weightMaxMg);
  if (c.inStock) add('p.stock > 0');
  const terms = termSet(c);
  if (terms) add(`p.id in (${terms.sql[0]})`, ...terms.params);
  return { sql, params };
}

/**
 * The same constraints on the vec0 table's metadata columns, so they filter inside the KNN scan
 * (integers bound as BigInt: vec0 refuses a float for an integer column). Multi-valued terms and
 * the SKU become a product_id set.
 */
function vecWhere(c: Constraints): Clause {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    sql.push(condition);
    params.push(...values);
  };
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    sql.push(values.length ? `${column} in (${marks(values.length)})` : 'product_id < 0');
    params.push(...values);
  };
  inList('category', c.categories);
  inList('metal', c.metals);
  inList('purity', c.purities);
  inList('gender', c.genders);
  if (c.priceMin !== undefined) add('price >= ?', BigInt(c.priceMin));
  if (c.priceMax !== undefined) add('price <= ?', BigInt(c.priceMax));
  if (c.weightMinMg !== undefined || c.weightMaxMg !== undefined) {
    // -1 stands for "no weight known": never inside a weight range.
    add('weight_mg >= ?', BigInt(Math.max(0, c.weightMinMg ?? 0)));
    if (c.weightMaxMg !== undefined) add('weight_mg <= ?', BigInt(c.weightMaxMg));
  }
  if (c.inStock) add('stock > 0');
  const terms = termSet(c);
  if (terms) add(`product_id in (${terms.sql[0]})`, ...terms.params);
  return { sql, params };
}

const and = (parts: string[]) => (parts.length ? ` and ${parts.join(' and ')}` : '');

const HIT = `p.id, p.sku, p.name, p.category, p.style, p.metal, p.purity, ${WEIGHT} as weight_mg, p.stones, p.price, p.stock, p.gender`;

export function queryRepo(db: Db) {
  return {
    /** The constraints with their term/SKU part looked up once (see Constraints.ids). */
    resolve(c: Constraints): Constraints {
      const { ids: _ids, ...rest } = c;
      const terms = termSet(rest);
      if (!terms) return rest;
      const rows = db.prepare(terms.sql[0] ?? '').all(...terms.params) as Record<string, number>[];
      return { ...rest, ids: rows.map((r) => Object.values(r)[0] as number) };
    },

    /** Nearest products to the vector among those meeting every constraint, closest first. */
    knn(table: string, vector: Float32Array, k: number, c: Constraints): number[] {
      const w = vecWhere(c);
      // With `category in (…)` on the partition key vec0 answers k per partition: keep the best k
      // (in JS: an SQL LIMIT here would be pushed into vec0, which refuses LIMIT beside k).
      const rows = db
        .prepare(`select product_id as id from ${table} where embedding match ? and k = ?${and(w.sql)} order by distance`)
        .all(vector, BigInt(k), ...w.params) as { id: number }[];
      return rows.slice(0, k).map((r) => r.id);
    },

    /** BM25 over the product text among products meeting every constraint, best first. */
    bm25(match: string, k: number, c: Constraints): number[] {
      const w = productWhere(c);
      // The full-text match runs once, materialised, then meets the filters: left to itself the
      // planner walks the filtered products and re-runs the match for each (100× slower at 100k).
      // Column weights: name, style, description, stones, occasions, category, metal.
      const rows = db
        .prepare(
          `with hits as materialized (
             select rowid as id, bm25(search_fts, 4, 3, 1, 2, 1.5, 2, 1.5) as score from search_fts where search_fts match ?)
           select h.id from hits h join products p on p.id = h.id where 1${and(w.sql)} order by h.score limit ?`,
        )
        .all(match, ...w.params, k) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /** Products meeting every constraint in a fixed order (for "cheapest", "heaviest"…). */
    sorted(c: Constraints, sort: SortKey, limit: number, among?: number[]): number[] {
      const w = productWhere(c);
      if (among) {
        w.sql.push('p.id in (select value from json_each(?))');
        w.params.push(JSON.stringify(among));
      }
      const rows = db
        .prepare(`select p.id from products p where 1${and(w.sql)} order by ${ORDER[sort]} limit ?`)
        .all(...w.params, limit) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /** Products meeting every constraint, ordered by how far their price or weight is outside a band. */
    nearest(c: Constraints, column: 'price' | 'weight', min: number | undefined, max: number | undefined, limit: number): number[] {
      const w = productWhere(c);
      const col = column === 'price' ? 'p.price' : WEIGHT;
      if (column === 'weight') w.sql.push(`${WEIGHT} is not null`);
      const lo = min ?? -1;
      const hi = max ?? Number.MAX_SAFE_INTEGER;
      const rows = db
        .prepare(
          `select p.id from products p where 1${and(w.sql)}
           order by case when ${col} < ? then ? - ${col} when ${col} > ? then ${col} - ? else 0 end, p.id limit ?`,
        )
        .all(...w.params, lo, lo, hi, hi, limit) as { id: number }[];
      return rows.map((r) => r.id);
    },

    /**
     * The rows for these ids that still meet every constraint, checked against the live catalog:
     * the final guard that nothing outside the filters is ever returned, even from a stale index.
     */
    verified(ids: number[], c: Constraints): Map<number, HitRow> {
      if (ids.length === 0) return new Map();
      const w = productWhere(c);
      const rows = db
        .prepare(`select ${HIT} from products p where p.id in (select value from json_each(?))${and(w.sql)}`)
        .all(JSON.stringify(ids), ...w.params) as HitRow[];
      return new Map(rows.map((r) => [r.id, r]));
    },

    /** How many products a single FTS term matches (its cost in the BM25 leg). */
    documentsMatching(term: string): number {
      return (db.prepare('select count(*) as n from search_fts where search_fts match ?').get(term) as { n: number }).n;
    },

    hasTerm(kind: TermKind, value: string): boolean {
      return db.prepare('select 1 from search_terms where kind = ? and value = ? limit 1').get(kind, value) !== undefined;
    },
  };
}
export type QueryRepo = ReturnType<typeof queryRepo>;
