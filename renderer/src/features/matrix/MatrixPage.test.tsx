// @vitest-environment jsdom
import '../../test/setup-dom';
import { act, Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, click, getButton, getByLabelText, changeValue, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { renderScreen } from '../../test/renderApp';
import { LiveClient } from '../../api/live';
import type { OpsEvent } from '../../api/contracts';
import { agent } from '../agents/agentFixtures';
import { EVENT_COLORS } from './eventStyle';
import { liveEvent, opsEvent } from './matrixFixtures';
import { MatrixPage } from './MatrixPage';
import { ROW_HEIGHT } from './MatrixLog';

const history = [
  opsEvent(1, { type: 'INBOUND', detail: 'Do you have gold bangles?' }),
  opsEvent(2, { type: 'TOOL', detail: 'catalog_search {"query":"gold bangles"} → 7 products' }),
  opsEvent(3, { type: 'ERROR', detail: 'Mistral timed out', contact: null, contactId: null }),
];

/** Frames run only when the test says so: batching is visible. */
function manualFrames() {
  const queue: (() => void)[] = [];
  const requestFrame = vi.fn((cb: () => void) => queue.push(cb));
  const run = () =>
    act(() => {
      for (const cb of queue.splice(0)) cb();
    });
  return { requestFrame, run };
}

function openMatrix(routes: Parameters<typeof createFakeFetch>[0] = {}, head = 3) {
  const fake = createFakeFetch({
    'GET /api/events?since=0&limit=500': () => ({ json: { events: history, next: 3 } }),
    'GET /api/agents': () => ({ json: { agents: [agent(), agent({ id: 2, name: 'Riya', isDefault: false })] } }),
    'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_found', message: 'none' } } }),
    ...routes,
  });
  const live = new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) });
  const frames = manualFrames();
  let commits = 0;
  renderScreen(
    <Profiler id="matrix" onRender={() => commits++}>
      <MatrixPage requestFrame={frames.requestFrame} height="440px" />
    </Profiler>,
    { fetch: fake.fetch, live },
  );
  act(() => FakeSocket.latest().open());
  const socket = () => FakeSocket.latest();
  /** The server's answer to a subscribe: where its log ends. */
  const caughtUp = (cursor = 3) =>
    act(() => {
      socket().send({ type: 'ops.caughtUp', time: '2026-03-04T10:00:10Z', cursor });
    });
  caughtUp(head);
  return { fake, frames, commits: () => commits, socket, caughtUp };
}

const rows = () => [...document.querySelectorAll<HTMLElement>('[role="row"]')];
const rowTexts = () => rows().map((r) => r.textContent ?? '');
const scroller = () => document.querySelector<HTMLElement>('[aria-label="Event log"]')!;

/** jsdom lays nothing out: give the log a size and a working scroll position. */
function layOut(el: HTMLElement, height = 440) {
  let top = 0;
  Object.defineProperty(el, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => Number(el.getAttribute('aria-rowcount')) * ROW_HEIGHT });
  Object.defineProperty(el, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = Math.max(0, Math.min(v, el.scrollHeight - height))) });
}

