import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, type TempServer } from '../../../../test/helpers/temp-server.js';
import type { FlowsOverview } from '../../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());

describe('Flows on the real server', () => {
  it('the data endpoint is on the public listener only, and refuses unsigned requests with 432', async () => {
    const pub = await fetch(`http://127.0.0.1:${s.publicPort}/flows/endpoint`, { method: 'POST', body: '{}' });
    expect(pub.status).toBe(432);
    const admin = await s.api('/flows/endpoint', { method: 'POST', json: {} });
    expect(admin.status).toBe(404);
  });

  it('shows the public key and the shipped Flows, saves Flow ids, and refuses to send before they are set', async () => {
    const o = (await (await s.api('/api/flows')).json()) as FlowsOverview;
    expect(o.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(o.flows.map((f) => [f.name, f.flowId, f.usesEndpoint])).toEqual([['book_appointment', '', true], ['feedback', '', false]]);
    const early = await s.api('/api/flows/send', { method: 'POST', json: { contactId: 1, flow: 'book_appointment' } });
    expect(early.status).toBe(404);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/paste its Flow id/);
    const bad = await s.api('/api/flows/settings', { method: 'PUT', json: { bookAppointmentFlowId: 'abc' } });
    expect(bad.status).toBe(400);
    const saved = await s.api('/api/flows/settings', { method: 'PUT', json: { bookAppointmentFlowId: '1234567890123' } });
    expect(await saved.json()).toMatchObject({ bookAppointmentFlowId: '1234567890123', feedbackFlowId: '', bookCta: 'Book a visit' });
    expect(((await (await s.api('/api/flows')).json()) as FlowsOverview).publicKey).toBe(o.publicKey);
  });
});
