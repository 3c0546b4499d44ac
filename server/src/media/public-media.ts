import { constants, type Stats } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * The media folders anyone on the internet may read (through the tunnel): product photos, so Meta
 * can fetch them for the catalog and product messages. Add a folder here only if every file in it
 * is meant to be public.
 */
export const PUBLIC_MEDIA_FOLDERS = ['products'] as const;
export type PublicMediaFolder = (typeof PUBLIC_MEDIA_FOLDERS)[number];

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

const EXTENSIONS: Record<string, ImageType> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

/** One path segment after decoding: a name, not "." or "..", no hidden files, no separators or '%'. */
const SEGMENT = /^[\p{L}\p{N}_(+-][\p{L}\p{N} ._()+-]{0,127}$/u;

export interface PublicMediaFile {
  handle: FileHandle;
  stats: Stats;
  type: ImageType;
}

/**
 * Resolves the raw (still percent-encoded) path after `/media/` to an open image file, or null.
 * Allow-list, not deny-list: the folder must be listed, each segment must be a plain name after
 * one decoding, the real path (symlinks followed) must stay inside the folder, it must be a
 * regular file with an image extension, and its first bytes must be that of an image.
 */
export async function openPublicMedia(mediaRoot: string, rawPath: string): Promise<PublicMediaFile | null> {
  const [folder, ...raw] = rawPath.split('/');
  if (!PUBLIC_MEDIA_FOLDERS.includes(folder as PublicMediaFolder) || raw.length === 0) return null;
  const segments: string[] = [];
  for (const r of raw) {
    let s: string;
    try {
      s = decodeURIComponent(r);
    } catch {
      return null;
    }
    if (!SEGMENT.test(s)) return null;
    segments.push(s);
  }
  const ext = segments[segments.length - 1]?.split('.').pop()?.toLowerCase() ?? '';
  if (!(ext in EXTENSIONS)) return null;

  let handle: FileHandle | undefined;
  try {
    const root = await realpath(join(mediaRoot, folder as string));
    const file = await realpath(join(root, ...segments));
    if (!file.startsWith(root + sep)) return null;
    // O_NOFOLLOW: the file checked above cannot be swapped for a symlink before it is opened.
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stats = await handle.stat();
    const type = stats.isFile() ? await sniff(handle) : null;
    if (!type) {
      await handle.close();
      return null;
    }
    return { handle, stats, type };
  } catch {
    await handle?.close().catch(() => {});
    return null;
  }
}

/** The image type by its first bytes: PNG signature, JPEG SOI marker, or RIFF…WEBP. */
async function sniff(handle: FileHandle): Promise<ImageType | null> {
  const head = Buffer.alloc(12);
  const { bytesRead } = await handle.read(head, 0, 12, 0);
  if (bytesRead >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytesRead >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (bytesRead >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** `products/SJ-RNG-0001.png` → `/media/products/SJ-RNG-0001.png`, each segment encoded as the route decodes it. */
export function publicMediaPath(relativePath: string): string {
  return '/media/' + relativePath.split('/').map(encodeURIComponent).join('/');
}
