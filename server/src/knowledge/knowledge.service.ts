import { createHash } from 'node:crypto';
import type { Embedder } from '../brain/index.js';
import type { KnowledgeAnswer, KnowledgeSource, LiveMessage } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import { DomainError } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import { knowledgeRepo, type SourceRow } from './knowledge.repo.js';
import { chunkParts, parseParts, type DocPart } from './parts.js';
import { readDocument, readText } from './read.js';
import { retrieve } from './retrieve.js';
import type { CrawlOptions } from './web/crawl.js';
import { createWebSources } from './web/web-sources.js';

export interface KnowledgeDeps {
  db: Db;
  /** The embedder to use now (it changes when a Mistral key is set). */
  embedder: () => Embedder;
  log?: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void };
  /** Live messages (`knowledge.source`: a website's progress and status); absent in one-shot uses. */
  publish?: (message: LiveMessage) => void;
  /** Website reading options (tests: shorter timeouts, a smaller size cap). */
  crawl?: Omit<CrawlOptions, 'onProgress' | 'maxPages' | 'signal'>;
}

export interface KnowledgeService {
  /** A file's bytes: read, chunked and indexed before it returns (status ready or failed). Same bytes again → the existing source. */
  addFile(name: string, bytes: Uint8Array): Promise<KnowledgeSource>;
  /** Pasted text, under a name the owner gives it. */
  addText(name: string, text: string): Promise<KnowledgeSource>;
  /** A website: returns at once (queued) and reads it in the background; the same address again → the existing source. */
  addUrl(url: string, opts?: { maxPages?: number | undefined }): KnowledgeSource;
  /** Chunks and indexes a source again from its stored text; a website is read again in the background (returns queued). */
  reprocess(id: number): Promise<KnowledgeSource>;
  /** The source once a website reading in progress is done (ready or failed); at once otherwise. */
  settled(id: number): Promise<KnowledgeSource>;
  /** At server start: sources left queued/processing by a stopped process become failed ("Interrupted; press Re-process"). */
  recoverInterrupted(): number;
  /** Server stopping: website readings in flight are abandoned. */
  close(): void;
  remove(id: number): void;
  list(): KnowledgeSource[];
  get(id: number): KnowledgeSource;
  /** `sources`: answer only from these source ids (an agent's knowledge sources); empty or absent means all. */
  ask(question: string, opts?: { limit?: number; sources?: number[] }): Promise<KnowledgeAnswer>;
}

const EMBED_BATCH = 32;

