// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/fakeSocket';
import { LiveClient, liveUrl } from './live';

const latest = () => FakeSocket.latest();

function makeClient() {
  return new LiveClient({ url: 'ws://127.0.0.1:4317/api/live', createSocket: (url) => new FakeSocket(url) });
}

describe('LiveClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
  });
  afterEach(() => vi.useRealTimers());

  it('connects, reports its state and passes on valid messages only', () => {
    const client = makeClient();
    const states: string[] = [];
    const messages: unknown[] = [];
    client.onState((s) => states.push(s));
    client.onMessage((m) => messages.push(m));

    client.start();
    expect(latest().url).toBe('ws://127.0.0.1:4317/api/live');
    latest().open();
    latest().send({ type: 'hello', time: '2026-03-04T10:00:00Z', serverVersion: '0.1.0' });
    latest().send({ type: 'settings.changed', time: '2026-03-04T10:00:01Z', key: 'store' });
    latest().send({ type: 'unknown.kind' });
    latest().send('not json');

    expect(states).toEqual(['connecting', 'open']);
    expect(messages).toEqual([
      { type: 'hello', time: '2026-03-04T10:00:00Z', serverVersion: '0.1.0' },
      { type: 'settings.changed', time: '2026-03-04T10:00:01Z', key: 'store' },
    ]);
  });

  it('reconnects with backoff from 1 s doubling to at most 15 s', () => {
    const client = makeClient();
    client.start();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const before = FakeSocket.instances.length;
      const wait = client.nextDelayMs;
      latest().fail();
      expect(client.state).toBe('reconnecting');
      vi.advanceTimersByTime(wait - 1);
      expect(FakeSocket.instances.length).toBe(before);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.instances.length).toBe(before + 1);
      waits.push(wait);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });

  it('starts again from 1 s after a connection succeeds', () => {
    const client = makeClient();
    client.start();
    latest().fail();
    vi.advanceTimersByTime(1000);
    latest().fail();
    vi.advanceTimersByTime(2000);
    latest().open();
    expect(client.state).toBe('open');
    latest().fail();
    const before = FakeSocket.instances.length;
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.instances.length).toBe(before + 1);
  });

  it('drops a silent connection and reconnects', () => {
    const client = makeClient();
    client.start();
    const first = latest();
    first.open();
    vi.advanceTimersByTime(30_000);
    first.send({ type: 'heartbeat', time: '2026-03-04T10:00:30Z' });
    vi.advanceTimersByTime(44_999);
    expect(client.state).toBe('open');
    vi.advanceTimersByTime(1);
    expect(first.closed).toBe(true);
    expect(client.state).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(latest()).not.toBe(first);
  });

  it('stops for good: closes the socket and schedules nothing', () => {
    const client = makeClient();
    client.start();
    latest().open();
    const socket = latest();
    client.stop();
    expect(socket.closed).toBe(true);
    expect(client.state).toBe('stopped');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    client.start();
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it('builds the socket address from the page address', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:4317' })).toBe('ws://127.0.0.1:4317/api/live');
    expect(liveUrl({ protocol: 'https:', host: 'shop.example' })).toBe('wss://shop.example/api/live');
  });
});
