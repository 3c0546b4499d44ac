import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bombDocx, docx, encryptedPdf, imagePdf, plainZip, RUNNING_HEADER, textPdf, truncatedPdf } from '../../../test/helpers/knowledge-docs.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { createOfflineEmbedder } from '../brain/index.js';
import { openApp, type App } from '../main.js';
import { knowledgeRepo } from './knowledge.repo.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge.service.js';
import { readDocx } from './docx.js';
import { readPdf } from './pdf.js';

let dataDir: string;
let app: App;
let knowledge: KnowledgeService;

beforeEach(() => {
  dataDir = tempDir('revive-knowledge-files-');
  app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  const embedder = createOfflineEmbedder();
  knowledge = createKnowledgeService({ db: app.db, embedder: () => embedder });
});
afterEach(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const repo = () => knowledgeRepo(app.db);
const chunksOf = (sourceId: number) => repo().allChunks().filter((c) => c.source_id === sourceId);

/** A three-page brochure: hours on page 1, returns (with a word hyphenated across lines) on page 2, gold exchange on page 3. */
const brochure = () =>
  textPdf([
    [['Welcome to Shree Ganesh Jewellers.', 'Our showroom on MG Road is open from 10:30 am to 8:30 pm,', 'every day except Tuesday.']],
    [['Returns: a piece bought from us may be returned within seven days of deli-', 'very for a full refund, with the original invoice and tag.'], ['Refunds are paid to the card or UPI account used to pay.']],
    [['Old gold exchange: we take back old gold jewellery at the day\'s rate after a purity test.']],
  ]);

describe('PDF sources', () => {
  it('reads a multi-page PDF into chunks located by page, without the running header, and answers citing the page', async () => {
    const s = await knowledge.addFile('brochure.pdf', await brochure());
    expect(s).toMatchObject({ name: 'brochure.pdf', kind: 'file', mime: 'application/pdf', status: 'ready', error: null, chunks: 3 });
    const chunks = chunksOf(s.id);
    expect(chunks.map((c) => c.location)).toEqual(['page 1', 'page 2', 'page 3']);
    for (const c of chunks) {
      expect(c.text).not.toContain(RUNNING_HEADER);
      expect(c.text).not.toMatch(/Page \d of 3/);
    }
    expect(chunks[1]?.text).toContain('within seven days of delivery for a full refund');
    const a = await knowledge.ask('can I return a piece for a refund?');
    expect(a.answerable).toBe(true);
    expect(a.passages[0]).toMatchObject({ source: 'brochure.pdf', location: 'page 2', text: expect.stringContaining('returned within seven days') });
    expect((await knowledge.ask('do you exchange old gold?')).passages[0]).toMatchObject({ location: 'page 3' });
  });

  it('knows a PDF by its bytes even when it is named .txt', async () => {
    const s = await knowledge.addFile('hours.txt', await textPdf([[['We are closed on Tuesdays.']]]));
    expect(s).toMatchObject({ mime: 'application/pdf', status: 'ready', chunks: 1 });
    expect(chunksOf(s.id)[0]).toMatchObject({ location: 'page 1', text: expect.stringContaining('We are closed on Tuesdays.') });
  });

  it('refuses image-only, password-protected and damaged PDFs with a reason the owner can act on', async () => {
    expect(await knowledge.addFile('scanned.pdf', await imagePdf())).toMatchObject({
      status: 'failed', mime: 'application/pdf', chunks: 0, error: 'This PDF has no text (it looks like scanned images); upload a text PDF or paste the text',
    });
    expect(await knowledge.addFile('locked.pdf', await encryptedPdf())).toMatchObject({ status: 'failed', error: 'This PDF is password-protected; save a copy without a password' });
    expect(await knowledge.addFile('cut.pdf', await truncatedPdf())).toMatchObject({ status: 'failed', error: 'This PDF is damaged or incomplete' });
    expect(await knowledge.addFile('junk.pdf', new TextEncoder().encode('%PDF-1.7\n%binary'))).toMatchObject({ status: 'failed', error: 'This PDF is damaged or incomplete' });
    expect(repo().countChunks()).toBe(0);
  });

  it('stops at the page cap and the deadline instead of reading on', async () => {
    const three = await brochure();
    expect(await readPdf(three, { maxPages: 2 })).toEqual({ ok: false, reason: 'This PDF has 3 pages; the most read is 2. Split it, or upload the pages that matter' });
    expect(await readPdf(three, { timeoutMs: -1 })).toEqual({ ok: false, reason: 'This PDF took longer than 0 s to read; split it into smaller files' });
    expect(await readPdf(three)).toMatchObject({ ok: true, parts: [{ location: 'page 1' }, { location: 'page 2' }, { location: 'page 3' }] });
  });

  it('re-processes a PDF from its stored pages, leaving no stale index rows', async () => {
    const s = await knowledge.addFile('brochure.pdf', await brochure());
    const before = chunksOf(s.id).map((c) => [c.location, c.text]);
    const again = await knowledge.reprocess(s.id);
    expect(again).toMatchObject({ id: s.id, status: 'ready', chunks: 3 });
    expect(chunksOf(s.id).map((c) => [c.location, c.text])).toEqual(before);
    expect(repo().indexCounts()).toEqual({ fts: 3, vectors: 3 });
  });
});

const POLICY = () =>
  docx([
    { heading: 1, text: 'Returns' },
    { para: 'Unworn pieces may be returned within 7 days of delivery.' },
    { heading: 2, text: 'Refunds' },
    { para: 'Refunds reach the original payment method within 5 working days.' },
    { bullets: ['Bring the original invoice', 'Bring the certificate and the box'] },
    { heading: 2, text: 'Repair charges' },
    { table: [['Metal', 'Polishing charge'], ['Gold', 'Free for life'], ['Silver', '₹200 per piece']] },
  ]);

describe('Word (.docx) sources', () => {
  it('reads headings into the location path and keeps lists and tables as lines', async () => {
    const s = await knowledge.addFile('policy.docx', await POLICY());
    expect(s).toMatchObject({ mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', status: 'ready', chunks: 3 });
    expect(chunksOf(s.id).map((c) => [c.location, c.text])).toEqual([
      ['Returns', 'Unworn pieces may be returned within 7 days of delivery.'],
      ['Returns › Refunds', 'Refunds reach the original payment method within 5 working days.\n\n- Bring the original invoice\n- Bring the certificate and the box'],
      ['Returns › Repair charges', 'Metal | Polishing charge\nGold | Free for life\nSilver | ₹200 per piece'],
    ]);
    expect((await knowledge.ask('how long do refunds take?')).passages[0]).toMatchObject({ source: 'policy.docx', location: 'Returns › Refunds' });
    expect((await knowledge.ask('what does polishing silver cost?')).passages[0]).toMatchObject({ location: 'Returns › Repair charges' });
    expect(await knowledge.reprocess(s.id)).toMatchObject({ status: 'ready', chunks: 3 });
  });

  it('refuses a ZIP named .docx, and an old .doc, with their own messages', async () => {
    expect(await knowledge.addFile('policy.docx', await plainZip())).toMatchObject({ status: 'failed', mime: 'application/zip', error: 'This .docx is not a Word document (it is a ZIP archive without a document in it)' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await knowledge.addFile('terms.doc', ole)).toMatchObject({ status: 'failed', mime: 'application/msword', error: 'Old Word (.doc) files are not supported; save it as .docx, text or Markdown' });
  });
});

describe('reading Word files safely', () => {
  it('refuses a ZIP bomb before unpacking it, and a cut-off .docx as damaged', async () => {
    const bomb = await bombDocx(60);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await readDocx(bomb)).toEqual({ ok: false, reason: "This Word file's text unpacks to more than 50 MB; split it into smaller files" });
    const whole = await POLICY();
    expect(await readDocx(whole.slice(0, Math.floor(whole.length / 2)))).toEqual({ ok: false, reason: 'This Word file is damaged or incomplete; open it in Word and save it again' });
  });
});

describe('stored sources', () => {
  it('re-processes a legacy source that kept only its text', async () => {
    const id = repo().insertSource({ name: 'old.md', kind: 'file', mime: 'text/markdown', bytes: 10, sha256: 'legacy', status: 'ready', content: '# Hours\n\nOpen 10:30 to 8:30.', error: null, at: '2026-01-01T00:00:00.000Z' });
    expect(await knowledge.reprocess(id)).toMatchObject({ status: 'ready', chunks: 1 });
    expect(chunksOf(id)[0]).toMatchObject({ location: 'Hours', text: 'Open 10:30 to 8:30.' });
  });

  it('reads a file again when the same bytes failed before, keeping the source id', async () => {
    const bytes = await brochure();
    const first = await knowledge.addFile('brochure.pdf', bytes);
    // As the first slice recorded PDFs: failed, nothing kept.
    app.db.prepare("update knowledge_sources set status = 'failed', error = 'PDF files are not supported yet', parts = null, chunks = 0 where id = ?").run(first.id);
    const again = await knowledge.addFile('brochure (1).pdf', bytes);
    expect(again).toMatchObject({ id: first.id, name: 'brochure (1).pdf', status: 'ready', error: null, chunks: 3 });
    expect(knowledge.list()).toHaveLength(1);
  });

  it('pasted text is text, even when it starts like a PDF', async () => {
    expect(await knowledge.addText('Notes', '%PDF- is how a PDF starts; this is a note about it.')).toMatchObject({ kind: 'text', mime: 'text/plain', status: 'ready', chunks: 1 });
  });
});
