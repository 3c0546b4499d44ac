import type { Db } from '../../db/index.js';
import type { SyncItemStatus, SyncRun } from '../../contracts/index.js';

export interface SyncItemRow {
  catalog_id: string;
  sku: string;
  status: SyncItemStatus;
  hash: string | null;
  reason: string | null;
  handle: string | null;
  last_synced_at: string | null;
  updated_at: string;
}

interface RunRow {
  id: number;
  catalog_id: string;
  started_at: string;
  finished_at: string | null;
  state: SyncRun['state'];
  created: number;
  updated: number;
  deleted: number;
  failed: number;
  unchanged: number;
  error: string | null;
}

export type RunCounts = Pick<SyncRun, 'created' | 'updated' | 'deleted' | 'failed' | 'unchanged'>;

const toRun = (r: RunRow): SyncRun => ({
  id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, state: r.state,
  created: r.created, updated: r.updated, deleted: r.deleted, failed: r.failed, unchanged: r.unchanged, error: r.error,
});

/** SQL for the per-SKU sync state and the run history. */
export function catalogSyncRepo(db: Db) {
  const upsert = db.prepare(`insert into catalog_sync_items (catalog_id, sku, status, hash, reason, handle, last_synced_at, updated_at)
    values (@catalog_id, @sku, @status, @hash, @reason, @handle, @last_synced_at, @updated_at)
    on conflict (catalog_id, sku) do update set status = excluded.status, hash = excluded.hash, reason = excluded.reason,
      handle = excluded.handle, last_synced_at = excluded.last_synced_at, updated_at = excluded.updated_at`);
  return {
    items(catalogId: string): SyncItemRow[] {
      return db.prepare('select * from catalog_sync_items where catalog_id = ? order by sku').all(catalogId) as SyncItemRow[];
    },
    /**
     * Whether Meta has answered Revive about this catalog: an item accepted (hash) or sent and
     * refused (handle). Items never sent (no public photo address) teach nothing about what Meta holds.
     */
    manages(catalogId: string): boolean {
      return db.prepare('select 1 from catalog_sync_items where catalog_id = ? and (hash is not null or handle is not null) limit 1').get(catalogId) !== undefined;
    },
    syncedAmong(catalogId: string, skus: string[]): Set<string> {
      if (!skus.length) return new Set();
      const rows = db.prepare(`select sku from catalog_sync_items where catalog_id = ? and status = 'synced' and sku in (select value from json_each(?))`)
        .all(catalogId, JSON.stringify(skus)) as { sku: string }[];
      return new Set(rows.map((r) => r.sku));
    },
    save(rows: SyncItemRow[]): void {
      db.transaction(() => {
        for (const r of rows) upsert.run(r);
      })();
    },
    remove(catalogId: string, skus: string[]): void {
      const del = db.prepare('delete from catalog_sync_items where catalog_id = ? and sku = ?');
      db.transaction(() => {
        for (const s of skus) del.run(catalogId, s);
      })();
    },
    startRun(catalogId: string, at: string): number {
      return Number(db.prepare(`insert into catalog_sync_runs (catalog_id, started_at, state) values (?, ?, 'running')`).run(catalogId, at).lastInsertRowid);
    },
    finishRun(id: number, at: string, state: 'done' | 'error', counts: RunCounts, error: string | null): void {
      db.prepare(`update catalog_sync_runs set finished_at = ?, state = ?, created = ?, updated = ?, deleted = ?, failed = ?, unchanged = ?, error = ? where id = ?`)
        .run(at, state, counts.created, counts.updated, counts.deleted, counts.failed, counts.unchanged, error, id);
    },
    run(id: number): SyncRun {
      return toRun(db.prepare('select * from catalog_sync_runs where id = ?').get(id) as RunRow);
    },
    lastRun(catalogId: string): SyncRun | null {
      const r = db.prepare('select * from catalog_sync_runs where catalog_id = ? order by id desc limit 1').get(catalogId) as RunRow | undefined;
      return r ? toRun(r) : null;
    },
  };
}
export type CatalogSyncRepo = ReturnType<typeof catalogSyncRepo>;
