import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProducts, insertProducts } from '../test/helpers/generated-catalog.js';
import { createEmbedder } from '../server/src/brain/index.js';
import { migrate, openDatabase } from '../server/src/db/index.js';
import { createProductSearch, type ProductSearch } from '../server/src/search/index.js';
import { summarize, type Benchmark, type BenchResult } from './stats.js';

/**
 * Product search latency (whole `search()`: understanding, query embedding, KNN + BM25, fusion,
 * re-check, hydration) over generated catalogs of 1k, 10k and 100k products with the offline
 * embedder, for queries with and without filters; and the time to index 100k products.
 */

/** Words only: no filter is understood, both legs rank the whole catalog. */
const PLAIN = ['royal lotus', 'heritage', 'mayur design', 'shahi meena', 'chandni', 'zoya vine', 'aria petal', 'minimal bold', 'jaipuri classic', 'noor tara'];
/** Shopper queries that set filters (category, metal, purity, price, stones, gender, stock, style). */
const FILTERED = [
  'gold bangles under 50k', '22k kada for men', 'diamond ring under 1 lakh', 'silver payal', 'emerald necklace for wedding',
  'rose gold studs in stock', 'gold chain between 1 lakh and 2 lakh', 'polki set for bride', 'sone ki chain 1 lakh tak', 'platinum band for men',
];

interface Fixture {
  search: ProductSearch;
  insertMs: number;
  indexMs: number;
  close(): void;
}

const fixtures = new Map<number, Promise<Fixture>>();
const dirs: string[] = [];
process.once('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** One catalog per size per run: products inserted straight into the table, then indexed. */
function fixture(n: number): Promise<Fixture> {
  let f = fixtures.get(n);
  if (!f) {
    f = (async () => {
      const dir = mkdtempSync(join(tmpdir(), `revive-bench-search-${n}-`));
      dirs.push(dir);
      const { db } = openDatabase(join(dir, 'revive.sqlite'));
      migrate(db);
      let t = performance.now();
      insertProducts(db, generateProducts(n, 42));
      const insertMs = performance.now() - t;
      const search = createProductSearch({ db, embedder: createEmbedder({}) });
      t = performance.now();
      await search.sync();
      const indexMs = performance.now() - t;
      return { search, insertMs, indexMs, close: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
    })();
    fixtures.set(n, f);
  }
  return f;
}

/**
 * Wall-clock times are the result; the note adds this process's CPU time per search and the load
 * average, because on a shared machine the wall clock also measures everyone else.
 */
async function latency(n: number, queries: string[], samples: number): Promise<BenchResult> {
  const { search } = await fixture(n);
  for (let i = 0; i < 20; i += 1) await search.search(queries[i % queries.length] ?? '', { limit: 10 });
  const times: number[] = [];
  const cpu: number[] = [];
  let empty = 0;
  for (let i = 0; i < samples; i += 1) {
    const q = queries[i % queries.length] ?? '';
    const c = process.cpuUsage();
    const t = performance.now();
    const res = await search.search(q, { limit: 10 });
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (res.results.length === 0) empty += 1;
  }
  const c = summarize(cpu);
  return summarize(
    times,
    `${n.toLocaleString('en-IN')} products; CPU ${c.median}/${c.p95} ms; load ${loadavg()[0]?.toFixed(1)}${empty ? `; ${empty}/${samples} answered with alternatives` : ''}`,
  );
}

const sizes = [1_000, 10_000, 100_000] as const;
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export const searchBenchmarks: Benchmark[] = [
  ...sizes.flatMap((n): Benchmark[] => [
    { name: `search.${label(n)}.words`, description: `search latency, ${n} products, words only`, run: () => latency(n, PLAIN, 200) },
    { name: `search.${label(n)}.filtered`, description: `search latency, ${n} products, with filters`, run: () => latency(n, FILTERED, 200) },
  ]),
  {
    name: 'search.index.100k',
    description: 'time to build the search index for 100k products (offline embedder)',
    async run() {
      const f = await fixture(100_000);
      const result = summarize([f.indexMs], `one build; generating and inserting the 100k rows took ${Math.round(f.insertMs)} ms more`);
      for (const x of fixtures.values()) (await x).close();
      fixtures.clear();
      return result;
    },
  },
];
