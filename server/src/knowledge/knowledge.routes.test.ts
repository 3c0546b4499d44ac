import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import { KnowledgeAnswerSchema, KnowledgeSourceListSchema, KnowledgeSourceSchema } from '../contracts/index.js';

let server: TempServer;
beforeAll(async () => {
  server = await startTempServer();
}, 60_000);
afterAll(() => server?.stop());

describe('knowledge API', () => {
  it('uploads a file, asks it, re-processes and deletes it', async () => {
    const up = await server.api('/api/knowledge/sources/file?name=returns.md', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: '# Returns\n\nYou may return a piece within 7 days of delivery for a full refund.',
    });
    expect(up.status).toBe(200);
    const source = KnowledgeSourceSchema.parse(await up.json());
    expect(source).toMatchObject({ name: 'returns.md', kind: 'file', status: 'ready', chunks: 1 });

    const ask = await server.api('/api/knowledge/ask', { method: 'POST', json: { question: 'can I return it for a refund?' } });
    const answer = KnowledgeAnswerSchema.parse(await ask.json());
    expect(answer).toMatchObject({ answerable: true, passages: [{ source: 'returns.md', location: 'Returns' }] });

    const again = await server.api(`/api/knowledge/sources/${source.id}/reprocess`, { method: 'POST', json: {} });
    expect(KnowledgeSourceSchema.parse(await again.json())).toMatchObject({ id: source.id, status: 'ready', chunks: 1 });

    expect((await server.api(`/api/knowledge/sources/${source.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await server.api(`/api/knowledge/sources/${source.id}`)).status).toBe(404);
    const after = await server.api('/api/knowledge/ask', { method: 'POST', json: { question: 'can I return it for a refund?' } });
    expect(await after.json()).toEqual({ answerable: false, passages: [] });
  }, 60_000);

  it('adds pasted text, lists sources, and returns a failed source for a PDF', async () => {
    const text = await server.api('/api/knowledge/sources/text', { method: 'POST', json: { name: 'Festive FAQ', text: 'Gift wrapping is free during Diwali.' } });
    expect(KnowledgeSourceSchema.parse(await text.json())).toMatchObject({ name: 'Festive FAQ', kind: 'text', status: 'ready' });
    const pdf = await server.api('/api/knowledge/sources/file?name=policy.pdf', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: '%PDF-1.7 x' });
    expect(KnowledgeSourceSchema.parse(await pdf.json())).toMatchObject({ status: 'failed', error: 'This PDF is damaged or incomplete' });
    const list = KnowledgeSourceListSchema.parse(await (await server.api('/api/knowledge/sources')).json());
    expect(list.sources.map((s) => [s.name, s.status])).toEqual(expect.arrayContaining([['Festive FAQ', 'ready'], ['policy.pdf', 'failed']]));
    const bad = await server.api('/api/knowledge/sources/text', { method: 'POST', json: { name: '', text: 'x' } });
    expect(bad.status).toBe(400);
  }, 60_000);
});
