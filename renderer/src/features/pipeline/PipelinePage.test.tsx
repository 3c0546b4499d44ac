// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deal, DealDetail } from '../../api/contracts';
import { cleanup, click, flush, getButton, hasText, waitFor } from '../../test/dom';
import { LiveClient } from '../../api/live';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { renderScreen } from '../../test/renderApp';
import { PipelinePage } from './PipelinePage';
import { applyMove, dropTarget, rupees, STAGES } from './pipelineMoves';

const at = '2026-03-01T10:00:00.000Z';
function deal(id: number, extra: Partial<Deal> = {}): Deal {
  return {
    id, contactId: id, contactName: `Shopper ${id}`, contactPhone: `+9198765000${id}0`, title: `Deal ${id}`, stage: 'new', position: 0, value: 0, products: [],
    agentId: 1, agentName: 'Aarav', nextStep: '', lostReason: null, createdAt: at, updatedAt: at, stageChangedAt: at, ...extra,
  };
}
const DEALS = [
  deal(1, { title: 'Gold bangles', value: 125000, position: 0 }),
  deal(2, { title: 'Diamond ring', value: 75000, stage: 'interest' }),
  deal(3, { title: 'Chain', value: 25000, position: 1 }),
  deal(4, { title: 'Old necklace', value: 1000000, stage: 'sold', agentId: 2 }),
  deal(5, { title: 'Earrings', value: 40000, stage: 'lost', lostReason: 'budget' }),
];
const detail = (d: Deal): DealDetail => ({ ...d, history: [{ at, from: null, to: 'new', by: 'auto', reason: 'first message: "hi"' }] });

/** The server's side: the deals as they are; a move that succeeds changes them. */
function setup(move: (body: unknown) => { status?: number; json?: unknown }) {
  let current = DEALS;
  return createFakeFetch({
    'GET /api/deals': () => ({ json: { deals: current } }),
    'GET /api/agents': () => ({ json: { agents: [] } }),
    'POST /api/deals/1/move': (r) => {
      const reply = move(r.body);
      const b = r.body as { stage: Deal['stage']; position: number };
      if (!reply.status) current = applyMove(current, 1, b.stage, b.position);
      return reply;
    },
    'GET /api/deals/1': () => ({ json: detail(DEALS[0]!) }),
  });
}

const column = (stage: string) => document.querySelector<HTMLElement>(`[data-stage="${stage}"]`)!;
const titlesIn = (stage: string) => [...column(stage).querySelectorAll('[data-deal]')].map((el) => el.querySelector('p')?.textContent);
const card = (id: number) => document.querySelector<HTMLElement>(`[data-stage] [data-deal="${id}"]`);

// jsdom does no layout: columns side by side, 280 px apart; cards stacked in them.
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const overlay = this.getAttribute('data-overlay-deal');
    const el = overlay ? card(Number(overlay)) : this;
    const stage = el?.closest('[data-stage]')?.getAttribute('data-stage');
    if (!el || !stage) return new DOMRect(0, 0, 0, 0);
    const left = STAGES.indexOf(stage as never) * 280;
    if (el.hasAttribute('data-stage') && !overlay) return new DOMRect(left, 0, 264, 600);
    const index = [...el.closest('[data-stage]')!.querySelectorAll('[data-deal]')].indexOf(el);
    return new DOMRect(left + 8, 60 + index * 90, 248, 80);
  });
});
afterEach(() => {
  act(() => notifications.clean());
  cleanup();
  vi.restoreAllMocks();
});

function key(el: Element, code: string, keyName: string) {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { code, key: keyName, bubbles: true, cancelable: true }));
  });
}
async function keyboardMoveRight(id: number) {
  const c = card(id)!;
  act(() => c.focus());
  key(c, 'Space', ' ');
  await flush();
  key(c, 'ArrowRight', 'ArrowRight');
  await flush();
  key(c, 'Space', ' ');
  await flush();
}

