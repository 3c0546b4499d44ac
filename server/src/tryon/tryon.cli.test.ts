import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { ChatResult } from '../contracts/index.js';
import { openApp } from '../main.js';
import { shopperPhoto } from './test-kit.js';

let root: string;
let data: string;
const FROM = '+919812300077';

beforeAll(async () => {
  root = tempDir('revive-tryon-cli-');
  data = join(root, 'store');
  expect((await runCli(['init', '--demo', '--data', data, '--json'])).code).toBe(0);
  const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
  const agent = app.services.agents.defaultAgent();
  app.services.agents.update(agent.id, { skills: agent.skills.map((s) => (s.id === 'virtual_try_on' ? { ...s, enabled: true } : s)) });
  app.close();
  writeFileSync(join(root, 'selfie.jpg'), await shopperPhoto());
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('revive chat with a shopper’s photo', () => {
  it('a product in focus, then --payload with an image naming a file → the composed picture and the try_on step', async () => {
    const ask = join(root, 'ask.json');
    writeFileSync(ask, JSON.stringify({ type: 'text', text: { body: 'Is this available?' }, context: { referred_product: { catalog_id: 'c', product_retailer_id: 'SJ-NCK-0001' } } }));
    expect((await runCli(['chat', '--payload', ask, '--data', data, '--from', FROM, '--json'])).code).toBe(0);
    const photo = join(root, 'photo.json');
    writeFileSync(photo, JSON.stringify({ type: 'image', image: { id: `file:${join(root, 'selfie.jpg')}`, mime_type: 'image/jpeg' } }));
    const r = await runCli(['chat', '--payload', photo, '--data', data, '--from', FROM, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ChatResult;
    const image = out.replies.find((m) => m.type === 'image') as { image: { id: string; caption: string } } | undefined;
    expect(image?.image.id).toMatch(/^tryon-result-\d+$/);
    expect(image?.image.caption).toMatch(/^Maharani Rani Haar \(SJ-NCK-0001\) on your photo\. An impression only/);
    expect(out.events.some((e) => e.type === 'TOOL' && e.detail.startsWith('try_on'))).toBe(true);
    const id = Number(image!.image.id.split('-').pop());
    const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
    try {
      expect(existsSync(app.services.tryon.resultFile(id))).toBe(true);
      expect(app.services.tryon.list().photos).toMatchObject([{ source: 'cli', results: 1 }]);
    } finally {
      app.close();
    }
  }, 60_000);
});
