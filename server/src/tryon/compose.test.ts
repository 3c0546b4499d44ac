import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANCHORS, adjusted, nudge, NO_ADJUSTMENT } from './anchors.js';
import { checkPhoto, compose } from './compose.js';
import { cutOut } from './cutout.js';
import { productImage, shopperPhoto } from './test-kit.js';

async function pixel(img: Buffer, x: number, y: number): Promise<[number, number, number, number]> {
  const { data, info } = await sharp(img).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (Math.round(y) * info.width + Math.round(x)) * 4;
  return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
}
const isRed = ([r, g, b]: number[]) => (r ?? 0) > 150 && (g ?? 0) < 90 && (b ?? 0) < 90;
const isBlue = ([r, , b]: number[]) => (b ?? 0) > 150 && (r ?? 0) < 90;

describe('background removal', () => {
  it('makes the plain backdrop transparent, keeps the piece opaque, and trims', async () => {
    const cut = await cutOut(await productImage(200, 0.03));
    expect(cut.removed).toBe(true);
    // trimmed to the disc: 120 px across (r = 60), give or take the soft edge
    expect(cut.width).toBeGreaterThanOrEqual(118);
    expect(cut.width).toBeLessThanOrEqual(122);
    expect((await pixel(cut.png, 0, 0))[3]).toBe(0);
    expect((await pixel(cut.png, cut.width - 1, cut.height - 1))[3]).toBe(0);
    const inShape = await pixel(cut.png, cut.width / 2 - 35, cut.height / 2);
    expect(inShape[3]).toBe(255);
    expect(isRed(inShape)).toBe(true);
    // a small white spot inside the piece (a stone, a highlight) is part of it
    expect((await pixel(cut.png, cut.width / 2, cut.height / 2))[3]).toBe(255);
  });

  it('clears a large enclosed hole (the inside of a bangle)', async () => {
    const cut = await cutOut(await productImage(200, 0.15));
    expect((await pixel(cut.png, cut.width / 2, cut.height / 2))[3]).toBe(0);
    expect((await pixel(cut.png, cut.width / 2 - 45, cut.height / 2))[3]).toBe(255);
  });

  it('leaves a photo without a plain backdrop uncut', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="50" height="100" fill="#000"/><rect x="50" width="50" height="100" fill="#fff"/></svg>';
    const cut = await cutOut(await sharp(Buffer.from(svg)).png().toBuffer());
    expect(cut.removed).toBe(false);
    expect((await pixel(cut.png, 0, 0))[3]).toBe(255);
  });
});

describe('placement per category', () => {
  it.each(['necklace', 'ring', 'bangle', 'nose pin', 'pendant'] as const)('puts a %s at its anchor, sized by the photo width', async (category) => {
    const photo = (await checkPhoto(await shopperPhoto())).jpeg;
    const a = DEFAULT_ANCHORS[category];
    const out = await compose(photo, await productImage(), a);
    expect(out.boxes).toHaveLength(1);
    expect(out.boxes[0]?.width).toBe(Math.round(a.scale * 800));
    // the red ring (between the hole and the rim) at the anchor's centre, blue well away from it
    const ringR = (a.scale * 800) / 2 * (0.2 / 0.3 + 1) / 2;
    expect(isRed(await pixel(out.jpeg, a.x * 800 - ringR, a.y * 1000))).toBe(true);
    expect(isBlue(await pixel(out.jpeg, a.x * 800, a.y * 1000 - (a.scale * 800) / 2 - 25))).toBe(true);
  });

  it('puts earrings at both ears, mirrored', async () => {
    const photo = (await checkPhoto(await shopperPhoto())).jpeg;
    const a = DEFAULT_ANCHORS.earrings;
    const out = await compose(photo, await productImage(), a);
    expect(out.boxes).toHaveLength(2);
    const r = ((a.scale * 800) / 2) * 0.8;
    expect(isRed(await pixel(out.jpeg, a.x * 800 - r, a.y * 1000))).toBe(true);
    expect(isRed(await pixel(out.jpeg, (1 - a.x) * 800 + r, a.y * 1000))).toBe(true);
    expect(isBlue(await pixel(out.jpeg, 400, a.y * 1000))).toBe(true);
  });

  it('a photo of the pair of earrings gives one earring at each ear', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><rect width="100%" height="100%" fill="#fff"/><circle cx="70" cy="60" r="40" fill="#d01010"/><circle cx="230" cy="60" r="40" fill="#d01010"/></svg>';
    const photo = (await checkPhoto(await shopperPhoto())).jpeg;
    const a = DEFAULT_ANCHORS.earrings;
    const out = await compose(photo, await sharp(Buffer.from(svg)).png().toBuffer(), a);
    // one disc, as wide as the anchor says: square, its centre red (the pair would leave a gap there)
    expect(out.boxes[0]!.height).toBe(out.boxes[0]!.width);
    expect(isRed(await pixel(out.jpeg, a.x * 800, a.y * 1000))).toBe(true);
    expect(isRed(await pixel(out.jpeg, (1 - a.x) * 800, a.y * 1000))).toBe(true);
  });

  it('stamps the disclaimer band along the bottom and outputs JPEG', async () => {
    const photo = (await checkPhoto(await shopperPhoto())).jpeg;
    const out = await compose(photo, await productImage(), DEFAULT_ANCHORS.ring);
    expect((await sharp(out.jpeg).metadata()).format).toBe('jpeg');
    const [r, g, b] = await pixel(out.jpeg, 5, 995);
    expect(b).toBeLessThan(120); // blue 0xc0 darkened by the band
    expect(r + g).toBeLessThan(60);
  });

  it('a nudge moves and resizes the piece', async () => {
    const photo = (await checkPhoto(await shopperPhoto())).jpeg;
    const base = DEFAULT_ANCHORS.bangle;
    const moved = adjusted(base, nudge(NO_ADJUSTMENT, ['higher', 'higher', 'bigger']));
    expect(moved.y).toBeCloseTo(base.y - 0.08);
    const before = await compose(photo, await productImage(), base);
    const after = await compose(photo, await productImage(), moved);
    expect(after.boxes[0]!.top).toBeLessThan(before.boxes[0]!.top - 60);
    expect(after.boxes[0]!.width).toBe(Math.round(base.scale * 1.2 * 800));
  });
});

describe('photo checks', () => {
  it('accepts JPEG, PNG and WebP, shrinks to 1600 px and returns JPEG', async () => {
    for (const f of ['jpeg', 'png', 'webp'] as const) {
      const p = await checkPhoto(await shopperPhoto(2000, 1000, f));
      expect(p.width).toBe(1600);
      expect(p.height).toBe(800);
      expect((await sharp(p.jpeg).metadata()).format).toBe('jpeg');
    }
  });

  it('refuses what is not a photo, over 5 MB, or over 25 megapixels, with the reason', async () => {
    await expect(checkPhoto(Buffer.from('%PDF-1.7 not a photo'))).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/JPEG, PNG or WebP/) });
    const big = Buffer.concat([await shopperPhoto(10, 10), Buffer.alloc(5 * 1024 * 1024)]);
    await expect(checkPhoto(big)).rejects.toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/at most 5 MB/) });
    const huge = await sharp({ create: { width: 6000, height: 5000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(5 * 1024 * 1024);
    await expect(checkPhoto(huge)).rejects.toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/30 megapixels; send one of at most 25/) });
  });
});
