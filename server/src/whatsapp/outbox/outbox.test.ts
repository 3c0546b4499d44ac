import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { LiveMessage, OutboxSettings } from '../../contracts/index.js';
import { migrate, openDatabase, type Db } from '../../db/index.js';
import { Bus } from '../../ops/index.js';
import { GraphApiError, type SendResult } from '../client/index.js';
import { textMessage, type GraphMessage } from '../messages/index.js';
import { createOutbox, type Outbox } from './index.js';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const A = '919800000001';
const B = '919800000002';
const C = '919800000003';

type Script = (body: GraphMessage) => SendResult | Error;

function metaError(code: number, httpStatus = 400): GraphApiError {
  return new GraphApiError({ httpStatus, body: { message: `(#${code}) error`, code, type: 'OAuthException', fbtrace_id: 'x' } });
}

interface Harness {
  db: Db;
  outbox: Outbox;
  sent: GraphMessage[];
  events: LiveMessage[];
  clock: { now(): number; advance(ms: number): void };
  /** Responses for the next calls, in order; afterwards every send succeeds. */
  script: Script[];
  configured: { value: boolean };
  status: (id: string) => string | undefined;
  row: (id: string) => Record<string, unknown>;
  /** One scheduling round, then wait for the sends it started. Returns the next round's time. */
  round(): Promise<number>;
}

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function harness(settings: Partial<OutboxSettings> = {}, extra: { statusByCallbackData?: (id: string) => { wamid: string; status: string } | null } = {}): Harness {
  const { db } = openDatabase(':memory:');
  migrate(db);
  open.push(db);
  let t = START;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms), setTimeout: () => () => {} };
  const sent: GraphMessage[] = [];
  const script: Script[] = [];
  const configured = { value: true };
  let n = 0;
  const client = {
    isConfigured: () => configured.value,
    async sendMessage(body: GraphMessage): Promise<SendResult> {
      sent.push(body);
      const next = script.shift();
      const res = next ? next(body) : { wamid: `wamid.${(n += 1)}`, waId: String(body.to) };
      if (res instanceof Error) throw res;
      return res;
    },
  };
  const bus = new Bus();
  const events: LiveMessage[] = [];
  bus.subscribe((m) => events.push(m));
  const outbox = createOutbox({ db, bus, log: pino({ level: 'silent' }), client, clock, random: () => 0.5, settings: () => settings, statusByCallbackData: extra.statusByCallbackData });
  return {
    db, outbox, sent, events, clock, script, configured,
    status: (id) => outbox.get(id).status,
    row: (id) => db.prepare('select * from wa_outbox where id = ?').get(id) as Record<string, unknown>,
    async round() {
      const next = outbox.worker.pass();
      await outbox.worker.idle();
      return next;
    },
  };
}

/** Rounds at the current time until nothing more goes out now. */
async function drainNow(h: Harness): Promise<number> {
  let next = Infinity;
  for (let i = 0; i < 50; i += 1) {
    const before = h.sent.length;
    next = await h.round();
    if (h.sent.length === before && h.outbox.worker.inFlight() === 0) break;
  }
  return next;
}

const text = (to: string, s: string) => ({ payload: textMessage(to, s) });
const bodies = (h: Harness, to: string) => h.sent.filter((b) => b.to === to).map((b) => (b.text as { body: string }).body);

describe('outbox: durable enqueue', () => {
  it('commits the message as queued before anything is sent', () => {
    const h = harness();
    const item = h.outbox.enqueue({ to: `+${A}`, contactId: null, ...text(A, 'Namaste'), correlationId: 'wamid.IN1' });
    expect(h.sent).toHaveLength(0);
    expect(item).toMatchObject({ to: A, status: 'queued', kind: 'text', preview: 'Namaste', attempts: 0, correlationId: 'wamid.IN1' });
    expect(JSON.parse(String(h.row(item.id).payload))).toEqual(textMessage(A, 'Namaste'));
    expect(h.events.at(-1)).toMatchObject({ type: 'whatsapp.outbox', id: item.id, status: 'queued' });
  });

  it('refuses a payload addressed to someone else, or one that already carries callback data', () => {
    const h = harness();
    expect(() => h.outbox.enqueue({ to: B, ...text(A, 'x') })).toThrow(/addressed to 919800000001/);
    expect(() => h.outbox.enqueue({ payload: { ...textMessage(A, 'x'), biz_opaque_callback_data: 'mine' } })).toThrow(/set by the outbox/);
  });

  it('sends with biz_opaque_callback_data = our id and records the wamid', async () => {
    const h = harness();
    const item = h.outbox.enqueue(text(A, 'Hello'));
    await h.round();
    expect(h.sent).toEqual([{ ...textMessage(A, 'Hello'), biz_opaque_callback_data: item.id }]);
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'sent', wamid: 'wamid.1', attempts: 1 });
    expect(h.events.filter((e) => e.type === 'whatsapp.outbox').map((e) => (e as { status: string }).status)).toEqual(['queued', 'sending', 'sent']);
  });
});

