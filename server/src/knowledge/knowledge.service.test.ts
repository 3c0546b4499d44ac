import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-server.js';
import type { Embedder } from '../brain/index.js';
import { createOfflineEmbedder } from '../brain/index.js';
import { openApp, type App } from '../main.js';
import { knowledgeRepo } from './knowledge.repo.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge.service.js';

const RETURNS = '# Returns\n\nYou may return a piece within 7 days of delivery for a full refund.\n\n## Exchange\n\nGold jewellery can be exchanged for a new piece at any time.';
const SHIPPING = '# Shipping\n\nOrders of ₹25,000 and above ship free. We do not ship outside India.';
const bytes = (s: string) => new TextEncoder().encode(s);

let dataDir: string;
let app: App;
let embedder: Embedder;
let knowledge: KnowledgeService;

beforeEach(() => {
  dataDir = tempDir('revive-knowledge-');
  app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  embedder = createOfflineEmbedder();
  knowledge = createKnowledgeService({ db: app.db, embedder: () => embedder });
});
afterEach(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const counts = () => ({ chunks: knowledgeRepo(app.db).countChunks(), ...knowledgeRepo(app.db).indexCounts() });

describe('knowledge sources', () => {
  it('indexes a Markdown file into chunks, FTS rows and vectors, ready to answer', async () => {
    const s = await knowledge.addFile('returns.md', bytes(RETURNS));
    expect(s).toMatchObject({ name: 'returns.md', kind: 'file', mime: 'text/markdown', status: 'ready', error: null, chunks: 2 });
    expect(counts()).toEqual({ chunks: 2, fts: 2, vectors: 2 });
    const a = await knowledge.ask('can I return it for a refund?');
    expect(a.answerable).toBe(true);
    expect(a.passages[0]).toMatchObject({ source: 'returns.md', location: 'Returns', text: expect.stringContaining('within 7 days') });
  });

  it('returns the existing source for the same content, not a duplicate', async () => {
    const first = await knowledge.addFile('returns.md', bytes(RETURNS));
    const again = await knowledge.addFile('returns-copy.md', bytes(RETURNS));
    const pasted = await knowledge.addText('Returns (pasted)', RETURNS);
    expect(again.id).toBe(first.id);
    expect(pasted.id).toBe(first.id);
    expect(knowledge.list()).toHaveLength(1);
    expect(counts()).toEqual({ chunks: 2, fts: 2, vectors: 2 });
  });

  it('records unreadable files as failed with the reason', async () => {
    const pdf = await knowledge.addFile('policy.pdf', bytes('%PDF-1.4 binary'));
    expect(pdf).toMatchObject({ status: 'failed', error: 'This PDF is damaged or incomplete', chunks: 0 });
    const bin = await knowledge.addFile('x.txt', new Uint8Array([1, 0, 2]));
    expect(bin).toMatchObject({ status: 'failed', error: 'This file is not text' });
    expect(counts().chunks).toBe(0);
    expect(await knowledge.ask('return policy')).toEqual({ answerable: false, passages: [] });
  });

  it('deleting a source removes its chunks from the FTS and vector tables too', async () => {
    const returns = await knowledge.addFile('returns.md', bytes(RETURNS));
    await knowledge.addText('Shipping', SHIPPING);
    expect(counts()).toEqual({ chunks: 3, fts: 3, vectors: 3 });
    knowledge.remove(returns.id);
    expect(counts()).toEqual({ chunks: 1, fts: 1, vectors: 1 });
    const a = await knowledge.ask('can I return it for a refund?');
    expect(a.passages.map((p) => p.source)).toEqual(['Shipping']);
    expect(() => knowledge.get(returns.id)).toThrow(/no knowledge source/);
  });

  it('re-processing rebuilds the chunks without leaving old FTS or vector rows', async () => {
    const s = await knowledge.addFile('returns.md', bytes(RETURNS));
    const again = await knowledge.reprocess(s.id);
    expect(again).toMatchObject({ id: s.id, status: 'ready', chunks: 2 });
    expect(counts()).toEqual({ chunks: 2, fts: 2, vectors: 2 });
  });

  it('re-embeds every chunk in the new space when the embedder changes', async () => {
    await knowledge.addFile('returns.md', bytes(RETURNS));
    await knowledge.addText('Shipping', SHIPPING);
    const base = createOfflineEmbedder({ dimensions: 64 });
    const other: Embedder = { id: 'another-space-64', dimensions: 64, embed: (t) => base.embed(t) };
    embedder = other;
    const a = await knowledge.ask('do you ship outside India?');
    expect(knowledgeRepo(app.db).embedderId()).toBe(other.id);
    expect(counts()).toEqual({ chunks: 3, fts: 3, vectors: 3 });
    expect(a.passages[0]).toMatchObject({ source: 'Shipping' });
  });

  it('answers only from the given sources when an agent has picked some', async () => {
    const returns = await knowledge.addFile('returns.md', bytes(RETURNS));
    const shipping = await knowledge.addText('Shipping', SHIPPING);
    const onlyShipping = await knowledge.ask('can I return it for a refund?', { sources: [shipping.id] });
    expect(onlyShipping.passages.map((p) => p.source)).toEqual(['Shipping']);
    expect(onlyShipping.answerable).toBe(false);
    expect((await knowledge.ask('can I return it for a refund?', { sources: [returns.id] })).passages[0]).toMatchObject({ source: 'returns.md' });
    expect(await knowledge.ask('can I return it for a refund?', { sources: [9999] })).toEqual({ answerable: false, passages: [] });
  });

  it('says a question the documents do not cover is not answerable', async () => {
    await knowledge.addFile('returns.md', bytes(RETURNS));
    await knowledge.addText('Shipping', SHIPPING);
    expect((await knowledge.ask('what is the capital of France?')).answerable).toBe(false);
    expect((await knowledge.ask('do you sell cars?')).answerable).toBe(false);
  });
});
