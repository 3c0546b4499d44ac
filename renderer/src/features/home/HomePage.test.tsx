// @vitest-environment jsdom
import '../../test/setup-dom';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveClient } from '../../api/live';
import { cleanup, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { health, storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { HomePage } from './HomePage';

beforeEach(() => {
  FakeSocket.instances = [];
});
afterEach(cleanup);

function liveClient() {
  return new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) });
}

describe('Home', () => {
  it("shows the store's name and the health cards", async () => {
    const fake = createFakeFetch({
      'GET /api/health': () => ({ json: health({ demo: true, secrets: { storage: 'memory' } }) }),
      'GET /api/settings/store': () => ({ json: storeProfile() }),
    });
    renderScreen(<HomePage />, { fetch: fake.fetch });
    await waitFor(() => hasText('Journal mode'), 'the health cards');

    expect(document.querySelector('h1')?.textContent).toBe('Lakshmi Jewellers');
    expect(hasText('Demo store')).toBe(true);
    expect(hasText('WAL')).toBe(true);
    expect(hasText('1.5 MB')).toBe(true);
    expect(hasText('v0.1.9')).toBe(true);
    expect(hasText('http://127.0.0.1:4318')).toBe(true);
    expect(hasText('Secrets are kept in memory only on this computer — you will need to enter them again after a restart')).toBe(true);
    // 12:35 UTC is 6:05 pm in Kolkata.
    expect(document.body.textContent).toMatch(/4 Mar 2026, 6:05\s*pm IST/i);
  });

  it('shows the live state and reloads when a setting changes', async () => {
    let name = 'Lakshmi Jewellers';
    const fake = createFakeFetch({
      'GET /api/health': () => ({ json: health() }),
      'GET /api/settings/store': () => ({ json: storeProfile({ name }) }),
    });
    renderScreen(<HomePage />, { fetch: fake.fetch, live: liveClient() });
    await waitFor(() => hasText('Lakshmi Jewellers'), 'the store name');
    expect(hasText('Connecting…')).toBe(true);
    expect(hasText('Secrets are kept in memory only')).toBe(false);

    act(() => FakeSocket.latest().open());
    expect(hasText('Live')).toBe(true);

    name = 'Lakshmi Gold House';
    act(() => FakeSocket.latest().send({ type: 'settings.changed', time: '2026-03-04T10:00:00Z', key: 'store' }));
    await waitFor(() => hasText('Lakshmi Gold House'), 'the new name');
    expect(fake.requests.filter((r) => r.url === '/api/settings/store')).toHaveLength(2);

    act(() => FakeSocket.latest().fail());
    expect(hasText('Reconnecting…')).toBe(true);
  });

  it('explains when health cannot be loaded', async () => {
    const fake = createFakeFetch({
      'GET /api/health': () => ({ status: 500, json: { error: { code: 'internal', message: 'Database is locked' } } }),
      'GET /api/settings/store': () => ({ json: storeProfile() }),
    });
    renderScreen(<HomePage />, { fetch: fake.fetch });
    await waitFor(() => hasText('Database is locked'), 'the error');
    expect(hasText("Revive's health could not be loaded")).toBe(true);
  });
});
