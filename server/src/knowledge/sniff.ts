/**
 * What a file is, from its bytes (never its name alone): UTF-8 text without NUL bytes is read now;
 * PDF and Word files are recognised and refused with a reason the owner understands.
 */

/** The largest source accepted. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export type Sniffed = { ok: true; mime: string; text: string } | { ok: false; mime: string; reason: string };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function sniff(bytes: Uint8Array, name: string): Sniffed {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { ok: false, mime: '', reason: `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the largest accepted is ${MAX_SOURCE_BYTES / 1024 / 1024} MB` };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: false, mime: 'application/pdf', reason: 'PDF files are not supported yet' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return /\.docx$/i.test(name)
      ? { ok: false, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', reason: 'Word (.docx) files are not supported yet' }
      : { ok: false, mime: 'application/zip', reason: 'This file is not text (it looks like a ZIP archive)' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, mime: 'application/msword', reason: 'Old Word (.doc) files are not supported; save it as text or Markdown' };
  if (bytes.includes(0)) return { ok: false, mime: 'application/octet-stream', reason: 'This file is not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, mime: 'application/octet-stream', reason: 'This file is not text (it is not UTF-8)' };
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, mime: 'text/plain', reason: 'The file is empty' };
  const markdown = /\.(md|markdown)$/i.test(name) || /^#{1,6}\s+\S/m.test(text);
  return { ok: true, mime: markdown ? 'text/markdown' : 'text/plain', text };
}
