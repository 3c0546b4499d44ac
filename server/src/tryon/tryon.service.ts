import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { TryOnAnchorSchema, type Category, type Channel, type TryOnAnchor, type TryOnAnchors, type TryOnNudge, type TryOnPhoto } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_ANCHORS, NO_ADJUSTMENT, adjusted, isCategory, nudge, photoKind } from './anchors.js';
import { checkPhoto, compose, MAX_PHOTO_BYTES } from './compose.js';
import type { PhotoRow, TryOnRepo } from './tryon.repo.js';

export const ANCHORS_KEY = 'tryon.anchors';
export const DEFAULT_RETENTION_DAYS = 7;
/** The media id prefix of a photo file given to `revive chat --payload`. */
export const CLI_FILE = 'file:';
const DAY_MS = 86_400_000;

/** A catalog product as try-on needs it; `file` is its first photo on disk, null when it has none. */
export interface TryOnProduct {
  sku: string;
  name: string;
  category: Category;
  file: string | null;
}

export interface TryOnServiceDeps {
  repo: TryOnRepo;
  /** Settings' JSON values (the owner's anchors). */
  settings: { getValue(key: string): unknown; setValue(key: string, value: unknown): void };
  /** `<data>/media`: files go under `tryon/`, never a public folder. */
  mediaDir: string;
  product(sku: string): TryOnProduct | null;
  /** The WhatsApp Cloud API's media calls (the Graph client): a shopper's photo by its media id, our picture up. */
  media?: {
    getMedia(id: string): Promise<{ url: string; fileSize: number | null }>;
    downloadMedia(url: string): Promise<{ data: Buffer }>;
    uploadMedia(file: { data: Uint8Array; mimeType: string; filename: string }): Promise<{ id: string }>;
  } | null;
  /** The default agent's retention setting, for photos uploaded on the screen. */
  retentionDays?: () => number;
  log?: Logger;
  clock?: () => Date;
}

export interface TryOnRequest {
  contactId: number;
  channel: Channel;
  /** The product; absent for a nudge of the last try-on. */
  sku?: string | null;
  /** The media id of a photo the shopper just sent; absent → their latest stored photo. */
  photoMediaId?: string | null;
  nudges?: TryOnNudge[];
  maxPerDay: number;
  retentionDays: number;
}

export type TryOnFailure = 'no_photo' | 'no_product' | 'unknown_product' | 'no_product_photo' | 'limit' | 'bad_photo' | 'nothing_to_adjust';
export type TryOnOutcome =
  | { ok: true; resultId: number; jpeg: Buffer; sku: string; name: string; category: Category; adjusted: boolean; nudges: TryOnNudge[]; usedToday: number; backgroundRemoved: boolean; expiresAt: string }
  | { ok: false; reason: TryOnFailure; message: string; sku?: string; name?: string; photoKind?: string };

