import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesAssistantResponder, startFakeMistral, type FakeMistral } from '../../../test/helpers/fake-mistral.js';
import { rmSync } from 'node:fs';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { BrainUsage, ChatResult } from '../contracts/index.js';
import { createDemoDataDir, startServer, type RunningServer } from '../main.js';

/**
 * The whole app on Mistral: the owner pastes a key in Settings (the admin API), and the next
 * simulator message is answered by Mistral's chat API — here a local fake that checks requests as
 * the real API does —, through the same engine, skills and fact check as the offline brain.
 */
let fake: FakeMistral;
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeMistral('sk-e2e-mistral');
  fake.respond(salesAssistantResponder());
  dataDir = tempDir('revive-mistral-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false, mistralServerUrl: fake.url });
}, 90_000);

function api(path: string, json?: unknown, method = json === undefined ? 'GET' : 'POST'): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${server.token}` };
  if (json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`http://127.0.0.1:${server.adminPort}${path}`, { method, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
}

afterAll(async () => {
  await server?.close();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the app on Mistral', () => {
  it('answers offline until a key is set, then through Mistral’s chat API with the key, and records the tokens', async () => {
    const send = async (body: string) => {
      const res = await api('/api/simulator/messages', { phone: '+919876500001', message: { type: 'text', text: { body } } });
      expect(res.status).toBe(200);
      return (await res.json()) as ChatResult;
    };
    const before = await send('gold bangles under 50000');
    expect(fake.chatCalls).toHaveLength(0);
    expect(before.events.find((e) => e.type === 'THINKING')?.data.provider).toBe('offline');

    const put = await api('/api/settings/secrets/mistral.apiKey', { value: 'sk-e2e-mistral' }, 'PUT');
    expect(put.status).toBe(200);

    const r = await send('show me gold bangles under 50000');
    expect(fake.chatCalls.length).toBeGreaterThanOrEqual(2);
    expect(fake.chatCalls.every((c) => c.status === 200)).toBe(true);
    const thinking = r.events.filter((e) => e.type === 'THINKING');
    expect(thinking.every((e) => e.data.provider === 'mistral')).toBe(true);
    const tools = r.events.filter((e) => e.type === 'TOOL').map((e) => e.detail.split(' ')[0]);
    expect(tools).toContain('search_products');
    // the demo's catalog: Mistral's product choice goes out as a product list of real SKUs
    const list = r.replies.find((m) => (m.interactive as { type?: string } | undefined)?.type === 'product_list') as { interactive: { action: { sections: { product_items: { product_retailer_id: string }[] }[] } } } | undefined;
    expect(list?.interactive.action.sections.flatMap((s) => s.product_items).length).toBeGreaterThan(0);

    const usage = (await (await api('/api/brain/usage')).json()) as BrainUsage;
    expect(usage.mistral.calls).toBe(thinking.length);
    expect(usage.mistral.promptTokens).toBeGreaterThan(0);
    expect(usage.totals.calls).toBeGreaterThan(usage.mistral.calls);
  }, 60_000);
});
