import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveMessage, OpsEvent, OpsEventType, LiveClientMessage } from '../contracts/index.js';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(async () => {
  await s.stop();
});

interface Client {
  ws: WebSocket;
  messages: LiveMessage[];
  events: () => OpsEvent[];
  send(m: LiveClientMessage): void;
}

async function connect(): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${s.adminPort}/api/live`, { headers: { authorization: `Bearer ${s.token}` } });
  const messages: LiveMessage[] = [];
  ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString()) as LiveMessage));
  await new Promise((r) => ws.once('open', r));
  return {
    ws,
    messages,
    events: () => messages.flatMap((m) => (m.type === 'ops.event' ? [m.event] : [])),
    send: (m) => ws.send(JSON.stringify(m)),
  };
}

const TYPES: OpsEventType[] = ['INBOUND', 'THINKING', 'TOOL', 'OUTBOUND'];
let n = 0;
/** Records `count` events, `perTick` at a time, each tick after the last flushed; resolves when all are stored. */
async function produce(count: number, perTick = 50, extra: Record<string, unknown> = {}): Promise<number> {
  for (let i = 0; i < count; i += perTick) {
    for (let j = i; j < Math.min(count, i + perTick); j += 1) {
      n += 1;
      s.services.ops.record({ type: TYPES[n % 4] as OpsEventType, detail: `event ${n}`, agentId: 901 + (n % 2), contactId: 100 + (n % 3), data: extra });
    }
    await new Promise((r) => setImmediate(r));
  }
  s.services.ops.flush();
  return s.services.ops.head();
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const cursors = (events: OpsEvent[]) => events.map((e) => e.cursor);
const close = (c: Client) => new Promise((r) => (c.ws.readyState === WebSocket.CLOSED ? r(null) : (c.ws.once('close', r), c.ws.close())));

describe('the live stream of the event log', () => {
  it('catches a subscriber up from its cursor, then streams live, with nothing lost or repeated at the seam', async () => {
    const before = await produce(1200);
    const a = await connect();
    a.send({ type: 'subscribe', since: 0 });
    const head = await produce(600, 40); // arrives while `a` is still reading the store
    await expect.poll(() => a.events().at(-1)?.cursor, { timeout: 15_000 }).toBe(head);
    expect(head).toBe(before + 600);
    expect(cursors(a.events())).toEqual(range(1, head));
    expect(a.messages.filter((m) => m.type === 'ops.caughtUp')).toHaveLength(1);
    await close(a);
  });

  it('resumes after a reconnect from the last cursor seen: the two connections add up to every event once', async () => {
    const start = s.services.ops.head();
    const b1 = await connect();
    b1.send({ type: 'subscribe', since: start });
    const producing = produce(2000, 25);
    await expect.poll(() => b1.events().length, { timeout: 15_000 }).toBeGreaterThan(300);
    await close(b1);
    const seen = b1.events();
    const b2 = await connect();
    b2.send({ type: 'subscribe', since: seen.at(-1)?.cursor ?? start });
    const head = await producing;
    await expect.poll(() => b2.events().at(-1)?.cursor, { timeout: 15_000 }).toBe(head);
    expect(cursors([...seen, ...b2.events()])).toEqual(range(start + 1, head));
    await close(b2);
  });

  it('applies filters on the server, in the catch-up and live', async () => {
    const start = s.services.ops.head();
    await produce(40);
    const c = await connect();
    c.send({ type: 'subscribe', since: start, filters: { types: ['TOOL'], agents: [901] } });
    await expect.poll(() => c.messages.some((m) => m.type === 'ops.caughtUp')).toBe(true);
    const head = await produce(40);
    const expected = s.services.ops.page({ since: start, types: ['TOOL'], agents: [901], limit: 1000 });
    expect(expected.length).toBeGreaterThan(5);
    await expect.poll(() => c.events().length).toBe(expected.length);
    expect(c.events().every((e) => e.type === 'TOOL' && e.agentId === 901)).toBe(true);
    expect(cursors(c.events())).toEqual(cursors(expected));
    expect(expected.at(-1)?.cursor).toBeGreaterThan(head - 40);
    await close(c);
  });

  it('sends no ops events to a client that did not subscribe, but every other message', async () => {
    const d = await connect();
    await produce(20);
    await s.api('/api/ops/settings', { method: 'PUT', json: { retentionDays: 60 } });
    await expect.poll(() => d.messages.some((m) => m.type === 'settings.changed')).toBe(true);
    expect(d.messages.some((m) => m.type === 'ops.event')).toBe(false);
    // Only new events after a subscribe without a cursor.
    d.send({ type: 'subscribe' });
    await expect.poll(() => d.messages.find((m) => m.type === 'ops.caughtUp')).toMatchObject({ cursor: s.services.ops.head() });
    const head = await produce(5);
    await expect.poll(() => cursors(d.events())).toEqual(range(head - 4, head));
    d.send({ type: 'unsubscribe' });
    await produce(5);
    await s.api('/api/ops/settings', { method: 'PUT', json: { retentionDays: 30 } });
    await expect.poll(() => d.messages.filter((m) => m.type === 'settings.changed').length).toBe(2);
    expect(cursors(d.events()).at(-1)).toBe(head);
    await close(d);
  });

  it('cuts a client that stops reading off from ops events with one "behind" notice, while another keeps receiving everything', async () => {
    const start = s.services.ops.head();
    const stalled = await connect();
    const healthy = await connect();
    stalled.send({ type: 'subscribe', since: start });
    healthy.send({ type: 'subscribe', since: start });
    await expect.poll(() => stalled.messages.some((m) => m.type === 'ops.caughtUp') && healthy.messages.some((m) => m.type === 'ops.caughtUp')).toBe(true);
    // The stalled client's socket stops reading: the kernel buffers fill, then the server's.
    const socket = (stalled.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const head = await produce(3000, 100, { padding: 'x'.repeat(8 * 1024) });
    await expect.poll(() => healthy.events().at(-1)?.cursor, { timeout: 30_000 }).toBe(head);
    expect(cursors(healthy.events())).toEqual(range(start + 1, head));
    expect(healthy.messages.some((m) => m.type === 'ops.behind')).toBe(false);

    socket.resume();
    await expect.poll(() => stalled.messages.find((m) => m.type === 'ops.behind'), { timeout: 15_000 }).toBeDefined();
    const behind = stalled.messages.filter((m) => m.type === 'ops.behind');
    expect(behind).toHaveLength(1);
    const missedFrom = (behind[0] as { cursor: number }).cursor;
    expect(missedFrom).toBeLessThan(head);
    expect(cursors(stalled.events())).toEqual(range(start + 1, missedFrom));
    // It catches up from the store by subscribing again from that cursor.
    stalled.send({ type: 'subscribe', since: missedFrom });
    await expect.poll(() => stalled.events().at(-1)?.cursor, { timeout: 30_000 }).toBe(head);
    expect(cursors(stalled.events())).toEqual(range(start + 1, head));
    expect(stalled.ws.readyState).toBe(WebSocket.OPEN);
    await close(stalled);
    await close(healthy);
  }, 120_000);
});

describe('the ops API', () => {
  it('records a simulator conversation through the real engine, with the agent and the shopper', async () => {
    const start = s.services.ops.head();
    const res = await s.api('/api/simulator/messages', { method: 'POST', json: { phone: '+919812345210', name: 'Priya', message: { type: 'text', text: { body: 'Do you have gold bangles?' } } } });
    expect(res.status).toBe(200);
    await expect.poll(() => s.services.ops.page({ since: start, types: ['OUTBOUND'], limit: 10 }).length).toBeGreaterThan(0);
    const events = s.services.ops.page({ since: start, limit: 100 });
    const inbound = events.find((e) => e.type === 'INBOUND');
    expect(inbound).toMatchObject({ detail: 'Do you have gold bangles?', contact: '+919812345210', agentId: expect.any(Number), agent: expect.any(String) });
    expect(events.at(-1)?.type).toBe('OUTBOUND');
    expect(events.every((e) => e.contactId === inbound?.contactId)).toBe(true);
  });


  it('pages the log, lists the Fleet and keeps the owner settings', async () => {
    const page = (await (await s.api('/api/events?since=1&limit=3&type=TOOL,INBOUND')).json()) as { events: OpsEvent[]; next: number };
    expect(page.events).toHaveLength(3);
    expect(page.events.every((e) => ['TOOL', 'INBOUND'].includes(e.type) && e.cursor > 1)).toBe(true);
    expect(page.next).toBe(page.events[2]?.cursor);
    const bad = await s.api('/api/events?type=BOGUS');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation', message: expect.stringContaining('BOGUS') } });

    const agent = s.services.agents.create({ name: 'Fleet Tester' });
    s.services.ops.record({ type: 'INBOUND', detail: 'hello', agentId: agent.id, agent: agent.name, contactId: 1 });
    s.services.ops.flush();
    const fleet = (await (await s.api('/api/fleet')).json()) as { cards: { agent: { id: number }; activity: number[]; messagesToday: number; state: string }[] };
    const card = fleet.cards.find((c) => c.agent.id === agent.id);
    expect(card).toMatchObject({ state: 'active', messagesToday: 1 });
    expect(card?.activity.at(-1)).toBe(1);

    expect(await (await s.api('/api/ops/settings')).json()).toMatchObject({ retentionDays: 30, maxEvents: 500_000, maskPersonalData: false });
    const put = await s.api('/api/ops/settings', { method: 'PUT', json: { maskPersonalData: true } });
    expect(await put.json()).toMatchObject({ maskPersonalData: true, retentionDays: 30 });
    const refused = await s.api('/api/ops/settings', { method: 'PUT', json: { retentionDays: 0 } });
    expect(refused.status).toBe(400);
    expect(await (await s.api('/api/ops/settings')).json()).toMatchObject({ retentionDays: 30, maskPersonalData: true });
  });
});
