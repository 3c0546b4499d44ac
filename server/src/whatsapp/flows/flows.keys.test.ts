import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/helpers/cli.js';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import { databasePath } from '../../config.js';
import { migrate, openDatabase } from '../../db/index.js';
import { createSettingsService } from '../../settings/index.js';
import { createFlowsKeys } from './flows.keys.js';

/** Every text and blob of every table in the raw file, to look for the private key in clear. */
function dumpDb(file: string): string {
  const raw = new Database(file, { readonly: true });
  const tables = (raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name);
  const dump = tables.map((t) => JSON.stringify(raw.prepare(`select * from "${t}"`).all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))).join('\n');
  raw.close();
  return dump;
}

describe('the Flows key pair', () => {
  it('is made once, kept sealed in the secrets (no PEM in SQLite), and gives a stable public key', () => {
    const file = join(tempDir(), 'keys.db');
    const { db } = openDatabase(file);
    migrate(db);
    const settings = createSettingsService(db, { storage: 'key-file', key: randomBytes(32) }, () => {});
    const keys = createFlowsKeys(settings);
    const pub = keys.publicKeyPem();
    expect(pub).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    expect(keys.publicKeyPem()).toBe(pub);
    expect(createFlowsKeys(settings).publicKeyPem()).toBe(pub);
    expect(settings.listSecrets().secrets.find((s) => s.name === 'flows.privateKey')).toMatchObject({ set: true });
    db.close();
    const dump = dumpDb(file);
    expect(dump).toContain('flows.privateKey');
    expect(dump).not.toContain('PRIVATE KEY');
    expect(dump).not.toContain('MIIE');
  });
});

describe('revive flows key', () => {
  it('prints exactly {"publicKey": PEM} with --json, the same key each time', { timeout: 180_000 }, async () => {
    const data = join(tempDir(), 'store');
    expect((await runCli(['init', '--data', data, '--empty'])).code).toBe(0);
    const r = await runCli(['flows', 'key', '--data', data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Record<string, string>;
    expect(Object.keys(out)).toEqual(['publicKey']);
    expect(out.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(JSON.parse((await runCli(['flows', 'key', '--data', data, '--json'])).stdout)).toEqual(out);
    expect(dumpDb(databasePath(data))).not.toContain('PRIVATE KEY');
    const missing = await runCli(['flows', 'key', '--data', join(tempDir(), 'none'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { message: expect.stringContaining('revive init') } });
  });
});
