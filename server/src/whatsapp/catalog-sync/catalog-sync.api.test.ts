import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, tempDir, type TempServer } from '../../../../test/helpers/temp-server.js';
import type { CatalogSyncStatus, ChatResult, SyncRun } from '../../contracts/index.js';
import { createDemoDataDir, startServer, type RunningServer } from '../../main.js';
import { DEMO_CATALOG_ID } from '../outbound.js';

/**
 * The sync panel's API on a demo data dir: the demo runs the local emulator as its Graph API and
 * syncs the demo catalog to it (photos from the local public listener), so product messages in the
 * demo name SKUs the emulated catalog holds.
 */
let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDir('revive-sync-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
}, 90_000);
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api<T>(path: string, json?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${server.adminPort}${path}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${server.token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('catalog sync API (demo)', () => {
  it('"Sync now" pushes the demo catalog to the emulator; the status shows every product in sync and the last run', async () => {
    const run = await api<{ run: SyncRun; status: CatalogSyncStatus }>('/api/catalog-sync/run', { full: true });
    expect(run.status).toBe(200);
    expect(run.body.run).toMatchObject({ state: 'done', failed: 0, error: null });
    const { body } = await api<CatalogSyncStatus>('/api/catalog-sync');
    expect(body).toMatchObject({ catalogId: DEMO_CATALOG_ID, counts: { synced: 172, pending: 0, failed: 0 }, failed: [], running: false });
    expect(body.bySku['SJ-RNG-0001']).toBe('synced');
    // the start's background sync may run just after this one (they never overlap)
    expect(body.lastRun).toMatchObject({ state: 'done', failed: 0 });
    expect(body.lastRun!.id).toBeGreaterThanOrEqual(run.body.run.id);

    const again = await api<{ run: SyncRun }>('/api/catalog-sync/run', {});
    expect(again.body.run).toMatchObject({ state: 'done', created: 0, updated: 0, unchanged: 172 });
  });

  it('a product list in the demo names only SKUs the catalog holds', async () => {
    const chat = await api<ChatResult>('/api/simulator/messages', { phone: '+919999900011', message: { type: 'text', text: { body: 'gold bangles' } } });
    const list = chat.body.replies.find((r) => (r as { interactive?: { type?: string } }).interactive?.type === 'product_list') as { interactive: { action: { catalog_id: string; sections: { product_items: { product_retailer_id: string }[] }[] } } } | undefined;
    expect(list?.interactive.action.catalog_id).toBe(DEMO_CATALOG_ID);
    const { body } = await api<CatalogSyncStatus>('/api/catalog-sync');
    for (const s of list!.interactive.action.sections) for (const i of s.product_items) expect(body.bySku[i.product_retailer_id]).toBe('synced');
  });

  it('refuses a bad body with a clear message', async () => {
    const bad = await api<{ error: { code: string; message: string } }>('/api/catalog-sync/run', { full: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
  });
});

describe('catalog sync API without a catalog', () => {
  let s: TempServer;
  beforeAll(async () => {
    s = await startTempServer();
  });
  afterAll(() => s.stop());

  it('says what to connect instead of syncing', async () => {
    const status = (await (await s.api('/api/catalog-sync')).json()) as CatalogSyncStatus;
    expect(status).toMatchObject({ catalogId: null, lastRun: null, failed: [] });
    const res = await s.api('/api/catalog-sync/run', { method: 'POST', json: {} });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'not_configured', message: 'No Meta catalog is connected: add its id in Settings → WhatsApp → Catalog id, then sync' });
  });
});
