import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage, LiveMessage } from '../../contracts/index.js';
import { createCrmService } from '../../crm/index.js';
import { migrate, openDatabase, type Db } from '../../db/index.js';
import { Bus } from '../../ops/index.js';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import { createInboxService, type InboxOptions } from './index.js';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataFile(): string {
  const dir = tempDir('revive-inbox-');
  dirs.push(dir);
  return join(dir, 'revive.sqlite');
}

/** The inbox over a real SQLite file with the real migrations, as the server builds it. */
function open(file: string, opts: InboxOptions = {}) {
  const { db } = openDatabase(file);
  dbs.push(db);
  migrate(db);
  const bus = new Bus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  const crm = createCrmService(db);
  const inbox = createInboxService({ db, bus, log: pino({ level: 'silent' }), crm }, { retryDelaysMs: [5, 5], ...opts });
  return { db, inbox, crm, live };
}

/** One webhook body carrying text messages `[wamid, from]`. */
function webhook(messages: [string, string][]): Buffer {
  return Buffer.from(JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { phone_number_id: '555' },
      contacts: [...new Set(messages.map(([, from]) => from))].map((from) => ({ wa_id: from, profile: { name: `Shopper ${from.slice(-2)}` } })),
      messages: messages.map(([id, from], i) => ({ id, from, timestamp: String(1_760_000_000 + i), type: 'text', text: { body: `message ${id}` } })),
    } }] }],
  }));
}

const A = '919800000001';
const B = '919800000002';

describe('inbox processing', () => {
  it('processes one shopper in order while another is not held up', async () => {
    const { inbox } = open(dataFile());
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    inbox.setInboundHandler(async (m) => {
      if (m.id === 'a1') await gate;
      order.push(m.id);
      if (order.filter((id) => id.startsWith('b')).length === 3) release();
    });
    inbox.start();
    await inbox.ingest(webhook([['a1', A], ['a2', A], ['b1', B], ['a3', A], ['b2', B], ['b3', B]]));
    await new Promise((r) => setImmediate(r));
    await inbox.idle();
    expect(order.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    // B's three went through while A's first message was still held.
    expect(order.slice(0, 3)).toEqual(['b1', 'b2', 'b3']);
    await inbox.stop();
  });

  it('retries a failing handler with backoff, then marks the message failed visibly and moves on', async () => {
    const { inbox, live } = open(dataFile());
    const calls: string[] = [];
    inbox.setInboundHandler(async (m) => {
      calls.push(m.id);
      if (m.id === 'bad') throw new Error('brain unavailable');
    });
    inbox.start();
    await inbox.ingest(webhook([['bad', A], ['good', A]]));
    await new Promise((r) => setImmediate(r));
    await inbox.idle();
    expect(calls).toEqual(['bad', 'bad', 'bad', 'good']);
    expect(inbox.get('bad')).toMatchObject({ state: 'failed', attempts: 3, lastError: 'brain unavailable' });
    expect(inbox.get('good')).toMatchObject({ state: 'handled', attempts: 1 });
    expect(live).toContainEqual(expect.objectContaining({ type: 'whatsapp.inbound.failed', wamid: 'bad', attempts: 3, error: 'brain unavailable' }));
    await inbox.stop();
  });

  it('gives up on a handler that never finishes, by its timeout', async () => {
    const { inbox } = open(dataFile(), { retryDelaysMs: [], handlerTimeoutMs: 30 });
    inbox.setInboundHandler(() => new Promise(() => {}));
    inbox.start();
    await inbox.ingest(webhook([['stuck', A]]));
    await new Promise((r) => setImmediate(r));
    await inbox.idle();
    expect(inbox.get('stuck')).toMatchObject({ state: 'failed', lastError: 'the handler did not finish within 30 ms' });
    await inbox.stop();
  });

  it('keeps messages pending while no handler is plugged in and hands them over when one is', async () => {
    const { inbox, crm } = open(dataFile());
    inbox.start();
    await inbox.ingest(webhook([['p1', A], ['p2', B]]));
    await new Promise((r) => setImmediate(r));
    await inbox.idle();
    expect(inbox.list({ state: 'pending' }).map((i) => i.wamid).sort()).toEqual(['p1', 'p2']);
    expect(crm.list().contacts.map((c) => c.waId).sort()).toEqual([A, B]);
    const got: string[] = [];
    inbox.setInboundHandler(async (m) => void got.push(m.id));
    await new Promise((r) => setImmediate(r));
    await inbox.idle();
    expect(got.sort()).toEqual(['p1', 'p2']);
    expect(inbox.list({ state: 'handled' })).toHaveLength(2);
    await inbox.stop();
  });

  it('picks up messages stored but never processed (a crash right after the 200) at the next start()', async () => {
    const file = dataFile();
    const first = open(file);
    // Stored by the webhook, but the process dies before processing: never started here.
    await first.inbox.ingest(webhook([['r1', A], ['r2', A], ['r3', B]]));
    first.db.close();

    const second = open(file);
    const got: InboundMessage[] = [];
    second.inbox.setInboundHandler(async (m) => void got.push(m));
    expect(got).toEqual([]);
    second.inbox.start();
    await new Promise((r) => setImmediate(r));
    await second.inbox.idle();
    expect(got.map((m) => m.id)).toEqual(expect.arrayContaining(['r1', 'r2', 'r3']));
    expect(got.filter((m) => m.from === A).map((m) => m.id)).toEqual(['r1', 'r2']);
    expect(second.crm.list().total).toBe(2);
    expect(second.live.filter((m) => m.type === 'whatsapp.inbound')).toHaveLength(3);
    await second.inbox.stop();
  });

  it('resumes a retry interrupted by a shutdown, counting the attempts already made', async () => {
    const file = dataFile();
    const first = open(file, { retryDelaysMs: [60_000, 60_000] });
    first.inbox.setInboundHandler(async () => {
      throw new Error('offline');
    });
    first.inbox.start();
    await first.inbox.ingest(webhook([['x1', A]]));
    await expect.poll(() => first.inbox.get('x1').attempts).toBe(1);
    await first.inbox.stop();
    expect(first.inbox.get('x1')).toMatchObject({ state: 'pending', attempts: 1, lastError: 'offline' });
    first.db.close();

    const second = open(file);
    const attempts: number[] = [];
    second.inbox.setInboundHandler(async (_m, { attempt }) => void attempts.push(attempt));
    second.inbox.start();
    await new Promise((r) => setImmediate(r));
    await second.inbox.idle();
    expect(attempts).toEqual([2]);
    expect(second.inbox.get('x1')).toMatchObject({ state: 'handled', attempts: 2 });
    await second.inbox.stop();
  });

  it('counts a message twice in one body, and across bodies, once', async () => {
    const { inbox } = open(dataFile());
    expect(await inbox.ingest(webhook([['d1', A], ['d1', A]]))).toMatchObject({ messages: 2, newMessages: 1 });
    expect(await inbox.ingest(webhook([['d1', A], ['d2', A]]))).toMatchObject({ messages: 2, newMessages: 1 });
    expect(inbox.list().map((i) => i.wamid).sort()).toEqual(['d1', 'd2']);
    expect(inbox.payloadStats().n).toBe(2);
  });
});
