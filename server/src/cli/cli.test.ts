import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLine, runCli, spawnCli, spawned } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

describe('revive init', () => {
  it('creates a demo data dir and prints one JSON object', async () => {
    const data = join(tempDir(), 'store');
    const r = await runCli(['init', '--data', data, '--demo', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { dataDir: string; demo: boolean; store: { store: string; products: number; policies: number } };
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(out.dataDir).toBe(data);
    expect(out.demo).toBe(true);
    expect(out.store.products).toBeGreaterThanOrEqual(150);
    expect(out.store.policies).toBeGreaterThanOrEqual(6);
    expect(existsSync(join(data, 'revive.sqlite'))).toBe(true);
  });

  it('refuses a non-empty dir without --force (exit 1), and with --force keeps the old database aside', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'notes.txt'), 'mine');
    const refused = await runCli(['init', '--data', data, '--empty', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'failed' } });
    expect(JSON.parse(refused.stdout).error.message).toMatch(/--force/);
    expect(await runCli(['init', '--data', data, '--empty'])).toMatchObject({ code: 1 });
    await runCli(['init', '--data', join(data, 'x'), '--empty']);
    const first = await runCli(['init', '--data', join(data, 'x'), '--demo', '--force', '--json']);
    expect(first.code).toBe(0);
    const replaced = (JSON.parse(first.stdout) as { replaced: string }).replaced;
    expect(readdirSync(replaced)).toContain('revive.sqlite');
    expect(existsSync(join(data, 'notes.txt'))).toBe(true);
  });

  it('is a usage error (exit 2) without --demo or --empty, with a one-line message and no stack', async () => {
    const r = await runCli(['init', '--data', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('revive: choose one of --demo or --empty');
    const j = await runCli(['init', '--data', tempDir(), '--json']);
    expect(JSON.parse(j.stdout)).toEqual({ error: { code: 'usage', message: 'choose one of --demo or --empty' } });
  });

  it('is a usage error for an unknown command or option, and --help works on every command', async () => {
    expect((await runCli(['fly'])).code).toBe(2);
    expect((await runCli(['serve', '--bogus'])).code).toBe(2);
    expect((await runCli(['serve', '--admin-port', 'abc', '--json'])).code).toBe(2);
    for (const cmd of ['init', 'serve', 'backup', 'doctor']) {
      const h = await runCli([cmd, '--help']);
      expect(h.code, cmd).toBe(0);
      expect(h.stdout, cmd).toContain(`Usage: revive ${cmd}`);
    }
  });
});

describe('revive serve', () => {
  it('prints exactly one ready line, serves, and closes cleanly on SIGTERM', async () => {
    const data = tempDir();
    await runCli(['init', '--data', data, '--demo']);
    const child = spawnCli(['serve', '--data', data, '--admin-port', '0', '--public-port', '0', '--json']);
    const ready = JSON.parse(await firstLine(child)) as { adminUrl: string; publicUrl: string; dataDir: string };
    expect(Object.keys(ready).sort()).toEqual(['adminUrl', 'dataDir', 'publicUrl']);
    expect(ready.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
    expect(ready.publicUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.dataDir).toBe(data);
    const token = new URL(ready.adminUrl).searchParams.get('token');
    const health = await fetch(new URL('/api/health', ready.adminUrl), { headers: { authorization: `Bearer ${token}` } });
    const h = (await health.json()) as { status: string; demo: boolean; startedAt: string };
    expect(h).toMatchObject({ status: 'ok', demo: true });
    expect(h.startedAt).toMatch(ISO_Z);
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${ready.publicUrl}/healthz`)).rejects.toThrow();
  });

  it('fails with a clear message when the data dir was never initialised', async () => {
    const r = await runCli(['serve', '--data', join(tempDir(), 'none'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.message).toMatch(/revive init/);
  });

  it('the revive executable itself prints what main prints and exits with its code (the other tests run main in-process)', async () => {
    const data = join(tempDir(), 'exe');
    const ok = await spawned(['init', '--data', data, '--empty', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ dataDir: data });
    const usage = await spawned(['search', '--data', data, '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout).error.code).toBe('usage');
  });

  it('uses REVIVE_DATA_DIR when --data is not given', async () => {
    const data = join(tempDir(), 'env');
    const r = await runCli(['init', '--empty', '--json'], { REVIVE_DATA_DIR: data });
    expect(JSON.parse(r.stdout).dataDir).toBe(data);
  });
});

describe('revive backup and doctor', () => {
  it('backs up to the backups folder and reports it', async () => {
    const data = tempDir();
    await runCli(['init', '--data', data, '--empty']);
    const r = await runCli(['backup', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { backup: { path: string; createdAt: string; sizeBytes: number }; kept: number };
    expect(out.backup.path.startsWith(join(data, 'backups'))).toBe(true);
    expect(out.backup.createdAt).toMatch(ISO_Z);
    expect(out.kept).toBe(1);
    expect(existsSync(out.backup.path)).toBe(true);
  });

  it('doctor says what is missing and what to do (exit 1 when there is no data)', async () => {
    const missing = join(tempDir(), 'nothing');
    const bad = await runCli(['doctor', '--data', missing, '--json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as { ok: boolean; checks: { name: string; ok: boolean; fix: string | null }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'Data dir')).toMatchObject({ ok: false, fix: expect.stringContaining('revive init') });
    expect(report.checks.find((c) => c.name === 'SQLite and sqlite-vec')?.ok).toBe(true);
    const data = tempDir();
    mkdirSync(data, { recursive: true });
    await runCli(['init', '--data', data, '--empty']);
    const good = await runCli(['doctor', '--data', data]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('✔ Data dir');
  });
});
