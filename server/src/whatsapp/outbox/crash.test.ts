import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../contracts/index.js';
import { firstLine, spawnCli } from '../../../../test/helpers/cli.js';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import { openCore } from '../../main.js';
import { startEmulator, type Emulator } from '../emulator/index.js';

/**
 * The outbox survives kill -9: a real `revive serve` child process is killed at the worst moments
 * and restarted on the same data dir; the emulator counts what reached "Meta".
 */

const SECRET = 'crash-test-app-secret';
const TOKEN = 'EAAcrash-test-token';
const PHONE_ID = '106540352242922';
const TO = '+919876543210';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 150_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Running {
  child: ChildProcess;
  admin: string;
  token: string;
  stderr: () => string;
  api<T>(path: string, json?: unknown): Promise<T>;
  kill(): Promise<void>;
}

async function setup(opts: { graceMs: number }) {
  const emu = await startEmulator({ appSecret: SECRET, accessToken: TOKEN, phoneNumberId: PHONE_ID, statusDelayMs: 5, webhookRetry: { attempts: 400, baseMs: 100, maxMs: 250 } });
  cleanup.push(() => emu.stop());
  const dataDir = tempDir();
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  // what `revive init --empty` does, without spending a process start on it
  openCore({ dataDir, logLevel: 'silent', backupsEnabled: false }).close();
  const publicPort = await freePort();
  emu.setWebhookUrl(`http://127.0.0.1:${publicPort}/webhooks/whatsapp`);
  const env = {
    REVIVE_WA_ACCESS_TOKEN: TOKEN,
    REVIVE_WA_PHONE_NUMBER_ID: PHONE_ID,
    REVIVE_WA_APP_SECRET: SECRET,
    REVIVE_GRAPH_URL: emu.url,
    REVIVE_OUTBOX_CONFIRM_GRACE_MS: String(opts.graceMs),
    REVIVE_LOG_LEVEL: 'warn',
  };

  async function serve(extra: NodeJS.ProcessEnv = {}): Promise<Running> {
    const child = spawnCli(['serve', '--data', dataDir, '--public-port', String(publicPort), '--json'], { ...env, ...extra });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    cleanup.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    });
    const ready = JSON.parse(await firstLine(child)) as { adminUrl: string };
    const url = new URL(ready.adminUrl);
    const token = url.searchParams.get('token') ?? '';
    const admin = url.origin;
    return {
      child, admin, token,
      stderr: () => err,
      async api<T>(path: string, json?: unknown): Promise<T> {
        const res = await fetch(admin + path, {
          method: json ? 'POST' : 'GET',
          headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
          body: json ? JSON.stringify(json) : undefined,
        });
        return (await res.json()) as T;
      },
      async kill() {
        child.kill('SIGKILL');
        await exited;
      },
    };
  }

  /** The row as it is on disk, read by another connection (what survived the kill). */
  function row(id: string): { status: string; attempts: number; wamid: string | null } {
    const db = new Database(join(dataDir, 'revive.sqlite'), { readonly: true });
    try {
      return db.prepare('select status, attempts, wamid from wa_outbox where id = ?').get(id) as { status: string; attempts: number; wamid: string | null };
    } finally {
      db.close();
    }
  }

  const sendsOf = (e: Emulator, id: string) => e.accepted.filter((a) => a.body.biz_opaque_callback_data === id);
  return { emu, serve, row, sendsOf };
}

describe('outbox crash safety (kill -9)', () => {
  it('killed after the rows are stored and before the send: each sent exactly once after restart, in order', { timeout: 300_000 }, async () => {
    const { emu, serve, row, sendsOf } = await setup({ graceMs: 1500 });
    const first = await serve({ REVIVE_TEST_OUTBOX_PAUSE: 'after-mark-sending' });
    const a = await first.api<OutboxItem>('/api/whatsapp/test-message', { to: TO, text: 'Your bangle is ready' });
    // a second message to the same shopper waits, queued, behind the first
    const b = await first.api<OutboxItem>('/api/whatsapp/test-message', { to: TO, text: 'Visit us today' });
    await until('the worker to pause after marking sending', () => first.stderr().includes(`outbox paused after marking ${a.id} sending`));
    await first.kill();
    expect(row(a.id)).toMatchObject({ status: 'sending', attempts: 1, wamid: null });
    expect(row(b.id)).toMatchObject({ status: 'queued', attempts: 0, wamid: null });
    expect(emu.accepted).toHaveLength(0);

    const second = await serve();
    const done = await until('both messages to be sent', async () => {
      const r = await second.api<OutboxItem>(`/api/whatsapp/outbox/${b.id}`);
      return r.status === 'sent' && r;
    });
    await emu.settled();
    expect(sendsOf(emu, a.id)).toHaveLength(1);
    expect(sendsOf(emu, b.id)).toHaveLength(1);
    expect(done.wamid).toBe(sendsOf(emu, b.id)[0]!.wamid);
    expect(emu.accepted.map((x) => (x.body.text as { body: string }).body)).toEqual(['Your bangle is ready', 'Visit us today']);
    expect(row(a.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('killed mid-HTTP after Meta accepted: the status webhook carrying our id (redelivered after restart) confirms it — no resend', { timeout: 300_000 }, async () => {
    const { emu, serve, row, sendsOf } = await setup({ graceMs: 120_000 });
    // Meta accepts, answers slowly, and its status webhooks start only after the app has died.
    emu.failNext({ delayMs: 120_000, statusAfterMs: 500 });
    const first = await serve();
    const item = await first.api<OutboxItem>('/api/whatsapp/test-message', { to: TO, text: 'mid-flight' });
    await until('Meta to have the message', () => sendsOf(emu, item.id).length === 1);
    await first.kill();
    expect(row(item.id)).toMatchObject({ status: 'sending', wamid: null });

    const second = await serve();
    const done = await until('the status webhook to confirm the send', async () => {
      const r = await second.api<OutboxItem>(`/api/whatsapp/outbox/${item.id}`);
      return r.status === 'sent' && r;
    });
    expect(done.wamid).toBe(sendsOf(emu, item.id)[0]!.wamid);
    expect(sendsOf(emu, item.id)).toHaveLength(1);
  });

  it('killed mid-HTTP and no status ever comes: resent once after the grace period (the documented at-least-once case)', { timeout: 300_000 }, async () => {
    const { emu, serve, sendsOf } = await setup({ graceMs: 1500 });
    emu.failNext({ delayMs: 120_000, noStatuses: true });
    const first = await serve();
    const item = await first.api<OutboxItem>('/api/whatsapp/test-message', { to: TO, text: 'lost answer' });
    await until('Meta to have the message', () => sendsOf(emu, item.id).length === 1);
    await first.kill();

    const second = await serve();
    const unconfirmed = await second.api<OutboxItem>(`/api/whatsapp/outbox/${item.id}`);
    expect(['unconfirmed', 'queued', 'sending', 'sent']).toContain(unconfirmed.status);
    const done = await until('the resend', async () => {
      const r = await second.api<OutboxItem>(`/api/whatsapp/outbox/${item.id}`);
      return r.status === 'sent' && r;
    });
    expect(sendsOf(emu, item.id)).toHaveLength(2);
    expect(done.attempts).toBe(2);
  });
});
