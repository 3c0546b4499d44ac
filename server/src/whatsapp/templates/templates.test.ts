import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmService } from '../../crm/index.js';
import { migrate, openDatabase, readMigrations } from '../../db/index.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import type { GraphMessage } from '../messages/index.js';
import { createTemplates } from './templates.module.js';

const TOKEN = 'EAAtemplates-test-token';
let emu: Emulator;
let kit: ReturnType<typeof make>;

function make(graphUrl: string) {
  const { db } = openDatabase(':memory:');
  migrate(db, readMigrations().filter((m) => m.version <= 15 || m.version === 29));
  const crm = createCrmService(db);
  const meera = crm.upsertFromWhatsApp({ waId: '919812345678', name: 'Meera' });
  const sent: { contactId?: number | null; payload: GraphMessage; correlationId?: string | null }[] = [];
  const t = createTemplates({
    db,
    log: pino({ level: 'silent' }),
    config: () => ({ graphUrl, apiVersion: 'v23.0', accessToken: TOKEN, wabaId: '' }),
    emulatorWabaId: () => emu.identity.wabaId,
    contacts: crm,
    outbox: () => ({ enqueue: (m) => (sent.push(m), { id: `out-${sent.length}` }) }),
  });
  return { db, meera, sent, templates: t.service };
}

/** Posts a built payload to the emulator's messages endpoint, as the outbox worker would. */
async function sendToMeta(payload: unknown): Promise<{ status: number; body: { error?: { code: number } } }> {
  const res = await fetch(`${emu.url}/v23.0/${emu.identity.phoneNumberId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: res.status, body: (await res.json()) as { error?: { code: number } } };
}

beforeAll(async () => {
  emu = await startEmulator({ appSecret: 's', accessToken: TOKEN, phoneNumberId: '109000000000001', statuses: 'none' });
  kit = make(emu.url);
});
afterAll(async () => {
  kit.db.close();
  await emu.stop();
});

describe('the template manager', () => {
  it('starts empty, then lists the WABA’s templates from Meta with status, variables and buttons', async () => {
    expect(kit.templates.list()).toEqual({ templates: [], fetchedAt: null });
    const list = await kit.templates.refresh();
    expect(emu.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v23.0/${emu.identity.wabaId}/message_templates?fields=id,name,language,status,category,components&limit=100`, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(list.fetchedAt).not.toBeNull();
    expect(list.templates.map((t) => [t.name, t.status, t.sendable])).toEqual([
      ['appointment_reminder', 'APPROVED', true],
      ['diwali_offer', 'APPROVED', true],
      ['festive_collection', 'REJECTED', false],
      ['order_update', 'PENDING', false],
    ]);
    expect(kit.templates.get('appointment_reminder')).toMatchObject({ language: 'en', category: 'UTILITY', bodyVariables: 3, bodyExamples: ['Meera', '2 December', '11:30 AM'], buttons: [] });
    expect(kit.templates.get('diwali_offer')?.buttons).toEqual([
      { index: 0, type: 'COPY_CODE', text: 'Copy offer code', needs: 'coupon_code', example: 'DIWALI20' },
      { index: 1, type: 'QUICK_REPLY', text: 'Not interested', needs: null, example: null },
    ]);
    expect(kit.templates.get('order_update')?.refusal).toMatch(/still reviewing/);
    expect(kit.templates.get('nope')).toBeNull();
  });

  it('sends an approved template with its variables: the exact Cloud API body, accepted by Meta', async () => {
    const out = kit.templates.send({ contactId: kit.meera.id, name: 'appointment_reminder', language: 'en', body: ['Meera', '2 December', '11:30 AM'] });
    expect(out).toEqual({ outboxId: 'out-1', to: '+919812345678' });
    const payload = kit.sent[0]!.payload;
    expect(payload).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '919812345678', type: 'template',
      template: { name: 'appointment_reminder', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Meera' }, { type: 'text', text: '2 December' }, { type: 'text', text: '11:30 AM' }] }] },
    });
    expect((await sendToMeta(payload)).status).toBe(200);
  });

  it('a copy-code button carries the coupon; codes over 15 characters are refused before sending', async () => {
    kit.templates.send({ contactId: kit.meera.id, name: 'diwali_offer', language: 'en', body: ['Meera', '20%'], buttons: { '0': 'DIWALI20' } });
    const payload = kit.sent.at(-1)!.payload as unknown as { template: { components: unknown[] } };
    expect(payload.template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'Meera' }, { type: 'text', text: '20%' }] },
      { type: 'button', index: '0', sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: 'DIWALI20' }] },
      { type: 'button', index: '1', sub_type: 'quick_reply', parameters: [{ type: 'payload', payload: 'diwali_offer:1' }] },
    ]);
    expect((await sendToMeta(payload)).status).toBe(200);
    const n = kit.sent.length;
    expect(() => kit.templates.send({ contactId: kit.meera.id, name: 'diwali_offer', language: 'en', body: ['Meera', '20%'], buttons: { '0': 'DIWALIMEGAOFFER2026' } })).toThrow(/15/);
    expect(() => kit.templates.send({ contactId: kit.meera.id, name: 'diwali_offer', language: 'en', body: ['Meera', '20%'] })).toThrow(/coupon code/);
    expect(kit.sent).toHaveLength(n);
  });

  it('refuses non-approved templates and wrong variable counts with a clear reason, sending nothing', () => {
    const n = kit.sent.length;
    expect(() => kit.templates.send({ contactId: kit.meera.id, name: 'order_update', language: 'en', body: ['Meera', '#1042', 'ready'] })).toThrow(/“order_update” \(PENDING\) cannot be sent: Meta is still reviewing/);
    expect(() => kit.templates.send({ contactId: kit.meera.id, name: 'festive_collection', language: 'hi', body: [] })).toThrow(/REJECTED/);
    expect(() => kit.templates.send({ contactId: kit.meera.id, name: 'appointment_reminder', language: 'en', body: ['Meera'] })).toThrow(/takes 3 body variables; 1 given/);
    expect(() => kit.templates.send({ contactId: kit.meera.id, name: 'missing', language: 'en', body: [] })).toThrow(/refresh the list/);
    expect(kit.sent).toHaveLength(n);
  });

  it('the emulator refuses what Meta refuses: unapproved templates (132001) and a wrong parameter count (132000)', async () => {
    const pending = await sendToMeta({ messaging_product: 'whatsapp', to: '919812345678', type: 'template', template: { name: 'order_update', language: { code: 'en' } } });
    expect(pending).toMatchObject({ status: 400, body: { error: { code: 132001 } } });
    const short = await sendToMeta({ messaging_product: 'whatsapp', to: '919812345678', type: 'template', template: { name: 'appointment_reminder', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] } });
    expect(short).toMatchObject({ status: 400, body: { error: { code: 132000 } } });
  });
});
