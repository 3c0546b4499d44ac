import { knowledgeUploads } from '../contracts/index.js';

/**
 * What a file is, from its bytes (never its name alone: a PDF named .txt is a PDF): PDF, Word
 * (.docx: a ZIP holding word/document.xml), or UTF-8 text without NUL bytes. Anything else is
 * refused with a reason the owner understands.
 */

/** The largest source accepted: the upload limit. */
export const MAX_SOURCE_BYTES = knowledgeUploads.uploadKnowledgeFile.maxBytes;

export const PDF_MIME = 'application/pdf';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type Sniffed =
  | { ok: true; format: 'text'; mime: string; text: string }
  | { ok: true; format: 'pdf' | 'docx'; mime: string }
  | { ok: false; mime: string; reason: string };

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** "%PDF-" first, or later in the first KB after bytes that are not text (some writers put junk before the header, and pdf.js accepts that). */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  const at = head.indexOf('%PDF-');
  if (at <= 0) return at === 0;
  const before = head.subarray(0, at);
  if (before.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(before);
    return false;
  } catch {
    return true;
  }
}

export function sniff(bytes: Uint8Array, name: string): Sniffed {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { ok: false, mime: '', reason: `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the largest accepted is ${MAX_SOURCE_BYTES / 1024 / 1024} MB` };
  }
  if (isPdf(bytes)) return { ok: true, format: 'pdf', mime: PDF_MIME };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // A ZIP's entry names are stored as plain bytes; a Word file has word/document.xml.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf('word/document.xml') !== -1) return { ok: true, format: 'docx', mime: DOCX_MIME };
    return /\.docx$/i.test(name)
      ? { ok: false, mime: 'application/zip', reason: 'This .docx is not a Word document (it is a ZIP archive without a document in it)' }
      : { ok: false, mime: 'application/zip', reason: 'This file is not text (it looks like a ZIP archive)' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, mime: 'application/msword', reason: 'Old Word (.doc) files are not supported; save it as .docx, text or Markdown' };
  if (bytes.includes(0)) return { ok: false, mime: 'application/octet-stream', reason: 'This file is not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, mime: 'application/octet-stream', reason: 'This file is not text (it is not UTF-8)' };
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, mime: 'text/plain', reason: 'The file is empty' };
  return { ok: true, format: 'text', mime: textMime(text, name), text };
}

export function textMime(text: string, name: string): string {
  return /\.(md|markdown)$/i.test(name) || /^#{1,6}\s+\S/m.test(text) ? 'text/markdown' : 'text/plain';
}
