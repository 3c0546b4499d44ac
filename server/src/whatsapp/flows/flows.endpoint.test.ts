import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../contracts/index.js';
import { flowsKit } from './flows.test-kit.js';

const RESOURCES = join(import.meta.dirname, '../../../../resources');
let k: Awaited<ReturnType<typeof flowsKit>>;
let token: string;

beforeAll(async () => {
  k = await flowsKit({ resourcesDir: RESOURCES });
  token = k.flows.send({ contactId: k.contact.id, flow: 'book_appointment' }).token;
});
afterAll(() => k.close());

/** An `nfm_reply` as the inbox hands it over (see the flow_completion fixture). */
function completion(response: Record<string, unknown>): InboundMessage {
  return { type: 'interactive', flow: { name: 'flow', body: 'Sent', responseJson: JSON.stringify(response), response, flowToken: typeof response.flow_token === 'string' ? response.flow_token : null } } as unknown as InboundMessage;
}

describe('sending the booking Flow', () => {
  it('enqueues an interactive flow message with a fresh token and the Flow id from settings', () => {
    expect(k.sent).toHaveLength(1);
    expect(k.sent[0]).toMatchObject({
      contactId: k.contact.id,
      correlationId: `flow:${token}`,
      payload: {
        messaging_product: 'whatsapp', to: '919812345678', type: 'interactive',
        interactive: { type: 'flow', action: { name: 'flow', parameters: { flow_message_version: '3', flow_token: token, flow_id: '1234567890123', flow_cta: 'Book a visit', flow_action: 'data_exchange' } } },
      },
    });
    expect(token).toMatch(/^bk_[\w-]{16}$/);
  });
});

describe('the Flow data endpoint (requests encrypted as Meta describes)', () => {
  it('answers ping with an encrypted {data:{status:"active"}} as text/plain base64', async () => {
    const r = await k.post({ version: '3.0', action: 'ping' });
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(r.json()).toEqual({ data: { status: 'active' } });
  });

  it('INIT opens DATE with only the days that have a free slot', async () => {
    const r = await k.post({ version: '3.0', action: 'INIT', flow_token: token });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({
      screen: 'DATE',
      data: { min_date: '2026-12-02', max_date: '2026-12-04', unavailable_dates: ['2026-12-03'], notice: expect.stringContaining('Pick a day') },
    });
  });

  it('DATE → TIME with that day’s free slots; a full day stays on DATE with a message', async () => {
    const full = await k.post({ version: '3.0', action: 'data_exchange', screen: 'DATE', flow_token: token, data: { date: '2026-12-03' } });
    expect(full.json()).toMatchObject({ screen: 'DATE', data: { error_message: expect.stringContaining('3 December') } });
    const r = await k.post({ version: '3.0', action: 'data_exchange', screen: 'DATE', flow_token: token, data: { date: '2026-12-02' } });
    expect(r.json()).toEqual({
      screen: 'TIME',
      data: { date: '2026-12-02', date_label: 'Wednesday, 2 December', slots: [{ id: '2026-12-02T05:30:00.000Z', title: '11:00 AM' }, { id: '2026-12-02T06:00:00.000Z', title: '11:30 AM' }] },
    });
  });

  it('TIME → SERVICE with the four visit types; BACK from SERVICE refreshes TIME', async () => {
    const r = await k.post({ version: '3.0', action: 'data_exchange', screen: 'TIME', flow_token: token, data: { slot: '2026-12-02T06:00:00.000Z' } });
    expect(r.json()).toEqual({
      screen: 'SERVICE',
      data: {
        slot: '2026-12-02T06:00:00.000Z', slot_label: 'Wednesday, 2 December, 11:30 AM',
        services: [{ id: 'try_on', title: 'Try-on visit' }, { id: 'custom_design', title: 'Custom design' }, { id: 'repair', title: 'Repair' }, { id: 'old_gold', title: 'Old-gold exchange' }],
      },
    });
    const back = await k.post({ version: '3.0', action: 'BACK', screen: 'SERVICE', flow_token: token, data: {} });
    expect(back.json()).toMatchObject({ screen: 'TIME', data: { date: '2026-12-02' } });
  });

  it('SERVICE books through the appointments port and completes with the booking', async () => {
    const r = await k.post({ version: '3.0', action: 'data_exchange', screen: 'SERVICE', flow_token: token, data: { slot: '2026-12-02T06:00:00.000Z', service: 'old_gold' } });
    expect(r.json()).toEqual({
      screen: 'SUCCESS',
      data: { extension_message_response: { params: { flow_token: token, appointment_id: 1, start: '2026-12-02T06:00:00.000Z', service: 'old_gold' } } },
    });
    expect(k.appts.booked).toEqual([{ contactId: k.contact.id, start: '2026-12-02T06:00:00.000Z', service: 'old_gold', source: 'flow' }]);
  });

  it('the completion of a Flow the endpoint booked does not book again', async () => {
    const out = await k.flows.completionHook(completion({ flow_token: token, appointment_id: 1, start: '2026-12-02T06:00:00.000Z', service: 'old_gold' }), { contact: k.contact });
    expect(out).toMatchObject({ kind: 'flow_completion', facts: { appointmentId: 1, booked: false } });
    expect(k.appts.booked).toHaveLength(1);
  });

  it('acknowledges error notifications', async () => {
    const r = await k.post({ version: '3.0', action: 'data_exchange', flow_token: token, data: { error: 'INVALID_SCREEN', error_message: 'bad data' } });
    expect(r.json()).toEqual({ data: { acknowledged: true } });
  });

  it('refuses: wrong key → 421, tampered tag → 421, bad signature → 432, unknown token → 427, replay → 409', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect((await k.post({ version: '3.0', action: 'ping' }, { key: other })).status).toBe(421);
    expect((await k.post({ version: '3.0', action: 'ping' }, { tamper: true })).status).toBe(421);
    expect((await k.post({ version: '3.0', action: 'ping' }, { secret: 'not-the-app-secret' })).status).toBe(432);
    expect((await k.post({ version: '3.0', action: 'INIT', flow_token: 'bk_unknown' })).status).toBe(427);
    const first = await k.post({ version: '3.0', action: 'INIT', flow_token: token });
    expect(first.status).toBe(200);
    const again = await fetch(k.url, { method: 'POST', headers: { 'x-hub-signature-256': (await import('./flows.test-kit.js')).sign(first.body, 'flows-test-app-secret') }, body: first.body });
    expect(again.status).toBe(409);
    const unsigned = await fetch(k.url, { method: 'POST', body: first.body });
    expect(unsigned.status).toBe(432);
  });
});

