import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatedApp, type EmulatedApp } from '../../../test/helpers/emulated-app.js';
import type { Broadcast, Segment } from '../contracts/index.js';

/**
 * A broadcast the whole real way: segment → outbox (committed) → the worker at the allowed rate →
 * the Graph API emulator, which checks the template exists, is approved and gets its parameters →
 * signed status webhooks back to the public listener → the delivery report.
 */
let w: EmulatedApp;
let server: { api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response> };

beforeAll(async () => {
  w = await startEmulatedApp({ name: 'broadcast', phoneNumberId: '106540352242955', demo: false, statuses: 'read', statusDelayMs: 5, webhooks: true });
  server = { api: w.admin };
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${res.status}: ${JSON.stringify(body)}`);
  return body;
}

const templateSends = () => w.emu.accepted.filter((a) => a.body.type === 'template');

async function until<T>(what: string, get: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await get();
    if (done(v)) return v;
    if (Date.now() - started > 30_000) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a broadcast to a segment through the emulator', () => {
  it('reaches every opted-in customer once, skips the opted-out, and reports delivered and read', async () => {
    for (const c of [
      { name: 'Asha Mehta', phone: '98765 00001', optIn: 'opted_in', notes: 'VIP' },
      { name: 'Ravi Kumar', phone: '+91-98765-00002', optIn: 'opted_out' },
      { name: 'Meena', phone: '098765 00003' },
      { name: 'Small Buyer', phone: '9876500004' },
    ]) await json(await server.api('/api/contacts', { method: 'POST', json: c }));
    const list = await json<{ contacts: { id: number; phone: string }[] }>(await server.api('/api/contacts?limit=10'));
    const byPhone = new Map(list.contacts.map((c) => [c.phone, c.id]));
    // The segment: the three customers in Surat (the fourth is elsewhere).
    for (const phone of ['+919876500001', '+919876500002', '+919876500003']) await json(await server.api(`/api/contacts/${byPhone.get(phone)}`, { method: 'PATCH', json: { city: 'Surat' } }));
    const segment = await json<Segment>(await server.api('/api/segments', { method: 'POST', json: { name: 'Surat customers', rules: [{ field: 'city', op: 'eq', value: 'Surat' }] } }));
    expect(segment.count).toBe(3);

    const b = await json<Broadcast>(await server.api(`/api/segments/${segment.id}/broadcasts`, { method: 'POST', json: { template: 'diwali_offer', language: 'en', variables: ['{{name}}', '20%'], couponCode: 'DIWALI20' } }));
    expect(b).toMatchObject({ total: 3, skippedOptOut: 1, skippedNoPhone: 0, queued: 2 });

    const report = await until('delivery report', async () => (await json<{ broadcasts: Broadcast[] }>(await server.api('/api/broadcasts'))).broadcasts[0]!, (r) => r.read === 2);
    expect(report).toMatchObject({ id: b.id, sent: 2, delivered: 2, read: 2, failed: 0 });

    const sends = templateSends();
    expect(sends.map((s) => s.body.to).sort()).toEqual(['919876500001', '919876500003']);
    const asha = sends.find((s) => s.body.to === '919876500001')!.body as { template: unknown };
    expect(asha.template).toEqual({
      name: 'diwali_offer',
      language: { code: 'en' },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Asha' }, { type: 'text', text: '20%' }] },
        { type: 'button', index: '0', sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: 'DIWALI20' }] },
      ],
    });
  }, 60_000);

  it('a template Meta would refuse (not approved) fails on every recipient and is reported failed, nothing silently dropped', async () => {
    const segments = await json<{ segments: Segment[] }>(await server.api('/api/segments'));
    const surat = segments.segments.find((s) => s.name === 'Surat customers')!;
    const before = templateSends().length;
    const b = await json<Broadcast>(await server.api(`/api/segments/${surat.id}/broadcasts`, { method: 'POST', json: { template: 'order_update', variables: ['{{name}}', '#1', 'ready'] } }));
    const report = await until('failures', async () => (await json<{ broadcasts: Broadcast[] }>(await server.api('/api/broadcasts'))).broadcasts.find((x) => x.id === b.id)!, (r) => r.failed === 2);
    expect(report).toMatchObject({ queued: 2, sent: 0, failed: 2 });
    expect(templateSends().length).toBe(before);
  }, 60_000);
});
