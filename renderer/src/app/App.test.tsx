// @vitest-environment jsdom
import '../test/setup-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, hasText, render, waitFor } from '../test/dom';
import { createFakeFetch } from '../test/fakeFetch';
import { FakeSocket } from '../test/fakeSocket';
import { health, storeProfile } from '../test/fixtures';
import { App } from './App';

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const navLabels = () => [...document.querySelectorAll('nav a, nav button')].map((el) => el.textContent?.trim());

describe('App', () => {
  it('lists only the working screens and opens Home', async () => {
    const fake = createFakeFetch({
      'GET /api/health': () => ({ json: health() }),
      'GET /api/settings/store': () => ({ json: storeProfile() }),
    });
    vi.stubGlobal('fetch', fake.fetch);
    render(<App />);
    await waitFor(() => hasText('Journal mode'), 'Home');
    expect(navLabels()).toEqual(['Home', 'Inbox', 'Products', 'Gold rate', 'Agents', 'Fleet', 'Matrix', 'Audience', 'Pipeline', 'Appointments', 'Orders', 'Offers', 'Settings']);
    expect(FakeSocket.latest().url).toMatch(/\/api\/live$/);
  });

  it('explains how to sign in when the API answers 401', async () => {
    const unauthorized = () => ({ status: 401, json: { error: { code: 'unauthorized', message: 'No session' } } });
    vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/health': unauthorized, 'GET /api/settings/store': unauthorized }).fetch);
    render(<App />);
    await waitFor(() => hasText('Open Revive from the link printed in the terminal / the app window'), 'the sign-in screen');
  });
});
