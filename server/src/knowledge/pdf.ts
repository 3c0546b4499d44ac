import { getResolvedPDFJS } from 'unpdf';
import type { DocPart } from './parts.js';

/**
 * A PDF's text, one part per page ("page N"), read with pdf.js (through unpdf) in this process.
 * Lines come from the text items' positions: a vertical gap wider than a line starts a new
 * paragraph, a word hyphenated across a line break is joined, and a line that repeats at the top
 * or bottom of most pages (a running header or footer, a page number) is dropped. Headings cannot
 * be told apart reliably in a PDF, so none are made up.
 *
 * It cannot hurt the server: at most MAX_PDF_PAGES pages, and a deadline checked between pages
 * (pdf.js yields between them, so other requests are served meanwhile); when it passes, the
 * document is destroyed and the reading fails. One page's own parsing cannot be interrupted, but
 * the upload limit bounds it.
 */

export const MAX_PDF_PAGES = 500;
export const PDF_TIMEOUT_MS = 60_000;

export type PdfRead = { ok: true; parts: DocPart[] } | { ok: false; reason: string };

export const PDF_REASONS = {
  encrypted: 'This PDF is password-protected; save a copy without a password',
  damaged: 'This PDF is damaged or incomplete',
  noText: 'This PDF has no text (it looks like scanned images); upload a text PDF or paste the text',
  tooManyPages: (n: number, max: number) => `This PDF has ${n} pages; the most read is ${max}. Split it, or upload the pages that matter`,
  tooSlow: (s: number) => `This PDF took longer than ${Math.max(0, s)} s to read; split it into smaller files`,
} as const;

interface Item {
  str: string;
  transform: number[];
  hasEOL: boolean;
}
interface Line {
  text: string;
  y: number;
  size: number;
}

/** The page's items as lines, top to bottom, with their baseline and font size. */
function linesOf(items: Item[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const it of items) {
    const y = it.transform[5] ?? 0;
    const size = Math.abs(it.transform[3] ?? 0) || Math.abs(it.transform[0] ?? 0) || 10;
    if (cur && it.str && Math.abs(cur.y - y) > Math.max(cur.size, size) * 0.5) {
      lines.push(cur);
      cur = null;
    }
    if (it.str) {
      if (!cur) cur = { text: '', y, size };
      cur.text += it.str;
      cur.size = Math.max(cur.size, size);
    }
    if (it.hasEOL && cur) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur) lines.push(cur);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

const BULLET = /^([•·▪◦‣\-–*]|\d{1,3}[.)]|[a-z][.)])\s/i;
/** A page number or a running line, compared without its digits ("Page 3 of 9" ~ "Page 4 of 9"). */
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#');
const PAGE_NUMBER = /^(page\s*)?#(\s*(of|\/)\s*#)?$|^-\s*#\s*-$/;

/** Lines into paragraphs: blank line at a wide gap, hyphenated words joined, prose lines joined by spaces. */
function pageText(lines: Line[]): string {
  let out = '';
  let prev: Line | null = null;
  for (const line of lines) {
    if (!prev) out = line.text;
    else {
      const gap = prev.y - line.y;
      const wide = gap > Math.max(prev.size, line.size) * 1.6 || gap < 0;
      if (wide) out += `\n\n${line.text}`;
      else if (/[a-z]-$/.test(prev.text) && /^[a-z]/.test(line.text)) out = out.slice(0, -1) + line.text;
      else if (BULLET.test(line.text)) out += `\n${line.text}`;
      else out += ` ${line.text}`;
    }
    prev = line;
  }
  return out.trim();
}

/** Drops running headers/footers: the first/last two lines of a page whose shape repeats on most pages (at least 3), and bare page numbers. */
function dropRunning(pages: Line[][]): Line[][] {
  const edge = (lines: Line[]) => new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => shape(l.text)));
  const seen = new Map<string, number>();
  for (const lines of pages) for (const s of edge(lines)) seen.set(s, (seen.get(s) ?? 0) + 1);
  const running = new Set([...seen].filter(([, n]) => pages.length >= 3 && n >= Math.max(3, pages.length * 0.6)).map(([s]) => s));
  return pages.map((lines) =>
    lines.filter((l, i) => {
      const atEdge = i < 2 || i >= lines.length - 2;
      const s = shape(l.text);
      return !(atEdge && (running.has(s) || PAGE_NUMBER.test(s)));
    }),
  );
}

function errorName(err: unknown): string {
  return typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
}

export async function readPdf(bytes: Uint8Array, opts: { timeoutMs?: number; maxPages?: number } = {}): Promise<PdfRead> {
  const timeoutMs = opts.timeoutMs ?? PDF_TIMEOUT_MS;
  const maxPages = opts.maxPages ?? MAX_PDF_PAGES;
  const deadline = Date.now() + timeoutMs;
  const { getDocument } = await getResolvedPDFJS();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: true, disableFontFace: true, stopAtErrors: false });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const doc = await Promise.race([task.promise, timedOut]);
    if (doc === 'timeout') return { ok: false, reason: PDF_REASONS.tooSlow(Math.round(timeoutMs / 1000)) };
    if (doc.numPages > maxPages) return { ok: false, reason: PDF_REASONS.tooManyPages(doc.numPages, maxPages) };
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      if (Date.now() > deadline) return { ok: false, reason: PDF_REASONS.tooSlow(Math.round(timeoutMs / 1000)) };
      const page = await Promise.race([doc.getPage(n), timedOut]);
      if (page === 'timeout') return { ok: false, reason: PDF_REASONS.tooSlow(Math.round(timeoutMs / 1000)) };
      const content = await Promise.race([page.getTextContent(), timedOut]);
      if (content === 'timeout') return { ok: false, reason: PDF_REASONS.tooSlow(Math.round(timeoutMs / 1000)) };
      pages.push(linesOf(content.items.flatMap((i) => ('str' in i ? [i] : []))));
      page.cleanup();
    }
    const parts = dropRunning(pages)
      .map((lines, i) => ({ location: `page ${i + 1}`, text: pageText(lines) }))
      .filter((p) => p.text);
    if (!parts.length) return { ok: false, reason: PDF_REASONS.noText };
    return { ok: true, parts };
  } catch (err) {
    return { ok: false, reason: errorName(err) === 'PasswordException' ? PDF_REASONS.encrypted : PDF_REASONS.damaged };
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}