describe('Flow completions without the endpoint', () => {
  it('a booking completion books once per token; a second delivery does not', async () => {
    const t = k.flows.send({ contactId: k.contact.id, flow: 'book_appointment' }).token;
    const m = completion({ flow_token: t, start: '2026-12-04T09:30:00.000Z', service: 'repair' });
    expect(await k.flows.completionHook(m, { contact: k.contact })).toMatchObject({ facts: { booked: true, service: 'repair' } });
    expect(await k.flows.completionHook(m, { contact: k.contact })).toMatchObject({ facts: { booked: false } });
    expect(k.appts.booked.filter((b) => b.service === 'repair')).toHaveLength(1);
  });

  it('a feedback completion records the rating once', async () => {
    const { token: t } = k.flows.send({ contactId: k.contact.id, flow: 'feedback' });
    expect(k.sent.at(-1)?.payload).toMatchObject({ interactive: { action: { parameters: { flow_id: '9876543210987', flow_action: 'navigate', flow_action_payload: { screen: 'RATE' }, flow_token: t } } } });
    const m = completion({ flow_token: t, rating: '4', comment: 'Lovely service' });
    expect(await k.flows.completionHook(m, { contact: k.contact })).toMatchObject({ kind: 'flow_completion', summary: 'Rated 4★: “Lovely service”' });
    await k.flows.completionHook(m, { contact: k.contact });
    expect(k.feedback).toEqual([{ contactId: k.contact.id, agentId: null, rating: 4, comment: 'Lovely service', source: 'flow' }]);
  });

  it('ignores messages that are not Flow completions', async () => {
    expect(await k.flows.completionHook({ type: 'text', flow: null } as unknown as InboundMessage, { contact: k.contact })).toBeNull();
  });
});
