import { readDocx } from './docx.js';
import type { DocPart } from './parts.js';
import { readPdf } from './pdf.js';
import { sniff, textMime } from './sniff.js';

/**
 * A file's bytes as parts, whatever it is (sniffed from the bytes): text and Markdown as one part,
 * a PDF as one part per page, a Word file as one part with its headings. `content` is the text of
 * a text file (kept on the source row as before); null for PDF and Word.
 */
export type ReadResult = { ok: true; mime: string; parts: DocPart[]; content: string | null } | { ok: false; mime: string; reason: string };

export async function readDocument(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const s = sniff(bytes, name);
  if (!s.ok) return s;
  if (s.format === 'text') return { ok: true, mime: s.mime, parts: [{ location: null, text: s.text }], content: s.text };
  const read = s.format === 'pdf' ? await readPdf(bytes) : await readDocx(bytes);
  return read.ok ? { ok: true, mime: s.mime, parts: read.parts, content: null } : { ok: false, mime: s.mime, reason: read.reason };
}

/** Pasted text: always text, whatever it starts with. */
export function readText(text: string, name: string): ReadResult {
  const t = text.replace(/^\uFEFF/, '');
  if (!t.trim()) return { ok: false, mime: 'text/plain', reason: 'The text is empty' };
  return { ok: true, mime: textMime(t, name), parts: [{ location: null, text: t }], content: t };
}
