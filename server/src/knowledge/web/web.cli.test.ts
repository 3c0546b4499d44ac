import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/helpers/cli.js';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import { startSite, startStoreSites } from './store-site.fixture.js';

let root: string;
let data: string;
let sites: Awaited<ReturnType<typeof startStoreSites>>;

beforeAll(async () => {
  root = tempDir('revive-knowledge-web-cli-');
  data = join(root, 'store');
  sites = await startStoreSites();
  expect((await runCli(['init', '--empty', '--data', data, '--json'])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await sites?.close();
  rmSync(root, { recursive: true, force: true });
});

const one = (stdout: string): Record<string, unknown> => {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('revive import knowledge URL', () => {
  it('reads the site, waits until it is indexed, prints the source; ask then cites the returns page', async () => {
    const r = await runCli(['import', 'knowledge', sites.store.url, '--max-pages', '6', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = one(r.stdout) as { source: Record<string, unknown>; error: unknown };
    expect(Object.keys(out)).toEqual(['source', 'error']);
    expect(Object.keys(out.source)).toEqual(['id', 'name', 'kind', 'status', 'chunks']);
    expect(out).toMatchObject({ source: { name: new URL(sites.store.url).host, kind: 'url', status: 'ready', chunks: expect.any(Number) }, error: null });
    expect(out.source.chunks).toBeGreaterThan(0);
    // Pages requested (robots.txt and the second hop of a redirect aside) stay within the limit.
    expect(sites.store.requests.filter((p) => p !== '/robots.txt' && p !== '/policies/returns').length).toBeLessThanOrEqual(6);
    expect(sites.other.requests).toEqual([]);

    const asked = one((await runCli(['ask', 'how many days do I have to return a piece?', '--data', data, '--json'])).stdout) as { answerable: boolean; passages: { location: string; text: string }[] };
    expect(asked.answerable).toBe(true);
    expect(asked.passages[0]?.location.startsWith(`${sites.store.url}/policies/returns`)).toBe(true);
    expect(asked.passages[0]?.text).toContain('15 days');
  }, 120_000);

  it('prints a failed source with the reason and exits 1 when the site cannot be read', async () => {
    const down = await startSite((req, res) => void (req.url === '/robots.txt' ? res.writeHead(404).end() : res.writeHead(503).end()));
    try {
      const r = await runCli(['import', 'knowledge', down.url, '--data', data, '--json']);
      expect(r.code).toBe(1);
      expect(one(r.stdout)).toEqual({ source: { id: expect.any(Number), name: new URL(down.url).host, kind: 'url', status: 'failed', chunks: 0 }, error: "The site's home page answered HTTP 503" });
    } finally {
      await down.close();
    }
  }, 120_000);

  it('refuses a page limit that is not a number of pages (usage error, exit 2)', async () => {
    const r = await runCli(['import', 'knowledge', sites.store.url, '--max-pages', '0', '--data', data, '--json']);
    expect(r.code).toBe(2);
  }, 120_000);
});
