import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Agent, LiveMessage, OpsEvent } from '../contracts/index.js';
import { migrate, openDatabase, type Db } from '../db/index.js';
import { createSettingsService } from '../settings/index.js';
import { agent } from '../conversations/test-kit.js';
import { Bus, createOps, HIDDEN_TEXT, maskPhone, startOfDay } from './index.js';

const NOW = new Date('2026-12-01T12:00:00.000Z'); // 17:30 in Kolkata
let db: Db;
let bus: Bus;
let ops: ReturnType<typeof createOps>['service'];
let agents: Agent[];
let handoffs: Map<number, number>;
const labels = new Map<number, string>([[11, '+919812345210'], [12, 'Priya']]);

beforeEach(() => {
  db = openDatabase(':memory:').db;
  migrate(db);
  bus = new Bus();
  const settings = createSettingsService(db, { storage: 'memory', key: null }, ({ key }) => bus.publish({ type: 'settings.changed', time: NOW.toISOString(), key }));
  agents = [agent(1, 'Aarav'), agent(2, 'Meera', {}, { status: 'paused' }), agent(3, 'Kabir')];
  handoffs = new Map([[2, 3]]);
  ops = createOps({
    db, bus, log: pino({ level: 'silent' }), settings, clock: () => NOW,
    contactLabel: (id) => labels.get(id) ?? null,
    listAgents: () => agents,
    openHandoffsByAgent: () => handoffs,
    pipelineValueByAgent: () => new Map([[1, 125000]]),
  }).service;
  ops.start();
});

afterEach(async () => {
  await ops.stop();
  db.close();
});

const conv = (type: 'INBOUND' | 'THINKING' | 'TOOL' | 'OUTBOUND' | 'HANDOFF' | 'ERROR', detail: string, data: Record<string, unknown> = {}, time = NOW.toISOString()): LiveMessage => ({
  type: 'conversation.event', time,
  event: { type, time, agentId: 1, agentName: 'Aarav', contactId: 11, threadId: 5, inboundId: 'wamid.A', detail, data },
});

function publishedEvents(): OpsEvent[] {
  const seen: OpsEvent[] = [];
  bus.subscribe((m) => {
    if (m.type === 'ops.event') seen.push(m.event);
  });
  return seen;
}

