import { request } from 'node:http';
import sharp from 'sharp';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import type { Agent, AgentList, LiveMessage } from '../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());

const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
const post = (path: string, body?: unknown) => s.api(path, body === undefined ? { method: 'POST', headers: { 'content-length': '0' } } : { method: 'POST', json: body });
const upload = (path: string, body: Buffer) => s.api(path, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });
const errorOf = async (res: Response | Promise<Response>) => (await json<{ error: { code: string; message: string; fields?: Record<string, string> } }>(res)).error;

/** A raw request, so the Host header can be anything (fetch would not let us). */
function raw(path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.adminPort, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('agents API: access', () => {
  it('needs the session token, our Host, and for cookie writes our Origin', async () => {
    expect((await fetch(`${s.admin}/api/agents`)).status).toBe(401);
    expect(await raw('/api/agents', { host: 'evil.example', authorization: `Bearer ${s.token}` })).toBe(421);
    const cookie = `revive_session=${s.token}`;
    expect((await fetch(`${s.admin}/api/agents`, { headers: { cookie } })).status).toBe(200);
    const aarav = (await json<AgentList>(s.api('/api/agents'))).agents[0];
    const forged = await fetch(`${s.admin}/api/agents/${aarav?.id}/pause`, { method: 'POST', headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(forged.status).toBe(403);
    expect((await json<Agent>(s.api(`/api/agents/${aarav?.id}`))).status).toBe('active');
  });
});

describe('agents API', () => {
  it('lists the first agent, creates, edits, refuses a taken name, pauses, resumes and makes default', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.adminPort}/api/live`, { headers: { authorization: `Bearer ${s.token}` } });
    const seen: LiveMessage[] = [];
    ws.on('message', (d: Buffer) => seen.push(JSON.parse(d.toString()) as LiveMessage));
    await new Promise((r) => ws.once('open', r));

    const first = await json<AgentList>(s.api('/api/agents'));
    expect(first.agents.map((a) => [a.name, a.isDefault])).toEqual([['Aarav', true]]);
    // the real skill registry completed its skills
    const registry = s.services.skills.info().map((x) => x.id);
    expect(first.agents[0]?.skills.map((x) => x.id)).toEqual(registry);

    const riya = await json<Agent>(post('/api/agents', { name: 'Riya', role: 'After-sales', persona: { tone: 20, tenacity: 10 } }));
    expect(riya).toMatchObject({ name: 'Riya', role: 'After-sales', isDefault: false, status: 'active', persona: { tone: 20, tenacity: 10, emoji: 30 } });

    const taken = await post('/api/agents', { name: 'RIYA' });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).fields?.name).toMatch(/already called Riya/);
    const bad = await post('/api/agents', { name: 'Meera', persona: { tone: 150 } });
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).fields ?? {})).toContain('persona.tone');

    // skill settings are checked by the skill's own schema, named at the field
    const badSkill = await s.api(`/api/agents/${riya.id}`, { method: 'PATCH', json: { skills: [{ id: 'catalog_search', enabled: true, config: { maxResults: 0 } }] } });
    expect(badSkill.status).toBe(400);
    expect((await errorOf(badSkill)).fields).toHaveProperty(['skills.catalog_search.maxResults']);
    const tuned = await json<Agent>(s.api(`/api/agents/${riya.id}`, { method: 'PATCH', json: { skills: [{ id: 'catalog_search', enabled: true, config: { maxResults: 5 } }] } }));
    expect(tuned.skills.find((x) => x.id === 'catalog_search')?.config).toMatchObject({ maxResults: 5, showOutOfStock: false });
    expect(tuned.skills.map((x) => x.id)).toEqual(registry);

    const edited = await json<Agent>(s.api(`/api/agents/${riya.id}`, { method: 'PATCH', json: { awayMessage: 'Back at 10:30' } }));
    expect(edited).toMatchObject({ awayMessage: 'Back at 10:30', role: 'After-sales', persona: { tone: 20 } });

    // a body-less POST, as the Studio's buttons send it
    expect((await json<Agent>(post(`/api/agents/${riya.id}/pause`))).status).toBe('paused');
    expect((await json<Agent>(post(`/api/agents/${riya.id}/resume`, {}))).status).toBe('active');
    expect((await json<Agent>(post(`/api/agents/${riya.id}/default`))).isDefault).toBe(true);
    const all = await json<AgentList>(s.api('/api/agents'));
    expect(all.agents.filter((a) => a.isDefault).map((a) => a.name)).toEqual(['Riya']);

    const changes = () => seen.flatMap((m) => (m.type === 'agents.changed' ? [[m.agentId, m.agent?.status, m.agent?.isDefault]] : []));
    // the live stream may trail the HTTP answers by a moment: wait for the last change (the test timeout bounds it)
    while (!changes().some(([id, status, isDefault]) => id === riya.id && status === 'active' && isDefault)) await new Promise((r) => setTimeout(r, 10));
    expect(changes()).toContainEqual([riya.id, 'paused', false]);
    expect(changes()).toContainEqual([riya.id, 'active', true]);
    ws.close();

    expect((await s.api('/api/agents/99999')).status).toBe(404);
    expect((await s.api('/api/agents/abc')).status).toBe(404);
  });

  it('clones with a copy name, hands the default on when the default is deleted, and keeps the last agent', async () => {
    const base = await json<Agent>(post('/api/agents', { name: 'Kabir', persona: { tone: 80 } }));
    const copy = await json<Agent>(post(`/api/agents/${base.id}/clone`));
    expect(copy).toMatchObject({ name: 'Kabir (copy)', isDefault: false, persona: base.persona });
    expect((await json<Agent>(post(`/api/agents/${base.id}/clone`, { name: 'Kabir Two' }))).name).toBe('Kabir Two');

    await post(`/api/agents/${base.id}/default`);
    expect(await json(s.api(`/api/agents/${base.id}`, { method: 'DELETE' }))).toEqual({ deleted: base.id });
    const left = (await json<AgentList>(s.api('/api/agents'))).agents;
    const oldest = left[0];
    expect(left.filter((a) => a.isDefault).map((a) => a.id)).toEqual([oldest?.id]);

    for (const a of left.slice(1)) expect((await s.api(`/api/agents/${a.id}`, { method: 'DELETE' })).status).toBe(200);
    const last = await s.api(`/api/agents/${oldest?.id}`, { method: 'DELETE' });
    expect(last.status).toBe(409);
    expect((await errorOf(last)).message).toMatch(/only agent/);
  });
});

describe('agents API: avatars', () => {
  it('crops an uploaded photo to a 256×256 PNG served with a versioned URL, and refuses text named .png', async () => {
    const agent = await json<Agent>(post('/api/agents', { name: 'Photo Agent' }));
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#d4af37' } }).png().toBuffer();
    const saved = await json<Agent>(upload(`/api/agents/${agent.id}/avatar`, photo));
    expect(saved.avatar).toMatchObject({ kind: 'upload', description: null, url: expect.stringMatching(new RegExp(`^/api/agents/${agent.id}/avatar\\?v=[0-9a-f]{10}$`)) });

    const served = await s.api(saved.avatar?.url ?? '');
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toMatch(/immutable/);
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 256, 256]);
    expect((await s.api(`/api/agents/${agent.id}/avatar`)).headers.get('cache-control')).toMatch(/no-cache/);

    const text = await upload(`/api/agents/${agent.id}/avatar`, Buffer.from('this is not a picture, despite avatar.png'));
    expect(text.status).toBe(415);
    expect((await s.api(`/api/agents/${agent.id}/avatar`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    const tooBig = await upload(`/api/agents/${agent.id}/avatar`, Buffer.alloc(10 * 1024 * 1024 + 1, 0x89));
    expect(tooBig.status).toBe(413);
    // the refused uploads left the picture alone
    expect((await json<Agent>(s.api(`/api/agents/${agent.id}`))).avatar?.url).toBe(saved.avatar?.url);
  });

  it('generates an illustrated face from a description: same words, same face; served as SVG with a locked-down policy; deletable', async () => {
    const a = await json<Agent>(post('/api/agents', { name: 'Face One' }));
    const b = await json<Agent>(post('/api/agents', { name: 'Face Two' }));
    const description = 'Professional Indian saleswoman in a saree';
    const ga = await json<Agent>(post(`/api/agents/${a.id}/avatar/generate`, { description }));
    const gb = await json<Agent>(post(`/api/agents/${b.id}/avatar/generate`, { description: description.toUpperCase() }));
    expect(ga.avatar).toMatchObject({ kind: 'illustrated', description });
    const svgA = await s.api(ga.avatar?.url ?? '');
    expect(svgA.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svgA.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    const bodyA = await svgA.text();
    expect(bodyA).toMatch(/^<svg/);
    expect(await (await s.api(gb.avatar?.url ?? '')).text()).toBe(bodyA);

    const short = await post(`/api/agents/${a.id}/avatar/generate`, { description: 'x' });
    expect(short.status).toBe(400);

    const cleared = await json<Agent>(s.api(`/api/agents/${a.id}/avatar`, { method: 'DELETE' }));
    expect(cleared.avatar).toBeNull();
    expect((await s.api(`/api/agents/${a.id}/avatar`)).status).toBe(404);
  });
});
