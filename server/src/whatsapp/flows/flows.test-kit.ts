import { createCipheriv, createDecipheriv, createHmac, generateKeyPairSync, publicEncrypt, constants, randomBytes, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { createCrmService } from '../../crm/index.js';
import { migrate, openDatabase, readMigrations } from '../../db/index.js';
import { DomainError } from '../../shared/errors.js';
import { createFlows } from './flows.module.js';
import type { FlowServiceId, FreeDay } from './booking-flow.js';

/**
 * Meta's side of the Flow data endpoint, written from Meta's description (not the server's helpers):
 * a fresh AES-128 key and 16-byte IV per request, the key wrapped with RSA-OAEP-SHA256 under the
 * business's public key, the JSON encrypted with AES-128-GCM and the 16-byte tag appended, all base64;
 * the request body signed with the app secret (X-Hub-Signature-256).
 */
export function metaRequest(payload: object, publicKey: KeyObject | string, opts: { tamper?: boolean; iv?: Buffer; aesKey?: Buffer } = {}) {
  const aesKey = opts.aesKey ?? randomBytes(16);
  const iv = opts.iv ?? randomBytes(16);
  const cipher = createCipheriv('aes-128-gcm', aesKey, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  if (opts.tamper) sealed[sealed.length - 1] = (sealed[sealed.length - 1] as number) ^ 0x01;
  const body = JSON.stringify({
    encrypted_flow_data: sealed.toString('base64'),
    encrypted_aes_key: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, aesKey).toString('base64'),
    initial_vector: iv.toString('base64'),
  });
  return { body, aesKey, iv };
}

export const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The response as WhatsApp reads it: base64, AES-128-GCM under the request's key with every IV bit flipped. */
export function metaDecrypt(text: string, aesKey: Buffer, iv: Buffer): Record<string, unknown> {
  const data = Buffer.from(text, 'base64');
  const flipped = Buffer.alloc(iv.length);
  for (let i = 0; i < iv.length; i += 1) flipped[i] = ~(iv[i] as number) & 0xff;
  const d = createDecipheriv('aes-128-gcm', aesKey, flipped);
  d.setAuthTag(data.subarray(data.length - 16));
  return JSON.parse(Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]).toString('utf8')) as Record<string, unknown>;
}

export const APP_SECRET = 'flows-test-app-secret';

/** Two free days; a slot booked once is gone, and booking it again is a conflict. */
export function fakeAppointments() {
  const days: FreeDay[] = [
    { date: '2026-12-02', slots: [{ start: '2026-12-02T05:30:00.000Z', label: '11:00 AM' }, { start: '2026-12-02T06:00:00.000Z', label: '11:30 AM' }] },
    { date: '2026-12-03', slots: [] },
    { date: '2026-12-04', slots: [{ start: '2026-12-04T09:30:00.000Z', label: '3:00 PM' }] },
  ];
  const booked: { contactId: number; start: string; service: string; source: string }[] = [];
  return {
    booked,
    port: {
      freeSlots(q: { from: string; days?: number }) {
        const n = q.days ?? 1;
        return days.filter((d) => d.date >= q.from).slice(0, n).map((d) => ({ date: d.date, slots: d.slots.filter((s) => !booked.some((b) => b.start === s.start)) }));
      },
      book(input: { contactId: number; start: string; service: FlowServiceId; source: 'flow' }) {
        if (booked.some((b) => b.start === input.start)) throw new DomainError('conflict', 'That slot is already booked');
        booked.push(input);
        return { id: booked.length, start: input.start, service: input.service };
      },
    },
  };
}

/** The Flows module over an in-memory database, with its endpoint on 127.0.0.1:0. */
export async function flowsKit(opts: { resourcesDir: string }) {
  const { db } = openDatabase(':memory:');
  migrate(db, readMigrations().filter((m) => m.version <= 15 || m.version === 28));
  const crm = createCrmService(db);
  const contact = crm.upsertFromWhatsApp({ waId: '919812345678', name: 'Meera' });
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const secrets = new Map<string, string>([['flows.privateKey', pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()]]);
  const values = new Map<string, unknown>([['whatsapp.flows', { bookAppointmentFlowId: '1234567890123', feedbackFlowId: '9876543210987' }]]);
  const sent: { contactId?: number | null; payload: unknown; correlationId?: string | null }[] = [];
  const appts = fakeAppointments();
  const feedback: { contactId: number; agentId?: number | null; rating: number; comment: string | null; source: string }[] = [];
  const flows = createFlows({
    db,
    log: pino({ level: 'silent' }),
    settings: {
      readSecret: (n) => secrets.get(n),
      setSecret: (n, v) => secrets.set(n, v),
      getValue: (k) => values.get(k),
      setValue: (k, v) => void values.set(k, v),
      getStoreProfile: () => ({ timeZone: 'Asia/Kolkata' }),
    },
    appSecret: () => APP_SECRET,
    contacts: crm,
    outbox: () => ({ enqueue: (m) => (sent.push(m), { id: `out-${sent.length}` }) }),
    resourcesDir: opts.resourcesDir,
    appointments: () => appts.port,
    feedback: () => ({ record: (f) => void feedback.push(f) }),
    clock: () => new Date('2026-12-01T12:00:00Z'),
  });
  const app = express();
  for (const r of flows.module.publicRouters ?? []) app.use(r);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/flows/endpoint`;
  async function post(payload: object, o: { key?: KeyObject; tamper?: boolean; secret?: string; replayOf?: string } = {}) {
    const req = metaRequest(payload, o.key ?? pair.publicKey, o);
    const body = o.replayOf ?? req.body;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, o.secret ?? APP_SECRET) }, body });
    const text = await res.text();
    return { status: res.status, text, body, json: () => metaDecrypt(text, req.aesKey, req.iv) };
  }
  return {
    db, crm, contact, flows: flows.service, sent, appts, feedback, pair, url, post,
    close: () => new Promise<void>((resolve) => server.close(() => { db.close(); resolve(); })),
  };
}