describe('outbox: order and rate', () => {
  it('keeps each recipient’s order and sends recipients side by side', async () => {
    const h = harness();
    h.outbox.enqueueAll([text(A, 'a1'), text(A, 'a2'), text(B, 'b1'), text(A, 'a3'), text(B, 'b2')]);
    await h.round();
    // one message per recipient in flight at a time: the first round sends each recipient's oldest
    expect(h.sent.map((b) => (b.text as { body: string }).body)).toEqual(['a1', 'b1']);
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['a1', 'a2', 'a3']);
    expect(bodies(h, B)).toEqual(['b1', 'b2']);
  });

  it('lets a reply’s burst go at once, then about one per interval per recipient', async () => {
    const h = harness({ recipientBurst: 4, recipientIntervalMs: 6000 });
    h.outbox.enqueueAll(['1', '2', '3', '4', '5', '6'].map((s) => text(A, s)));
    const next = await drainNow(h);
    expect(bodies(h, A)).toEqual(['1', '2', '3', '4']);
    expect(next - START).toBe(6000);
    h.clock.advance(5999);
    await drainNow(h);
    expect(bodies(h, A)).toHaveLength(4);
    h.clock.advance(1);
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['1', '2', '3', '4', '5']);
    h.clock.advance(6000);
    await drainNow(h);
    expect(bodies(h, A)).toHaveLength(6);
  });

  it('another recipient is not held back by one shopper’s slow lane', async () => {
    const h = harness({ recipientBurst: 1, recipientIntervalMs: 6000 });
    h.outbox.enqueueAll([text(A, 'a1'), text(A, 'a2'), text(B, 'b1')]);
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['a1']);
    expect(bodies(h, B)).toEqual(['b1']);
  });

  it('caps the whole number with the global bucket', async () => {
    const h = harness({ globalPerSecond: 2 });
    h.outbox.enqueueAll([text(A, 'a'), text(B, 'b'), text(C, 'c')]);
    const next = await drainNow(h);
    expect(h.sent).toHaveLength(2);
    expect(next - START).toBe(500);
    h.clock.advance(500);
    await drainNow(h);
    expect(h.sent).toHaveLength(3);
  });
});

