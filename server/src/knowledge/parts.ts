import { chunkText, HEADING_SEPARATOR, type Chunk } from './chunk.js';

/**
 * The seam between reading a document and indexing it: a reader (text, PDF, Word, a website)
 * turns its input into parts, and `chunkParts` turns parts into chunks. Parts are stored with the
 * source (`knowledge_sources.parts`, JSON) so a source is re-processed without reading it again.
 */

/** A document as the reader found it: one part per PDF page, per web page, or one for a text. */
export interface DocPart {
  /** Where the part is: "page 3", a page URL, or null (a text or Word document: its headings say where). */
  location: string | null;
  /** Markdown-ish: "# Heading" lines are kept and become the chunks' heading path. */
  text: string;
}

/**
 * Each part chunked with `chunkText`. A chunk's location is the part's location followed by its
 * heading path ("page 3 › Refunds"), the part's location alone when it has no heading, or
 * chunkText's own location (heading path or "paragraph N") when the part has no location.
 */
export function chunkParts(parts: DocPart[]): Chunk[] {
  const out: Chunk[] = [];
  for (const part of parts) {
    for (const c of chunkText(part.text)) {
      const location = part.location === null ? c.location : c.heading ? `${part.location}${HEADING_SEPARATOR}${c.heading}` : part.location;
      out.push({ heading: c.heading, location, text: c.text });
    }
  }
  return out;
}

/** Stored parts back as parts; null when the JSON is missing or not a list of parts. */
export function parseParts(json: string | null): DocPart[] | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return null;
    const parts: DocPart[] = [];
    for (const p of v as unknown[]) {
      if (typeof p !== 'object' || p === null) return null;
      const { location, text } = p as Record<string, unknown>;
      if (typeof text !== 'string' || (location !== null && typeof location !== 'string')) return null;
      parts.push({ location, text });
    }
    return parts;
  } catch {
    return null;
  }
}
