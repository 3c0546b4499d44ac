import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../../../test/helpers/whatsapp-webhooks.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { OutboxList } from '../contracts/index.js';
import { createDemoDataDir, openApp, startServer, type RunningServer } from '../main.js';
import { CONNECTION_KEY, startEmulator, type Emulator } from '../whatsapp/index.js';
import { shopperPhoto } from './test-kit.js';

/**
 * Try-on on the real WhatsApp path with the offline brain and the demo store: the shopper asks
 * for bangles (a product list), sends a photo (a media id the emulator holds) and gets back a
 * composed picture — uploaded through the Graph `/media` endpoint and sent as an image message
 * with the disclaimer caption — then says "bigger" and gets the adjusted picture.
 */
const SECRET = 'tryon-app-secret-0123456789';
const TOKEN = 'EAAtryon-access-token';
const PHONE_ID = '106540352242923';
const SHOPPER = '919876500001';
const CATALOG = '354160437058782';
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
  dataDir = tempDir('revive-tryon-e2e-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  app.settings.setValue(CONNECTION_KEY, { catalogId: CATALOG });
  const agent = app.services.agents.defaultAgent();
  app.services.agents.update(agent.id, { skills: agent.skills.map((s) => (s.id === 'virtual_try_on' ? { ...s, enabled: true, config: { ...s.config, maxPerDay: 2 } } : s)) });
  app.close();
  server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await emu?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function webhook(message: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1234567890987654321', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '919800000000', phone_number_id: PHONE_ID },
      contacts: [{ profile: { name: 'Meera' }, wa_id: SHOPPER }],
      messages: [{ from: SHOPPER, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
    } }] }],
  });
}

async function outbox(): Promise<OutboxList> {
  const res = await fetch(`http://127.0.0.1:${server.adminPort}/api/whatsapp/outbox?limit=100`, { headers: { authorization: `Bearer ${server.token}` } });
  return (await res.json()) as OutboxList;
}

async function drained(count: number): Promise<OutboxList> {
  for (;;) {
    await server.services.whatsapp.inbox.idle();
    await server.services.conversations.idle();
    const list = await outbox();
    if (list.items.some((i) => i.status === 'failed')) throw new Error(`a reply failed: ${JSON.stringify(list.items)}`);
    if (list.items.length > count && list.items.every((i) => i.status === 'sent')) return list;
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Sent = { type: string; to: string; image?: { id?: string; link?: string; caption?: string }; interactive?: { type: string; body?: { text: string } }; text?: { body: string } };
const sends = () => emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && (r.body as { status?: string }).status !== 'read').map((r) => r.body as Sent);

async function mediaFromEmulator(id: string): Promise<Buffer> {
  const info = (await (await fetch(`${emu.url}/v23.0/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { url: string; mime_type: string };
  expect(info.mime_type).toBe('image/jpeg');
  return Buffer.from(await (await fetch(info.url, { headers: { authorization: `Bearer ${TOKEN}` } })).arrayBuffer());
}

describe('virtual try-on over WhatsApp (offline brain)', () => {
  it('bangles → photo → the composed picture with the disclaimer; "bigger" → the adjusted one', async () => {
    expect((await postWebhook(server, webhook({ id: 'wamid.TRY.1', type: 'text', text: { body: 'gold bangles' } }), { secret: SECRET })).status).toBe(200);
    let list = await drained(0);
    expect(sends().some((b) => b.interactive?.type === 'product_list')).toBe(true);

    const photoId = emu.addMedia(await shopperPhoto(900, 1200), 'image/jpeg');
    const before = list.items.length;
    await postWebhook(server, webhook({ id: 'wamid.TRY.2', type: 'image', image: { mime_type: 'image/jpeg', sha256: 'x', id: photoId } }), { secret: SECRET });
    list = await drained(before);
    const uploads = emu.requests.filter((r) => r.method === 'POST' && r.path === `/v23.0/${PHONE_ID}/media`);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.body).toMatchObject({ fields: { messaging_product: 'whatsapp', type: 'image/jpeg' }, file: { mimeType: 'image/jpeg' } });
    const image = sends().find((b) => b.type === 'image');
    expect(image).toMatchObject({ to: SHOPPER, image: { id: expect.any(String), caption: expect.stringMatching(/An impression only: the actual piece may differ/) } });
    expect(image!.image!.link).toBeUndefined();
    const composed = await mediaFromEmulator(image!.image!.id!);
    expect(await sharp(composed).metadata()).toMatchObject({ format: 'jpeg', width: 900, height: 1200 });
    const words = sends().at(-1)!;
    expect(words.interactive?.type).toBe('button');
    expect(words.interactive?.body?.text).toMatch(/only an impression/);

    const n = list.items.length;
    await postWebhook(server, webhook({ id: 'wamid.TRY.3', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'bigger', title: 'Bigger' } } }), { secret: SECRET });
    await drained(n);
    const images = sends().filter((b) => b.type === 'image');
    expect(images).toHaveLength(2);
    expect(images[1]!.image!.id).not.toBe(image!.image!.id);
    expect(sends().at(-1)!.interactive?.body?.text).toMatch(/Adjusted/);

    // the photo is kept for the store's retention (7 days by default), with its two pictures
    const photos = (await (await fetch(`http://127.0.0.1:${server.adminPort}/api/tryon/photos`, { headers: { authorization: `Bearer ${server.token}` } })).json()) as { photos: { source: string; results: number; mediaId: string; expiresAt: string; createdAt: string }[]; retentionDays: number };
    expect(photos.photos).toHaveLength(1);
    expect(photos.photos[0]).toMatchObject({ source: 'whatsapp', mediaId: photoId, results: 2 });
    expect(Date.parse(photos.photos[0]!.expiresAt) - Date.parse(photos.photos[0]!.createdAt)).toBe(7 * 86_400_000);
  }, 90_000);
});
