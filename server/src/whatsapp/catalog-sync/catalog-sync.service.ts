import type { CatalogSyncStatus, LiveMessage, Product, SyncItem, SyncRun } from '../../contracts/index.js';
import { DomainError } from '../../shared/errors.js';
import type { CatalogSyncRepo, RunCounts, SyncItemRow } from './catalog-sync.repo.js';
import type { BatchRequest, CatalogGraph } from './graph-catalog.js';
import { itemHash, metaItem, type ItemSources } from './items.js';

/** Meta's cap on requests in one items_batch call. */
export const BATCH_MAX = 5000;

export interface CatalogSyncDeps {
  repo: CatalogSyncRepo;
  graph: CatalogGraph;
  /** The Meta catalog in use (connection's, or the demo's); null when none. */
  catalogId(): string | null;
  products(): Product[];
  sources(): ItemSources;
  /** The Matrix's event log (SYNC events). */
  record?(e: { type: 'SYNC' | 'ERROR'; detail: string; data?: Record<string, unknown> }): void;
  publish?(m: LiveMessage): void;
  clock?(): Date;
  /** Requests per items_batch call (Meta allows 5,000; tests use fewer). */
  batchSize?: number;
  /** Pause between batch status checks, and how many checks before leaving the items pending. */
  pollMs?: number;
  maxPolls?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-IN')} ${n === 1 ? one : many}`;

/**
 * Pushes the catalog to Meta: products whose item fields changed since Meta last accepted them
 * (CREATE for new ones, UPDATE otherwise), DELETE for removed ones, in batches of ≤ 5,000; then
 * polls each batch's status and records, per SKU, synced (with the hash) or failed (with Meta's reason).
 */
export function createCatalogSyncService(deps: CatalogSyncDeps) {
  const now = () => (deps.clock ? deps.clock() : new Date()).toISOString();
  const size = Math.min(deps.batchSize ?? BATCH_MAX, BATCH_MAX);
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
  let current: Promise<SyncRun> | null = null;
  let cancelled = false;

  function requireCatalog(): string {
    const id = deps.catalogId();
    if (!id) throw new DomainError('not_configured', 'No Meta catalog is connected: add its id in Settings → WhatsApp → Catalog id, then sync');
    return id;
  }

  function status(): CatalogSyncStatus {
    const catalogId = deps.catalogId();
    const products = deps.products();
    const rows = new Map((catalogId ? deps.repo.items(catalogId) : []).map((r) => [r.sku, r]));
    const names = new Map(products.map((p) => [p.sku, p.name]));
    const bySku: CatalogSyncStatus['bySku'] = {};
    const counts = { synced: 0, pending: 0, failed: 0 };
    const failed: SyncItem[] = [];
    for (const p of products) {
      const row = rows.get(p.sku);
      const s = row?.status ?? 'pending';
      bySku[p.sku] = s;
      counts[s] += 1;
      if (row && s === 'failed') failed.push({ sku: p.sku, name: p.name, status: s, reason: row.reason, lastSyncedAt: row.last_synced_at });
    }
    for (const row of rows.values()) {
      if (names.has(row.sku)) continue; // a deleted product whose removal at Meta waits or failed
      counts[row.status === 'failed' ? 'failed' : 'pending'] += 1;
      if (row.status === 'failed') failed.push({ sku: row.sku, name: null, status: 'failed', reason: row.reason, lastSyncedAt: row.last_synced_at });
    }
    return { catalogId, counts, failed, bySku, lastRun: catalogId ? deps.repo.lastRun(catalogId) : null, running: current !== null };
  }

  function announce(running: boolean): void {
    const s = status();
    deps.publish?.({ type: 'catalog.sync', time: now(), running, ...s.counts });
  }

  /** Waits for Meta to finish a batch; its per-item errors, or null when it is still processing. */
  async function settle(catalogId: string, handle: string): Promise<Map<string, string[]> | null> {
    const max = deps.maxPolls ?? 30;
    for (let i = 0; i < max && !cancelled; i += 1) {
      const s = await deps.graph.batchStatus(catalogId, handle);
      if (s.status !== 'in_progress' && s.status !== 'dispatched' && s.status !== 'started') return s.errors;
      await sleep(deps.pollMs ?? 2000);
    }
    return null;
  }

  async function sendBatch(catalogId: string, chunk: BatchRequest[], rows: Map<string, SyncItemRow>, hashes: Map<string, string>, counts: RunCounts): Promise<void> {
    const at = now();
    deps.repo.save(chunk.filter((r) => r.method !== 'DELETE' || rows.has(r.data.id)).map((r) => ({ ...blank(catalogId, r.data.id, at), ...rows.get(r.data.id), status: 'pending', updated_at: at })));
    const res = await deps.graph.itemsBatch(catalogId, chunk);
    const errors = new Map(res.errors);
    let processing = false;
    for (const handle of res.handles) {
      const more = await settle(catalogId, handle);
      if (more === null) processing = true;
      else for (const [id, m] of more) errors.set(id, [...(errors.get(id) ?? []), ...m]);
    }
    const done = now();
    const save: SyncItemRow[] = [];
    const gone: string[] = [];
    for (const r of chunk) {
      const id = r.data.id;
      const before = rows.get(id);
      const base = { ...blank(catalogId, id, done), ...before, updated_at: done, handle: res.handles[0] ?? null };
      const problems = errors.get(id);
      if (problems?.length) {
        counts.failed += 1;
        save.push({ ...base, status: 'failed', reason: [...new Set(problems)].join('; ') });
      } else if (processing) {
        save.push({ ...base, status: 'pending', reason: 'Meta is still processing this change; the next sync checks again' });
      } else if (r.method === 'DELETE') {
        counts.deleted += 1;
        gone.push(id);
      } else {
        counts[r.method === 'CREATE' ? 'created' : 'updated'] += 1;
        save.push({ ...base, status: 'synced', reason: null, handle: null, hash: hashes.get(id) ?? null, last_synced_at: done });
      }
    }
    deps.repo.save(save);
    deps.repo.remove(catalogId, gone);
  }

  async function run(full: boolean): Promise<SyncRun> {
    const catalogId = requireCatalog();
    const runId = deps.repo.startRun(catalogId, now());
    const counts: RunCounts = { created: 0, updated: 0, deleted: 0, failed: 0, unchanged: 0 };
    announce(true);
    try {
      const rows = new Map(deps.repo.items(catalogId).map((r) => [r.sku, r]));
      // A full sync first asks Meta what it holds: items removed there by hand (or an emulator that restarted) are sent again.
      const sources = deps.sources();
      const products = deps.products();
      const items = products.map((p) => ({ p, ...metaItem(p, sources) }));
      const remote = full && items.some((i) => i.data.image_link) ? await deps.graph.retailerIds(catalogId) : null;
      const requests: BatchRequest[] = [];
      const hashes = new Map<string, string>();
      const unsendable: SyncItemRow[] = [];
      for (const { p, data, imagePath } of items) {
        const hash = itemHash(data, imagePath);
        const row = rows.get(p.sku);
        const there = remote ? remote.has(p.sku) : Boolean(row?.hash);
        if (row?.status === 'synced' && row.hash === hash && there) {
          counts.unchanged += 1;
          continue;
        }
        if (!data.image_link) {
          counts.failed += 1;
          const reason = p.images.length
            ? 'Its photo has no public web address yet, and Meta fetches photos over the internet: start the tunnel (Settings → Connection), then sync'
            : 'No photo: Meta needs a picture for every product. Add one on the Products screen';
          unsendable.push({ ...blank(catalogId, p.sku, now()), ...row, status: 'failed', reason, updated_at: now() });
          continue;
        }
        hashes.set(p.sku, hash);
        requests.push({ method: there ? 'UPDATE' : 'CREATE', data });
      }
      const skus = new Set(products.map((p) => p.sku));
      // Removed products: DELETE what Meta once accepted; forget rows it never had.
      const neverThere = [...rows.values()].filter((r) => !skus.has(r.sku) && !r.hash).map((r) => r.sku);
      for (const row of rows.values()) if (!skus.has(row.sku) && row.hash) requests.push({ method: 'DELETE', data: { id: row.sku } });
      deps.repo.remove(catalogId, neverThere);
      deps.repo.save(unsendable);
      for (let i = 0; i < requests.length && !cancelled; i += size) await sendBatch(catalogId, requests.slice(i, i + size), rows, hashes, counts);
      deps.repo.finishRun(runId, now(), 'done', counts, null);
      const sent = counts.created + counts.updated;
      if (requests.length || counts.failed) {
        const parts = [`Synced ${plural(sent, 'product')} to the WhatsApp catalog`, counts.deleted ? `${counts.deleted} removed` : null, counts.failed ? `${counts.failed} failed` : null];
        deps.record?.({ type: 'SYNC', detail: parts.filter(Boolean).join(', '), data: { catalogId, ...counts } });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.repo.finishRun(runId, now(), 'error', counts, message);
      deps.record?.({ type: 'ERROR', detail: `Catalog sync to WhatsApp failed: ${message}`, data: { catalogId } });
    }
    return deps.repo.run(runId);
  }

  return {
    status,
    /** Runs a sync now; a call while one runs waits for it and then runs again (changes made meanwhile go too). */
    async sync(opts: { full?: boolean } = {}): Promise<SyncRun> {
      requireCatalog();
      while (current) await current.catch(() => undefined);
      const p = run(opts.full ?? false);
      current = p;
      try {
        return await p;
      } finally {
        current = null;
        announce(false);
      }
    },
    /**
     * Which of these SKUs product messages may name: those Meta holds. Null when Revive has never
     * synced this catalog (it cannot know what the store put there itself), so callers trust it.
     */
    syncedAmong(skus: string[]): Set<string> | null {
      const catalogId = deps.catalogId();
      if (!catalogId || !deps.repo.manages(catalogId)) return null;
      return deps.repo.syncedAmong(catalogId, skus);
    },
    /** Server shutdown: a running sync stops polling and sends no further batch (its items stay pending). */
    cancel(): void {
      cancelled = true;
    },
    /** Resolves when no sync is running. */
    async idle(): Promise<void> {
      while (current) await current.catch(() => undefined);
    },
  };
}
export type CatalogSyncService = ReturnType<typeof createCatalogSyncService>;

function blank(catalogId: string, sku: string, at: string): SyncItemRow {
  return { catalog_id: catalogId, sku, status: 'pending', hash: null, reason: null, handle: null, last_synced_at: null, updated_at: at };
}