beforeEach(() => {
  FakeSocket.instances = [];
  // The virtualiser reads the log's size from clientHeight/clientWidth, which jsdom leaves at 0.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(440);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Matrix', () => {
  it('shows the history as [Time] [Agent] [Event] [Detail], coloured by type, then subscribes from its last cursor', async () => {
    const { socket } = openMatrix();
    await waitFor(() => rows().length === 3, 'the history');
    expect(rowTexts()[0]).toContain('[04 Mar, 15:30:01]'); // 10:00:01 UTC in India
    expect(rowTexts()[0]).toContain('[Aarav]');
    expect(rowTexts()[1]).toContain('[TOOL]');
    expect(rowTexts()[1]).toContain('catalog_search {"query":"gold bangles"} → 7 products');
    const typeCell = (type: string) => document.querySelector<HTMLElement>(`[data-type-cell="${type}"]`)!;
    const rgb = (hex: string) => {
      const el = document.createElement('span');
      el.style.color = hex;
      return el.style.color;
    };
    expect(typeCell('INBOUND').style.color).toBe(rgb(EVENT_COLORS.INBOUND));
    expect(typeCell('TOOL').style.color).toBe(rgb(EVENT_COLORS.TOOL));
    expect(typeCell('ERROR').style.color).toBe(rgb(EVENT_COLORS.ERROR));
    expect(EVENT_COLORS.TOOL).not.toBe(EVENT_COLORS.ERROR);
    expect(socket().sent).toEqual([{ type: 'subscribe' }]);
  });

  it('filters by type and agent on the server: history query and subscription both carry them', async () => {
    const { fake, socket, caughtUp } = openMatrix({
      'GET /api/events?since=0&type=TOOL&limit=500': () => ({ json: { events: [history[1]!], next: 2 } }),
      'GET /api/events?since=0&type=TOOL&agent=2&limit=500': () => ({ json: { events: [], next: 0 } }),
    });
    await waitFor(() => rows().length === 3, 'the history');
    const chip = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((i) => i.value === 'TOOL')!;
    click(chip);
    expect(socket().sent.at(-1)).toEqual({ type: 'subscribe', filters: { types: ['TOOL'] } });
    caughtUp();
    await waitFor(() => rows().length === 1, 'the filtered history');
    changeValue(getByLabelText<HTMLSelectElement>('Agent'), '2');
    expect(socket().sent.at(-1)).toEqual({ type: 'subscribe', filters: { types: ['TOOL'], agents: [2] } });
    caughtUp();
    await waitFor(() => hasText('No events match these filters yet'), 'the empty filtered state');
    expect(fake.requests.map((r) => r.url)).toContain('/api/events?since=0&type=TOOL&agent=2&limit=500');
  });

  it('loads the 500 events before the log’s end and merges what arrived live meanwhile, without doubles', async () => {
    const pending: { answer?: (reply: { json: unknown }) => void } = {};
    const { frames, socket } = openMatrix({ 'GET /api/events?since=500&limit=500': () => new Promise((resolve) => (pending.answer = resolve)) }, 1000);
    // Live events before the history is in: 1001 (stored in time to be in the history too) and 1002.
    act(() => {
      socket().send(liveEvent(opsEvent(1001, { detail: 'both' })));
      socket().send(liveEvent(opsEvent(1002, { detail: 'live only' })));
    });
    await waitFor(() => pending.answer !== undefined, 'the history request');
    pending.answer!({ json: { events: [opsEvent(999), opsEvent(1000), opsEvent(1001, { detail: 'both' })], next: 1001 } });
    await waitFor(() => rows().length > 0, 'the merged log');
    frames.run();
    expect(rows().map((r) => r.dataset.cursor)).toEqual(['999', '1000', '1001', '1002']);
  });

  it('a burst of 5,000 events costs one frame and one render, and only a window of rows is in the page', async () => {
    const { frames, commits, socket } = openMatrix();
    await waitFor(() => rows().length === 3, 'the history');
    const before = commits();
    act(() => {
      for (let c = 4; c < 5004; c++) socket().send(liveEvent(opsEvent(c, { type: c % 2 ? 'OUTBOUND' : 'THINKING' })));
    });
    expect(frames.requestFrame).toHaveBeenCalledTimes(1);
    expect(commits()).toBe(before);
    frames.run();
    expect(commits() - before).toBeLessThanOrEqual(2);
    expect(scroller().getAttribute('aria-rowcount')).toBe('5003');
    expect(hasText('5,003 events')).toBe(true);
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(100);
  });

  it('follows new rows at the bottom, stops when the reader scrolls up, and offers to jump back', async () => {
    const { frames, socket } = openMatrix();
    await waitFor(() => rows().length === 3, 'the history');
    layOut(scroller());
    const push = (from: number, n: number) => {
      act(() => {
        for (let c = from; c < from + n; c++) socket().send(liveEvent(opsEvent(c)));
      });
      frames.run();
    };
    push(4, 97); // 100 rows: 2,200 px in a 440 px window
    expect(scroller().scrollTop).toBe(100 * ROW_HEIGHT - 440);

    scroller().scrollTop = 300;
    act(() => {
      scroller().dispatchEvent(new Event('scroll'));
    });
    push(101, 3);
    expect(scroller().scrollTop).toBe(300);
    const jump = getButton('Jump to latest (3 new)');
    click(jump);
    expect(scroller().scrollTop).toBe(103 * ROW_HEIGHT - 440);
    expect(() => getButton('Jump to latest')).toThrow();
  });

  it('pauses the stream: new events are counted, not shown, until resumed', async () => {
    const { frames, socket } = openMatrix();
    await waitFor(() => rows().length === 3, 'the history');
    click(getButton('Pause'));
    act(() => {
      socket().send(liveEvent(opsEvent(4, { detail: 'while paused one' })));
      socket().send(liveEvent(opsEvent(5, { detail: 'while paused two' })));
    });
    frames.run();
    expect(hasText('while paused one')).toBe(false);
    click(getButton('Resume (2 new)'));
    expect(rowTexts().some((t) => t.includes('while paused two'))).toBe(true);
  });

  it('searches history on the server and live events here', async () => {
    const { frames, socket, caughtUp } = openMatrix({ 'GET /api/events?since=0&q=bangles&limit=500': () => ({ json: { events: history.slice(0, 2), next: 3 } }) });
    await waitFor(() => rows().length === 3, 'the history');
    changeValue(getByLabelText('Search events'), 'bangles');
    await waitFor(() => socket().sent.length === 3, 'the new subscription', 3000); // subscribe, unsubscribe, subscribe
    caughtUp();
    await waitFor(() => rows().length === 2, 'the searched history', 3000);
    act(() => {
      socket().send(liveEvent(opsEvent(4, { detail: 'Silver anklets?' })));
      socket().send(liveEvent(opsEvent(5, { detail: 'Bangles under ₹50,000' })));
    });
    frames.run();
    expect(rowTexts().map((t) => t.includes('anklets'))).not.toContain(true);
    expect(rowTexts().some((t) => t.includes('Bangles under ₹50,000'))).toBe(true);
  });

  it('exports the visible rows as CSV', async () => {
    const { fake } = openMatrix();
    void fake;
    await waitFor(() => rows().length === 3, 'the history');
    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    click(getButton('Export CSV'));
    expect(clicked).toHaveBeenCalled();
    const text = (await blob!.text()).replace(/^\ufeff/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('time,agent,contact,type,detail');
    expect(lines[2]).toBe(`${history[1]!.time},Aarav,'+919876543210,TOOL,"catalog_search {""query"":""gold bangles""} → 7 products"`);
    expect(lines[3]).toBe(`${history[2]!.time},Aarav,,ERROR,Mistral timed out`);
  });

  it('opens the conversation of a clicked event in a drawer', async () => {
    const message = (id: number, direction: 'in' | 'out', text: string) => ({
      id,
      direction,
      messageId: `m${id}`,
      kind: 'text',
      text,
      payload: direction === 'out' ? { messaging_product: 'whatsapp', to: '919876543210', type: 'text', text: { body: text } } : { type: 'text', text: { body: text } },
      at: '2026-03-04T10:00:05Z',
    });
    const thread = { id: 9, contactId: 7, channel: 'whatsapp', agentId: 1, state: 'open', optedOut: false, followUpsSent: 0, lastInboundAt: null, lastOutboundAt: null, createdAt: '2026-03-04T10:00:00Z', updatedAt: '2026-03-04T10:00:00Z' };
    openMatrix({
      'GET /api/threads?contact=7': () => ({ json: { threads: [thread] } }),
      'GET /api/threads/9': () => ({ json: { ...thread, messages: [message(1, 'in', 'Do you have gold bangles?'), message(2, 'out', 'Yes! We have 7 designs.')] } }),
    });
    await waitFor(() => rows().length === 3, 'the history');
    click(rows()[0]!);
    await waitFor(() => hasText('Yes! We have 7 designs.'), 'the conversation');
    expect(hasText('Conversation with +919876543210')).toBe(true);
  });
});

describe('eventsToCsv', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', async () => {
    const { eventsToCsv } = await import('./csv');
    const e: OpsEvent = opsEvent(1, { detail: 'line one\nsaid "hi", then =SUM(A1)', agent: null, contact: '=cmd' });
    expect(eventsToCsv([e])).toBe(`time,agent,contact,type,detail\r\n${e.time},,'=cmd,INBOUND,"line one\nsaid ""hi"", then =SUM(A1)"\r\n`);
  });

  it('lets the owner choose how long events are kept and whether shoppers are masked', async () => {
    const settings = { retentionDays: 30, maxEvents: 500_000, maskPersonalData: false };
    const { fake } = openMatrix({
      'GET /api/ops/settings': () => ({ json: settings }),
      'PUT /api/ops/settings': (r) => ({ json: { ...settings, ...(r.body as object) } }),
    });
    click(getButton('Log settings'));
    await waitFor(() => hasText('Keep events for (days)'), 'the settings form');
    changeValue(getByLabelText('Keep events for (days)'), '90');
    const mask = document.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(mask.closest('div[class*="Switch"]')?.textContent).toContain("Hide shoppers' phone numbers and messages in the log");
    click(mask);
    click(getButton('Save'));
    await waitFor(() => fake.requests.some((r) => r.method === 'PUT'), 'the save');
    expect(fake.requests.find((r) => r.method === 'PUT')?.body).toEqual({ retentionDays: 90, maxEvents: 500_000, maskPersonalData: true });
  });
});
