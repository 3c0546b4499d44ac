import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Product } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';

export const MAX_IMAGE_SIDE = 1200;
export type ImageKind = 'png' | 'jpeg' | 'webp';

/** The type from the first bytes; a name or a Content-Type header is never trusted. */
export function sniffImage(buf: Buffer): ImageKind | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface NormalisedImage {
  bytes: Buffer;
  ext: 'png' | 'jpg';
}

/**
 * At most 1200 px a side, turned upright, metadata (camera, GPS) dropped. PNG stays PNG; JPEG and
 * WebP become JPEG (WebP with transparency becomes PNG), the formats WhatsApp accepts for images.
 * A small PNG or JPEG with no metadata is kept byte for byte.
 */
export async function normaliseImage(buf: Buffer): Promise<NormalisedImage> {
  const kind = sniffImage(buf);
  if (!kind) throw new DomainError('unsupported_media_type', 'Upload a PNG, JPEG or WebP image');
  // Loaded on first upload, not at every server start (~0.25 s).
  const { default: sharp } = await import('sharp');
  const meta = await sharp(buf)
    .metadata()
    .catch(() => null);
  if (!meta) throw new DomainError('validation', 'The image could not be read; it may be damaged');
  const small = (meta.width ?? 0) <= MAX_IMAGE_SIDE && (meta.height ?? 0) <= MAX_IMAGE_SIDE;
  const plain = !meta.exif && !meta.icc && (meta.orientation ?? 1) === 1;
  if (small && plain && kind !== 'webp') return { bytes: buf, ext: kind === 'png' ? 'png' : 'jpg' };
  const png = kind === 'png' || (kind === 'webp' && meta.hasAlpha === true);
  try {
    const img = sharp(buf).rotate().resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    const bytes = png ? await img.png({ compressionLevel: 9 }).toBuffer() : await img.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    return { bytes, ext: png ? 'png' : 'jpg' };
  } catch {
    throw new DomainError('validation', 'The image could not be read; it may be damaged');
  }
}

/** A SKU as part of a file name: "SJ/RNG/001" → "SJ_RNG_001". The content hash keeps names apart. */
function fileStem(sku: string): string {
  return sku.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 64);
}

/**
 * Product images on disk: `<media>/products/<sku>-<content hash>.<ext>`. Names carry the content
 * hash, so writing a new image never overwrites one a product still uses, and the same image
 * imported again lands on the same name (unchanged).
 */
export function imageStore(mediaDir: string) {
  const productsDir = join(mediaDir, 'products');

  function absolute(rel: string): string | null {
    const abs = resolve(mediaDir, rel);
    const inside = relative(mediaDir, abs);
    return inside.startsWith('..') || inside.startsWith(sep) ? null : abs;
  }

  return {
    productsDir,
    /** The relative path ("products/…") a normalised image of this SKU is stored under. */
    pathFor(sku: string, img: NormalisedImage): string {
      const hash = createHash('sha256').update(img.bytes).digest('hex').slice(0, 10);
      return `products/${fileStem(sku)}-${hash}.${img.ext}`;
    },
    /** Writes the image unless the same bytes are already there; true when a file was written. */
    write(rel: string, img: NormalisedImage): boolean {
      const abs = absolute(rel);
      if (!abs) throw new Error(`image path outside the media folder: ${rel}`);
      if (existsSync(abs)) return false;
      mkdirSync(productsDir, { recursive: true });
      writeFileSync(abs, img.bytes);
      return true;
    },
    /** The product's first image on disk, or null (then the placeholder is drawn). */
    fileOf(product: Product): string | null {
      const rel = product.images[0];
      const abs = rel ? absolute(rel) : null;
      return abs && existsSync(abs) ? abs : null;
    },
    remove(rels: Iterable<string>): void {
      for (const rel of rels) {
        const abs = absolute(rel);
        if (abs && existsSync(abs)) unlinkSync(abs);
      }
    },
  };
}
export type ImageStore = ReturnType<typeof imageStore>;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A soft tile with a gem outline, the category and the product's name: shown when a product has no photo. */
export function placeholderSvg(p: Pick<Product, 'name' | 'category' | 'metal'>): string {
  const tint: Record<string, string> = { gold: '#f3e3b5', 'rose gold': '#f4d3c8', 'white gold': '#e6e8ec', silver: '#e3e6ea', platinum: '#dfe3e8' };
  const bg = tint[p.metal ?? ''] ?? '#efe9de';
  const name = p.name.length > 28 ? `${p.name.slice(0, 27)}…` : p.name;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(p.name)} (no photo yet)">
<rect width="400" height="400" rx="24" fill="${bg}"/>
<g fill="none" stroke="#8a7350" stroke-width="6" stroke-linejoin="round">
<path d="M150 150 L250 150 L285 190 L200 285 L115 190 Z"/><path d="M115 190 L285 190 M170 150 L150 190 L200 285 L250 190 L230 150"/>
</g>
<text x="200" y="330" text-anchor="middle" font-family="system-ui, sans-serif" font-size="22" fill="#5b4a30">${escapeXml(name)}</text>
<text x="200" y="360" text-anchor="middle" font-family="system-ui, sans-serif" font-size="16" fill="#8a7350">${escapeXml(p.category)} · no photo yet</text>
</svg>`;
}
