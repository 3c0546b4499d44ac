import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../../../test/helpers/whatsapp-webhooks.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { OutboxList } from '../contracts/index.js';
import { createDemoDataDir, openApp, startServer, type RunningServer } from '../main.js';
import { CONNECTION_KEY, startEmulator, type Emulator } from '../whatsapp/index.js';

/**
 * The whole real path (issue #7's closing test): a signed webhook on the public port → durable
 * inbox → the conversation engine with the offline brain on the demo store → the durable outbox →
 * the Graph API (the project's emulator, which validates bodies as Meta does) with the bearer token.
 */
const SECRET = 'e2e-app-secret-0123456789';
const TOKEN = 'EAAe2e-access-token';
const PHONE_ID = '106540352242922';
const SHOPPER = '919876543210';
const CATALOG = '354160437058781';
const ENV = { REVIVE_WA_APP_SECRET: SECRET, REVIVE_WA_ACCESS_TOKEN: TOKEN, REVIVE_WA_PHONE_NUMBER_ID: PHONE_ID } as const;

let emu: Emulator;
let server: RunningServer;
let dataDir: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  emu = await startEmulator({ appSecret: SECRET, accessToken: TOKEN, phoneNumberId: PHONE_ID, statuses: 'none' });
  for (const [k, v] of Object.entries({ ...ENV, REVIVE_GRAPH_URL: emu.url })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  dataDir = tempDir('revive-e2e-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  // a Meta catalog is connected, so products go as a product list
  const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  app.settings.setValue(CONNECTION_KEY, { catalogId: CATALOG });
  app.close();
  server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
}, 90_000);

afterAll(async () => {
  await server?.close();
  await emu?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function webhook(id: string, body: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1234567890987654321', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '919800000000', phone_number_id: PHONE_ID },
      contacts: [{ profile: { name: 'Asha' }, wa_id: SHOPPER }],
      messages: [{ from: SHOPPER, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }],
    } }] }],
  });
}

async function outbox(): Promise<OutboxList> {
  const res = await fetch(`http://127.0.0.1:${server.adminPort}/api/whatsapp/outbox?limit=100`, { headers: { authorization: `Bearer ${server.token}` } });
  return (await res.json()) as OutboxList;
}

/** Until the engine has answered and the outbox has sent everything it was given. */
async function drained(): Promise<OutboxList> {
  for (;;) {
    await server.services.whatsapp.inbox.idle();
    await server.services.conversations.idle();
    const list = await outbox();
    if (list.items.length > 0 && list.items.every((i) => i.status === 'sent')) return list;
    if (list.items.some((i) => i.status === 'failed')) throw new Error(`a reply failed: ${JSON.stringify(list.items)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sends = () => emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && (r.body as { status?: string }).status !== 'read');

describe('a shopper on WhatsApp gets the agent’s reply', () => {
  it('posts the reply bodies to /<version>/<phone number id>/messages with the bearer token, once for five deliveries of the same webhook', async () => {
    const body = webhook('wamid.E2E.1', 'gold bangles under 50000');
    const first = await postWebhook(server, body, { secret: SECRET });
    expect(first.status).toBe(200);
    const list = await drained();

    const posted = sends();
    expect(posted.length).toBe(list.items.length);
    for (const r of posted) {
      expect(r.path).toBe(`/v23.0/${PHONE_ID}/messages`);
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ messaging_product: 'whatsapp', to: SHOPPER });
    }
    const bodies = posted.map((r) => r.body as { type: string; interactive?: { type: string; action?: { catalog_id?: string } }; text?: { body: string } });
    const products = bodies.find((b) => b.type === 'interactive' && (b.interactive?.type === 'product_list' || b.interactive?.type === 'product'));
    expect(products?.interactive?.action?.catalog_id).toBe(CATALOG);
    const words = bodies.at(-1);
    expect(words?.type === 'text' || words?.interactive?.type === 'button').toBe(true);
    // each body went out exactly as the engine committed it, tagged with its outbox id
    expect(list.items.every((i) => i.correlationId === 'wamid.E2E.1')).toBe(true);

    // Meta delivers at least once: four more deliveries of the same webhook change nothing
    const again = await Promise.all([1, 2, 3, 4].map(() => postWebhook(server, body, { secret: SECRET })));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const after = await drained();
    expect(after.items.length).toBe(list.items.length);
    expect(sends().length).toBe(posted.length);
    const thread = server.services.conversations.repo.find(after.items[0]!.contactId!, 'whatsapp', '')!;
    expect(server.services.conversations.repo.messages(thread.id).map((m) => m.direction).filter((d) => d === 'in')).toEqual(['in']);
  }, 60_000);
});
