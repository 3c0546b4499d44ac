import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../../../test/helpers/whatsapp-webhooks.js';
import { startEmulatedApp, type EmulatedApp } from '../../../test/helpers/emulated-app.js';
import { CONNECTION_KEY } from '../whatsapp/index.js';
import { shopperPhoto } from './test-kit.js';

/**
 * Try-on on the real WhatsApp path with the offline brain and the demo store: the shopper asks
 * for bangles (a product list), sends a photo (a media id the emulator holds) and gets back a
 * composed picture — uploaded through the Graph `/media` endpoint and sent as an image message
 * with the disclaimer caption — then says "bigger" and gets the adjusted picture.
 */
const PHONE_ID = '106540352242923';
const SHOPPER = '919876500001';
const CATALOG = '354160437058782';

let w: EmulatedApp;

beforeAll(async () => {
  w = await startEmulatedApp({
    name: 'tryon',
    phoneNumberId: PHONE_ID,
    prepare: (app) => {
      app.settings.setValue(CONNECTION_KEY, { catalogId: CATALOG });
      const agent = app.services.agents.defaultAgent();
      app.services.agents.update(agent.id, { skills: agent.skills.map((s) => (s.id === 'virtual_try_on' ? { ...s, enabled: true, config: { ...s.config, maxPerDay: 2 } } : s)) });
    },
  });
}, 120_000);

afterAll(async () => {
  await w?.stop();
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

type Sent = { type: string; to: string; image?: { id?: string; link?: string; caption?: string }; interactive?: { type: string; body?: { text: string } }; text?: { body: string } };
const sends = () => w.sends<Sent>();

async function mediaFromEmulator(id: string): Promise<Buffer> {
  const info = (await (await fetch(`${w.emu.url}/v23.0/${id}`, { headers: { authorization: `Bearer ${w.token}` } })).json()) as { url: string; mime_type: string };
  expect(info.mime_type).toBe('image/jpeg');
  return Buffer.from(await (await fetch(info.url, { headers: { authorization: `Bearer ${w.token}` } })).arrayBuffer());
}

describe('virtual try-on over WhatsApp (offline brain)', () => {
  it('bangles → photo → the composed picture with the disclaimer; "bigger" → the adjusted one', async () => {
    expect((await postWebhook(w.server, webhook({ id: 'wamid.TRY.1', type: 'text', text: { body: 'gold bangles' } }), { secret: w.secret })).status).toBe(200);
    let list = await w.drained(0 + 1);
    expect(sends().some((b) => b.interactive?.type === 'product_list')).toBe(true);

    const photoId = w.emu.addMedia(await shopperPhoto(900, 1200), 'image/jpeg');
    const before = list.items.length;
    await postWebhook(w.server, webhook({ id: 'wamid.TRY.2', type: 'image', image: { mime_type: 'image/jpeg', sha256: 'x', id: photoId } }), { secret: w.secret });
    list = await w.drained(before + 1);
    const uploads = w.emu.requests.filter((r) => r.method === 'POST' && r.path === `/v23.0/${PHONE_ID}/media`);
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
    await postWebhook(w.server, webhook({ id: 'wamid.TRY.3', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'bigger', title: 'Bigger' } } }), { secret: w.secret });
    await w.drained(n + 1);
    const images = sends().filter((b) => b.type === 'image');
    expect(images).toHaveLength(2);
    expect(images[1]!.image!.id).not.toBe(image!.image!.id);
    expect(sends().at(-1)!.interactive?.body?.text).toMatch(/Adjusted/);

    // the photo is kept for the store's retention (7 days by default), with its two pictures
    const photos = (await (await fetch(`http://127.0.0.1:${w.server.adminPort}/api/tryon/photos`, { headers: { authorization: `Bearer ${w.server.token}` } })).json()) as { photos: { source: string; results: number; mediaId: string; expiresAt: string; createdAt: string }[]; retentionDays: number };
    expect(photos.photos).toHaveLength(1);
    expect(photos.photos[0]).toMatchObject({ source: 'whatsapp', mediaId: photoId, results: 2 });
    expect(Date.parse(photos.photos[0]!.expiresAt) - Date.parse(photos.photos[0]!.createdAt)).toBe(7 * 86_400_000);
  }, 90_000);
});
