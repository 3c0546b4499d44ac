import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../../../test/helpers/whatsapp-webhooks.js';
import { startEmulatedApp, type EmulatedApp } from '../../../test/helpers/emulated-app.js';
import { CONNECTION_KEY } from '../whatsapp/index.js';

/**
 * The whole real path (issue #7's closing test): a signed webhook on the public port → durable
 * inbox → the conversation engine with the offline brain on the demo store → the durable outbox →
 * the Graph API (the project's emulator, which validates bodies as Meta does) with the bearer token.
 */
const PHONE_ID = '106540352242922';
const SHOPPER = '919876543210';
const CATALOG = '354160437058781';

let w: EmulatedApp;
beforeAll(async () => {
  // a Meta catalog is connected, so products go as a product list
  w = await startEmulatedApp({ name: 'e2e', phoneNumberId: PHONE_ID, prepare: (app) => app.settings.setValue(CONNECTION_KEY, { catalogId: CATALOG }) });
}, 90_000);
afterAll(async () => {
  await w?.stop();
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

describe('a shopper on WhatsApp gets the agent’s reply', () => {
  it('posts the reply bodies to /<version>/<phone number id>/messages with the bearer token, once for five deliveries of the same webhook', async () => {
    const body = webhook('wamid.E2E.1', 'gold bangles under 50000');
    const first = await postWebhook(w.server, body, { secret: w.secret });
    expect(first.status).toBe(200);
    const list = await w.drained();

    const posted = w.sends<{ type: string; to: string }>();
    expect(posted.length).toBe(list.items.length);
    const requests = w.emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && (r.body as { status?: string }).status !== 'read');
    for (const r of requests) {
      expect(r.path).toBe(`/v23.0/${PHONE_ID}/messages`);
      expect(r.headers.authorization).toBe(`Bearer ${w.token}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ messaging_product: 'whatsapp', to: SHOPPER });
    }
    const bodies = requests.map((r) => r.body as { type: string; interactive?: { type: string; action?: { catalog_id?: string } }; text?: { body: string } });
    const products = bodies.find((b) => b.type === 'interactive' && (b.interactive?.type === 'product_list' || b.interactive?.type === 'product'));
    expect(products?.interactive?.action?.catalog_id).toBe(CATALOG);
    const words = bodies.at(-1);
    expect(words?.type === 'text' || words?.interactive?.type === 'button').toBe(true);
    // each body went out exactly as the engine committed it, tagged with its outbox id
    expect(list.items.every((i) => i.correlationId === 'wamid.E2E.1')).toBe(true);

    // Meta delivers at least once: four more deliveries of the same webhook change nothing
    const again = await Promise.all([1, 2, 3, 4].map(() => postWebhook(w.server, body, { secret: w.secret })));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const after = await w.drained();
    expect(after.items.length).toBe(list.items.length);
    expect(w.sends().length).toBe(posted.length);
    const thread = w.server.services.conversations.repo.find(after.items[0]!.contactId!, 'whatsapp', '')!;
    expect(w.server.services.conversations.repo.messages(thread.id).map((m) => m.direction).filter((d) => d === 'in')).toEqual(['in']);
  }, 60_000);
});