/** The rules of try-on: photos in and out of storage, anchors, the daily cap, composition, retention. */
export function createTryOnService(deps: TryOnServiceDeps) {
  const { repo } = deps;
  const clock = deps.clock ?? (() => new Date());
  const abs = (rel: string) => join(deps.mediaDir, rel);

  function writeFile(folder: 'photos' | 'results', bytes: Buffer): string {
    const rel = `tryon/${folder}/${randomUUID()}.jpg`;
    mkdirSync(dirname(abs(rel)), { recursive: true });
    writeFileSync(abs(rel), bytes);
    return rel;
  }
  function removeFiles(rels: Iterable<string>): number {
    let n = 0;
    for (const rel of rels) {
      const file = abs(rel);
      if (existsSync(file)) {
        unlinkSync(file);
        n += 1;
      }
    }
    return n;
  }
  let adminOrigin: string | null = null;
  const expiry = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();

  function anchors(): Record<Category, TryOnAnchor> {
    const stored = deps.settings.getValue(ANCHORS_KEY);
    const out = { ...DEFAULT_ANCHORS };
    if (stored && typeof stored === 'object') {
      for (const [k, v] of Object.entries(stored)) {
        const a = TryOnAnchorSchema.safeParse(v);
        if (isCategory(k) && a.success) out[k] = a.data;
      }
    }
    return out;
  }
  const anchorsView = (): TryOnAnchors => ({ anchors: anchors(), defaults: { ...DEFAULT_ANCHORS } });
  function category(raw: string): Category {
    const c = decodeURIComponent(raw);
    if (!isCategory(c)) throw new DomainError('not_found', `There is no category "${c}"`);
    return c;
  }

  async function storePhoto(bytes: Buffer, row: Omit<PhotoRow, 'id' | 'file' | 'width' | 'height' | 'bytes'>): Promise<PhotoRow> {
    const photo = await checkPhoto(bytes);
    const file = writeFile('photos', photo.jpeg);
    const fields = { ...row, file, width: photo.width, height: photo.height, bytes: photo.jpeg.length };
    return { id: repo.insertPhoto(fields), ...fields };
  }

  /** The shopper's photo by media id: already stored (or uploaded for the simulator), else fetched from WhatsApp. */
  async function capture(contactId: number, mediaId: string, source: PhotoRow['source'], retentionDays: number): Promise<PhotoRow> {
    if (source === 'cli' && mediaId.startsWith(CLI_FILE)) return captureFile(contactId, mediaId.slice(CLI_FILE.length), retentionDays);
    const known = repo.photoByMedia(mediaId);
    if (known) {
      if (known.contact_id === null) repo.claimPhoto(known.id, contactId, source);
      else if (known.contact_id !== contactId) throw new DomainError('not_found', 'That photo belongs to another conversation');
      return repo.photo(known.id) as PhotoRow;
    }
    if (!deps.media) throw new DomainError('not_configured', 'The photo cannot be fetched: WhatsApp is not connected');
    const info = await deps.media.getMedia(mediaId);
    if (info.fileSize !== null && info.fileSize > MAX_PHOTO_BYTES) throw new DomainError('payload_too_large', `The photo is ${(info.fileSize / 1024 / 1024).toFixed(1)} MB; send one of at most 5 MB`);
    const { data } = await deps.media.downloadMedia(info.url);
    const now = clock();
    return storePhoto(data, { contact_id: contactId, source, media_id: mediaId, created_at: now.toISOString(), expires_at: expiry(now, retentionDays) });
  }

  /** `revive chat --payload` names a photo on this PC as `file:<path>` (the CLI only: the admin API never reads local files). */
  async function captureFile(contactId: number, path: string, retentionDays: number): Promise<PhotoRow> {
    const key = `${CLI_FILE}${path}#${contactId}`;
    const known = repo.photoByMedia(key);
    if (known) return known;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new DomainError('not_found', `There is no photo at ${path}`);
    }
    const now = clock();
    return storePhoto(bytes, { contact_id: contactId, source: 'cli', media_id: key, created_at: now.toISOString(), expires_at: expiry(now, retentionDays) });
  }

  function productFor(sku: string): TryOnProduct | { fail: TryOnOutcome & { ok: false } } {
    const p = deps.product(sku);
    if (!p) return { fail: { ok: false, reason: 'unknown_product', sku, message: `There is no product ${sku} in the catalog` } };
    if (!p.file) return { fail: { ok: false, reason: 'no_product_photo', sku: p.sku, name: p.name, message: `${p.name} has no photo yet, so it cannot be tried on` } };
    return p;
  }

  async function tryOn(req: TryOnRequest): Promise<TryOnOutcome> {
    const now = clock();
    const at = now.toISOString();
    const nudges = req.nudges ?? [];
    const last = repo.lastResultOf(req.contactId, at);
    const isAdjust = nudges.length > 0 && !req.photoMediaId && (!req.sku || req.sku.toUpperCase() === last?.sku.toUpperCase());
    if (nudges.length > 0 && isAdjust && !last) return { ok: false, reason: 'nothing_to_adjust', message: 'There is no try-on picture to adjust yet' };
    const sku = isAdjust && last ? last.sku : req.sku?.trim();
    if (!sku) return { ok: false, reason: 'no_product', message: 'Which piece should be tried on? Give its SKU' };
    const p = productFor(sku);
    if ('fail' in p) return p.fail;
    const kind = photoKind(p.category);

    let photo: PhotoRow | undefined;
    if (isAdjust && last) photo = repo.photo(last.photo_id);
    else if (req.photoMediaId) {
      try {
        photo = await capture(req.contactId, req.photoMediaId, req.channel === 'whatsapp' ? 'whatsapp' : req.channel === 'cli' ? 'cli' : 'simulator', req.retentionDays);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return { ok: false, reason: 'bad_photo', sku: p.sku, name: p.name, photoKind: kind, message: err.message };
      }
    } else photo = repo.latestPhotoOf(req.contactId, at);
    if (!photo || !existsSync(abs(photo.file))) return { ok: false, reason: 'no_photo', sku: p.sku, name: p.name, photoKind: kind, message: `No photo yet: ask the shopper for a ${kind}` };

    const since = new Date(now.getTime() - DAY_MS).toISOString();
    const used = repo.newTryOnsSince(req.contactId, since);
    if (!isAdjust && used >= req.maxPerDay) {
      return { ok: false, reason: 'limit', sku: p.sku, name: p.name, message: `The shopper has had ${used} try-ons in the last 24 hours, the most allowed (${req.maxPerDay})` };
    }
    const adjustment = isAdjust && last ? nudge({ dx: last.dx, dy: last.dy, scale: last.scale }, nudges) : NO_ADJUSTMENT;
    const anchor = adjusted(anchors()[p.category], adjustment);
    const out = await compose(readFileSync(abs(photo.file)), readFileSync(p.file as string), anchor);
    const expiresAt = photo.expires_at;
    const file = writeFile('results', out.jpeg);
    const resultId = repo.insertResult({
      photo_id: photo.id, contact_id: req.contactId, sku: p.sku, category: p.category, kind: isAdjust ? 'adjust' : 'new', ...adjustment, file, created_at: at, expires_at: expiresAt,
    });
    return { ok: true, resultId, jpeg: out.jpeg, sku: p.sku, name: p.name, category: p.category, adjusted: isAdjust, nudges, usedToday: used + (isAdjust ? 0 : 1), backgroundRemoved: out.backgroundRemoved, expiresAt };
  }

  function toPhoto(r: PhotoRow & { results: number; contact_label: string | null }): TryOnPhoto {
    return {
      id: r.id, contactId: r.contact_id, contactLabel: r.contact_label, source: r.source, mediaId: r.media_id, width: r.width, height: r.height, bytes: r.bytes, results: r.results, createdAt: r.created_at, expiresAt: r.expires_at,
    };
  }
  function need<T>(row: T | undefined, what: string): T {
    if (!row) throw new DomainError('not_found', `There is no try-on ${what} (it may have expired)`);
    return row;
  }
  const retention = () => deps.retentionDays?.() ?? DEFAULT_RETENTION_DAYS;

  return {
    tryOn,
    /** The admin listener's origin (set when the server starts): where the simulator fetches pictures. */
    setAdminOrigin(origin: string | null): void {
      adminOrigin = origin;
    },
    /**
     * A WhatsApp reply carries our picture by an uploaded media id (it is private: never a public
     * link). The simulator shows it from the admin listener; a one-shot CLI run (no listener) gets
     * a local id naming the result.
     */
    async mediaFor(resultId: number, jpeg: Buffer, channel: Channel): Promise<{ id: string } | { link: string }> {
      if (channel !== 'whatsapp') return adminOrigin ? { link: `${adminOrigin}/api/tryon/results/${resultId}/image` } : { id: `tryon-result-${resultId}` };
      if (!deps.media) throw new DomainError('not_configured', 'WhatsApp is not connected, so the picture cannot be uploaded');
      return deps.media.uploadMedia({ data: jpeg, mimeType: 'image/jpeg', filename: `try-on-${resultId}.jpg` });
    },
    /** Keeps a shopper's photo as it arrives (the inbound hook), so a later "try it on" finds it. */
    capture,
    /** A photo uploaded on the Try-on screen (or for the simulator's shopper): kept as long as the store's retention. */
    async upload(bytes: Buffer): Promise<TryOnPhoto> {
      const now = clock();
      const row = await storePhoto(bytes, { contact_id: null, source: 'owner', media_id: `local-${randomUUID()}`, created_at: now.toISOString(), expires_at: expiry(now, retention()) });
      return toPhoto({ ...row, results: 0, contact_label: null });
    },
    /** The photo with a product composed on it, at the category's anchor or the one being tried on the screen. */
    async preview(photoId: number, sku: string, override: Partial<TryOnAnchor> = {}): Promise<Buffer> {
      const photo = need(repo.photo(photoId), 'photo');
      const p = productFor(sku);
      if ('fail' in p) throw new DomainError(p.fail.reason === 'unknown_product' ? 'not_found' : 'validation', p.fail.message);
      const anchor = TryOnAnchorSchema.parse({ ...anchors()[p.category], ...override });
      return (await compose(readFileSync(abs(photo.file)), readFileSync(p.file as string), anchor)).jpeg;
    },
    anchors: anchorsView,
    setAnchor(rawCategory: string, anchor: TryOnAnchor): TryOnAnchors {
      const c = category(rawCategory);
      const stored = (deps.settings.getValue(ANCHORS_KEY) ?? {}) as Record<string, unknown>;
      deps.settings.setValue(ANCHORS_KEY, { ...stored, [c]: TryOnAnchorSchema.parse(anchor) });
      return anchorsView();
    },
    resetAnchor(rawCategory: string): TryOnAnchors {
      const c = category(rawCategory);
      const { [c]: _gone, ...rest } = (deps.settings.getValue(ANCHORS_KEY) ?? {}) as Record<string, unknown>;
      deps.settings.setValue(ANCHORS_KEY, rest);
      return anchorsView();
    },
    list: () => ({ photos: repo.list().map(toPhoto), retentionDays: retention() }),
    deletePhoto(id: number): { deleted: number } {
      const files = repo.deletePhoto(id);
      if (!files) throw new DomainError('not_found', `There is no try-on photo ${id}`);
      removeFiles(files);
      return { deleted: 1 };
    },
    photoFile: (id: number): string => abs(need(repo.photo(id), 'photo').file),
    resultFile: (id: number): string => abs(need(repo.result(id), 'picture').file),
    /** Deletes every photo and picture past its time, files first listed then rows, in one go. */
    prune(): { photos: number; results: number; files: number } {
      const { files, photos, results } = repo.deleteExpired(clock().toISOString());
      const removed = removeFiles(files);
      if (photos || results) deps.log?.info({ photos, results, files: removed }, 'try-on photos past their retention deleted');
      return { photos, results, files: removed };
    },
  };
}
export type TryOnService = ReturnType<typeof createTryOnService>;
