import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { agentsKit } from '../../../test/helpers/agents-kit.js';
import { DomainError } from '../shared/errors.js';
import { illustratedOptions, illustratedSvg, normaliseDescription } from './index.js';
import { squareAvatar } from './avatar.js';

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
  return null;
};

describe('uploaded avatar', () => {
  it('crops a wide photo to its centre and makes a 256×256 PNG', async () => {
    // left third red, middle third green, right third blue: the centre crop is all green
    const third = (r: number, g: number, b: number) => sharp({ create: { width: 300, height: 300, channels: 3, background: { r, g, b } } }).png().toBuffer();
    const wide = await sharp({ create: { width: 900, height: 300, channels: 3, background: '#000' } })
      .composite([
        { input: await third(255, 0, 0), left: 0, top: 0 },
        { input: await third(0, 255, 0), left: 300, top: 0 },
        { input: await third(0, 0, 255), left: 600, top: 0 },
      ])
      .jpeg()
      .toBuffer();
    const out = await squareAvatar(wide);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 256, 256]);
    const { dominant } = await sharp(out).stats();
    expect(dominant.g).toBeGreaterThan(200);
    expect(dominant.r).toBeLessThan(60);
    expect(dominant.b).toBeLessThan(60);
  });

  it('takes WebP, refuses text named .png (415) and a damaged picture (400)', async () => {
    const webp = await sharp({ create: { width: 100, height: 400, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 1 } } }).webp().toBuffer();
    expect((await sharp(await squareAvatar(webp)).metadata()).width).toBe(256);
    expect(await errorOf(squareAvatar(Buffer.from('name,price\nring,100\n')))).toBe('unsupported_media_type');
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(await errorOf(squareAvatar(png.subarray(0, 20)))).toBe('validation');
  });
});

describe('illustrated avatar (DiceBear)', () => {
  it('draws the same face for the same description, whatever its case and punctuation, and another for another', async () => {
    const a = await illustratedSvg('Professional Indian saleswoman in a saree');
    expect(a).toMatch(/^<svg[^>]+width="256" height="256"/);
    expect(await illustratedSvg('  professional INDIAN saleswoman, in a saree! ')).toBe(a);
    expect(await illustratedSvg('Friendly salesman with a beard')).not.toBe(a);
    expect(a).not.toMatch(/<script|href="http/i);
    expect(normaliseDescription('  Saree, WOMAN! ')).toBe('saree woman');
  });

  it('reads a woman in a saree, a bearded man, glasses and grey hair from the words', () => {
    const saree = illustratedOptions('Professional Indian saleswoman in a saree');
    expect(saree.facialHairProbability).toBe(0);
    expect(saree.hair).not.toContain('buzzcut');
    expect(saree.clothingColor).toContain('c0392b');
    const beard = illustratedOptions('Young man with a beard');
    expect(beard.facialHairProbability).toBe(100);
    expect(beard.hair).not.toContain('long');
    expect(illustratedOptions('Elderly man with grey hair and glasses')).toMatchObject({ eyes: ['glasses'], hairColor: ['dee1f5', 'b8bcc8'] });
    expect(illustratedOptions('Woman in a blue kurti').clothingColor).toEqual(['456dff', '2c5aa0']);
    // a face that suits a shop whatever the seed: no sleepy or winking eyes, no caps
    const plain = illustratedOptions('someone');
    expect(plain.eyes).not.toContain('sleep');
    expect(plain.hair).not.toContain('cap');
  });
});

describe('generate avatar', () => {
  it('uses the image provider when one is configured, and falls back to the illustrated avatar when it fails', async () => {
    let asked = '';
    const photo = await sharp({ create: { width: 512, height: 768, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    const kit = agentsKit({
      avatarGenerator: {
        name: 'fake',
        generate: (d) => {
          asked = d;
          if (d.includes('fail')) return Promise.reject(new Error('provider down'));
          return Promise.resolve(photo);
        },
      },
    });
    const id = kit.agents.defaultAgent().id;
    const generated = await kit.agents.generateAvatar(id, { description: 'Indian saleswoman in a saree' });
    expect(asked).toBe('Indian saleswoman in a saree');
    expect(generated.avatar).toMatchObject({ kind: 'generated', description: 'Indian saleswoman in a saree' });
    const png = await kit.agents.avatarImage(id);
    expect(png.type).toBe('image/png');
    expect((await sharp(readFileSync(png.file)).metadata()).height).toBe(256);

    const fallback = await kit.agents.generateAvatar(id, { description: 'this one will fail' });
    expect(fallback.avatar?.kind).toBe('illustrated');
    expect(readFileSync((await kit.agents.avatarImage(id)).file, 'utf8')).toBe(await illustratedSvg('this one will fail'));
    expect(fallback.avatar?.url).not.toBe(generated.avatar?.url);
  });

  it('without a provider draws the illustrated avatar, and refuses a description too short to draw', async () => {
    const kit = agentsKit();
    const id = kit.agents.defaultAgent().id;
    const a = await kit.agents.generateAvatar(id, { description: 'Calm saleswoman' });
    expect(a.avatar?.kind).toBe('illustrated');
    expect(await errorOf(kit.agents.generateAvatar(id, { description: 'x' }))).toBe('validation');
  });
});
