import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase, migrate } from '../db/index.js';
import { startTempServer, tempDir, type TempServer } from '../../../test/helpers/temp-server.js';
import { sampleProfile } from '../../../test/helpers/fixtures.js';
import { createSettingsService } from './settings.service.js';
import { resolveSecretsKey, KEY_FILE } from './secrets-key.js';
import { SecretBox } from './secret-box.js';

describe('store profile over the API', () => {
  let s: TempServer;
  beforeAll(async () => {
    s = await startTempServer();
  });
  afterAll(() => s.stop());

  it('is not configured at first, then saves and reads back', async () => {
    expect((await s.api('/api/settings/store')).status).toBe(404);
    const put = await s.api('/api/settings/store', { method: 'PUT', json: sampleProfile({ name: 'Shree Ganesh Jewellers' }) });
    expect(put.status).toBe(200);
    const got = (await (await s.api('/api/settings/store')).json()) as { name: string; currency: string; tagline: string };
    expect(got.name).toBe('Shree Ganesh Jewellers');
    expect(got.currency).toBe('INR');
    expect(got.tagline).toBe('');
  });

  it('rejects bad fields with a message per field and keeps the saved profile', async () => {
    const bad = sampleProfile({ phone: '98765', gstin: 'ABC', address: { line1: '1 Road', city: 'Pune', state: 'MH', pincode: '0123' } });
    const res = await s.api('/api/settings/store', { method: 'PUT', json: bad });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('validation');
    expect(Object.keys(body.error.fields).sort()).toEqual(['address.pincode', 'gstin', 'phone']);
    expect(((await (await s.api('/api/settings/store')).json()) as { name: string }).name).toBe('Shree Ganesh Jewellers');
  });

  it('rejects closing before opening', async () => {
    const hours = sampleProfile().hours!.map((h) => (h.day === 'mon' ? { ...h, open: '20:00', close: '10:00' } : h));
    const res = await s.api('/api/settings/store', { method: 'PUT', json: sampleProfile({ hours }) });
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields['hours.0.close']).toMatch(/after opening/);
  });

  it('announces the change on /api/live', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.adminPort}/api/live`, { headers: { authorization: `Bearer ${s.token}` } });
    const seen: { type: string; key?: string }[] = [];
    ws.on('message', (d: Buffer) => seen.push(JSON.parse(d.toString()) as { type: string }));
    await new Promise((r) => ws.once('open', r));
    await s.api('/api/settings/store', { method: 'PUT', json: sampleProfile({ name: 'Live Jewellers' }) });
    await expect.poll(() => seen.find((m) => m.type === 'settings.changed')).toMatchObject({ key: 'store.profile' });
    expect(seen[0]?.type).toBe('hello');
    ws.close();
  });

  it('stores secrets sealed, shows only a hint, and never returns the value', async () => {
    const value = 'EAAG-very-secret-token-1234';
    const put = await s.api('/api/settings/secrets/whatsapp.accessToken', { method: 'PUT', json: { value } });
    expect(await put.json()).toMatchObject({ name: 'whatsapp.accessToken', set: true, hint: '••••1234' });
    const list = await (await s.api('/api/settings/secrets')).text();
    expect(list).not.toContain(value);
    expect(list).toContain('"storage":"key-file"');
    const raw = readFileSync(join(s.dataDir, 'revive.sqlite'));
    const wal = readFileSync(join(s.dataDir, 'revive.sqlite-wal'));
    expect(raw.includes(value)).toBe(false);
    expect(wal.includes(value)).toBe(false);
    expect((await s.api('/api/settings/secrets/nope', { method: 'PUT', json: { value: 'x' } })).status).toBe(404);
    const del = await s.api('/api/settings/secrets/whatsapp.accessToken', { method: 'DELETE' });
    expect(await del.json()).toMatchObject({ set: false, hint: null });
  });
});

describe('secrets key and storage', () => {
  it('makes a 0600 key file in browser mode and reuses it', () => {
    const dir = tempDir();
    const a = resolveSecretsKey({ dataDir: dir, fileAllowed: true });
    expect(a.storage).toBe('key-file');
    if (process.platform !== 'win32') expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const b = resolveSecretsKey({ dataDir: dir, fileAllowed: true });
    expect(b.key?.equals(a.key!)).toBe(true);
  });

  it('prefers the key from Electron, and falls back to memory when there is neither', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(resolveSecretsKey({ dataDir: tempDir(), electronKey: key, fileAllowed: false }).storage).toBe('electron-safe-storage');
    expect(resolveSecretsKey({ dataDir: tempDir(), electronKey: null, fileAllowed: false })).toEqual({ storage: 'memory', key: null });
  });

  it('keeps secrets in memory only when there is no key: nothing in SQLite', () => {
    const { db } = openDatabase(':memory:');
    migrate(db);
    const svc = createSettingsService(db, { storage: 'memory', key: null }, () => undefined);
    svc.setSecret('mistral.apiKey', 'sk-memory-only-abcdef');
    expect(svc.readSecret('mistral.apiKey')).toBe('sk-memory-only-abcdef');
    expect(db.prepare('select count(*) as n from secrets').get()).toEqual({ n: 0 });
    expect(svc.listSecrets().storage).toBe('memory');
  });

  it('reads back a sealed secret with the same key, and treats another key as unset', () => {
    const { db } = openDatabase(':memory:');
    migrate(db);
    const k1 = { storage: 'key-file' as const, key: Buffer.alloc(32, 1) };
    createSettingsService(db, k1, () => undefined).setSecret('whatsapp.appSecret', 'app-secret-value-9999');
    expect(createSettingsService(db, k1, () => undefined).readSecret('whatsapp.appSecret')).toBe('app-secret-value-9999');
    expect(createSettingsService(db, { storage: 'key-file', key: Buffer.alloc(32, 2) }, () => undefined).readSecret('whatsapp.appSecret')).toBeUndefined();
  });

  it('binds a sealed value to its name (no swapping ciphertexts between secrets)', () => {
    const box = new SecretBox(Buffer.alloc(32, 3));
    const sealed = box.seal('whatsapp.accessToken', 'abc');
    expect(box.open('whatsapp.accessToken', sealed)).toBe('abc');
    expect(() => box.open('mistral.apiKey', sealed)).toThrow();
  });
});
