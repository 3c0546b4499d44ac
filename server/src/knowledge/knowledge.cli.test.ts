import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { docx, imagePdf, plainZip, textPdf } from '../../../test/helpers/knowledge-docs.js';
import { tempDir } from '../../../test/helpers/temp-server.js';

let root: string;
let data: string;

beforeAll(async () => {
  root = tempDir('revive-knowledge-cli-');
  data = join(root, 'store');
  const init = await runCli(['init', '--demo', '--data', data, '--json']);
  expect(init.code).toBe(0);
  expect(JSON.parse(init.stdout)).toMatchObject({ store: { policies: 6 } });
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const one = (stdout: string): Record<string, unknown> => {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('revive ask', () => {
  it('answers from the demo policies loaded by init --demo, with source and location', async () => {
    const r = await runCli(['ask', 'do you ship outside India?', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = one(r.stdout) as { answerable: boolean; passages: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['answerable', 'passages']);
    expect(out.answerable).toBe(true);
    expect(out.passages.length).toBeGreaterThan(0);
    for (const p of out.passages) expect(Object.keys(p)).toEqual(['text', 'source', 'location', 'score']);
    expect(out.passages[0]).toMatchObject({ source: 'shipping.md', location: 'Shipping and Delivery › Where we deliver', text: expect.stringContaining('We do not ship outside India') });
  }, 60_000);

  it('says answerable:false for a question the documents cannot answer', async () => {
    const r = await runCli(['ask', 'what is the capital of France?', '--data', data, '--json']);
    expect(r.code).toBe(0);
    expect(one(r.stdout)).toMatchObject({ answerable: false });
  }, 60_000);
});

describe('revive import knowledge', () => {
  it('imports a text file and returns once indexed; the same file again is the same source', async () => {
    const file = join(root, 'festive-faq.txt');
    writeFileSync(file, 'Gift wrapping is free on every order during Diwali.\n\nWe are closed on Holi.');
    const r = await runCli(['import', 'knowledge', file, '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = one(r.stdout) as { source: Record<string, unknown>; error: unknown };
    expect(Object.keys(out)).toEqual(['source', 'error']);
    expect(Object.keys(out.source)).toEqual(['id', 'name', 'kind', 'status', 'chunks']);
    expect(out).toMatchObject({ source: { name: 'festive-faq.txt', kind: 'file', status: 'ready', chunks: 1 }, error: null });
    const again = one((await runCli(['import', 'knowledge', file, '--data', data, '--json'])).stdout) as { source: { id: number } };
    expect(again.source.id).toBe((out.source as { id: number }).id);
    const asked = one((await runCli(['ask', 'is gift wrapping free?', '--data', data, '--json'])).stdout) as { answerable: boolean; passages: { source: string }[] };
    expect(asked.answerable).toBe(true);
    expect(asked.passages[0]?.source).toBe('festive-faq.txt');
  }, 60_000);

  it('imports a multi-page PDF brochure and a Word file, and ask cites the PDF\'s page', async () => {
    const pdf = join(root, 'brochure.pdf');
    writeFileSync(pdf, await textPdf([[['Our showroom opens at 10:30 am every day except Tuesday.']], [['Bridal sets can be reserved with a deposit of ten percent, held for thirty days.']]]));
    const r = await runCli(['import', 'knowledge', pdf, '--data', data, '--json']);
    expect(r.code).toBe(0);
    expect(one(r.stdout)).toEqual({ source: { id: expect.any(Number), name: 'brochure.pdf', kind: 'file', status: 'ready', chunks: 2 }, error: null });
    const asked = one((await runCli(['ask', 'can I reserve a bridal set with a deposit?', '--data', data, '--json'])).stdout) as { passages: { source: string; location: string }[] };
    expect(asked.passages[0]).toMatchObject({ source: 'brochure.pdf', location: 'page 2' });
    const word = join(root, 'care.docx');
    writeFileSync(word, await docx([{ heading: 1, text: 'Jewellery care' }, { para: 'Keep pearls away from perfume.' }]));
    expect(one((await runCli(['import', 'knowledge', word, '--data', data, '--json'])).stdout)).toMatchObject({ source: { name: 'care.docx', status: 'ready', chunks: 1 }, error: null });
  }, 60_000);

  it('prints failed with the reason and exits 1 for a scanned PDF and a ZIP named .docx', async () => {
    const scanned = join(root, 'scanned.pdf');
    writeFileSync(scanned, await imagePdf());
    const r = await runCli(['import', 'knowledge', scanned, '--data', data, '--json']);
    expect(r.code).toBe(1);
    expect(one(r.stdout)).toEqual({ source: { id: expect.any(Number), name: 'scanned.pdf', kind: 'file', status: 'failed', chunks: 0 }, error: 'This PDF has no text (it looks like scanned images); upload a text PDF or paste the text' });
    const zip = join(root, 'terms.docx');
    writeFileSync(zip, await plainZip());
    const z = await runCli(['import', 'knowledge', zip, '--data', data, '--json']);
    expect(z.code).toBe(1);
    expect(one(z.stdout)).toMatchObject({ source: { status: 'failed' }, error: 'This .docx is not a Word document (it is a ZIP archive without a document in it)' });
  }, 60_000);

  it('prints a failed source with the reason and exits 1 for a PDF', async () => {
    const pdf = join(root, 'policy.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%binary');
    const r = await runCli(['import', 'knowledge', pdf, '--data', data, '--json']);
    expect(r.code).toBe(1);
    expect(one(r.stdout)).toMatchObject({ source: { name: 'policy.pdf', status: 'failed', chunks: 0 }, error: 'This PDF is damaged or incomplete' });
  }, 60_000);

  it('refuses a file over 25 MB before reading it', async () => {
    const big = join(root, 'catalogue-scan.pdf');
    writeFileSync(big, '%PDF-1.7\n');
    truncateSync(big, 30 * 1024 * 1024);
    const r = await runCli(['import', 'knowledge', big, '--data', data, '--json']);
    expect(r.code).toBe(1);
    expect(one(r.stdout)).toEqual({ error: { code: 'payload_too_large', message: 'catalogue-scan.pdf is 30 MB; the largest accepted is 25 MB' } });
  }, 60_000);

  it('a missing file is a not_found error', async () => {
    const r = await runCli(['import', 'knowledge', join(root, 'nope.md'), '--data', data, '--json']);
    expect(r.code).toBe(1);
    expect(one(r.stdout)).toMatchObject({ error: { code: 'not_found' } });
  }, 60_000);
});
