import type { Db } from '../db/index.js';
import type { HitRow } from './query.repo.js';
import type { TermKind } from './constraints.js';

/**
 * SQL for the search index, nothing else. The index reads the catalog's `products` table (owned
 * by the catalog domain) and writes only its own tables: search_state, search_docs, search_terms,
 * search_fts and one vec0 table per embedder (search_vec_<embedder id>).
 */

export interface ProductSource extends HitRow {
  description: string;
  occasions: string;
  content_hash: string;
  /** 1 when an older version of the product is in the index (its rows must go first). */
  indexed: number;
}

export interface IndexEntry {
  product: ProductSource;
  vector: Float32Array;
  fts: { name: string; style: string; description: string; stones: string; occasions: string; category: string; metal: string };
  terms: { kind: TermKind; value: string }[];
}

export function vecTableName(embedderId: string): string {
  return `search_vec_${embedderId.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

const SOURCE = `select p.id, p.sku, p.name, p.category, p.style, p.metal, p.purity,
  coalesce(p.net_weight_mg, p.gross_weight_mg) as weight_mg, p.stones, p.price, p.stock, p.description, p.gender,
  p.occasions, p.content_hash from products p`;

export function indexRepo(db: Db) {
  const getState = db.prepare<[string], { value: string }>('select value from search_state where key = ?');
  const putState = db.prepare('insert into search_state (key, value) values (?, ?) on conflict (key) do update set value = excluded.value');
  const changed = db.prepare<[], ProductSource>(
    `${SOURCE.replace(' from products p', ', d.product_id is not null as indexed from products p')}
     left join search_docs d on d.product_id = p.id where d.content_hash is null or d.content_hash <> p.content_hash order by p.id`,
  );
  const gone = db.prepare<[], { id: number }>(
    'select d.product_id as id from search_docs d where not exists (select 1 from products p where p.id = d.product_id)',
  );
  const delDoc = db.prepare('delete from search_docs where product_id = ?');
  const delTerms = db.prepare('delete from search_terms where product_id = ?');
  const delFts = db.prepare('delete from search_fts where rowid = ?');
  const putDoc = db.prepare('insert into search_docs (product_id, content_hash) values (?, ?)');
  const putTerm = db.prepare('insert or ignore into search_terms (kind, value, product_id) values (?, ?, ?)');
  const putFts = db.prepare(
    'insert into search_fts (rowid, name, style, description, stones, occasions, category, metal) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const all = db.prepare<[], ProductSource>(
    `${SOURCE.replace(' from products p', ', d.product_id is not null as indexed from products p')} left join search_docs d on d.product_id = p.id order by p.id`,
  );

  // Category is the partition key: nearly every shopper names the piece, and the KNN then scans
  // only that category's vectors. The other filters are metadata columns checked inside the scan;
  // they cannot hold NULL, so an unknown metal/purity/gender is '' and an unknown weight -1 (weight
  // filters also require >= 0).
  function createVecTable(table: string, dimensions: number): void {
    db.exec(`drop table if exists ${table}`);
    db.exec(`create virtual table ${table} using vec0(
      product_id integer primary key,
      embedding float[${dimensions}],
      category text partition key,
      metal text, purity text, gender text,
      price integer, weight_mg integer, stock integer
    )`);
  }

  function vecStatements(table: string) {
    return {
      del: db.prepare(`delete from ${table} where product_id = ?`),
      put: db.prepare(
        `insert into ${table} (product_id, embedding, category, metal, purity, gender, price, weight_mg, stock) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  return {
    /** The vec0 table of the embedder the index was built with, if any. */
    indexedWith(): { embedderId: string; table: string } | undefined {
      const id = getState.get('embedder')?.value;
      return id === undefined ? undefined : { embedderId: id, table: vecTableName(id) };
    },

    /** Empties the index and creates the vector table for a first embedder, in one transaction. */
    resetFor(embedderId: string, dimensions: number): string {
      const table = vecTableName(embedderId);
      db.transaction(() => {
        const old = getState.get('embedder')?.value;
        if (old !== undefined) db.exec(`drop table if exists ${vecTableName(old)}`);
        db.exec('delete from search_docs; delete from search_terms; delete from search_fts;');
        createVecTable(table, dimensions);
        putState.run('embedder', embedderId);
      })();
      return table;
    },

    /**
     * A fresh vector table for a new embedder, beside the one in use: searches keep the complete
     * old index (words and filters) until `switchTo` makes the new one current.
     */
    prepareTable(embedderId: string, dimensions: number): string {
      const table = vecTableName(embedderId);
      db.transaction(() => createVecTable(table, dimensions))();
      return table;
    },

    /** Every product as the index describes it (a rebuild embeds them all). */
    allSources: (): ProductSource[] => all.all(),

    /** Vectors only (a rebuild's new table): the words, terms and docs rows stay as they are. */
    writeVectors(table: string, entries: Pick<IndexEntry, 'product' | 'vector'>[]): void {
      const vec = vecStatements(table);
      db.transaction(() => {
        for (const { product: p, vector } of entries) {
          vec.del.run(BigInt(p.id));
          vec.put.run(BigInt(p.id), vector, p.category, p.metal ?? '', p.purity ?? '', p.gender ?? '', BigInt(p.price), BigInt(p.weight_mg ?? -1), BigInt(p.stock));
        }
      })();
    },

    /** The rebuilt table becomes the index's, and the old one goes, in one transaction. */
    switchTo(embedderId: string): void {
      db.transaction(() => {
        const old = getState.get('embedder')?.value;
        if (old !== undefined && old !== embedderId) db.exec(`drop table if exists ${vecTableName(old)}`);
        putState.run('embedder', embedderId);
      })();
    },

    /** Products new or changed since they were indexed, and index rows whose product is gone. */
    pending(): { changed: ProductSource[]; gone: number[] } {
      return { changed: changed.all(), gone: gone.all().map((r) => r.id) };
    },

    /** Replaces the index rows of these products, all or nothing. */
    write(table: string, entries: IndexEntry[]): void {
      const vec = vecStatements(table);
      db.transaction(() => {
        for (const { product: p, vector, fts, terms } of entries) {
          const id = BigInt(p.id);
          if (p.indexed) {
            vec.del.run(id);
            delFts.run(p.id);
            delTerms.run(p.id);
            delDoc.run(p.id);
          }
          vec.put.run(id, vector, p.category, p.metal ?? '', p.purity ?? '', p.gender ?? '', BigInt(p.price), BigInt(p.weight_mg ?? -1), BigInt(p.stock));
          putFts.run(p.id, fts.name, fts.style, fts.description, fts.stones, fts.occasions, fts.category, fts.metal);
          for (const t of terms) putTerm.run(t.kind, t.value, p.id);
          putDoc.run(p.id, p.content_hash);
        }
      })();
    },

    remove(table: string, ids: number[]): void {
      const vec = vecStatements(table);
      db.transaction(() => {
        for (const id of ids) {
          vec.del.run(BigInt(id));
          delFts.run(id);
          delTerms.run(id);
          delDoc.run(id);
        }
      })();
    },

    count(): number {
      return (db.prepare('select count(*) as n from search_docs').get() as { n: number }).n;
    },
  };
}
export type IndexRepo = ReturnType<typeof indexRepo>;
