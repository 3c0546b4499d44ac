import { createHash } from 'node:crypto';
import type { Embedder } from '../brain/index.js';
import type { KnowledgeAnswer, KnowledgeSource } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import { DomainError } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import { chunkText } from './chunk.js';
import { knowledgeRepo, type SourceRow } from './knowledge.repo.js';
import { retrieve } from './retrieve.js';
import { sniff } from './sniff.js';

export interface KnowledgeDeps {
  db: Db;
  /** The embedder to use now (it changes when a Mistral key is set). */
  embedder: () => Embedder;
  log?: { warn(obj: object, msg: string): void };
}

export interface KnowledgeService {
  /** A file's bytes: read, chunked and indexed before it returns (status ready or failed). Same bytes again → the existing source. */
  addFile(name: string, bytes: Uint8Array): Promise<KnowledgeSource>;
  /** Pasted text, under a name the owner gives it. */
  addText(name: string, text: string): Promise<KnowledgeSource>;
  /** A website: not read yet (a failed source saying so). */
  addUrl(url: string): KnowledgeSource;
  /** Chunks and indexes a source again from its stored text. */
  reprocess(id: number): Promise<KnowledgeSource>;
  remove(id: number): void;
  list(): KnowledgeSource[];
  get(id: number): KnowledgeSource;
  /** `sources`: answer only from these source ids (an agent's knowledge sources); empty or absent means all. */
  ask(question: string, opts?: { limit?: number; sources?: number[] }): Promise<KnowledgeAnswer>;
}

const EMBED_BATCH = 32;

function toSource(r: SourceRow): KnowledgeSource {
  return { id: r.id, name: r.name, kind: r.kind, mime: r.mime, bytes: r.bytes, sha256: r.sha256, status: r.status, error: r.error, chunks: r.chunks, url: r.kind === 'url' ? r.name : null, progress: null, createdAt: r.created_at, updatedAt: r.updated_at };
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

  async function process(id: number): Promise<KnowledgeSource> {
    const row = repo.get(id);
    if (!row) throw new DomainError('not_found', `There is no knowledge source ${id}`);
    if (row.content === null) return toSource(row);
    repo.setStatus(id, 'processing', null, nowIso());
    try {
      const chunks = chunkText(row.content);
      if (!chunks.length) throw new DomainError('validation', 'The document has no text to answer from');
      const embedder = await currentEmbedder();
      const vectors = await embed(embedder, chunks.map(embedText));
      repo.writeChunks(id, chunks.map((c, i) => ({ ...c, vector: vectors[i] ?? new Float32Array(embedder.dimensions) })), embedder.id, nowIso());
    } catch (err) {
      deps.log?.warn({ err, source: id }, 'knowledge source could not be indexed');
      repo.setStatus(id, 'failed', err instanceof Error ? err.message : String(err), nowIso());
    }
    return get(id);
  }

  async function add(name: string, kind: 'file' | 'text', bytes: Uint8Array): Promise<KnowledgeSource> {
    const clean = name.trim();
    if (!clean) throw new DomainError('validation', 'Give the source a name', { name: 'Required' });
    const hash = sha256(bytes);
    const existing = repo.bySha(hash);
    if (existing) return toSource(existing);
    const read = sniff(bytes, clean);
    const id = repo.insertSource({
      name: clean, kind, mime: read.mime, bytes: bytes.length, sha256: hash, at: nowIso(),
      ...(read.ok ? { status: 'queued', content: read.text, error: null } : { status: 'failed', content: null, error: read.reason }),
    });
    return read.ok ? await process(id) : get(id);
  }

  return {
    addFile: (name, bytes) => add(name, 'file', bytes),
    addText: (name, text) => add(name, 'text', new TextEncoder().encode(text)),
    addUrl(url) {
      const hash = sha256(`url:${url}`);
      const existing = repo.bySha(hash);
      if (existing) return toSource(existing);
      const id = repo.insertSource({ name: url, kind: 'url', mime: 'text/html', bytes: 0, sha256: hash, status: 'failed', content: null, error: 'Website sources are not supported yet', at: nowIso() });
      return get(id);
    },
    reprocess: (id) => process(id),
    remove(id) {
      get(id);
      repo.remove(id);
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
