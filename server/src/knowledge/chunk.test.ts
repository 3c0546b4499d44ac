import { describe, expect, it } from 'vitest';
import { CHUNK_TARGET, chunkText } from './chunk.js';
import { sniff } from './sniff.js';

describe('chunking', () => {
  it('keeps the Markdown heading path as each chunk\'s heading and location, emphasis removed', () => {
    const chunks = chunkText('# Returns and exchange\n\nIntro words.\n\n## Within 15 days\n\nBring it back **unworn**.\n\n### Refunds\n\nPaid in 7 days.\n\n## Later\n\nExchange only.');
    expect(chunks).toEqual([
      { heading: 'Returns and exchange', location: 'Returns and exchange', text: 'Intro words.' },
      { heading: 'Returns and exchange › Within 15 days', location: 'Returns and exchange › Within 15 days', text: 'Bring it back unworn.' },
      { heading: 'Returns and exchange › Within 15 days › Refunds', location: 'Returns and exchange › Within 15 days › Refunds', text: 'Paid in 7 days.' },
      { heading: 'Returns and exchange › Later', location: 'Returns and exchange › Later', text: 'Exchange only.' },
    ]);
  });

  it('names chunks of text without headings by their first paragraph', () => {
    const para = (n: number) => `Paragraph ${n} ${'word '.repeat(60).trim()}.`;
    const text = Array.from({ length: 8 }, (_, i) => para(i + 1)).join('\n\n');
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.location).toBe('paragraph 1');
    for (const c of chunks) {
      expect(c.heading).toBe('');
      expect(c.location).toMatch(/^paragraph \d+$/);
      // The chunk holds the paragraph its location names (after at most one overlapping sentence).
      expect(c.text).toContain(`Paragraph ${c.location.split(' ')[1]} `);
    }
  });

  it('splits a long section on sentence boundaries within the target, with a sentence of overlap', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} says something about gold.`);
    const chunks = chunkText(`## Long\n\n${sentences.join(' ')}`);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(CHUNK_TARGET);
      expect(c.text).toMatch(/^Sentence number \d+ .*gold\.$/);
    }
    // Every sentence is somewhere, and each next chunk starts with the previous one's last sentence.
    for (const s of sentences) expect(chunks.some((c) => c.text.includes(s))).toBe(true);
    for (let i = 1; i < chunks.length; i += 1) {
      const last = (chunks[i - 1]?.text.match(/Sentence number \d+ says something about gold\.$/) ?? [''])[0];
      expect(chunks[i]?.text.startsWith(last)).toBe(true);
    }
  });
});

describe('sniffing', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('reads UTF-8 text and Markdown (BOM dropped)', () => {
    expect(sniff(bytes('\uFEFFHello ₹500'), 'a.txt')).toEqual({ ok: true, format: 'text', mime: 'text/plain', text: 'Hello ₹500' });
    expect(sniff(bytes('# Title\n\nBody'), 'faq')).toMatchObject({ ok: true, mime: 'text/markdown' });
  });

  it('knows PDF and Word files from their bytes, whatever their name', () => {
    expect(sniff(bytes('%PDF-1.7\n...'), 'policy.txt')).toEqual({ ok: true, format: 'pdf', mime: 'application/pdf' });
    expect(sniff(new Uint8Array([0xff, 0xfe, 0, 1, ...bytes('%PDF-1.4\n')]), 'scan')).toMatchObject({ ok: true, format: 'pdf' });
    expect(sniff(bytes('A note: every PDF starts with %PDF- and a version.'), 'note.txt')).toMatchObject({ ok: true, format: 'text' });
    const zipWith = (name: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, ...bytes(name), 3]);
    expect(sniff(zipWith('word/document.xml'), 'policy.zip')).toMatchObject({ ok: true, format: 'docx' });
    expect(sniff(zipWith('readme.txt'), 'policy.docx')).toMatchObject({ ok: false, reason: 'This .docx is not a Word document (it is a ZIP archive without a document in it)' });
    expect(sniff(zipWith('readme.txt'), 'photos.zip')).toMatchObject({ ok: false, reason: 'This file is not text (it looks like a ZIP archive)' });
  });

  it('refuses old Word files, binary, non-UTF-8, empty and oversized files with a clear reason', () => {
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'terms.doc')).toMatchObject({ ok: false, reason: 'Old Word (.doc) files are not supported; save it as .docx, text or Markdown' });
    expect(sniff(new Uint8Array([0x68, 0x69, 0, 0x68]), 'a.txt')).toMatchObject({ ok: false, reason: 'This file is not text' });
    expect(sniff(new Uint8Array([0x68, 0xff, 0xfe, 0x41]), 'a.txt')).toMatchObject({ ok: false, reason: expect.stringContaining('This file is not text') });
    expect(sniff(bytes('  \n '), 'a.txt')).toMatchObject({ ok: false, reason: 'The file is empty' });
    expect(sniff(new Uint8Array(25 * 1024 * 1024 + 1).fill(0x61), 'big.txt')).toMatchObject({ ok: false, reason: expect.stringContaining('the largest accepted is 25 MB') });
  });
});
