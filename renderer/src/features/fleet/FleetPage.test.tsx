// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, click, getButton, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { renderScreen } from '../../test/renderApp';
import { LiveClient } from '../../api/live';
import type { Agent, FleetCard } from '../../api/contracts';
import { agent } from '../agents/agentFixtures';
import { liveEvent, opsEvent } from '../matrix/matrixFixtures';
import { FleetPage } from './FleetPage';
import { timeAgo } from './fleetFormat';

const hours = (peak: number) => Array.from({ length: 24 }, (_, i) => (i === 20 ? peak : i % 3));

function card(a: Agent, overrides: Partial<FleetCard> = {}): FleetCard {
  return { agent: a, state: a.status === 'paused' ? 'paused' : 'active', conversationsToday: 12, messagesToday: 1234, openHandoffs: 2, pipelineValue: 125000, lastActivity: new Date(Date.now() - 2 * 60_000).toISOString(), activity: hours(9), ...overrides };
}

const aarav = agent();
const riya = agent({ id: 2, name: 'Riya', role: 'After-sales', isDefault: false });

function openFleet(cards: () => FleetCard[], routes: Parameters<typeof createFakeFetch>[0] = {}) {
  const fake = createFakeFetch({ 'GET /api/fleet': () => ({ json: { cards: cards() } }), ...routes });
  const live = new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) });
  renderScreen(
    <Routes>
      <Route path="/fleet" element={<FleetPage />} />
      <Route path="/agents/:id" element={<p>Studio open</p>} />
    </Routes>,
    { fetch: fake.fetch, live, path: '/fleet' },
  );
  act(() => FakeSocket.latest().open());
  return fake;
}

const cardEl = (name: string) => document.querySelector<HTMLElement>(`[aria-label="${name} card"]`)!;
const fleetGets = (fake: ReturnType<typeof createFakeFetch>) => fake.requests.filter((r) => r.url === '/api/fleet').length;

beforeEach(() => {
  FakeSocket.instances = [];
});
afterEach(() => {
  cleanup();
  notifications.clean();
  vi.useRealTimers();
});

describe('Fleet', () => {
  it('shows one card per agent with today’s numbers in Indian format, its state, last activity and sparkline', async () => {
    openFleet(() => [card(aarav), card(riya, { state: 'error', pipelineValue: 0, messagesToday: 0, lastActivity: null })]);
    await waitFor(() => cardEl('Aarav') !== null && cardEl('Riya') !== null, 'the cards');
    const a = cardEl('Aarav').textContent ?? '';
    expect(a).toContain('₹1,25,000');
    expect(a).toContain('1,234');
    expect(a).toContain('Messages today');
    expect(a).toContain('Active');
    expect(a).toContain('2 min ago');
    expect(cardEl('Aarav').querySelector('svg[aria-label^="Aarav: "]')?.getAttribute('aria-label')).toBe(`Aarav: ${hours(9).reduce((x, y) => x + y, 0)} events in the last 24 hours`);
    const r = cardEl('Riya').textContent ?? '';
    expect(r).toContain('Error');
    expect(r).toContain('₹0');
    expect(r).toContain('No activity yet');
    expect(cardEl('Aarav').querySelector('a')?.getAttribute('href')).toBe('/agents/1');
  });

  it('pauses an agent through the agents API and shows the refreshed card', async () => {
    let paused = false;
    const fake = openFleet(() => [card({ ...aarav, status: paused ? 'paused' : 'active' })], {
      'POST /api/agents/1/pause': () => {
        paused = true;
        return { json: { ...aarav, status: 'paused' } };
      },
    });
    await waitFor(() => hasText('Active'), 'the card');
    click(getButton('Pause'));
    await waitFor(() => hasText('Paused:'), 'the paused card');
    expect(fake.requests.some((r) => r.method === 'POST' && r.url === '/api/agents/1/pause')).toBe(true);
    expect(hasText('shoppers get your away message')).toBe(true);
    expect(() => getButton('Resume')).not.toThrow();
  });

  it('refetches live, at most every 2 s, when one of its agents does something', async () => {
    const fake = openFleet(() => [card(aarav)]);
    await waitFor(() => cardEl('Aarav') !== null, 'the card');
    expect(FakeSocket.latest().sent).toEqual([{ type: 'subscribe' }]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    const before = fleetGets(fake);
    act(() => {
      FakeSocket.latest().send(liveEvent(opsEvent(1, { agentId: 1 })));
      FakeSocket.latest().send(liveEvent(opsEvent(2, { agentId: 1 })));
      FakeSocket.latest().send(liveEvent(opsEvent(3, { agentId: 99 })));
    });
    expect(fleetGets(fake)).toBe(before + 1);
    act(() => FakeSocket.latest().send({ type: 'agents.changed', time: '2026-03-04T10:00:00Z', agentId: 1, agent: aarav }));
    expect(fleetGets(fake)).toBe(before + 1);
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(fleetGets(fake)).toBe(before + 2);
  });

  it('explains what to do when there are no agents', async () => {
    openFleet(() => []);
    await waitFor(() => hasText('No agents yet'), 'the empty state');
    expect(hasText('Create an agent in Agents')).toBe(true);
  });
});

describe('timeAgo', () => {
  it('speaks in minutes, hours and days', () => {
    const now = new Date('2026-03-04T10:00:00Z');
    expect(timeAgo('2026-03-04T09:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-03-04T09:58:00Z', now)).toBe('2 min ago');
    expect(timeAgo('2026-03-04T07:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-03-02T10:00:00Z', now)).toBe('2 days ago');
  });
});
