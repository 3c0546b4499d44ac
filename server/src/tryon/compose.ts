import type { TryOnAnchor } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { cutOut, loadSharp, oneOfPair } from './cutout.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 25_000_000;
/** Photos are kept (and composed) at most this many pixels a side. */
export const PHOTO_SIDE = 1600;
export const DISCLAIMER = 'Impression only — actual piece may differ';

/** JPEG, PNG or WebP by the first bytes; a name or a Content-Type is never trusted. */
export function isPhoto(b: Buffer): boolean {
  const png = b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  const webp = b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
  return png || jpeg || webp;
}

export interface CheckedPhoto {
  /** Upright, at most PHOTO_SIDE a side, metadata dropped, JPEG. */
  jpeg: Buffer;
  width: number;
  height: number;
}

/**
 * The shopper's photo, checked and normalised: JPEG, PNG or WebP by its bytes (not its name), at
 * most 5 MB and 25 megapixels; turned upright, shrunk to 1600 px a side, camera and GPS metadata
 * dropped. Anything else is refused with the reason.
 */
export async function checkPhoto(bytes: Buffer): Promise<CheckedPhoto> {
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError('payload_too_large', `The photo is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; send one of at most 5 MB`);
  if (!isPhoto(bytes)) throw new DomainError('unsupported_media_type', 'That is not a photo: send a JPEG, PNG or WebP picture');
  const sharp = await loadSharp();
  const meta = await sharp(bytes).metadata().catch(() => null);
  if (!meta?.width || !meta.height) throw new DomainError('validation', 'The photo could not be read; it may be damaged');
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) throw new DomainError('payload_too_large', `The photo is ${Math.round((meta.width * meta.height) / 1e6)} megapixels; send one of at most 25`);
  try {
    const { data, info } = await sharp(bytes).rotate().resize({ width: PHOTO_SIDE, height: PHOTO_SIDE, fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 88 }).toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch {
    throw new DomainError('validation', 'The photo could not be read; it may be damaged');
  }
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A dark band along the bottom with the disclaimer, as an SVG the size of the photo's width. */
function captionSvg(width: number, text: string): { svg: Buffer; height: number } {
  const font = Math.max(12, Math.round(width / 40));
  const height = Math.round(font * 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="#000" fill-opacity="0.55"/>
<text x="${width / 2}" y="${Math.round(height * 0.66)}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="${font}" fill="#fff">${escapeXml(text)}</text>
</svg>`;
  return { svg: Buffer.from(svg), height };
}

export interface Composed {
  jpeg: Buffer;
  /** Where each copy of the piece landed, in photo pixels (tests check pixels there). */
  boxes: { left: number; top: number; width: number; height: number }[];
  backgroundRemoved: boolean;
}

/**
 * The product composed onto the photo: its backdrop cut out (see cutOut; for a pair anchor, one
 * earring of a photo of the pair), scaled to
 * `anchor.scale` × the photo's width, centred on the anchor (a pair: mirrored copies at x and
 * 1 − x), pieces that overhang the edge clipped, the disclaimer stamped along the bottom. JPEG.
 */
export async function compose(photo: Buffer, product: Buffer, anchor: TryOnAnchor, caption = DISCLAIMER): Promise<Composed> {
  const sharp = await loadSharp();
  const base = sharp(photo);
  const meta = await base.metadata();
  const W = meta.width ?? 0;
  const H = meta.height ?? 0;
  const whole = await cutOut(product);
  // a pair anchor places one earring at each ear: a photo of the pair gives its left one
  const cut = anchor.pair ? await oneOfPair(whole) : whole;
  const width = Math.max(4, Math.round(anchor.scale * W));
  const height = Math.max(4, Math.round((cut.height / cut.width) * width));
  const piece = await sharp(cut.png).resize({ width, height, fit: 'fill' }).png().toBuffer();
  const mirrored = await sharp(piece).flop().png().toBuffer();
  const centres = anchor.pair ? [anchor.x, 1 - anchor.x] : [anchor.x];
  const layers: { input: Buffer; left: number; top: number }[] = [];
  const boxes: Composed['boxes'] = [];
  for (const [i, cx] of centres.entries()) {
    const left = Math.round(cx * W - width / 2);
    const top = Math.round(anchor.y * H - height / 2);
    const clipped = await clip(i === 1 ? mirrored : piece, { left, top, width, height }, W, H);
    if (clipped) {
      layers.push(clipped);
      boxes.push({ left, top, width, height });
    }
  }
  const band = captionSvg(W, caption);
  layers.push({ input: band.svg, left: 0, top: Math.max(0, H - band.height) });
  const jpeg = await sharp(photo).composite(layers).jpeg({ quality: 86 }).toBuffer();
  return { jpeg, boxes, backgroundRemoved: cut.removed };
}

/** sharp refuses overlays that overhang the base: cut the piece to the photo. */
async function clip(input: Buffer, box: { left: number; top: number; width: number; height: number }, W: number, H: number): Promise<{ input: Buffer; left: number; top: number } | null> {
  const x0 = Math.max(0, box.left);
  const y0 = Math.max(0, box.top);
  const x1 = Math.min(W, box.left + box.width);
  const y1 = Math.min(H, box.top + box.height);
  if (x1 - x0 < 1 || y1 - y0 < 1) return null;
  if (x0 === box.left && y0 === box.top && x1 - x0 === box.width && y1 - y0 === box.height) return { input, left: x0, top: y0 };
  const sharp = await loadSharp();
  const part = await sharp(input).extract({ left: x0 - box.left, top: y0 - box.top, width: x1 - x0, height: y1 - y0 }).png().toBuffer();
  return { input: part, left: x0, top: y0 };
}
