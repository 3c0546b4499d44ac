import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';

let root: string;
let data: string;

beforeAll(async () => {
  root = tempDir('revive-search-cli-');
  data = join(root, 'store');
  const init = await runCli(['init', '--demo', '--data', data, '--json']);
  expect(init.code).toBe(0);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const HIT_KEYS = ['sku', 'name', 'category', 'metal', 'purity', 'weightGrams', 'price', 'stock'];

describe('revive search', () => {
  it('indexes a fresh demo data dir and prints exactly one JSON object with understood, results, alternatives', async () => {
    const r = await runCli(['search', 'gold bangles under 50k', '--data', data, '--limit', '4', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as { understood: Record<string, unknown>; results: Record<string, unknown>[]; alternatives: unknown[] };
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['understood', 'results', 'alternatives']));
    expect(out.understood).toMatchObject({ category: 'bangle', metal: 'gold', priceMax: 50_000 });
    expect(out.results).toHaveLength(4);
    for (const hit of out.results) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(HIT_KEYS));
      expect(hit).toMatchObject({ category: 'bangle', metal: 'gold' });
      expect(hit.price as number).toBeLessThanOrEqual(50_000);
      expect(Number.isInteger(hit.price)).toBe(true);
    }
    expect(out.alternatives).toEqual([]);
  }, 60_000);

  it('answers an impossible query with no results and marked alternatives', async () => {
    const r = await runCli(['search', 'platinum anklet', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: unknown[]; alternatives: { sku: string; relaxed: { constraint: string } }[] };
    expect(out.results).toEqual([]);
    expect(out.alternatives.length).toBeGreaterThan(0);
    expect(out.alternatives.every((a) => typeof a.relaxed.constraint === 'string')).toBe(true);
  }, 60_000);

  it('is a usage error (exit 2) for a bad --limit', async () => {
    const bad = await runCli(['search', 'ring', '--data', data, '--limit', '0', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'usage' } });
  }, 60_000);
});
