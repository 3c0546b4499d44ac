import type { Embedder } from '../brain/index.js';
import type { SearchSync, Understood } from '../contracts/index.js';
import { describeProduct, type Understand } from './documents.js';
import type { IndexRepo } from './index.repo.js';

/** Products embedded per write transaction during sync. */
const SYNC_BATCH = 256;

export interface IndexerDeps {
  index: IndexRepo;
  embedder: () => Embedder;
  understand: Understand;
  /** Called after a sync that changed the index. */
  changed(): void;
}

/**
 * Keeps the index beside the catalog. A sync compares each product's content_hash with the one it
 * was indexed from, (re)embeds only what differs and drops what is gone, so it is correct however
 * it is called: at start-up, after an import, or on a catalog change notice. A new embedder (a
 * Mistral key set or cleared) rebuilds the whole index in that embedder's own vector table.
 */
export function createIndexer(deps: IndexerDeps): { sync(): Promise<SearchSync> } {
  const { index } = deps;
  let running: Promise<SearchSync> | null = null;
  let queued: Promise<SearchSync> | null = null;

  /**
   * A new embedder (a Mistral key set or cleared): every product's vector is made again in a new
   * table while searches keep the complete old index; the new table takes over in one transaction.
   */
  async function rebuildVectors(embedder: Embedder): Promise<{ table: string; embedded: number }> {
    const table = index.prepareTable(embedder.id, embedder.dimensions);
    const products = index.allSources();
    for (let i = 0; i < products.length; i += SYNC_BATCH) {
      const batch = products.slice(i, i + SYNC_BATCH);
      const vectors = await embedder.embed(batch.map((p) => describeProduct(p, deps.understand).text));
      index.writeVectors(table, batch.map((product, j) => ({ product, vector: vectors[j] ?? new Float32Array(embedder.dimensions) })));
    }
    index.switchTo(embedder.id);
    return { table, embedded: products.length };
  }

  async function syncOnce(): Promise<SearchSync> {
    const embedder = deps.embedder();
    const built = index.indexedWith();
    let rebuilt = 0;
    let table: string;
    if (!built) table = index.resetFor(embedder.id, embedder.dimensions);
    else if (built.embedderId === embedder.id) table = built.table;
    else ({ table, embedded: rebuilt } = await rebuildVectors(embedder));
    const { changed, gone } = index.pending();
    if (gone.length) index.remove(table, gone);
    // A catalog repeats its stones, occasions and name patterns: read each through the lexicon once.
    const memo = new Map<string, Understood>();
    const understand: Understand = (t) => {
      const hit = memo.get(t);
      if (hit) return hit;
      const u = deps.understand(t);
      memo.set(t, u);
      return u;
    };
    try {
      for (let i = 0; i < changed.length; i += SYNC_BATCH) {
        const docs = changed.slice(i, i + SYNC_BATCH).map((p) => describeProduct(p, understand));
        const vectors = await embedder.embed(docs.map((d) => d.text));
        index.write(table, docs.map((d, j) => ({ ...d, vector: vectors[j] ?? new Float32Array(embedder.dimensions) })));
      }
    } finally {
      if (changed.length || gone.length || rebuilt) deps.changed();
    }
    return { embedded: rebuilt + changed.length, deleted: gone.length };
  }

  return {
    sync() {
      // One sync at a time; calls made while one runs share a single follow-up run, so a burst of
      // catalog changes (an import commits in batches) costs at most one extra pass.
      const start = (): Promise<SearchSync> => {
        running = syncOnce().finally(() => (running = null));
        return running;
      };
      if (queued) return queued;
      if (!running) return start();
      queued = running
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          queued = null;
          return start();
        });
      return queued;
    },
  };
}