describe('the recorder', () => {
  it('stores each kind of domain message as its event, then publishes it with its cursor', () => {
    const seen = publishedEvents();
    const t = NOW.toISOString();
    bus.publish(conv('INBOUND', 'gold bangles?', { kind: 'text', text: 'gold bangles?' }));
    bus.publish(conv('TOOL', 'catalog_search {"query":"gold bangles"} → 2 products', { name: 'catalog_search', args: { query: 'gold bangles' }, summary: '2 products', result: { products: ['big'] } }));
    bus.publish(conv('OUTBOUND', 'Here are two bangles', { kind: 'text' }));
    bus.publish({ type: 'whatsapp.status', time: t, wamid: 'wamid.OUT', status: 'delivered', recipientId: '919812345210', callbackData: null, errorCode: null });
    bus.publish({ type: 'whatsapp.inbound.failed', time: t, wamid: 'wamid.B', contactId: 12, attempts: 5, error: 'boom' });
    bus.publish({ type: 'catalog.imported', time: t, jobId: 'j1', source: 'upload', fileName: 'stock.csv', dryRun: false, created: 10, updated: 2, unchanged: 0, rejected: 1 });
    bus.publish({ type: 'catalog.import.failed', time: t, jobId: 'j2', source: 'upload', fileName: 'bad.xlsx', message: 'not a spreadsheet' });
    const source = { id: 7, name: 'returns.pdf', kind: 'file' as const, mime: 'application/pdf', bytes: 10, sha256: 'x', status: 'ready' as const, error: null, chunks: 4, url: null, progress: null, createdAt: t, updatedAt: t };
    bus.publish({ type: 'knowledge.source', time: t, sourceId: 7, source: { ...source, status: 'processing' } });
    bus.publish({ type: 'knowledge.source', time: t, sourceId: 7, source });
    bus.publish({ type: 'knowledge.source', time: t, sourceId: 7, source }); // the same news twice: once in the log
    bus.publish({ type: 'tunnel.state', time: t, state: 'up', url: 'https://a.loca.lt', lastError: null });
    const deal = { id: 3, contactId: 12, contactName: 'Priya', contactPhone: null, title: 'Bangles', stage: 'negotiating' as const, position: 0, value: 48500, products: [], agentId: 1, agentName: 'Aarav', nextStep: '', lostReason: null, createdAt: t, updatedAt: t, stageChangedAt: t };
    bus.publish({ type: 'pipeline.deal', time: t, dealId: 3, deal, moved: { from: 'interest', to: 'negotiating', by: 'auto', reason: 'discount asked' } });
    bus.publish({ type: 'pipeline.deal', time: t, dealId: 3, deal, moved: null }); // an edit, not a move
    bus.publish({ type: 'heartbeat', time: t });
    expect(seen).toEqual([]); // stored first, within the tick
    const stored = ops.flush();

    expect(stored.map((e) => e.type)).toEqual(['INBOUND', 'TOOL', 'OUTBOUND', 'STATUS', 'ERROR', 'IMPORT', 'ERROR', 'IMPORT', 'TUNNEL', 'DEAL']);
    expect(seen).toEqual(stored);
    expect(stored.map((e) => e.cursor)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const [inbound, tool, , status, failed, imported, importFailed, knowledge, tunnel, moved] = stored as [OpsEvent, OpsEvent, OpsEvent, OpsEvent, OpsEvent, OpsEvent, OpsEvent, OpsEvent, OpsEvent, OpsEvent];
    expect(inbound).toMatchObject({ agent: 'Aarav', agentId: 1, contactId: 11, contact: '+919812345210', detail: 'gold bangles?', data: { threadId: 5, text: 'gold bangles?' } });
    expect(tool.data).toEqual({ name: 'catalog_search', args: { query: 'gold bangles' }, summary: '2 products', threadId: 5, inboundId: 'wamid.A' });
    expect(status).toMatchObject({ contact: '+919812345210', detail: 'delivered wamid.OUT', agent: null });
    expect(failed).toMatchObject({ contactId: 12, contact: 'Priya', detail: expect.stringContaining('after 5 attempts: boom') });
    expect(imported.detail).toBe('catalog import of stock.csv: 10 created, 2 updated, 0 unchanged, 1 rejected');
    expect(importFailed.detail).toContain('bad.xlsx failed: not a spreadsheet');
    expect(knowledge.detail).toBe('knowledge returns.pdf ready (4 passages)');
    expect(tunnel.detail).toBe('tunnel up at https://a.loca.lt');
    expect(moved).toMatchObject({ agent: 'Aarav', contactId: 12, detail: 'Priya: Interest → Negotiating (discount asked)', data: { from: 'interest', to: 'negotiating', value: 48500 } });
    expect(ops.list({}).events).toEqual(stored);
  });

  it('keeps each change to a visit as a VISIT event in the store’s words; calendar setting changes are not kept', () => {
    const t = NOW.toISOString();
    const visit = { id: 4, contactId: 12, contactName: 'Priya', contactPhone: '+919812300012', start: '2026-12-04T13:30:00.000Z', end: '2026-12-04T14:00:00.000Z', service: 'try_on' as const, status: 'booked' as const, source: 'chat' as const, counter: null, note: '', cancelReason: null, remindedAt: null, createdAt: t, updatedAt: t };
    const when = 'Friday 4 December, 7:00 PM';
    bus.publish({ type: 'appointments.changed', time: t, appointmentId: 4, appointment: visit, change: 'booked', when });
    bus.publish({ type: 'appointments.changed', time: t, appointmentId: 4, appointment: { ...visit, source: 'flow' }, change: 'booked', when });
    bus.publish({ type: 'appointments.changed', time: t, appointmentId: 4, appointment: visit, change: 'moved', when });
    bus.publish({ type: 'appointments.changed', time: t, appointmentId: 4, appointment: { ...visit, status: 'completed' }, change: 'marked', when });
    bus.publish({ type: 'appointments.changed', time: t, appointmentId: 4, appointment: { ...visit, status: 'cancelled', cancelReason: 'travelling' }, change: 'cancelled', when });
    bus.publish({ type: 'appointments.changed', time: t, appointmentId: null, appointment: null });
    const stored = ops.flush();
    expect(stored.map((e) => e.detail)).toEqual([
      'Priya: Try-on visit booked for Friday 4 December, 7:00 PM by the shopper in the chat',
      'Priya: Try-on visit booked for Friday 4 December, 7:00 PM by the shopper in the booking form',
      'Priya: Try-on visit moved to Friday 4 December, 7:00 PM',
      'Priya: Try-on visit on Friday 4 December, 7:00 PM marked visited',
      'Priya: Try-on visit on Friday 4 December, 7:00 PM cancelled (travelling)',
    ]);
    expect(stored[0]).toMatchObject({ type: 'VISIT', contactId: 12, contact: 'Priya', agent: null, data: { appointmentId: 4, change: 'booked', service: 'try_on', source: 'chat', start: visit.start } });
  });

  it('an event the store refuses is logged and dropped alone; the rest of its batch is kept', () => {
    ops.record({ type: 'SYNC', detail: 'before' });
    ops.record({ type: 'NOT_A_TYPE' as never, detail: 'refused by the CHECK' });
    ops.record({ type: 'ORDER', detail: 'after', contactId: 12 });
    expect(ops.flush().map((e) => [e.cursor, e.type, e.detail])).toEqual([[1, 'SYNC', 'before'], [2, 'ORDER', 'after']]);
    expect(ops.list({}).events.map((e) => e.detail)).toEqual(['before', 'after']);
  });

  it('takes direct records from other domains and keeps the cursor growing after pruning', async () => {
    ops.record({ type: 'SYNC', detail: 'catalog synced to Meta', time: '2026-09-01T00:00:00.000Z' });
    ops.record({ type: 'ORDER', detail: 'order 12', contactId: 12, time: '2026-09-01T00:00:01.000Z' });
    expect(ops.flush().map((e) => [e.cursor, e.contact])).toEqual([[1, null], [2, 'Priya']]);
    expect(await ops.prune()).toEqual({ byAge: 2, byCount: 0 });
    ops.record({ type: 'SYNC', detail: 'again' });
    expect(ops.flush()[0]?.cursor).toBe(3);
  });
});

describe('pruning', () => {
  it('drops events older than the retention and the oldest beyond the count, nothing newer', async () => {
    const day = 86_400_000;
    for (let i = 0; i < 1500; i += 1) ops.record({ type: 'THINKING', detail: `step ${i}`, time: new Date(NOW.getTime() - (i < 100 ? 31 * day : day) + i).toISOString() });
    ops.flush();
    ops.updateSettings({ maxEvents: 1000 });
    await ops.prune();
    expect(ops.count()).toBe(1000);
    const left = ops.list({ limit: 1 }).events[0];
    expect(left?.cursor).toBe(501); // 100 by age, then the 400 oldest by count
    ops.updateSettings({ retentionDays: 1, maxEvents: 5000 });
    await ops.prune();
    expect(ops.count()).toBe(1000); // all a day old minus some ms: younger than one day, kept
    expect(ops.getSettings()).toEqual({ retentionDays: 1, maxEvents: 5000, maskPersonalData: false });
  });

  it('refuses settings out of range with a clear message', () => {
    expect(() => ops.updateSettings({ maxEvents: 5 })).toThrow(/need fixing/);
    expect(ops.getSettings().maxEvents).toBe(500_000);
  });
});

describe('masking', () => {
  it('hides phones and message words in stored events when the owner chose it', () => {
    expect(maskPhone('+919812345210')).toBe('+91 98•••••210');
    ops.updateSettings({ maskPersonalData: true });
    bus.publish(conv('INBOUND', 'my number is 9812345210', { kind: 'text', text: 'my number is 9812345210', messageId: 'wamid.A' }));
    bus.publish(conv('OUTBOUND', 'Hello Priya', { kind: 'text', message: { text: { body: 'Hello Priya' } } }));
    bus.publish(conv('TOOL', 'send_catalog {"to":"+919812345210"} → sent', { args: { to: '+919812345210' } }));
    const [inbound, outbound, tool] = ops.flush() as [OpsEvent, OpsEvent, OpsEvent];
    expect(inbound).toMatchObject({ contact: '+91 98•••••210', detail: HIDDEN_TEXT, data: { kind: 'text', messageId: 'wamid.A' } });
    expect(inbound.data).not.toHaveProperty('text');
    expect(outbound).toMatchObject({ detail: HIDDEN_TEXT, data: { kind: 'text' } });
    expect(outbound.data).not.toHaveProperty('message');
    expect(tool.detail).toBe('send_catalog {"to":"+91 98•••••210"} → sent');
    expect(tool.data).toMatchObject({ args: { to: '+91 98•••••210' } });
    expect(JSON.stringify(ops.list({}))).not.toContain('9812345210');
  });
});

describe('pages of the log', () => {
  it('filters by type, agent, contact and words; next is the last cursor or since', () => {
    bus.publish(conv('INBOUND', 'gold bangles?'));
    bus.publish(conv('TOOL', 'catalog_search → 2 products'));
    ops.record({ type: 'TOOL', detail: 'other agent', agentId: 2, contactId: 12 });
    ops.flush();
    expect(ops.list({ type: 'tool' }).events.map((e) => e.cursor)).toEqual([2, 3]);
    expect(ops.list({ type: 'TOOL', agent: '1' }).events.map((e) => e.cursor)).toEqual([2]);
    expect(ops.list({ contact: '12' }).events.map((e) => e.cursor)).toEqual([3]);
    expect(ops.list({ q: 'bangles' }).events.map((e) => e.cursor)).toEqual([1]);
    expect(ops.list({ since: '1', limit: '1' })).toMatchObject({ next: 2, events: [{ cursor: 2 }] });
    expect(ops.list({ since: '3' })).toEqual({ events: [], next: 3 });
    expect(() => ops.list({ type: 'NOPE' })).toThrow(/not an event type/);
  });
});

describe('the Fleet', () => {
  it("counts each agent's day in the store's time zone", () => {
    const at = (iso: string) => `2026-${iso}.000Z`;
    const rec = (type: 'INBOUND' | 'OUTBOUND' | 'TOOL' | 'ERROR', agentId: number, contactId: number, time: string) => ops.record({ type, detail: type, agentId, contactId, time: at(time) });
    rec('INBOUND', 1, 10, '11-30T18:00:00'); // 23:30 yesterday in Kolkata
    rec('INBOUND', 1, 11, '11-30T19:00:00'); // 00:30 today
    rec('OUTBOUND', 1, 11, '11-30T19:00:05');
    rec('INBOUND', 1, 12, '12-01T11:10:00');
    rec('TOOL', 1, 12, '12-01T11:10:02');
    rec('OUTBOUND', 1, 12, '12-01T11:10:05');
    rec('ERROR', 1, 12, '12-01T11:20:00');
    rec('INBOUND', 2, 13, '12-01T09:00:00');
    ops.flush();
    expect(startOfDay(NOW, 'Asia/Kolkata')).toBe('2026-11-30T18:30:00.000Z');
    const [aarav, meera, kabir] = ops.fleet().cards;
    const hours = Array.from({ length: 24 }, () => 0);
    expect(aarav).toMatchObject({ state: 'error', conversationsToday: 2, messagesToday: 4, openHandoffs: 0, pipelineValue: 125000, lastActivity: at('12-01T11:20:00') });
    expect(aarav?.activity).toEqual(hours.map((_, i) => ({ 5: 1, 6: 2, 22: 4 })[i] ?? 0));
    expect(meera).toMatchObject({ state: 'paused', conversationsToday: 1, messagesToday: 1, openHandoffs: 3, pipelineValue: 0 });
    expect(meera?.activity[20]).toBe(1);
    expect(kabir).toMatchObject({ state: 'active', conversationsToday: 0, messagesToday: 0, lastActivity: null, activity: hours });
    rec('OUTBOUND', 1, 12, '12-01T11:30:00'); // answered again after the error: active
    ops.flush();
    expect(ops.fleet().cards[0]?.state).toBe('active');
  });
});
