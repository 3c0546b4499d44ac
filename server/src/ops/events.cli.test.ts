import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { openApp } from '../main.js';

let root: string;
let data: string;

beforeAll(() => {
  root = tempDir('revive-events-cli-');
  data = join(root, 'store');
  const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
  try {
    const types = ['INBOUND', 'TOOL', 'OUTBOUND', 'TUNNEL'] as const;
    for (let i = 0; i < 8; i += 1) {
      const type = types[i % 4] as (typeof types)[number];
      app.services.ops.record({ type, detail: `step ${i + 1}`, time: `2026-12-01T06:3${i}:00.000Z`, ...(type === 'TUNNEL' ? {} : { agentId: 1, agent: 'Aarav', contactId: 5, contact: '+919812345210' }) });
    }
    app.services.ops.flush();
  } finally {
    app.close();
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const json = (stdout: string) => {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as { events: Record<string, unknown>[]; next: number };
};

describe('revive events', () => {
  it('prints the events after a cursor with the six keys, and next', async () => {
    const r = await runCli(['events', '--data', data, '--since', '2', '--limit', '3', '--json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(['events', 'next']);
    expect(out.events.map((e) => e.cursor)).toEqual([3, 4, 5]);
    expect(out.next).toBe(5);
    for (const key of ['cursor', 'time', 'agent', 'contact', 'type', 'detail']) expect(out.events[0]).toHaveProperty(key);
    expect(out.events[0]).toMatchObject({ time: '2026-12-01T06:32:00.000Z', agent: 'Aarav', contact: '+919812345210', type: 'OUTBOUND', detail: 'step 3' });
    expect(out.events[1]).toMatchObject({ type: 'TUNNEL', agent: null, contact: null });
  }, 120_000);

  it('filters by type; with nothing after the cursor, next stays the cursor', async () => {
    const typed = json((await runCli(['events', '--data', data, '--type', 'tool,TUNNEL', '--json'])).stdout);
    expect(typed.events.map((e) => [e.cursor, e.type])).toEqual([[2, 'TOOL'], [4, 'TUNNEL'], [6, 'TOOL'], [8, 'TUNNEL']]);
    expect(typed.next).toBe(8);
    expect(json((await runCli(['events', '--data', data, '--since', '8', '--json'])).stdout)).toEqual({ events: [], next: 8 });
  }, 120_000);

  it('prints a readable table in the store time zone, and refuses bad options with exit 2', async () => {
    const r = await runCli(['events', '--data', data, '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[01 Dec 2026, 12:00:00] [Aarav] [INBOUND] +919812345210 · step 1');
    expect(r.stdout).toContain('--since 2');
    const bad = await runCli(['events', '--data', data, '--type', 'NOPE', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'usage', message: expect.stringContaining('NOPE') } });
    const missing = await runCli(['events', '--data', join(root, 'nothing'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { message: expect.stringContaining('revive init') } });
  }, 120_000);
});
