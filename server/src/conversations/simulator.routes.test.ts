import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { AgentList, ChatResult, ContactList, OutboxList, PersonaPreview, ThreadDetail } from '../contracts/index.js';
import { createDemoDataDir, startServer, type RunningServer } from '../main.js';

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('revive-sim-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
}, 90_000);

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${server.adminPort}${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${server.token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const PHONE = '+919999900007';
const q = `phone=${encodeURIComponent(PHONE)}`;

describe('the simulator', () => {
  it('talks to the real engine, keeps the thread, takes a tapped button back as a webhook-shaped reply, and never sends to WhatsApp', async () => {
    const first = await api<ChatResult>('/api/simulator/messages', { json: { phone: PHONE, message: { type: 'text', text: { body: 'gold bangles under 50000' } } } });
    expect(first.status).toBe(200);
    expect(first.body.replies.length).toBeGreaterThan(0);
    expect(first.body.events[0]).toMatchObject({ type: 'INBOUND', detail: 'gold bangles under 50000' });

    const buttons = first.body.replies.flatMap((r) => ((r as { interactive?: { type?: string; action?: { buttons?: { reply: { id: string; title: string } }[] } } }).interactive?.action?.buttons ?? []).map((b) => b.reply));
    const tap = buttons[0] ?? { id: 'btn_store_timings', title: 'Store timings' };
    const second = await api<ChatResult>('/api/simulator/messages', { json: { phone: PHONE, message: { type: 'interactive', interactive: { type: 'button_reply', button_reply: tap } } } });
    expect(second.status).toBe(200);
    expect(second.body.events[0]).toMatchObject({ type: 'INBOUND', detail: tap.title, data: { kind: 'interactive.button_reply' } });

    const thread = await api<{ thread: ThreadDetail }>(`/api/simulator/thread?${q}`);
    expect(thread.body.thread).toMatchObject({ channel: 'simulator', state: 'open' });
    expect(thread.body.thread.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['gold bangles under 50000', tap.title]);
    expect(thread.body.thread.messages.filter((m) => m.direction === 'out')).toHaveLength(first.body.replies.length + second.body.replies.length);
    const byId = await api<ThreadDetail>(`/api/threads/${thread.body.thread.id}`);
    expect(byId.body.messages).toEqual(thread.body.thread.messages);
    // the Audience's and the Matrix's "open conversation": the contact's threads, without their messages
    const ofContact = await api<{ threads: { id: number; channel: string; messages?: unknown }[] }>(`/api/threads?contact=${thread.body.thread.contactId}`);
    expect(ofContact.body.threads).toEqual([expect.objectContaining({ id: thread.body.thread.id, channel: 'simulator' })]);
    expect(ofContact.body.threads[0]).not.toHaveProperty('messages');
    expect((await api('/api/threads?contact=abc')).status).toBe(400);

    const out = await api<OutboxList>('/api/whatsapp/outbox');
    expect(out.body.items).toEqual([]);
  }, 60_000);

  it('keeps a separate thread per agent, and starts afresh on reset', async () => {
    const agents = await api<AgentList>('/api/agents');
    const other = agents.body.agents.find((a) => !a.isDefault) ?? agents.body.agents[0]!;
    const r = await api<ChatResult>('/api/simulator/messages', { json: { phone: PHONE, agentId: other.id, message: { type: 'text', text: { body: 'hello' } } } });
    expect(r.status).toBe(200);
    expect(r.body.events[0]?.agentId).toBe(other.id);
    const own = await api<{ thread: ThreadDetail }>(`/api/simulator/thread?${q}&agentId=${other.id}`);
    expect(own.body.thread.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['hello']);

    const reset = await api<{ deleted: number }>(`/api/simulator/thread?${q}&agentId=${other.id}`, { method: 'DELETE' });
    expect(reset.body).toEqual({ deleted: 1 });
    expect((await api<{ thread: null }>(`/api/simulator/thread?${q}&agentId=${other.id}`)).body).toEqual({ thread: null });
    expect((await api(`/api/threads/${own.body.thread.id}`)).status).toBe(404);
    // the default agent's simulator thread is untouched
    expect((await api<{ thread: ThreadDetail | null }>(`/api/simulator/thread?${q}`)).body.thread).not.toBeNull();
  }, 60_000);

  it('refuses a message that is not a WhatsApp messages[] object', async () => {
    const r = await api<{ error: { code: string; message: string } }>('/api/simulator/messages', { json: { phone: PHONE, message: { body: 'no type' } } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/needs a "type"/);
  });
});

describe('the persona preview', () => {
  it('answers in the given persona and name against the real catalog, storing nothing', async () => {
    const before = await api<ContactList>('/api/contacts');
    const quiet = await api<PersonaPreview>('/api/agents/preview', { json: { name: 'Meera', persona: { emoji: 0, tone: 10, tenacity: 10, length: 10, languages: ['english'] }, message: 'Hi, do you have gold bangles under 50k?' } });
    expect(quiet.status).toBe(200);
    expect(quiet.body.instructions).toContain('Meera');
    expect(quiet.body.replies.length).toBeGreaterThan(0);
    const emoji = /\p{Extended_Pictographic}/u;
    expect(quiet.body.replies.some((t) => emoji.test(t))).toBe(false);
    const loud = await api<PersonaPreview>('/api/agents/preview', { json: { name: 'Meera', persona: { emoji: 100, tone: 90, tenacity: 90, length: 90, languages: ['english'] }, message: 'Hi, do you have gold bangles under 50k?' } });
    expect(loud.body.instructions).not.toEqual(quiet.body.instructions);
    expect(loud.body.replies).not.toEqual(quiet.body.replies);
    const after = await api<ContactList>('/api/contacts');
    expect(after.body.total).toBe(before.body.total);
  }, 60_000);
});
