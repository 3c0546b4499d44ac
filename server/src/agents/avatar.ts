import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DomainError } from '../shared/errors.js';

/** Avatars are square, 256 px a side. */
export const AVATAR_SIZE = 256;

/**
 * An image-generation provider: a face from a description. None ships; when one is configured the
 * "Generate" button uses it, else the illustrated (DiceBear) avatar is drawn. Returns PNG, JPEG or
 * WebP bytes (any size: they are cropped and resized like an upload).
 */
export interface AvatarGenerator {
  /** Shown in logs, e.g. "mistral-image". */
  name: string;
  generate(description: string, signal?: AbortSignal): Promise<Buffer>;
}

type ImageKind = 'png' | 'jpeg' | 'webp';

/** The type from the first bytes; a file name or a Content-Type header is never trusted. */
export function sniffImage(buf: Buffer): ImageKind | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** A PNG, JPEG or WebP picture → a centred square crop, 256×256 PNG, upright, metadata dropped. */
export async function squareAvatar(buf: Buffer): Promise<Buffer> {
  if (!sniffImage(buf)) throw new DomainError('unsupported_media_type', 'Upload a PNG, JPEG or WebP picture');
  // Loaded on first use, not at every server start.
  const { default: sharp } = await import('sharp');
  try {
    return await sharp(buf)
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'centre' })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch {
    throw new DomainError('validation', 'The picture could not be read; it may be damaged');
  }
}

