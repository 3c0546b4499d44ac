import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import type { Product, SearchResult } from '../../contracts/index.js';
import { applyDemo, readDemo } from '../../demo/index.js';
import { openApp, type App } from '../../main.js';
import { EMPTY_QUERIES, EVAL_QUERIES, type EvalQuery } from './queries.js';

/**
 * The search evaluation: every query of the set over the demo catalog, imported through the real
 * importer into a fresh data dir. Precision@5 per query: the share of the first k results that
 * satisfy the query's rule, k = min(5, number of products the rule accepts).
 */
let app: App;
let dir: string;
let catalog: Product[];

beforeAll(async () => {
  dir = tempDir('revive-search-eval-');
  app = openApp({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
  await applyDemo(readDemo(app.config.resourcesDir), { settings: app.settings, catalog: app.services.catalog });
  await app.services.search.sync();
  catalog = app.services.catalog.list().products;
}, 60_000);

afterAll(() => {
  app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function relevantSet(q: EvalQuery): Set<string> {
  let matching = catalog.filter(q.relevant);
  if (q.top) {
    const { by, order, n } = q.top;
    matching = [...matching].sort((a, b) => (order === 'asc' ? by(a) - by(b) : by(b) - by(a))).slice(0, n);
  }
  return new Set(matching.map((p) => p.sku));
}

describe('search evaluation over the demo catalog', () => {
  it('has the demo catalog and a set big enough to mean something', () => {
    expect(catalog).toHaveLength(172);
    expect(EVAL_QUERIES.length + EMPTY_QUERIES.length).toBeGreaterThanOrEqual(50);
    expect(EMPTY_QUERIES.length).toBeGreaterThanOrEqual(5);
  });

  it('reaches a mean precision@5 of at least 0.9', async () => {
    const rows: { q: string; p: number; k: number; hits: string }[] = [];
    for (const q of EVAL_QUERIES) {
      const relevant = relevantSet(q);
      expect(relevant.size, `the rule for "${q.q}" accepts no product: fix the rule`).toBeGreaterThan(0);
      const k = Math.min(5, relevant.size);
      const res: SearchResult = await app.services.search.search(q.q, { limit: 5 });
      const top = res.results.slice(0, k);
      const good = top.filter((h) => relevant.has(h.sku)).length;
      rows.push({ q: q.q, p: good / k, k, hits: top.map((h) => `${relevant.has(h.sku) ? '✓' : '✗'}${h.sku}`).join(' ') });
    }
    const mean = rows.reduce((s, r) => s + r.p, 0) / rows.length;
    const report = [
      `search eval: ${rows.length} queries, mean precision@5 = ${mean.toFixed(3)}`,
      ...rows.filter((r) => r.p < 1).map((r) => `  ${r.p.toFixed(2)}  "${r.q}" (k=${r.k}): ${r.hits}`),
    ].join('\n');
    console.log(report);
    expect(mean, report).toBeGreaterThanOrEqual(0.9);
  });

  it.each(EMPTY_QUERIES.map((q) => [q.q, q] as const))('"%s" returns no results and offers marked alternatives', async (_q, q) => {
    expect(catalog.filter(q.impossible), 'the catalog has a product this query should find: not an empty query').toHaveLength(0);
    const res = await app.services.search.search(q.q, { limit: 5 });
    expect(res.results).toEqual([]);
    expect(res.alternatives.length).toBeGreaterThanOrEqual(1);
    for (const a of res.alternatives) {
      expect(a.relaxed.constraint).toBeTruthy();
      expect(a.relaxed.wanted).not.toBe('');
      // An alternative is, by definition, not what was asked for.
      const p = catalog.find((x) => x.sku === a.sku);
      expect(p && q.impossible(p)).toBe(false);
    }
  });
});
