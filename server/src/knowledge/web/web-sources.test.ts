import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textPdf } from '../../../../test/helpers/knowledge-docs.js';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import { createOfflineEmbedder } from '../../brain/index.js';
import type { LiveMessage } from '../../contracts/index.js';
import { openApp, type App } from '../../main.js';
import { knowledgeRepo } from '../knowledge.repo.js';
import { createKnowledgeService, type KnowledgeService } from '../knowledge.service.js';
import { startSite, startStoreSites, type TestSite } from './store-site.fixture.js';

let sites: Awaited<ReturnType<typeof startStoreSites>>;
let store: TestSite;
let dataDir: string;
let app: App;
let knowledge: KnowledgeService;
let messages: Extract<LiveMessage, { type: 'knowledge.source' }>[];

beforeAll(async () => {
  sites = await startStoreSites();
  store = sites.store;
});
afterAll(() => sites?.close());

beforeEach(() => {
  dataDir = tempDir('revive-knowledge-web-');
  app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  messages = [];
  const embedder = createOfflineEmbedder();
  knowledge = createKnowledgeService({
    db: app.db,
    embedder: () => embedder,
    crawl: { maxBytes: 256 * 1024, pageTimeoutMs: 5000 },
    publish: (m) => void (m.type === 'knowledge.source' && messages.push(m)),
  });
});
afterEach(() => {
  knowledge.close();
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const host = () => new URL(store.url).host;

describe('website sources', () => {
  it('adds a site at once (queued), reads it in the background with progress, then answers from it citing the page', async () => {
    const added = knowledge.addUrl(`${store.url}/`);
    expect(added).toMatchObject({ kind: 'url', status: 'queued', name: host(), url: `${store.url}/`, chunks: 0, progress: { done: 0, message: 'Waiting to start' } });
    expect(store.requests.filter((r) => r !== '/robots.txt')).toEqual([]);

    const ready = await knowledge.settled(added.id);
    expect(ready).toMatchObject({ id: added.id, status: 'ready', error: null, progress: null });
    expect(ready.chunks).toBeGreaterThanOrEqual(5);

    const statuses = messages.map((m) => m.source?.status);
    expect(statuses[0]).toBe('queued');
    expect(statuses).toContain('processing');
    expect(statuses.at(-1)).toBe('ready');
    const progress = messages.map((m) => m.source?.progress?.message ?? '');
    expect(progress).toContain(`Reading ${host()}`);
    expect(progress.some((p) => /^Reading \/faq \(\d+ of \d+\)$/.test(p))).toBe(true);
    // The pages that could not be read are named in the last progress before indexing.
    expect(progress.find((p) => p.endsWith('Indexing…'))).toMatch(/^Read \d+ pages; could not read .*\/shipping \(the site answered HTTP 500\).*\/care \(the site answered HTTP 404\)/);

    const answer = await knowledge.ask('how many days to return a piece?');
    expect(answer.answerable).toBe(true);
    expect(answer.passages[0]).toMatchObject({ source: host(), text: expect.stringContaining('within 15 days of delivery') });
    expect(answer.passages[0]?.location.startsWith(`${store.url}/policies/returns`)).toBe(true);
    expect(sites.other.requests).toEqual([]);
  }, 30_000);

  it('gives the existing source for the same address again (www. and a trailing slash ignored), without reading it again', async () => {
    const first = knowledge.addUrl(store.url);
    await knowledge.settled(first.id);
    const before = store.requests.length;
    const again = knowledge.addUrl(`${store.url}/`);
    expect(again).toMatchObject({ id: first.id, status: 'ready' });
    expect(store.requests.length).toBe(before);
    expect(knowledge.list()).toHaveLength(1);
  }, 30_000);

  it('turns a bad address into a validation error', () => {
    expect(() => knowledge.addUrl('ftp://shop.example')).toThrow('Give a web address starting with http:// or https://');
    expect(() => knowledge.addUrl('not a url')).toThrow('Give the full address, like https://yourstore.in');
  });

  it('re-scrapes on reprocess: new text replaces the old; a failed re-scrape keeps the old chunks and says why', async () => {
    let mode: 'v1' | 'v2' | 'down' = 'v1';
    const site = await startSite((req, res) => {
      if (req.url === '/robots.txt') return void (mode === 'down' ? res.writeHead(503).end() : res.writeHead(404).end());
      if (req.url !== '/') return void res.writeHead(404).end();
      const days = mode === 'v1' ? 15 : 30;
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Store</title></head><body><h1>Returns</h1><p>Return any piece within ${days} days of delivery for a full refund.</p></body></html>`);
    });
    try {
      const s = knowledge.addUrl(site.url);
      expect(await knowledge.settled(s.id)).toMatchObject({ status: 'ready', chunks: 1 });
      expect((await knowledge.ask('how many days to return?')).passages[0]?.text).toContain('15 days');

      mode = 'v2';
      expect(await knowledge.reprocess(s.id)).toMatchObject({ status: 'queued', progress: { message: 'Waiting to start' } });
      expect(await knowledge.settled(s.id)).toMatchObject({ status: 'ready', chunks: 1 });
      const v2 = await knowledge.ask('how many days to return?');
      expect(v2.passages.map((p) => p.text).join(' ')).toContain('30 days');
      expect(v2.passages.map((p) => p.text).join(' ')).not.toContain('15 days');

      mode = 'down';
      expect(await knowledge.reprocess(s.id)).toMatchObject({ status: 'queued' });
      const failed = await knowledge.settled(s.id);
      expect(failed).toMatchObject({ status: 'failed', chunks: 1 });
      expect(failed.error).toMatch(/^The site's robots\.txt answered HTTP 503.*\. The pages read before are still used; press Re-process to try again\.$/);
      expect((await knowledge.ask('how many days to return?')).passages[0]?.text).toContain('30 days');
      expect(knowledgeRepo(app.db).indexCounts()).toEqual({ fts: 1, vectors: 1 });
    } finally {
      await site.close();
    }
  }, 30_000);

  it('a site that cannot be read fails with the reason; adding it again reads it again (a site answering every address with one page is one page)', async () => {
    let up = false;
    const site = await startSite((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      if (!up) return void res.writeHead(502).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Contact</h1><p>Call us on 0141 256 0000 between 11 am and 8 pm.</p>');
    });
    try {
      const s = knowledge.addUrl(site.url);
      expect(await knowledge.settled(s.id)).toMatchObject({ status: 'failed', error: "The site's home page answered HTTP 502", chunks: 0, progress: null });
      up = true;
      expect(knowledge.addUrl(site.url)).toMatchObject({ id: s.id, status: 'queued' });
      expect(await knowledge.settled(s.id)).toMatchObject({ id: s.id, status: 'ready', error: null, chunks: 1 });
    } finally {
      await site.close();
    }
  }, 30_000);

  it('reads a PDF the site links to, page by page, citing the PDF page', async () => {
    const pdf = await textPdf([[['Shipping policy']], [['We ship across India with insured courier.', 'We do not ship outside India.']]]);
    const site = await startSite((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      if (req.url === '/docs/shipping.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf));
      if (req.url !== '/') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Shree Ganesh Jewellers</h1><p>Gold and silver jewellery made in Jaipur.</p><a href="/docs/shipping.pdf">Shipping policy (PDF)</a></body></html>');
    });
    try {
      const s = knowledge.addUrl(site.url);
      expect(await knowledge.settled(s.id)).toMatchObject({ status: 'ready', error: null });
      const answer = await knowledge.ask('do you ship outside India?');
      expect(answer.answerable).toBe(true);
      expect(answer.passages[0]).toMatchObject({ location: `${site.url}/docs/shipping.pdf › page 2`, text: expect.stringContaining('We do not ship outside India') });
    } finally {
      await site.close();
    }
  }, 30_000);

  it('marks sources left spinning by a stopped process as interrupted, and survives a source deleted while being read', async () => {
    const repo = knowledgeRepo(app.db);
    const stuck = repo.insertSource({ name: 'shop.example', kind: 'url', mime: 'text/html', bytes: 0, sha256: 'x', status: 'processing', content: null, error: null, url: 'https://shop.example/', at: new Date().toISOString() });
    repo.setProgress(stuck, { done: 2, total: 9, message: 'Reading /faq (3 of 9)' });
    expect(knowledge.recoverInterrupted()).toBe(1);
    expect(knowledge.get(stuck)).toMatchObject({ status: 'failed', error: 'Interrupted; press Re-process', progress: null });

    const s = knowledge.addUrl(store.url);
    knowledge.remove(s.id);
    await knowledge.settled(s.id).catch(() => undefined);
    expect(knowledge.list().map((x) => x.id)).toEqual([stuck]);
    expect(messages.at(-1)).toMatchObject({ sourceId: s.id, source: null });
  }, 30_000);
});
