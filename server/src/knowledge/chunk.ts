/**
 * Cuts a document into passages the agent can quote: Markdown headings become each chunk's heading
 * path ("Returns and Exchange › 7-day return for a refund"), and a section longer than the target
 * is split on paragraph, then sentence boundaries, each new piece repeating the previous one's last
 * sentence (a little overlap, so a fact that straddles the cut is whole in one chunk).
 */

export interface Chunk {
  /** The heading path, '' when the text has no heading above it. */
  heading: string;
  /** Where the passage is: the heading path, or "paragraph N" for text without headings. */
  location: string;
  text: string;
}

/** Characters a chunk aims to stay within. */
export const CHUNK_TARGET = 900;
/** The longest trailing sentence carried into the next chunk. */
const OVERLAP_MAX = 200;
export const HEADING_SEPARATOR = ' › ';

interface Block {
  /** 1-based paragraph number within the document. */
  n: number;
  text: string;
}

interface Section {
  path: string[];
  blocks: Block[];
}

/** Markdown emphasis and code marks dropped: the agent quotes plain words. */
function plain(text: string): string {
  return text.replace(/\*\*|__|`/g, '').replace(/[ \t]+/g, ' ').trim();
}

function sections(text: string): Section[] {
  const out: Section[] = [];
  const path: string[] = [];
  let current: Section = { path: [], blocks: [] };
  let para: string[] = [];
  let n = 0;
  const flush = () => {
    const t = plain(para.join('\n'));
    para = [];
    if (t) current.blocks.push({ n: (n += 1), text: t });
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const h = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      flush();
      if (current.blocks.length) out.push(current);
      const level = (h[1] ?? '#').length;
      path.length = Math.min(path.length, level - 1);
      while (path.length < level - 1) path.push('');
      path.push(plain(h[2] ?? ''));
      current = { path: path.filter((p) => p !== ''), blocks: [] };
    } else if (line.trim() === '') flush();
    else para.push(line.trimEnd());
  }
  flush();
  if (current.blocks.length) out.push(current);
  return out;
}

/** Sentences (ending . ! ? । followed by space), or lines of a list/table block. */
function sentences(text: string): string[] {
  const parts = text.includes('\n') ? text.split('\n') : text.split(/(?<=[.!?।])\s+(?=\S)/u);
  const out: string[] = [];
  for (const p of parts.map((s) => s.trim()).filter(Boolean)) {
    if (p.length <= CHUNK_TARGET) out.push(p);
    else for (let i = 0; i < p.length; ) {
      // A sentence longer than a chunk: cut at the last space before the target.
      let end = Math.min(p.length, i + CHUNK_TARGET);
      if (end < p.length) {
        const space = p.lastIndexOf(' ', end);
        if (space > i + CHUNK_TARGET / 2) end = space;
      }
      out.push(p.slice(i, end).trim());
      i = end;
    }
  }
  return out;
}

function lastSentence(text: string): string | null {
  const s = sentences(text).pop();
  return s && s.length <= OVERLAP_MAX && s.length < text.length ? s : null;
}

/** Packs one section's paragraphs into chunks of at most about CHUNK_TARGET characters. */
function pack(section: Section): { text: string; firstParagraph: number }[] {
  const chunks: { text: string; firstParagraph: number }[] = [];
  let text = '';
  let first = 0;
  const push = () => {
    if (text.trim()) chunks.push({ text: text.trim(), firstParagraph: first });
  };
  for (const block of section.blocks) {
    const pieces = block.text.length <= CHUNK_TARGET ? [block.text] : sentences(block.text);
    const joiner = block.text.length <= CHUNK_TARGET ? '\n\n' : ' ';
    pieces.forEach((piece, i) => {
      const sep = i === 0 ? '\n\n' : joiner;
      if (text && text.length + sep.length + piece.length > CHUNK_TARGET) {
        const carry = lastSentence(text);
        push();
        text = carry && carry.length + 1 + piece.length <= CHUNK_TARGET ? `${carry} ${piece}` : piece;
        first = block.n;
      } else {
        if (!text) first = block.n;
        text = text ? `${text}${sep}${piece}` : piece;
      }
    });
  }
  push();
  return chunks;
}

/** The document's chunks in reading order. */
export function chunkText(text: string): Chunk[] {
  const out: Chunk[] = [];
  for (const section of sections(text)) {
    const heading = section.path.join(HEADING_SEPARATOR);
    for (const c of pack(section)) out.push({ heading, location: heading || `paragraph ${c.firstParagraph}`, text: c.text });
  }
  return out;
}
