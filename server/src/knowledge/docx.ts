import mammoth from 'mammoth';
import type { DocPart } from './parts.js';

/**
 * A Word (.docx) file's text as one part with Markdown headings: mammoth turns it into HTML
 * (Heading 1–6 styles become h1–h6), and the HTML becomes "# Heading" lines, paragraphs, "- item"
 * list lines and "cell | cell" table rows, so chunk locations are the heading path ("Returns ›
 * Refunds"). Images and links to outside files are never read (nor unpacked). Before mammoth
 * unpacks anything, the ZIP's directory is checked: a document whose text parts would unpack to
 * more than MAX_UNPACKED_BYTES (a ZIP bomb) is refused.
 */

/** The most the document's text parts (everything but its pictures) may unpack to. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

export type DocxRead = { ok: true; parts: DocPart[] } | { ok: false; reason: string };

export const DOCX_REASONS = {
  notWord: 'This .docx is not a Word document (it is a ZIP archive without a document in it)',
  damaged: 'This Word file is damaged or incomplete; open it in Word and save it again',
  tooBig: `This Word file's text unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; split it into smaller files`,
  noText: 'This Word file has no text',
} as const;

/** The entries (name, unpacked size) in a ZIP's central directory; null when it has none. */
export function zipDirectory(bytes: Uint8Array): { name: string; size: number }[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: { name: string; size: number }[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const raw = view.getUint32(at + 24, true);
    const size = raw === 0xffffffff ? Number.POSITIVE_INFINITY : raw; // ZIP64: too big for a policy document
    const nameLength = view.getUint16(at + 28, true);
    entries.push({ name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, bytes.length - at - 46)).toString('utf8'), size });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
  );

/**
 * mammoth's HTML (simple and well formed: h1–h6, p, ul/ol/li, table/tr/td, inline marks) as
 * Markdown-ish text: "# Heading" lines, paragraphs, "- item" / "1. item" lines, "cell | cell" rows.
 */
export function htmlToText(html: string): string {
  const blocks: string[] = [];
  let text: string | null = null; // the heading, paragraph, item or cell being read
  const lists: { ordered: boolean; n: number; lines: string[] }[] = [];
  let row: string[] | null = null;
  let rows: string[] | null = null;
  let heading = 0;
  const takeItem = () => {
    const list = lists.at(-1);
    const t = clean(text ?? '');
    text = null;
    if (list && t) list.lines.push(`${list.ordered ? `${(list.n += 1)}.` : '-'} ${t}`);
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (m[3] !== undefined) {
      if (text !== null) text += decode(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    const h = /^h([1-6])$/.exec(tag);
    if (tag === 'br') {
      if (text !== null) text += ' ';
    } else if (h || tag === 'p') {
      const inside = lists.length > 0 || row !== null;
      if (!closing) {
        if (!inside) text = '';
        else text ??= '';
        heading = h ? Number(h[1]) : 0;
      } else if (!inside) {
        const t = clean(text ?? '');
        if (t) blocks.push(heading ? `${'#'.repeat(heading)} ${t}` : t);
        text = null;
      } else if (text !== null) text += ' ';
    } else if (tag === 'ul' || tag === 'ol') {
      if (!closing) {
        if (lists.length) takeItem(); // the parent item's own text, before its sub-list
        lists.push({ ordered: tag === 'ol', n: 0, lines: [] });
      } else {
        const list = lists.pop();
        const parent = lists.at(-1);
        if (list && parent) parent.lines.push(...list.lines.map((l) => `  ${l}`));
        else if (list?.lines.length) blocks.push(list.lines.join('\n'));
      }
    } else if (tag === 'li') {
      if (!closing) text = '';
      else takeItem();
    } else if (tag === 'table') {
      if (!closing) rows = [];
      else {
        if (rows?.length) blocks.push(rows.join('\n'));
        rows = null;
      }
    } else if (tag === 'tr') {
      if (!closing) row = [];
      else {
        if (row?.some(Boolean)) (rows ??= []).push(row.join(' | '));
        row = null;
      }
    } else if (tag === 'td' || tag === 'th') {
      if (!closing) text = '';
      else {
        row?.push(clean(text ?? ''));
        text = null;
      }
    }
  }
  return blocks.join('\n\n');
}

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const dir = zipDirectory(bytes);
  if (!dir) return { ok: false, reason: DOCX_REASONS.damaged };
  if (!dir.some((e) => e.name === 'word/document.xml')) return { ok: false, reason: DOCX_REASONS.notWord };
  const text = dir.filter((e) => !e.name.startsWith('word/media/')).reduce((n, e) => n + e.size, 0);
  if (text > MAX_UNPACKED_BYTES) return { ok: false, reason: DOCX_REASONS.tooBig };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch {
    return { ok: false, reason: DOCX_REASONS.damaged };
  }
  const out = htmlToText(html);
  if (!out.trim()) return { ok: false, reason: DOCX_REASONS.noText };
  return { ok: true, parts: [{ location: null, text: out }] };
}
