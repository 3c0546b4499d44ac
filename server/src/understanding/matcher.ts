import type { Entry } from './lexicon/index.js';

/** A phrase found in the token list: tokens [start, end) carry the entry's meaning. */
export interface Match {
  start: number;
  end: number;
  entry: Entry;
}

interface Candidate {
  words: readonly string[];
  entry: Entry;
}

/**
 * Longest-phrase matching over token lists, with spelling repair: plurals are reduced to a known
 * singular, and a long unknown word one or two edits from a known one is read as that word.
 */
export class PhraseMatcher {
  private readonly byFirstWord = new Map<string, Candidate[]>();
  private readonly vocabulary = new Set<string>();
  private readonly fuzzyByInitial = new Map<string, string[]>();

  constructor(entries: readonly Entry[], extraVocabulary: Iterable<string>, fuzzyTargets: readonly string[]) {
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        const words = phrase.split(' ');
        const first = words[0] ?? '';
        const list = this.byFirstWord.get(first) ?? [];
        list.push({ words, entry });
        this.byFirstWord.set(first, list);
        for (const w of words) this.vocabulary.add(w);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
    for (const w of extraVocabulary) this.vocabulary.add(w);
    for (const target of fuzzyTargets) {
      const list = this.fuzzyByInitial.get(target.charAt(0)) ?? [];
      list.push(target);
      this.fuzzyByInitial.set(target.charAt(0), list);
    }
  }

  /** Recent spellings: product names repeat their words across a whole catalog. Bounded. */
  private readonly spelled = new Map<string, string>();

  /** The word as the lexicon knows it: itself, its singular, or the one known word it is a typo of. */
  spell(token: string): string {
    if (this.vocabulary.has(token) || !/^[a-z]+$/.test(token)) return token;
    const known = this.spelled.get(token);
    if (known !== undefined) return known;
    if (this.spelled.size >= 20_000) this.spelled.clear();
    const word = this.repair(token);
    this.spelled.set(token, word);
    return word;
  }

  private repair(token: string): string {
    for (const singular of singulars(token)) if (this.vocabulary.has(singular)) return singular;
    if (token.length < 5) return token;
    const limit = token.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = limit + 1;
    let tie = false;
    for (const target of this.fuzzyByInitial.get(token.charAt(0)) ?? []) {
      for (const form of [target, `${target}s`]) {
        const d = editDistance(token, form, limit);
        if (d < bestDistance) [best, bestDistance, tie] = [target, d, false];
        else if (d === bestDistance && best !== target) tie = true;
      }
    }
    return best !== null && !tie ? best : token;
  }

  /** Scans left to right taking the longest phrase at each position; `taken` tokens are skipped. */
  scan(words: readonly string[], taken: readonly boolean[]): Match[] {
    const matches: Match[] = [];
    let i = 0;
    while (i < words.length) {
      const match = taken[i] ? null : this.matchAt(words, taken, i);
      if (match) {
        matches.push(match);
        i = match.end;
      } else i += 1;
    }
    return matches;
  }

  private matchAt(words: readonly string[], taken: readonly boolean[], start: number): Match | null {
    for (const candidate of this.byFirstWord.get(words[start] ?? '') ?? []) {
      const end = start + candidate.words.length;
      if (end > words.length) continue;
      let ok = true;
      for (let k = 1; k < candidate.words.length && ok; k += 1) ok = !taken[start + k] && words[start + k] === candidate.words[k];
      if (ok) return { start, end, entry: candidate.entry };
    }
    return null;
  }
}

function singulars(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}

/** Optimal-string-alignment distance (adjacent swaps count once), giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}
