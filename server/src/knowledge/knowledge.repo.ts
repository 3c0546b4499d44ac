import type { Db } from '../db/index.js';
import { HEADING_SEPARATOR, type Chunk } from './chunk.js';

/**
 * SQL for the knowledge domain, nothing else: knowledge_sources, knowledge_chunks, knowledge_fts
 * (rowid = chunk id) and one vec0 table per embedder (knowledge_vec_<embedder id>). Every write
 * that adds or removes chunks touches all three in one transaction, so they never disagree.
 */

export type SourceKind = 'file' | 'text' | 'url';
export type SourceStatus = 'queued' | 'processing' | 'ready' | 'failed';

export interface SourceRow {
  id: number;
  name: string;
  kind: SourceKind;
  mime: string;
  bytes: number;
  sha256: string;
  status: SourceStatus;
  error: string | null;
  chunks: number;
  content: string | null;
  /** JSON array of DocPart (migration 0012); null on legacy rows, which keep `content`. */
  parts: string | null;
  url: string | null;
  progress_done: number | null;
  progress_total: number | null;
  progress_message: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChunkRow {
  id: number;
  source_id: number;
  ord: number;
  heading: string;
  location: string;
  text: string;
  source: string;
}

export function knowledgeVecTable(embedderId: string): string {
  return `knowledge_vec_${embedderId.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

export function knowledgeRepo(db: Db) {
  const getState = db.prepare<[string], { value: string }>('select value from knowledge_state where key = ?');
  const putState = db.prepare('insert into knowledge_state (key, value) values (?, ?) on conflict (key) do update set value = excluded.value');
  const chunkIds = db.prepare<[number], { id: number }>('select id from knowledge_chunks where source_id = ?');
  const delFts = db.prepare('delete from knowledge_fts where rowid = ?');
  const delChunks = db.prepare('delete from knowledge_chunks where source_id = ?');
  const putChunk = db.prepare('insert into knowledge_chunks (source_id, ord, heading, location, text) values (?, ?, ?, ?, ?)');
  const putFts = db.prepare('insert into knowledge_fts (rowid, title, heading, text) values (?, ?, ?, ?)');
  const CHUNK = 'select c.id, c.source_id, c.ord, c.heading, c.location, c.text, s.name as source from knowledge_chunks c join knowledge_sources s on s.id = c.source_id';

  const vecTable = () => {
    const id = getState.get('embedder')?.value;
    return id === undefined ? null : knowledgeVecTable(id);
  };
  /** Drops one source's chunks from the FTS table, the vectors and the chunk table. */
  const dropChunks = (sourceId: number) => {
    const table = vecTable();
    const delVec = table ? db.prepare(`delete from ${table} where chunk_id = ?`) : null;
    for (const { id } of chunkIds.all(sourceId)) {
      delFts.run(id);
      delVec?.run(BigInt(id));
    }
    delChunks.run(sourceId);
  };

  return {
    embedderId: (): string | null => getState.get('embedder')?.value ?? null,

    /** A fresh vector table for this embedder (the old one dropped), filled by the caller. */
    resetVectors(embedderId: string, dimensions: number, vectors: { id: number; vector: Float32Array }[]): void {
      const table = knowledgeVecTable(embedderId);
      db.transaction(() => {
        const old = vecTable();
        if (old) db.exec(`drop table if exists ${old}`);
        db.exec(`drop table if exists ${table}`);
        db.exec(`create virtual table ${table} using vec0(chunk_id integer primary key, embedding float[${dimensions}])`);
        const put = db.prepare(`insert into ${table} (chunk_id, embedding) values (?, ?)`);
        for (const v of vectors) put.run(BigInt(v.id), v.vector);
        putState.run('embedder', embedderId);
      })();
    },

    insertSource(s: Pick<SourceRow, 'name' | 'kind' | 'mime' | 'bytes' | 'sha256' | 'content' | 'error'> & { status: SourceStatus; at: string; url?: string | null }): number {
      const r = db
        .prepare('insert into knowledge_sources (name, kind, mime, bytes, sha256, status, error, content, url, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(s.name, s.kind, s.mime, s.bytes, s.sha256, s.status, s.error, s.content, s.url ?? null, s.at, s.at);
      return Number(r.lastInsertRowid);
    },

    /** A file read again (its earlier reading failed): new name, type, text and status; parts cleared until indexed. */
    reread(id: number, s: Pick<SourceRow, 'name' | 'mime' | 'content' | 'error'> & { status: SourceStatus; at: string }): void {
      db.prepare('update knowledge_sources set name = ?, mime = ?, content = ?, parts = null, status = ?, error = ?, updated_at = ? where id = ?').run(s.name, s.mime, s.content, s.status, s.error, s.at, id);
    },

    /** How far along a queued/processing source is; null clears it. */
    setProgress(id: number, p: { done: number; total: number | null; message: string } | null): void {
      db.prepare('update knowledge_sources set progress_done = ?, progress_total = ?, progress_message = ? where id = ?').run(p?.done ?? null, p?.total ?? null, p?.message ?? null, id);
    },

    setStatus(id: number, status: SourceStatus, error: string | null, at: string): void {
      db.prepare('update knowledge_sources set status = ?, error = ?, updated_at = ? where id = ?').run(status, error, at, id);
    },

    get: (id: number): SourceRow | undefined => db.prepare<[number], SourceRow>('select * from knowledge_sources where id = ?').get(id),
    bySha: (sha: string): SourceRow | undefined => db.prepare<[string], SourceRow>('select * from knowledge_sources where sha256 = ?').get(sha),
    list: (): SourceRow[] => db.prepare<[], SourceRow>('select * from knowledge_sources order by id').all(),

    /** Replaces a source's chunks (text, FTS, vectors) and, when given, its stored parts (JSON), and marks it ready, all or nothing. */
    writeChunks(sourceId: number, chunks: (Chunk & { vector: Float32Array })[], embedderId: string, at: string, partsJson?: string): void {
      db.transaction(() => {
        dropChunks(sourceId);
        if (partsJson !== undefined) db.prepare('update knowledge_sources set parts = ? where id = ?').run(partsJson, sourceId);
        const table = knowledgeVecTable(embedderId);
        const putVec = db.prepare(`insert into ${table} (chunk_id, embedding) values (?, ?)`);
        chunks.forEach((c, ord) => {
          const id = Number(putChunk.run(sourceId, ord, c.heading, c.location, c.text).lastInsertRowid);
          const [title = '', ...rest] = c.heading.split(HEADING_SEPARATOR);
          putFts.run(id, title, rest.join(HEADING_SEPARATOR), c.text);
          putVec.run(BigInt(id), c.vector);
        });
        db.prepare("update knowledge_sources set status = 'ready', error = null, chunks = ?, updated_at = ? where id = ?").run(chunks.length, at, sourceId);
      })();
    },

    /** A source and everything indexed from it. */
    remove(sourceId: number): void {
      db.transaction(() => {
        dropChunks(sourceId);
        db.prepare('delete from knowledge_sources where id = ?').run(sourceId);
      })();
    },

    allChunks: (): ChunkRow[] => db.prepare<[], ChunkRow>(`${CHUNK} order by c.id`).all(),
    chunks: (ids: number[]): ChunkRow[] =>
      ids.length ? db.prepare<number[], ChunkRow>(`${CHUNK} where c.id in (${ids.map(() => '?').join(',')})`).all(...ids) : [],
    countChunks: (): number => (db.prepare('select count(*) as n from knowledge_chunks').get() as { n: number }).n,
    /** The chunk ids of these sources. */
    chunkIdsOf: (sourceIds: number[]): Set<number> =>
      new Set(sourceIds.length ? (db.prepare(`select id from knowledge_chunks where source_id in (${sourceIds.map(() => '?').join(',')})`).all(...sourceIds) as { id: number }[]).map((r) => r.id) : []),

    /** BM25 over the chunk's words: its own headings weigh double, the document's title half; best first. */
    bm25(match: string, k: number): number[] {
      return (db.prepare('select rowid as id from knowledge_fts where knowledge_fts match ? order by bm25(knowledge_fts, 0.5, 2, 1) limit ?').all(match, k) as { id: number }[]).map((r) => r.id);
    },

    /** The chunks holding one (porter-stemmed) word. */
    withWord(word: string): Set<number> {
      return new Set((db.prepare('select rowid as id from knowledge_fts where knowledge_fts match ?').all(`"${word}"`) as { id: number }[]).map((r) => r.id));
    },

    /** The nearest chunks by vector, with their L2 distance (vectors are unit length). */
    knn(vector: Float32Array, k: number): { id: number; distance: number }[] {
      const table = vecTable();
      if (!table) return [];
      return db.prepare(`select chunk_id as id, distance from ${table} where embedding match ? and k = ? order by distance`).all(vector, k) as { id: number; distance: number }[];
    },

    /** Rows of the FTS and vector tables (tests check they follow the chunks). */
    indexCounts(): { fts: number; vectors: number } {
      const table = vecTable();
      const fts = (db.prepare('select count(*) as n from knowledge_fts').get() as { n: number }).n;
      const vectors = table ? (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n : 0;
      return { fts, vectors };
    },
  };
}
export type KnowledgeRepo = ReturnType<typeof knowledgeRepo>;
