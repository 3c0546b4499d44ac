// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/fakeSocket';
import { liveEvent, opsEvent } from '../features/matrix/matrixFixtures';
import type { LiveMessage } from './contracts';
import { LiveClient } from './live';

const latest = () => FakeSocket.latest();

function makeClient() {
  const client = new LiveClient({ url: 'ws://127.0.0.1:4317/api/live', createSocket: (url) => new FakeSocket(url) });
  const received: LiveMessage[] = [];
  client.onMessage((m) => received.push(m));
  const cursors = () => received.flatMap((m) => (m.type === 'ops.event' ? [m.event.cursor] : []));
  return { client, cursors };
}

describe('LiveClient: the event-log subscription', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
  });
  afterEach(() => vi.useRealTimers());

  it('subscribes once open, with the cursor and filters asked for', () => {
    const { client } = makeClient();
    client.start();
    client.subscribeOps({ since: 40, filters: { types: ['TOOL'], agents: [2] } });
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent).toEqual([{ type: 'subscribe', since: 40, filters: { types: ['TOOL'], agents: [2] } }]);
  });

  it('after a reconnect, resumes from the last event delivered: nothing lost, nothing twice', () => {
    const { client, cursors } = makeClient();
    client.start();
    latest().open();
    client.subscribeOps({ since: 10 });
    for (const c of [11, 12, 13]) latest().send(liveEvent(opsEvent(c)));
    latest().fail();
    vi.advanceTimersByTime(1000);
    latest().open();
    expect(latest().sent).toEqual([{ type: 'subscribe', since: 13 }]);
    // The server replays from the store; a repeat of 13 is dropped.
    for (const c of [13, 14]) latest().send(liveEvent(opsEvent(c)));
    expect(cursors()).toEqual([11, 12, 13, 14]);
  });

  it('when told it fell behind, subscribes again from its last cursor', () => {
    const { client } = makeClient();
    client.start();
    latest().open();
    client.subscribeOps({ filters: { contacts: [7] } });
    latest().send(liveEvent(opsEvent(5)));
    latest().send({ type: 'ops.behind', time: '2026-03-04T10:00:00Z', cursor: 5 });
    expect(latest().sent.at(-1)).toEqual({ type: 'subscribe', since: 5, filters: { contacts: [7] } });
  });

  it('a subscription for new events only stays that way until an event arrives', () => {
    const { client } = makeClient();
    client.start();
    latest().open();
    client.subscribeOps({});
    latest().fail();
    vi.advanceTimersByTime(1000);
    latest().open();
    expect(latest().sent).toEqual([{ type: 'subscribe' }]);
  });

  it('unsubscribes, and then neither resubscribes on reconnect nor passes on stray events', () => {
    const { client, cursors } = makeClient();
    client.start();
    latest().open();
    client.subscribeOps({ since: 1 });
    client.unsubscribeOps();
    expect(latest().sent).toEqual([{ type: 'subscribe', since: 1 }, { type: 'unsubscribe' }]);
    latest().send(liveEvent(opsEvent(2)));
    latest().fail();
    vi.advanceTimersByTime(1000);
    latest().open();
    expect(latest().sent).toEqual([]);
    expect(cursors()).toEqual([]);
  });
});

describe('LiveClient: caught up', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
  });
  afterEach(() => vi.useRealTimers());

  it('a reconnect resumes after the cursor the server said it was caught up to', () => {
    const { client } = makeClient();
    client.start();
    latest().open();
    client.subscribeOps({ filters: { types: ['ERROR'] } });
    latest().send({ type: 'ops.caughtUp', time: '2026-03-04T10:00:00Z', cursor: 420 });
    latest().fail();
    vi.advanceTimersByTime(1000);
    latest().open();
    expect(latest().sent).toEqual([{ type: 'subscribe', since: 420, filters: { types: ['ERROR'] } }]);
  });
});
