import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, json, startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import type { Deal, DealDetail, PipelineSummary } from '../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());


describe('pipeline API', () => {
  let deal: Deal;

  it('a simulator shopper’s first message opens a deal, answered → Contacted', async () => {
    expect((await json<{ deals: Deal[] }>(s.api('/api/deals'))).deals).toEqual([]);
    const chat = await s.send('POST', '/api/simulator/messages', { phone: '+919812345678', name: 'Meera', message: { type: 'text', text: { body: 'namaste' } } });
    expect(chat.status).toBe(200);
    const { deals } = await json<{ deals: Deal[] }>(s.api('/api/deals'));
    expect(deals).toMatchObject([{ contactName: 'Meera', contactPhone: '+919812345678', stage: 'contacted', agentName: 'Aarav' }]);
    deal = deals[0]!;
  });

  it('creates, edits, moves (lost needs a reason) and reads a deal with its history', async () => {
    const created = await json<DealDetail>(s.send('POST', '/api/deals', { contactId: deal.contactId, title: 'Diamond ring', value: 125000 }));
    expect(created).toMatchObject({ stage: 'new', value: 125000, history: [{ by: 'owner', to: 'new' }] });
    const bad = await s.send('POST', '/api/deals', { contactId: deal.contactId, title: '' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('title');

    expect(await json<DealDetail>(s.send('PATCH', `/api/deals/${created.id}`, { nextStep: 'Call on Friday' }))).toMatchObject({ nextStep: 'Call on Friday', title: 'Diamond ring' });
    const noReason = await s.send('POST', `/api/deals/${created.id}/move`, { stage: 'lost' });
    expect(noReason.status).toBe(400);
    expect((await errorOf(noReason)).message).toMatch(/why the deal was lost/);
    const moved = await json<DealDetail>(s.send('POST', `/api/deals/${created.id}/move`, { stage: 'booked', position: 0 }));
    expect(moved.history.at(-1)).toMatchObject({ from: 'new', to: 'booked', by: 'owner' });
    expect(await json<DealDetail>(s.api(`/api/deals/${created.id}`))).toMatchObject({ stage: 'booked', nextStep: 'Call on Friday' });
    expect((await s.api('/api/deals/9999')).status).toBe(404);
  });

  it('filters the list and sums the pipeline', async () => {
    expect((await json<{ deals: Deal[] }>(s.api('/api/deals?stage=booked'))).deals.map((d) => d.title)).toEqual(['Diamond ring']);
    expect((await json<{ deals: Deal[] }>(s.api('/api/deals?q=diamond'))).deals).toHaveLength(1);
    expect((await json<{ deals: Deal[] }>(s.api(`/api/deals?contact=${deal.contactId}`))).deals).toHaveLength(2);
    expect((await s.api('/api/deals?stage=later')).status).toBe(400);
    const sum = await json<PipelineSummary>(s.api('/api/pipeline/summary'));
    expect(sum.pipelineValue).toBe(125000);
    expect(sum.stages.find((x) => x.stage === 'booked')).toEqual({ stage: 'booked', count: 1, value: 125000 });
  });

  it('deletes', async () => {
    expect(await json(s.send('DELETE', `/api/deals/${deal.id}`))).toEqual({ deleted: deal.id });
    expect((await json<{ deals: Deal[] }>(s.api('/api/deals'))).deals).toHaveLength(1);
  });
});