describe('outbox: retries', () => {
  it.each([
    ['HTTP 429', () => new GraphApiError({ httpStatus: 429, body: { code: 4, message: '(#4) Application request limit reached' } })],
    ['HTTP 503', () => new GraphApiError({ httpStatus: 503, body: { code: 2, message: 'Service temporarily unavailable' } })],
    ['131000', () => metaError(131000, 500)],
  ])('retries %s with growing backoff, then sends', async (_name, err) => {
    const h = harness({ backoffBaseMs: 1000 });
    const item = h.outbox.enqueue(text(A, 'x'));
    h.script.push(err, err);
    await h.round();
    expect(h.row(item.id)).toMatchObject({ status: 'queued', attempts: 1, error_code: err().code });
    const first = Date.parse(String(h.row(item.id).next_attempt_at)) - START;
    expect(first).toBe(750); // 1,000 ms with equal jitter at random 0.5
    h.clock.advance(first);
    await drainNow(h);
    const second = Date.parse(String(h.row(item.id).next_attempt_at)) - h.clock.now();
    expect(second).toBe(1500);
    h.clock.advance(second);
    await drainNow(h);
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(h.sent).toHaveLength(3);
  });

  it('130429 slows everyone: no other recipient is sent to until the backoff ends', async () => {
    const h = harness({ backoffBaseMs: 2000 });
    h.outbox.enqueue(text(A, 'a'));
    h.script.push(() => metaError(130429));
    await h.round();
    h.outbox.enqueue(text(B, 'b'));
    const next = await drainNow(h);
    expect(h.sent.map((b) => b.to)).toEqual([A]);
    expect(next - START).toBe(1500);
    h.clock.advance(1500);
    await drainNow(h);
    expect(h.sent.map((b) => b.to)).toEqual([A, A, B]);
  });

  it('131056 slows only that recipient', async () => {
    const h = harness({ backoffBaseMs: 1000, recipientIntervalMs: 6000 });
    h.outbox.enqueueAll([text(A, 'a1'), text(B, 'b1'), text(B, 'b2')]);
    h.script.push(() => metaError(131056));
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['a1']);
    expect(bodies(h, B)).toEqual(['b1', 'b2']);
    const a = h.outbox.list({ to: A }).items[0];
    expect(a).toMatchObject({ status: 'queued', errorCode: 131056 });
    // blocked for at least one pair interval, not just the message backoff
    h.clock.advance(5999);
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['a1']);
    h.clock.advance(1);
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['a1', 'a1']);
  });

  it('gives up after the maximum number of attempts', async () => {
    const h = harness({ maxAttempts: 3, backoffBaseMs: 10 });
    const item = h.outbox.enqueue(text(A, 'x'));
    for (let i = 0; i < 5; i += 1) h.script.push(() => metaError(131000, 500));
    for (let i = 0; i < 5; i += 1) {
      await drainNow(h);
      h.clock.advance(1000);
    }
    expect(h.sent).toHaveLength(3);
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'failed', errorCode: 131000 });
    expect(h.outbox.get(item.id).error).toMatch(/gave up after 3 attempts/);
  });
});

describe('outbox: permanent errors', () => {
  it('131047 marks needs_template, publishes it, and never retries', async () => {
    const h = harness();
    const item = h.outbox.enqueue(text(A, 'Still interested?'));
    h.script.push(() => metaError(131047));
    await h.round();
    h.clock.advance(3_600_000);
    await drainNow(h);
    expect(h.sent).toHaveLength(1);
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'needs_template', errorCode: 131047 });
    expect(h.outbox.get(item.id).error).toMatch(/send an approved template/);
    expect(h.events.at(-1)).toMatchObject({ type: 'whatsapp.outbox', id: item.id, status: 'needs_template', errorCode: 131047 });
  });

  it.each([131026, 131048, 368, 100])('%i fails the message without retrying; the next one for that shopper goes', async (code) => {
    const h = harness();
    const [first, second] = h.outbox.enqueueAll([text(A, 'one'), text(A, 'two')]);
    h.script.push(() => metaError(code));
    await drainNow(h);
    h.clock.advance(3_600_000);
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['one', 'two']);
    expect(h.outbox.get(first!.id)).toMatchObject({ status: 'failed', errorCode: code });
    expect(h.outbox.get(second!.id).status).toBe('sent');
  });

  it('190 (token invalid) holds every message instead of failing them, until the connection changes', async () => {
    const h = harness();
    const item = h.outbox.enqueue(text(A, 'x'));
    h.script.push(() => new GraphApiError({ httpStatus: 401, body: { code: 190, message: 'Invalid OAuth access token' } }));
    await h.round();
    h.outbox.enqueue(text(B, 'y'));
    await drainNow(h);
    expect(h.sent).toHaveLength(1);
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'queued', errorCode: 190 });
    h.outbox.worker.configChanged();
    h.clock.advance(60_000);
    await drainNow(h);
    expect(h.outbox.list({ status: 'sent' }).items).toHaveLength(2);
  });

  it('waits without sending while WhatsApp is not connected', async () => {
    const h = harness();
    h.configured.value = false;
    h.outbox.enqueue(text(A, 'x'));
    await drainNow(h);
    expect(h.sent).toHaveLength(0);
    h.configured.value = true;
    await drainNow(h);
    expect(h.sent).toHaveLength(1);
  });
});