function toSource(r: SourceRow): KnowledgeSource {
  const busy = r.status === 'queued' || r.status === 'processing';
  const progress = busy && r.progress_message !== null ? { done: r.progress_done ?? 0, total: r.progress_total, message: r.progress_message } : null;
  return { id: r.id, name: r.name, kind: r.kind, mime: r.mime, bytes: r.bytes, sha256: r.sha256, status: r.status, error: r.error, chunks: r.chunks, url: r.url ?? (r.kind === 'url' ? r.name : null), progress, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** What a source is indexed from: its stored parts, or (legacy rows) its text as one part; null when there is nothing. */
function partsOf(r: SourceRow): DocPart[] | null {
  return parseParts(r.parts) ?? (r.content === null ? null : [{ location: null, text: r.content }]);
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export function createKnowledgeService(deps: KnowledgeDeps): KnowledgeService {
  const repo = knowledgeRepo(deps.db);

  async function embed(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) out.push(...(await embedder.embed(texts.slice(i, i + EMBED_BATCH))));
    return out;
  }
  const embedText = (c: { heading: string; text: string }) => (c.heading ? `${c.heading}\n${c.text}` : c.text);

  /** The vectors are in the current embedder's space: re-embeds every chunk when the embedder changed. */
  async function currentEmbedder(): Promise<Embedder> {
    const embedder = deps.embedder();
    if (repo.embedderId() !== embedder.id) {
      const chunks = repo.allChunks();
      const vectors = await embed(embedder, chunks.map(embedText));
      repo.resetVectors(embedder.id, embedder.dimensions, chunks.map((c, i) => ({ id: c.id, vector: vectors[i] ?? new Float32Array(embedder.dimensions) })));
    }
    return embedder;
  }

  const get = (id: number): KnowledgeSource => {
    const row = repo.get(id);
    if (!row) throw new DomainError('not_found', `There is no knowledge source ${id}`);
    return toSource(row);
  };

  /**
   * INTERNAL (files, text and websites): indexes a source from the parts its reader found. Chunks
   * them with `chunkParts`, embeds them, then replaces the source's stored parts and chunks and marks
   * it ready, all at once. On failure (no text, the embedder failing) the source is marked failed
   * with the reason and its earlier parts and chunks are left as they were. Never throws for a
   * source that exists; returns the source as it now is.
   */
  async function ingestParts(id: number, parts: DocPart[]): Promise<KnowledgeSource> {
    if (!repo.get(id)) throw new DomainError('not_found', `There is no knowledge source ${id}`);
    repo.setStatus(id, 'processing', null, nowIso());
    try {
      const chunks = chunkParts(parts);
      if (!chunks.length) throw new DomainError('validation', 'The document has no text to answer from');
      const embedder = await currentEmbedder();
      const vectors = await embed(embedder, chunks.map(embedText));
      repo.writeChunks(id, chunks.map((c, i) => ({ ...c, vector: vectors[i] ?? new Float32Array(embedder.dimensions) })), embedder.id, nowIso(), JSON.stringify(parts));
    } catch (err) {
      deps.log?.warn({ err, source: id }, 'knowledge source could not be indexed');
      repo.setStatus(id, 'failed', err instanceof Error ? err.message : String(err), nowIso());
    }
    return get(id);
  }

  /** Tells the screens and the event log that a file or text source is ready or failed (websites announce their own progress). */
  function announce(source: KnowledgeSource): KnowledgeSource {
    deps.publish?.({ type: 'knowledge.source', time: nowIso(), sourceId: source.id, source });
    return source;
  }

  /** Indexes a file or text again from its stored parts (or, on a legacy row, its text). */
  async function process(id: number): Promise<KnowledgeSource> {
    const row = repo.get(id);
    if (!row) throw new DomainError('not_found', `There is no knowledge source ${id}`);
    const parts = partsOf(row);
    return parts ? announce(await ingestParts(id, parts)) : toSource(row);
  }

  async function add(name: string, kind: 'file' | 'text', bytes: Uint8Array, text?: string): Promise<KnowledgeSource> {
    const clean = name.trim();
    if (!clean) throw new DomainError('validation', 'Give the source a name', { name: 'Required' });
    const hash = sha256(bytes);
    const known = repo.bySha(hash);
    // The same bytes again are the same source, unless reading them failed before (the reader may do better now).
    if (known && (known.status !== 'failed' || known.kind === 'url')) return toSource(known);
    const read = text === undefined ? await readDocument(bytes, clean) : readText(text, clean);
    const existing = repo.bySha(hash);
    if (existing && existing.status !== 'failed') return toSource(existing); // added meanwhile
    const fields = read.ok ? { status: 'queued' as const, content: read.content, error: null } : { status: 'failed' as const, content: null, error: read.reason };
    let id: number;
    if (existing) {
      id = existing.id;
      repo.reread(id, { name: clean, mime: read.mime, at: nowIso(), ...fields });
    } else id = repo.insertSource({ name: clean, kind, mime: read.mime, bytes: bytes.length, sha256: hash, at: nowIso(), ...fields });
    return announce(read.ok ? await ingestParts(id, read.parts) : get(id));
  }

  const web = createWebSources({ repo, get, ingestParts, crawl: deps.crawl, log: deps.log, changed: (source) => deps.publish?.({ type: 'knowledge.source', time: nowIso(), sourceId: source.id, source }) });

  return {
    addFile: (name, bytes) => add(name, 'file', bytes),
    addText: (name, text) => add(name, 'text', new TextEncoder().encode(text), text),
    addUrl: (url, opts) => web.addUrl(url, opts),
    reprocess: async (id) => (repo.get(id)?.kind === 'url' ? web.rescrape(id) : await process(id)),
    settled: (id) => web.settled(id),
    recoverInterrupted: () => web.recoverInterrupted(),
    close: () => web.close(),
    remove(id) {
      get(id);
      repo.remove(id);
      web.forget(id);
      deps.publish?.({ type: 'knowledge.source', time: nowIso(), sourceId: id, source: null });
    },
    list: () => repo.list().map(toSource),
    get,
    async ask(question, opts = {}) {
      const limit = Math.min(10, Math.max(1, Math.floor(opts.limit ?? 3)));
      if (!repo.countChunks()) return { answerable: false, passages: [] };
      const only = opts.sources?.length ? repo.chunkIdsOf(opts.sources) : null;
      if (only && !only.size) return { answerable: false, passages: [] };
      let embedder: Embedder | null = null;
      try {
        embedder = await currentEmbedder();
      } catch (err) {
        deps.log?.warn({ err }, 'embedding failed; answering from words only');
      }
      try {
        return await retrieve(repo, embedder, question, limit, only);
      } catch (err) {
        if (!embedder) throw err;
        deps.log?.warn({ err }, 'query embedding failed; answering from words only');
        return await retrieve(repo, null, question, limit, only);
      }
    },
  };
}