describe('Pipeline board', () => {
  it('shows each column with its count and total, and the open pipeline value, in Indian format', async () => {
    const fake = setup(() => ({ json: {} }));
    renderScreen(<PipelinePage />, { fetch: fake.fetch, path: '/pipeline' });
    await waitFor(() => card(1) !== null, 'the deals');
    expect(titlesIn('new')).toEqual(['Gold bangles', 'Chain']);
    expect(column('new').getAttribute('aria-label')).toBe('New: 2 deals, ₹1,50,000');
    expect(column('new').querySelector('[data-total="new"]')?.textContent).toBe('₹1,50,000');
    expect(column('sold').querySelector('[data-total="sold"]')?.textContent).toBe('₹10,00,000');
    // open deals only: 1,25,000 + 25,000 + 75,000
    expect(document.querySelector('[data-testid="pipeline-value"]')?.textContent).toBe('₹2,25,000');
    // lost starts collapsed, with its count
    expect(titlesIn('lost')).toEqual([]);
    click(document.querySelector<HTMLElement>('[aria-label="Show Lost deals (1)"]')!);
    expect(titlesIn('lost')).toEqual(['Earrings']);
  });

  it('moves a deal with the keyboard: space, arrow right, space → the API is called and the card stays in Contacted', async () => {
    const bodies: unknown[] = [];
    const fake = setup((body) => {
      bodies.push(body);
      return { json: { ...detail(DEALS[0]!), stage: 'contacted' } };
    });
    renderScreen(<PipelinePage />, { fetch: fake.fetch, path: '/pipeline' });
    await waitFor(() => card(1) !== null, 'the deals');
    await keyboardMoveRight(1);
    await waitFor(() => bodies.length === 1, 'the move request');
    expect(bodies[0]).toEqual({ stage: 'contacted', position: 0 });
    expect(titlesIn('contacted')).toEqual(['Gold bangles']);
    expect(fake.requests.some((r) => r.method === 'GET' && r.url === '/api/deals/1')).toBe(false);
  });

  it('puts the card back and says why when the server refuses the move', async () => {
    const fake = setup(() => ({ status: 409, json: { error: { code: 'conflict', message: 'The deal changed meanwhile' } } }));
    renderScreen(<PipelinePage />, { fetch: fake.fetch, path: '/pipeline' });
    await waitFor(() => card(1) !== null, 'the deals');
    await keyboardMoveRight(1);
    await waitFor(() => hasText('The deal changed meanwhile'), 'the error');
    expect(titlesIn('new')).toEqual(['Gold bangles', 'Chain']);
    expect(titlesIn('contacted')).toEqual([]);
  });

  it('opens a deal with its automatic history', async () => {
    const fake = setup(() => ({ json: {} }));
    renderScreen(<PipelinePage />, { fetch: fake.fetch, path: '/pipeline' });
    await waitFor(() => card(1) !== null, 'the deals');
    click(card(1)!);
    await waitFor(() => hasText('Automatic: first message: "hi"'), 'the history');
    expect(getButton('Mark lost')).toBeTruthy();
  });

  it('shows a deal the moment the server announces it', async () => {
    let current: Deal[] = [];
    const fake = createFakeFetch({ 'GET /api/deals': () => ({ json: { deals: current } }), 'GET /api/agents': () => ({ json: { agents: [] } }) });
    const live = new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) });
    renderScreen(<PipelinePage />, { fetch: fake.fetch, path: '/pipeline', live });
    await waitFor(() => hasText('No deals yet'), 'the empty board');
    act(() => FakeSocket.latest().open());
    current = [deal(7, { title: 'Bridal set', value: 350000, stage: 'interest' })];
    act(() => FakeSocket.latest().send({ type: 'pipeline.deal', time: at, dealId: 7, deal: current[0], moved: { from: null, to: 'new', by: 'auto', reason: 'first message' } }));
    await waitFor(() => card(7) !== null, 'the new deal');
    expect(column('interest').getAttribute('aria-label')).toBe('Interest: 1 deal, ₹3,50,000');
  });

  it('explains how deals appear when there are none', async () => {
    const fake = createFakeFetch({ 'GET /api/deals': () => ({ json: { deals: [] } }), 'GET /api/agents': () => ({ json: { agents: [] } }) });
    renderScreen(<PipelinePage />, { fetch: fake.fetch, path: '/pipeline' });
    await waitFor(() => hasText('No deals yet'), 'the empty state');
    expect(hasText('chat as a shopper in its simulator')).toBe(true);
  });
});

describe('board moves', () => {
  it('formats rupees the Indian way', () => {
    expect(rupees(125000)).toBe('₹1,25,000');
    expect(rupees(10000000)).toBe('₹1,00,00,000');
  });
  it('places a dropped deal and renumbers the columns', () => {
    const next = applyMove(DEALS, 3, 'interest', 0);
    expect(next.filter((d) => d.stage === 'interest').map((d) => [d.id, d.position])).toEqual([[3, 0], [2, 1]]);
    expect(next.filter((d) => d.stage === 'new').map((d) => [d.id, d.position])).toEqual([[1, 0]]);
    expect(dropTarget(DEALS, 1, 'stage:booked')).toEqual({ stage: 'booked', position: 0 });
    expect(dropTarget(DEALS, 1, 'deal:2')).toEqual({ stage: 'interest', position: 0 });
    expect(dropTarget(DEALS, 1, 'deal:1')).toBeNull();
  });
});
