// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogSyncStatus, SyncRun } from '../../api/contracts';
import { LiveClient } from '../../api/live';
import { cleanup, click, getButton, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { renderScreen } from '../../test/renderApp';
import { CatalogSyncPanel } from './CatalogSyncPanel';

const run = (over: Partial<SyncRun> = {}): SyncRun => ({
  id: 4, startedAt: '2026-12-01T09:59:50.000Z', finishedAt: '2026-12-01T10:00:00.000Z', state: 'done', created: 0, updated: 2, deleted: 0, failed: 1, unchanged: 209, error: null, ...over,
});
const status = (over: Partial<CatalogSyncStatus> = {}): CatalogSyncStatus => ({
  catalogId: '354160437058781',
  counts: { synced: 1210, pending: 3, failed: 1 },
  failed: [{ sku: 'SJ-BNG-0042', name: 'Temple Kangan', status: 'failed', reason: 'Required field image_link is missing.', lastSyncedAt: null }],
  bySku: {},
  lastRun: run(),
  running: false,
  ...over,
});

afterEach(() => {
  act(() => notifications.clean());
  cleanup();
});
const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;
const count = (k: string) => document.querySelector(`[data-count="${k}"]`)?.textContent;

describe('WhatsApp catalog panel', () => {
  it('shows the counts in Indian format, the last sync in the store’s time zone, and each failed SKU with Meta’s reason', async () => {
    const fake = createFakeFetch({ 'GET /api/catalog-sync': () => ({ json: status() }) });
    renderScreen(<CatalogSyncPanel timeZone="Asia/Kolkata" />, { fetch: fake.fetch });
    await waitFor(() => hasText('WhatsApp catalog'), 'the panel');
    expect([count('synced'), count('pending'), count('failed')]).toEqual(['In sync 1,210', 'Pending 3', 'Failed 1']);
    expect(text('last-sync')).toBe('Last sync 1 Dec 2026, 3:30 pm · 2 updated, 1 failed');
    const row = document.querySelector('[data-sku="SJ-BNG-0042"]');
    expect([...row!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['SJ-BNG-0042', 'Temple Kangan', 'Required field image_link is missing.']);
  });

  it('"Sync now" runs a full sync and shows the new state; a run that failed says why', async () => {
    let current = status();
    const fake = createFakeFetch({
      'GET /api/catalog-sync': () => ({ json: current }),
      'POST /api/catalog-sync/run': () => {
        current = status({ counts: { synced: 1214, pending: 0, failed: 0 }, failed: [], lastRun: run({ id: 5, updated: 4, failed: 0 }) });
        return { json: { run: current.lastRun, status: current } };
      },
    });
    renderScreen(<CatalogSyncPanel timeZone="Asia/Kolkata" />, { fetch: fake.fetch });
    await waitFor(() => hasText('WhatsApp catalog'), 'the panel');
    click(getButton('Sync now'));
    await waitFor(() => count('synced') === 'In sync 1,214', 'the synced counts');
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ full: true });
    expect(document.querySelector('[data-testid="sync-failed"]')).toBeNull();
    expect(text('last-sync')).toMatch(/· 4 updated$/);

    current = status({ lastRun: run({ id: 6, state: 'error', error: 'WhatsApp is not connected yet: the access token is missing (Settings → WhatsApp)' }) });
    const again = createFakeFetch({ 'GET /api/catalog-sync': () => ({ json: current }) });
    cleanup();
    renderScreen(<CatalogSyncPanel timeZone="Asia/Kolkata" />, { fetch: again.fetch });
    await waitFor(() => hasText('The last sync did not finish'), 'the error');
    expect(hasText('the access token is missing')).toBe(true);
  });

  it('says how to connect a catalog when none is', async () => {
    const fake = createFakeFetch({ 'GET /api/catalog-sync': () => ({ json: status({ catalogId: null, lastRun: null, failed: [] }) }) });
    renderScreen(<CatalogSyncPanel timeZone="Asia/Kolkata" />, { fetch: fake.fetch });
    await waitFor(() => hasText('No WhatsApp catalog is connected'), 'the hint');
    expect(document.querySelector('a[href="/settings/whatsapp"]')?.textContent).toBe('add your Meta catalog id in Settings → WhatsApp');
    expect(document.querySelector('button')).toBeNull();
  });

  it('reloads when the server announces a sync', async () => {
    let current = status({ counts: { synced: 0, pending: 5, failed: 0 }, failed: [], lastRun: null });
    const fake = createFakeFetch({ 'GET /api/catalog-sync': () => ({ json: current }) });
    const live = new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) });
    renderScreen(<CatalogSyncPanel timeZone="Asia/Kolkata" />, { fetch: fake.fetch, live });
    await waitFor(() => text('last-sync') === 'Not synced yet', 'the first state');
    act(() => FakeSocket.latest().open());
    current = status({ counts: { synced: 5, pending: 0, failed: 0 }, failed: [] });
    act(() => FakeSocket.latest().send({ type: 'catalog.sync', time: '2026-12-01T10:00:00.000Z', running: false, synced: 5, pending: 0, failed: 0 }));
    await waitFor(() => count('synced') === 'In sync 5', 'the reload');
  });
});
