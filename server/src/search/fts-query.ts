/**
 * The shopper's leftover words for the BM25 leg: lowercase letters/digits, no one-letter words,
 * bare numbers or filler, at most 16.
 */
export function ftsWords(text: string): string[] {
  const words = (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
  return [...new Set(words)].slice(0, 16);
}

/** One word as an FTS5 term: quoted (so no word reads as FTS syntax), longer words as prefixes ("ganesh" finds "Ganesha"). */
export function ftsTerm(word: string): string {
  return word.length >= 4 ? `"${word}"*` : `"${word}"`;
}

/** Words joined with OR, so that one unknown word does not sink the rest; null for none. */
export function ftsMatch(words: readonly string[]): string | null {
  return words.length ? words.map(ftsTerm).join(' OR ') : null;
}

const STOP = new Set('the and for with from that this any some show have has want need please what which wala wali wale liye chahiye dikhao'.split(' '));
