import type { Db } from '../db/index.js';

export interface PhotoRow {
  id: number;
  contact_id: number | null;
  source: 'whatsapp' | 'simulator' | 'cli' | 'owner';
  media_id: string | null;
  file: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
  expires_at: string;
}

export interface ResultRow {
  id: number;
  photo_id: number;
  contact_id: number | null;
  sku: string;
  category: string;
  kind: 'new' | 'adjust';
  dx: number;
  dy: number;
  scale: number;
  file: string;
  created_at: string;
  expires_at: string;
}

export type NewPhoto = Omit<PhotoRow, 'id'>;
export type NewResult = Omit<ResultRow, 'id'>;

/** SQL for try-on photos and results, nothing else. */
export function tryonRepo(db: Db) {
  const insertPhoto = db.prepare<NewPhoto>(
    `insert into tryon_photos (contact_id, source, media_id, file, width, height, bytes, created_at, expires_at)
     values (@contact_id, @source, @media_id, @file, @width, @height, @bytes, @created_at, @expires_at)`,
  );
  const insertResult = db.prepare<NewResult>(
    `insert into tryon_results (photo_id, contact_id, sku, category, kind, dx, dy, scale, file, created_at, expires_at)
     values (@photo_id, @contact_id, @sku, @category, @kind, @dx, @dy, @scale, @file, @created_at, @expires_at)`,
  );
  const photo = db.prepare<[number], PhotoRow>('select * from tryon_photos where id = ?');
  const byMedia = db.prepare<[string], PhotoRow>('select * from tryon_photos where media_id = ?');
  const latestOf = db.prepare<[number, string], PhotoRow>('select * from tryon_photos where contact_id = ? and expires_at > ? order by created_at desc, id desc limit 1');
  const claim = db.prepare<[number, string, number]>('update tryon_photos set contact_id = ?, source = ? where id = ? and contact_id is null');
  const result = db.prepare<[number], ResultRow>('select * from tryon_results where id = ?');
  const lastResult = db.prepare<[number, string], ResultRow>('select * from tryon_results where contact_id = ? and expires_at > ? order by created_at desc, id desc limit 1');
  const countNew = db.prepare<[number, string], { n: number }>("select count(*) as n from tryon_results where contact_id = ? and kind = 'new' and created_at > ?");
  const list = db.prepare<[], PhotoRow & { results: number; contact_label: string | null }>(
    `select p.*, (select count(*) from tryon_results r where r.photo_id = p.id) as results,
       coalesce(c.name, c.phone, case when c.wa_id glob '[0-9]*' then '+' || c.wa_id end) as contact_label
     from tryon_photos p left join contacts c on c.id = p.contact_id order by p.created_at desc, p.id desc limit 500`,
  );
  const filesOf = db.prepare<[number], { file: string }>('select file from tryon_results where photo_id = ?');
  const resultsOfPhoto = db.prepare<[number], ResultRow>('select * from tryon_results where photo_id = ?');
  const deletePhoto = db.prepare<[number]>('delete from tryon_photos where id = ?');
  const expiredPhotos = db.prepare<[string], PhotoRow>('select * from tryon_photos where expires_at <= ?');
  const expiredResults = db.prepare<[string], ResultRow>('select * from tryon_results where expires_at <= ?');
  const deleteExpiredResults = db.prepare<[string]>('delete from tryon_results where expires_at <= ?');
  const deleteExpiredPhotos = db.prepare<[string]>('delete from tryon_photos where expires_at <= ?');

  return {
    insertPhoto: (p: NewPhoto): number => Number(insertPhoto.run(p).lastInsertRowid),
    insertResult: (r: NewResult): number => Number(insertResult.run(r).lastInsertRowid),
    photo: (id: number) => photo.get(id),
    photoByMedia: (mediaId: string) => byMedia.get(mediaId),
    latestPhotoOf: (contactId: number, now: string) => latestOf.get(contactId, now),
    /** A photo uploaded for the simulator becomes the shopper's when their message refers to it. */
    claimPhoto: (id: number, contactId: number, source: PhotoRow['source']): boolean => claim.run(contactId, source, id).changes === 1,
    result: (id: number) => result.get(id),
    lastResultOf: (contactId: number, now: string) => lastResult.get(contactId, now),
    newTryOnsSince: (contactId: number, since: string): number => countNew.get(contactId, since)?.n ?? 0,
    list: () => list.all(),
    /** The photo's file and its results' files (to delete from disk), then the rows. */
    deletePhoto(id: number): string[] | null {
      return db.transaction(() => {
        const p = photo.get(id);
        if (!p) return null;
        const files = [p.file, ...filesOf.all(id).map((r) => r.file)];
        deletePhoto.run(id);
        return files;
      })();
    },
    /** Everything expired at `now`: the files to delete, and the rows deleted. */
    deleteExpired(now: string): { files: string[]; photos: number; results: number } {
      return db.transaction(() => {
        const photos = expiredPhotos.all(now);
        const results = [...expiredResults.all(now), ...photos.flatMap((p) => resultsOfPhoto.all(p.id))];
        const files = [...new Set([...photos.map((p) => p.file), ...results.map((r) => r.file)])];
        deleteExpiredResults.run(now);
        const deleted = deleteExpiredPhotos.run(now).changes;
        return { files, photos: deleted, results: new Set(results.map((r) => r.id)).size };
      })();
    },
  };
}
export type TryOnRepo = ReturnType<typeof tryonRepo>;