/** The description as a seed: lower case, words only, single spaces ("  Saree, WOMAN! " → "saree woman"). */
export function normaliseDescription(description: string): string {
  return description
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** DiceBear "personas" options (https://www.dicebear.com/styles/personas, CC BY 4.0, Draftbit). */
export interface IllustratedOptions {
  seed: string;
  hair: string[];
  facialHair: string[];
  facialHairProbability: number;
  eyes: string[];
  mouth: string[];
  nose: string[];
  hairColor: string[];
  skinColor: string[];
  clothingColor: string[];
  backgroundColor: string[];
}

const has = (words: Set<string>, ...any: string[]) => any.some((w) => words.has(w));

const FEMININE = ['woman', 'women', 'lady', 'girl', 'female', 'saleswoman', 'she', 'her', 'saree', 'sari', 'lehenga', 'dupatta', 'bindi', 'salwar', 'kurti', 'didi', 'aunty', 'madam', 'mrs', 'ms'];
const MASCULINE = ['man', 'men', 'gentleman', 'boy', 'male', 'salesman', 'he', 'his', 'beard', 'bearded', 'moustache', 'mustache', 'sherwani', 'kurta', 'bhaiya', 'uncle', 'sir', 'mr'];
const COLOURS: Record<string, string[]> = {
  red: ['c0392b', 'e24553'],
  maroon: ['7b1e2b'],
  pink: ['f55d81', 'e16381'],
  orange: ['f27d65', 'e67e22'],
  saffron: ['f39c12'],
  yellow: ['f3b63a'],
  gold: ['c9a227', 'd4af37'],
  golden: ['c9a227', 'd4af37'],
  green: ['6dbb58', '2e8b57'],
  blue: ['456dff', '2c5aa0'],
  navy: ['1f3a60'],
  purple: ['7555ca'],
  white: ['f4f1ea'],
  black: ['2b2b2b'],
  grey: ['8a8f98'],
  gray: ['8a8f98'],
};
const SKIN = { fair: ['eeb4a4', 'e7a391'], wheatish: ['e5a07e', 'd78774'], dusky: ['b16a5b', '92594b'], dark: ['92594b', '623d36'] };

/**
 * Words of the description mapped to the style's options; the rest of the face comes from the
 * seed. Always a face that suits a shop: no sleepy eyes, caps or pacifiers. Indian skin tones
 * unless the description says otherwise; dark hair unless grey or white is asked for.
 */
export function illustratedOptions(description: string): IllustratedOptions {
  const seed = normaliseDescription(description);
  const words = new Set(seed.split(' '));
  const feminine = has(words, ...FEMININE);
  const masculine = !feminine && has(words, ...MASCULINE);
  const beard = has(words, 'beard', 'bearded');
  const moustache = has(words, 'moustache', 'mustache');

  let hair = ['long', 'bobCut', 'curly', 'curlyBun', 'straightBun', 'extraLong', 'bobBangs', 'shortCombover', 'fade', 'buzzcut', 'shortComboverChops', 'sideShave'];
  const old = has(words, 'old', 'elderly', 'senior', 'aged');
  if (feminine) hair = has(words, 'short') ? ['bobCut', 'bobBangs'] : has(words, 'long') ? ['long', 'extraLong'] : ['long', 'extraLong', 'straightBun', 'curlyBun', 'bobCut'];
  if (masculine) hair = old ? ['balding', 'shortCombover'] : ['shortCombover', 'fade', 'buzzcut', 'shortComboverChops'];
  if (has(words, 'bun')) hair = ['straightBun', 'curlyBun'];
  if (has(words, 'curly')) hair = feminine ? ['curly', 'curlyBun'] : ['curlyHighTop', 'curly'];
  if (has(words, 'bald')) hair = ['bald', 'balding'];

  let eyes = ['open', 'happy'];
  if (has(words, 'glasses', 'spectacles', 'specs')) eyes = ['glasses'];

  let hairColor = ['362c47', '2b2424', '6c4545'];
  if (old || has(words, 'grey', 'gray', 'white', 'silver')) hairColor = ['dee1f5', 'b8bcc8'];

  let skinColor = ['e5a07e', 'd78774', 'b16a5b'];
  for (const [word, tones] of Object.entries(SKIN)) if (words.has(word)) skinColor = tones;

  let clothingColor = feminine && has(words, 'saree', 'sari', 'lehenga') ? ['c0392b', '7b1e2b', 'f55d81', 'c9a227', '7555ca'] : ['456dff', '7555ca', '6dbb58', 'e24553', 'f3b63a', '2c5aa0'];
  const named = [...words].flatMap((w) => COLOURS[w] ?? []);
  if (named.length > 0) clothingColor = named;

  return {
    seed,
    hair,
    facialHair: moustache && !beard ? ['walrus'] : ['beardMustache', 'goatee', 'shadow'],
    facialHairProbability: feminine ? 0 : beard || moustache ? 100 : masculine ? 30 : 0,
    eyes,
    mouth: has(words, 'serious', 'stern') ? ['smirk'] : masculine ? ['smile', 'bigSmile'] : ['smile', 'bigSmile', 'lips'],
    nose: old ? ['mediumRound', 'wrinkles'] : ['mediumRound', 'smallRound'],
    hairColor,
    skinColor,
    clothingColor,
    backgroundColor: ['f3e9d2', 'e8f0e9', 'e6ecf5', 'f6e4e1', 'efe6f5'],
  };
}

/** The illustrated avatar for a description: the same description always gives the same face. */
export async function illustratedSvg(description: string): Promise<string> {
  // Loaded on first use: the collection is ~30 styles.
  const [{ createAvatar }, { personas }] = await Promise.all([import('@dicebear/core'), import('@dicebear/collection')]);
  const o = illustratedOptions(description);
  return createAvatar(personas, { ...o, size: AVATAR_SIZE, backgroundType: ['solid'] } as Parameters<typeof createAvatar<object>>[1]).toString();
}

export const shortHash = (data: Buffer | string) => createHash('sha256').update(data).digest('hex').slice(0, 10);

/**
 * Avatar files: `<data>/avatars/<agent id>-<content hash>.<png|svg>`. The hash in the name changes
 * with the picture, so a new one never overwrites a file being served, and the URL's `?v=` follows it.
 */
export function avatarStore(dir: string) {
  const pathOf = (file: string) => join(dir, basename(file));
  return {
    dir,
    write(agentId: number, bytes: Buffer | string, ext: 'png' | 'svg'): string {
      const file = `${agentId}-${shortHash(bytes)}.${ext}`;
      mkdirSync(dir, { recursive: true });
      writeFileSync(pathOf(file), bytes);
      return file;
    },
    /** The absolute path of a stored file, or null when it is gone. */
    path(file: string | null): string | null {
      if (!file) return null;
      const abs = pathOf(file);
      return existsSync(abs) ? abs : null;
    },
    /** A copy for another agent (clone), or null when the source file is gone. */
    copy(file: string, agentId: number): string | null {
      const from = pathOf(file);
      if (!existsSync(from)) return null;
      const to = file.replace(/^\d+-/, `${agentId}-`);
      mkdirSync(dir, { recursive: true });
      copyFileSync(from, pathOf(to));
      return basename(to);
    },
    remove(file: string | null): void {
      if (!file) return;
      const abs = pathOf(file);
      if (existsSync(abs)) unlinkSync(abs);
    },
  };
}
export type AvatarStore = ReturnType<typeof avatarStore>;