describe('outbox: interrupted sends', () => {
  const timeout = () => new GraphApiError({ httpStatus: 0, message: 'The WhatsApp API did not answer in time', kind: 'ambiguous', scope: 'message' });

  it('a timeout makes the message unconfirmed; a status carrying our id confirms it without a resend', async () => {
    const h = harness({ confirmGraceMs: 30_000 });
    const item = h.outbox.enqueue(text(A, 'x'));
    h.script.push(timeout);
    await h.round();
    expect(h.outbox.get(item.id).status).toBe('unconfirmed');
    expect(h.outbox.recordStatus({ wamid: 'wamid.LATE', status: 'sent', callbackData: item.id, errorCode: null })).toBe(true);
    h.clock.advance(60_000);
    await drainNow(h);
    expect(h.sent).toHaveLength(1);
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'sent', wamid: 'wamid.LATE', delivery: 'sent' });
  });

  it('with no status within the grace period it is sent once more, and the shopper’s next message waits for it', async () => {
    const h = harness({ confirmGraceMs: 30_000 });
    const [first] = h.outbox.enqueueAll([text(A, 'first'), text(A, 'second')]);
    h.script.push(timeout);
    await h.round();
    const next = await h.round();
    expect(next - START).toBe(30_000);
    expect(bodies(h, A)).toEqual(['first']);
    h.clock.advance(30_000);
    await drainNow(h);
    expect(bodies(h, A)).toEqual(['first', 'first', 'second']);
    expect(h.outbox.get(first!.id).status).toBe('sent');
  });

  it('at start-up, rows left sending become unconfirmed; one whose status the inbox already has is sent', async () => {
    const seen = new Map<string, { wamid: string; status: string }>();
    const h = harness({ confirmGraceMs: 10_000 }, { statusByCallbackData: (id) => seen.get(id) ?? null });
    const [a, b] = h.outbox.enqueueAll([text(A, 'a'), text(B, 'b')]);
    h.db.prepare("update wa_outbox set status = 'sending', attempts = 1").run();
    seen.set(a!.id, { wamid: 'wamid.A', status: 'delivered' });
    expect(h.outbox.worker.recover()).toBe(2);
    expect(h.outbox.get(a!.id)).toMatchObject({ status: 'sent', wamid: 'wamid.A' });
    expect(h.outbox.get(b!.id).status).toBe('unconfirmed');
    await drainNow(h);
    expect(h.sent).toHaveLength(0);
    h.clock.advance(10_000);
    await drainNow(h);
    expect(h.sent.map((x) => x.biz_opaque_callback_data)).toEqual([b!.id]);
  });
});

describe('outbox: status webhooks', () => {
  it('shows sent → delivered → read whatever order they come in', async () => {
    const h = harness();
    const item = h.outbox.enqueue(text(A, 'x'));
    await h.round();
    const wamid = h.outbox.get(item.id).wamid!;
    h.outbox.recordStatus({ wamid, status: 'read', callbackData: item.id, errorCode: null });
    h.outbox.recordStatus({ wamid, status: 'delivered', callbackData: item.id, errorCode: null });
    h.outbox.recordStatus({ wamid, status: 'sent', callbackData: null, errorCode: null });
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'sent', delivery: 'read' });
  });

  it('a failed status with 131047 marks the message needs_template', async () => {
    const h = harness();
    const item = h.outbox.enqueue(text(A, 'x'));
    await h.round();
    h.outbox.recordStatus({ wamid: h.outbox.get(item.id).wamid!, status: 'failed', callbackData: item.id, errorCode: 131047 });
    expect(h.outbox.get(item.id)).toMatchObject({ status: 'needs_template', delivery: 'failed', errorCode: 131047 });
  });

  it('ignores statuses of messages that are not ours', () => {
    const h = harness();
    expect(h.outbox.recordStatus({ wamid: 'wamid.OTHER', status: 'sent', callbackData: 'someone-else', errorCode: null })).toBe(false);
  });

  it('can send a needs-template message again later, and cancel a queued one', async () => {
    const h = harness();
    const item = h.outbox.enqueue(text(A, 'x'));
    h.script.push(() => metaError(131047));
    await h.round();
    expect(h.outbox.retry(item.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await h.round();
    expect(h.outbox.get(item.id).status).toBe('sent');
    const other = h.outbox.enqueue(text(B, 'y'));
    expect(h.outbox.cancel(other.id).status).toBe('cancelled');
    await drainNow(h);
    expect(h.sent.filter((s) => s.to === B)).toHaveLength(0);
    expect(() => h.outbox.cancel(item.id)).toThrow(/only queued/);
  });
});
