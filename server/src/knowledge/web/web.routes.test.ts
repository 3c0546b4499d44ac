import { rmSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, tempDir, type TempServer } from '../../../../test/helpers/temp-server.js';
import { KnowledgeSourceSchema, type LiveMessage } from '../../contracts/index.js';
import { openApp, startServer } from '../../main.js';
import { knowledgeRepo } from '../knowledge.repo.js';
import { startStoreSites } from './store-site.fixture.js';

let server: TempServer;
let sites: Awaited<ReturnType<typeof startStoreSites>>;
beforeAll(async () => {
  sites = await startStoreSites();
  server = await startTempServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await sites?.close();
});

type SourceMessage = Extract<LiveMessage, { type: 'knowledge.source' }>;

describe('POST /api/knowledge/sources/url', () => {
  it('answers queued at once, publishes progress live, and the source becomes ready', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.adminPort}/api/live`, { headers: { authorization: `Bearer ${server.token}` } });
    const seen: SourceMessage[] = [];
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString()) as LiveMessage;
      if (m.type === 'knowledge.source') seen.push(m);
    });
    await new Promise((r) => ws.once('open', r));

    const res = await server.api('/api/knowledge/sources/url', { method: 'POST', json: { url: sites.store.url, maxPages: 8 } });
    expect(res.status).toBe(200);
    const added = KnowledgeSourceSchema.parse(await res.json());
    expect(added).toMatchObject({ kind: 'url', status: 'queued', url: sites.store.url + '/', chunks: 0 });

    // The live stream tells when it is done (the test timeout bounds the wait).
    while (!seen.some((m) => m.sourceId === added.id && m.source?.status === 'ready')) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    const progress = seen.filter((m) => m.sourceId === added.id && m.source?.status === 'processing').map((m) => m.source?.progress);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.some((p) => p && /^Reading \/\S+ \(\d+ of \d+\)$/.test(p.message) && p.total !== null)).toBe(true);
    for (const m of seen) KnowledgeSourceSchema.nullable().parse(m.source);

    const got = KnowledgeSourceSchema.parse(await (await server.api(`/api/knowledge/sources/${added.id}`)).json());
    expect(got).toMatchObject({ id: added.id, status: 'ready', error: null, progress: null });
    expect(got.chunks).toBeGreaterThan(0);
    // The server kept serving while it read a page that never ends.
    expect((await server.api('/api/health')).status).toBe(200);

    const again = KnowledgeSourceSchema.parse(await (await server.api('/api/knowledge/sources/url', { method: 'POST', json: { url: `${sites.store.url}/` } })).json());
    expect(again).toMatchObject({ id: added.id, status: 'ready' });

    const redo = KnowledgeSourceSchema.parse(await (await server.api(`/api/knowledge/sources/${added.id}/reprocess`, { method: 'POST', json: {} })).json());
    expect(redo).toMatchObject({ id: added.id, status: 'queued' });
    // A re-scrape reads up to the default page limit (the limit given when adding is not stored).
    const reread = await server.services.knowledge.settled(added.id);
    expect(reread).toMatchObject({ status: 'ready', error: null });
    expect(reread.chunks).toBeGreaterThanOrEqual(got.chunks);
  }, 60_000);

  it('refuses an address that is not one', async () => {
    const res = await server.api('/api/knowledge/sources/url', { method: 'POST', json: { url: 'yourstore' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation', fields: { url: 'Give the full address, like https://yourstore.in' } } });
  });
});

describe('a server restart', () => {
  it('marks a website left reading by the last run as interrupted, so nothing spins forever', async () => {
    const dataDir = tempDir('revive-knowledge-restart-');
    try {
      const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
      const repo = knowledgeRepo(app.db);
      const id = repo.insertSource({ name: 'shop.example', kind: 'url', mime: 'text/html', bytes: 0, sha256: 'stuck', status: 'processing', content: null, error: null, url: 'https://shop.example/', at: new Date().toISOString() });
      repo.setProgress(id, { done: 3, total: 9, message: 'Reading /faq (4 of 9)' });
      app.close();

      const server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
      try {
        const res = await fetch(`http://127.0.0.1:${server.adminPort}/api/knowledge/sources/${id}`, { headers: { authorization: `Bearer ${server.token}` } });
        expect(KnowledgeSourceSchema.parse(await res.json())).toMatchObject({ status: 'failed', error: 'Interrupted; press Re-process', progress: null });
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
