import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { ChatResult } from '../contracts/index.js';
import { openApp } from '../main.js';
import { factCheck } from '../skills/index.js';

let root: string;
let data: string;
const FROM = '+919812300001';

beforeAll(async () => {
  root = tempDir('revive-chat-cli-');
  data = join(root, 'store');
  const init = await runCli(['init', '--demo', '--data', data, '--json']);
  expect(init.code).toBe(0);
}, 90_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function parse(stdout: string): ChatResult {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as ChatResult;
}

const textOf = (r: Record<string, unknown>): string | null => {
  const any = r as { text?: { body?: string }; interactive?: { body?: { text?: string } } };
  return any.text?.body ?? any.interactive?.body?.text ?? null;
};

describe('revive chat', () => {
  it('answers a shopper through the real engine with Cloud API objects and the turn’s events; every amount is backed by a tool', async () => {
    const r = await runCli(['chat', 'gold bangles under 50000', '--data', data, '--from', FROM, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(Object.keys(out)).toEqual(['replies', 'events']);
    expect(out.replies.length).toBeGreaterThan(0);
    for (const reply of out.replies) expect(reply).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: FROM.slice(1) });
    const types = out.events.map((e) => e.type);
    expect(types[0]).toBe('INBOUND');
    expect(types).toContain('THINKING');
    expect(types.filter((t) => t === 'OUTBOUND')).toHaveLength(out.replies.length);
    const search = out.events.find((e) => e.type === 'TOOL' && e.data.name === 'search_products');
    expect(search?.data.args).toMatchObject({ query: expect.stringMatching(/bangle/i) });
    const results = out.events.filter((e) => e.type === 'TOOL').map((e) => e.data.result);
    for (const reply of out.replies) {
      const words = textOf(reply);
      if (words) expect(factCheck(words, results, { shopperText: 'gold bangles under 50000' }).unbacked).toEqual([]);
    }
  }, 60_000);

  it('keeps the history in the data dir and takes a raw messages[] object with --payload', async () => {
    const payload = join(root, 'tap.json');
    writeFileSync(payload, JSON.stringify({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'btn_store_timings', title: 'Store timings' } } }));
    const r = await runCli(['chat', '--payload', payload, '--data', data, '--from', FROM, '--json']);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out.events[0]).toMatchObject({ type: 'INBOUND', detail: 'Store timings', data: { kind: 'interactive.button_reply' } });
    expect(out.replies.length).toBeGreaterThan(0);

    const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
    try {
      const thread = app.services.conversations.thread(out.events[0]!.threadId!);
      expect(thread.channel).toBe('cli');
      expect(thread.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['gold bangles under 50000', 'Store timings']);
    } finally {
      app.close();
    }
  }, 60_000);

  it('prints the replies readably without --json', async () => {
    const r = await runCli(['chat', 'hello', '--data', data, '--from', '+919812300002']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^→ \S/m);
  }, 60_000);

  it('exits 2 on usage errors and 1 with {"error":{code,message}} on failures', async () => {
    const none = await runCli(['chat', '--data', data, '--from', FROM, '--json']);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout)).toMatchObject({ error: { code: 'usage' } });
    const noFrom = await runCli(['chat', 'hi', '--data', data, '--json']);
    expect(noFrom.code).toBe(2);
    expect(JSON.parse(noFrom.stdout)).toMatchObject({ error: { code: 'usage' } });
    const agent = await runCli(['chat', 'hi', '--data', data, '--from', FROM, '--agent', 'Nobody Here', '--json']);
    expect(agent.code).toBe(1);
    expect(JSON.parse(agent.stdout)).toEqual({ error: { code: 'not_found', message: 'There is no agent named "Nobody Here"' } });
  }, 60_000);
});
