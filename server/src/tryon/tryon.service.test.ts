import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { createCrmService } from '../crm/index.js';
import { migrate, openDatabase, type Db } from '../db/index.js';
import { productImage, shopperPhoto } from './test-kit.js';
import { tryonRepo } from './tryon.repo.js';
import { createTryOnService, type TryOnService } from './tryon.service.js';

let dir: string;
let db: Db;
let now: Date;
let service: TryOnService;
let contact: number;
const settings = new Map<string, unknown>();
const uploads: { mimeType: string; size: number }[] = [];
const remote = new Map<string, Buffer>();

beforeEach(async () => {
  dir = tempDir('revive-tryon-');
  ({ db } = openDatabase(':memory:'));
  migrate(db);
  now = new Date('2026-12-01T10:00:00.000Z');
  settings.clear();
  uploads.length = 0;
  remote.clear();
  mkdirSync(join(dir, 'catalog'));
  writeFileSync(join(dir, 'catalog', 'bangle.png'), await productImage(200, 0.15));
  const products: Record<string, { sku: string; name: string; category: 'bangle' | 'ring'; file: string | null }> = {
    'SJ-BNG-0001': { sku: 'SJ-BNG-0001', name: 'Classic Gold Bangle', category: 'bangle', file: join(dir, 'catalog', 'bangle.png') },
    'SJ-RNG-0009': { sku: 'SJ-RNG-0009', name: 'Photo-less Ring', category: 'ring', file: null },
  };
  contact = createCrmService(db).upsertFromWhatsApp({ waId: '919876543210', name: 'Asha' }).id;
  service = createTryOnService({
    repo: tryonRepo(db),
    settings: { getValue: (k) => settings.get(k), setValue: (k, v) => settings.set(k, v) },
    mediaDir: join(dir, 'media'),
    product: (sku) => products[sku.toUpperCase()] ?? null,
    media: {
      async getMedia(id) {
        if (!remote.has(id)) throw new Error(`no media ${id}`);
        return { url: `https://graph.example/dl/${id}`, fileSize: remote.get(id)!.length };
      },
      async downloadMedia(url) {
        return { data: remote.get(url.split('/').pop()!)! };
      },
      async uploadMedia(file) {
        uploads.push({ mimeType: file.mimeType, size: file.data.length });
        return { id: `up-${uploads.length}` };
      },
    },
    clock: () => now,
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const files = (folder: 'photos' | 'results') => (existsSync(join(dir, 'media', 'tryon', folder)) ? readdirSync(join(dir, 'media', 'tryon', folder)) : []);
const base = { channel: 'whatsapp' as const, maxPerDay: 3, retentionDays: 7 };

describe('try-on service', () => {
  it('fetches the shopper’s photo by media id, composes the product on it and keeps both until the retention ends', async () => {
    remote.set('m1', await shopperPhoto());
    const out = await service.tryOn({ ...base, contactId: contact, sku: 'sj-bng-0001', photoMediaId: 'm1' });
    expect(out).toMatchObject({ ok: true, sku: 'SJ-BNG-0001', name: 'Classic Gold Bangle', category: 'bangle', adjusted: false, usedToday: 1, expiresAt: '2026-12-08T10:00:00.000Z' });
    if (!out.ok) return;
    expect((await sharp(out.jpeg).metadata()).format).toBe('jpeg');
    expect(files('photos')).toHaveLength(1);
    expect(files('results')).toHaveLength(1);
    // the same media id again is the same photo, not a second copy
    await service.tryOn({ ...base, contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: 'm1' });
    expect(files('photos')).toHaveLength(1);
    const ref = await service.mediaFor(out.resultId, out.jpeg, 'whatsapp');
    expect(ref).toEqual({ id: 'up-1' });
    expect(uploads).toEqual([{ mimeType: 'image/jpeg', size: out.jpeg.length }]);
    expect(await service.mediaFor(out.resultId, out.jpeg, 'cli')).toEqual({ id: `tryon-result-${out.resultId}` });
    service.setAdminOrigin('http://127.0.0.1:4321');
    expect(await service.mediaFor(out.resultId, out.jpeg, 'simulator')).toEqual({ link: `http://127.0.0.1:4321/api/tryon/results/${out.resultId}/image` });
  });

  it('uses the shopper’s latest photo when none comes with the call, and asks for one when there is none', async () => {
    expect(await service.tryOn({ ...base, contactId: contact, sku: 'SJ-BNG-0001' })).toMatchObject({ ok: false, reason: 'no_photo', photoKind: 'hand photo' });
    remote.set('m1', await shopperPhoto());
    await service.capture(contact, 'm1', 'whatsapp', 7);
    expect(await service.tryOn({ ...base, contactId: contact, sku: 'SJ-BNG-0001' })).toMatchObject({ ok: true });
  });

  it('refuses a bad photo, an unknown product and a product without a photo, with reasons', async () => {
    remote.set('pdf', Buffer.from('%PDF-1.4 brochure'));
    expect(await service.tryOn({ ...base, contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: 'pdf' })).toMatchObject({ ok: false, reason: 'bad_photo', message: expect.stringMatching(/JPEG, PNG or WebP/) });
    expect(await service.tryOn({ ...base, contactId: contact, sku: 'NOPE-1' })).toMatchObject({ ok: false, reason: 'unknown_product' });
    expect(await service.tryOn({ ...base, contactId: contact, sku: 'SJ-RNG-0009' })).toMatchObject({ ok: false, reason: 'no_product_photo' });
    expect(await service.tryOn({ ...base, contactId: contact })).toMatchObject({ ok: false, reason: 'no_product' });
    expect(files('photos')).toHaveLength(0);
  });

  it('keeps the daily cap in code: the (maxPerDay + 1)th new try-on in 24 hours is refused; nudges do not count; a day later it works again', async () => {
    remote.set('m1', await shopperPhoto());
    const go = () => service.tryOn({ ...base, maxPerDay: 2, contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: 'm1' });
    expect((await go()).ok).toBe(true);
    expect(await service.tryOn({ ...base, maxPerDay: 2, contactId: contact, nudges: ['higher'] })).toMatchObject({ ok: true, adjusted: true });
    expect((await go()).ok).toBe(true);
    expect(await go()).toMatchObject({ ok: false, reason: 'limit' });
    now = new Date(now.getTime() + 24 * 3_600_000 + 1000);
    expect((await go()).ok).toBe(true);
  });

  it('a nudge re-composes the last try-on from the stored photo with the offset added up', async () => {
    remote.set('m1', await shopperPhoto());
    expect(await service.tryOn({ ...base, contactId: contact, nudges: ['bigger'] })).toMatchObject({ ok: false, reason: 'nothing_to_adjust' });
    await service.tryOn({ ...base, contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: 'm1' });
    await service.tryOn({ ...base, contactId: contact, nudges: ['higher'] });
    const second = await service.tryOn({ ...base, contactId: contact, nudges: ['higher', 'bigger'] });
    expect(second).toMatchObject({ ok: true, adjusted: true, sku: 'SJ-BNG-0001' });
    const rows = db.prepare('select kind, dy, scale from tryon_results order by id').all() as { kind: string; dy: number; scale: number }[];
    expect(rows.map((r) => r.kind)).toEqual(['new', 'adjust', 'adjust']);
    expect(rows[2]!.dy).toBeCloseTo(-0.08);
    expect(rows[2]!.scale).toBeCloseTo(1.2);
  });

  it('deletes photos and pictures from disk and database once their retention has passed', async () => {
    remote.set('m1', await shopperPhoto());
    remote.set('m2', await shopperPhoto(600, 600));
    await service.tryOn({ ...base, retentionDays: 1, contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: 'm1' });
    await service.tryOn({ ...base, retentionDays: 7, contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: 'm2' });
    expect(files('photos')).toHaveLength(2);
    expect(service.prune()).toEqual({ photos: 0, results: 0, files: 0 });

    now = new Date('2026-12-02T10:00:00.000Z');
    expect(service.prune()).toEqual({ photos: 1, results: 1, files: 2 });
    expect(files('photos')).toHaveLength(1);
    expect(files('results')).toHaveLength(1);
    expect(service.list().photos.map((p) => p.mediaId)).toEqual(['m2']);

    now = new Date('2026-12-08T10:00:01.000Z');
    service.prune();
    expect(files('photos')).toEqual([]);
    expect(files('results')).toEqual([]);
    expect(db.prepare('select count(*) as n from tryon_photos').get()).toEqual({ n: 0 });
    expect(db.prepare('select count(*) as n from tryon_results').get()).toEqual({ n: 0 });
  });

  it('a photo uploaded for the simulator becomes the shopper’s when their message names it; another shopper cannot use it', async () => {
    const up = await service.upload(await shopperPhoto());
    expect(up).toMatchObject({ contactId: null, source: 'owner', mediaId: expect.stringMatching(/^local-/) });
    expect(await service.tryOn({ ...base, channel: 'simulator', contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: up.mediaId })).toMatchObject({ ok: true });
    expect(service.list().photos[0]).toMatchObject({ contactId: contact, contactLabel: 'Asha', source: 'simulator', results: 1 });
    const other = createCrmService(db).upsertFromWhatsApp({ waId: '919811111111', name: 'Ravi' }).id;
    expect(await service.tryOn({ ...base, channel: 'simulator', contactId: other, sku: 'SJ-BNG-0001', photoMediaId: up.mediaId })).toMatchObject({ ok: false, reason: 'bad_photo' });
  });

  it('anchors: the owner’s value per category, reset to the default, unknown categories refused', () => {
    expect(service.anchors().anchors.bangle).toEqual(service.anchors().defaults.bangle);
    const moved = service.setAnchor('bangle', { x: 0.4, y: 0.6, scale: 0.3, pair: false });
    expect(moved.anchors.bangle).toEqual({ x: 0.4, y: 0.6, scale: 0.3, pair: false });
    expect(service.setAnchor('nose%20pin', { x: 0.55, y: 0.52, scale: 0.06, pair: false }).anchors['nose pin'].y).toBe(0.52);
    expect(service.resetAnchor('bangle').anchors.bangle).toEqual(moved.defaults.bangle);
    expect(() => service.setAnchor('tiara', { x: 0.5, y: 0.5, scale: 0.3, pair: false })).toThrow(/no category "tiara"/);
  });

  it('deleting a photo deletes its pictures too', async () => {
    remote.set('m1', await shopperPhoto());
    await service.tryOn({ ...base, contactId: contact, sku: 'SJ-BNG-0001', photoMediaId: 'm1' });
    const [photo] = service.list().photos;
    expect(service.deletePhoto(photo!.id)).toEqual({ deleted: 1 });
    expect(files('photos')).toEqual([]);
    expect(files('results')).toEqual([]);
    expect(() => service.deletePhoto(photo!.id)).toThrow(/no try-on photo/);
  });
});
