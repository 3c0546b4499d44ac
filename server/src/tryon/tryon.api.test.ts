import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import type { TryOnAnchors, TryOnPhoto } from '../contracts/index.js';
import { productImage, shopperPhoto } from './test-kit.js';

let server: TempServer;

beforeAll(async () => {
  server = await startTempServer();
  const { catalog, agents } = server.services;
  catalog.create({ sku: 'TO-BNG-1', name: 'Test Kada', category: 'bangle', metal: 'gold', purity: '22K', price: 52000, stock: 2 });
  await catalog.setImage('TO-BNG-1', await productImage(300, 0.15));
  catalog.create({ sku: 'TO-RNG-1', name: 'No-photo Ring', category: 'ring', price: 9000, stock: 1 });
  const agent = agents.defaultAgent();
  agents.update(agent.id, { skills: agent.skills.map((s) => (s.id === 'virtual_try_on' ? { ...s, enabled: true } : s)) });
}, 60_000);
afterAll(() => server.stop());

const upload = (body: Buffer) => server.api('/api/tryon/photos', { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } });

describe('try-on admin API', () => {
  it('lists the anchors with their defaults, saves one category and resets it; bad values are refused per field', async () => {
    const first = (await (await server.api('/api/tryon/anchors')).json()) as TryOnAnchors;
    expect(first.anchors.earrings).toMatchObject({ pair: true });
    const put = await server.api('/api/tryon/anchors/bangle', { method: 'PUT', json: { x: 0.45, y: 0.6, scale: 0.3, pair: false } });
    expect(put.status).toBe(200);
    expect(((await put.json()) as TryOnAnchors).anchors.bangle).toEqual({ x: 0.45, y: 0.6, scale: 0.3, pair: false });
    expect(((await (await server.api('/api/tryon/anchors')).json()) as TryOnAnchors).anchors.bangle.x).toBe(0.45);
    const bad = await server.api('/api/tryon/anchors/bangle', { method: 'PUT', json: { x: 1.5, y: 0.6, scale: 0.3, pair: false } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation', fields: { x: 'At most 1' } } });
    expect((await server.api('/api/tryon/anchors/tiara', { method: 'PUT', json: { x: 0.5, y: 0.5, scale: 0.3, pair: false } })).status).toBe(404);
    const reset = (await (await server.api('/api/tryon/anchors/bangle', { method: 'DELETE' })).json()) as TryOnAnchors;
    expect(reset.anchors.bangle).toEqual(reset.defaults.bangle);
  });

  it('takes a sample photo, previews a product on it (with an anchor being tried), and refuses what is not a photo', async () => {
    const res = await upload(await shopperPhoto(800, 1000, 'png'));
    expect(res.status).toBe(200);
    const photo = (await res.json()) as TryOnPhoto;
    expect(photo).toMatchObject({ source: 'owner', contactId: null, width: 800, height: 1000 });

    const preview = await server.api(`/api/tryon/photos/${photo.id}/preview?sku=TO-BNG-1&y=0.3&scale=0.5`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    const { data, info } = await sharp(Buffer.from(await preview.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    // the kada's metal (red) sits around y = 0.3 of the photo, as the override says
    const at = (x: number, y: number) => { const i = (y * info.width + x) * info.channels; return [data[i]!, data[i + 1]!, data[i + 2]!]; };
    const [r, , b] = at(400 - 150, 300);
    expect(r).toBeGreaterThan(150);
    expect(b).toBeLessThan(90);

    expect((await server.api(`/api/tryon/photos/${photo.id}/preview?sku=TO-RNG-1`)).status).toBe(400);
    expect((await server.api(`/api/tryon/photos/${photo.id}/preview?sku=NOPE`)).status).toBe(404);
    expect((await server.api(`/api/tryon/photos/${photo.id}/preview`)).status).toBe(400);
    expect((await server.api(`/api/tryon/photos/${photo.id}/image`)).headers.get('content-type')).toBe('image/jpeg');

    const pdf = await upload(Buffer.from('%PDF-1.7 a brochure'));
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toMatchObject({ error: { message: expect.stringMatching(/JPEG, PNG or WebP/) } });
    const huge = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 1));
    expect(huge.status).toBe(413);
  });

  it('the simulator shopper sends an uploaded photo about a product and gets the composed picture, served by the admin API', async () => {
    const photo = (await (await upload(await shopperPhoto())).json()) as TryOnPhoto;
    const phone = '+919999900077';
    const send = (message: Record<string, unknown>) => server.api('/api/simulator/messages', { method: 'POST', json: { phone, message } });
    await send({ type: 'text', text: { body: 'Is this available?' }, context: { referred_product: { catalog_id: 'c', product_retailer_id: 'TO-BNG-1' } } });
    const res = await send({ type: 'image', image: { id: photo.mediaId, mime_type: 'image/jpeg' } });
    expect(res.status).toBe(200);
    const { replies, events } = (await res.json()) as { replies: { type: string; image?: { link: string; caption: string } }[]; events: { type: string; detail: string }[] };
    const image = replies.find((r) => r.type === 'image');
    expect(image?.image?.link).toMatch(new RegExp(`^${server.admin}/api/tryon/results/\\d+/image$`));
    expect(image?.image?.caption).toMatch(/^Test Kada \(TO-BNG-1\) on your photo\. An impression only/);
    expect(events.some((e) => e.type === 'TOOL' && e.detail.startsWith('try_on'))).toBe(true);
    const picture = await server.api(image!.image!.link.slice(server.admin.length));
    expect(picture.status).toBe(200);
    expect((await sharp(Buffer.from(await picture.arrayBuffer())).metadata()).format).toBe('jpeg');

    const list = (await (await server.api('/api/tryon/photos')).json()) as { photos: TryOnPhoto[]; retentionDays: number };
    expect(list.retentionDays).toBe(7);
    const mine = list.photos.find((p) => p.id === photo.id)!;
    expect(mine).toMatchObject({ source: 'simulator', contactLabel: 'Simulator shopper', results: 1 });
    expect(await (await server.api(`/api/tryon/photos/${photo.id}`, { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect((await server.api(image!.image!.link.slice(server.admin.length))).status).toBe(404);
  });
});
