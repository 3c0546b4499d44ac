import { ALL_ENTRIES, CURRENCY_AFTER, CURRENCY_BEFORE, FILLER_WORDS, FUZZY_TARGETS, GRAMS_PER_UNIT, KARAT_UNITS, MONEY_EXPONENT, POSTFIX_OPERATORS, PREFIX_OPERATORS } from './lexicon/index.js';
import { PhraseMatcher, type Match } from './matcher.js';
import { tokenize } from './tokens.js';

/** Units, currencies and price operators: dropped from leftover text when no number used them ("under 20"). */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(MONEY_EXPONENT), ...Object.keys(GRAMS_PER_UNIT), ...KARAT_UNITS, ...CURRENCY_BEFORE, ...CURRENCY_AFTER,
  ...[...PREFIX_OPERATORS, ...POSTFIX_OPERATORS].flatMap(([phrase]) => phrase.split(' ')),
]);

/** The whole lexicon as one matcher: immutable data built once, shared by every parser. */
export const LEXICON = new PhraseMatcher(ALL_ENTRIES, [...FILLER_WORDS, ...QUANTITY_WORDS], FUZZY_TARGETS);

export interface Scanned {
  /** The tokens as typed. */
  tokens: string[];
  /** The tokens as the lexicon spells them (plurals reduced, typos repaired). */
  words: string[];
  matches: Match[];
}

/** Tokenises and matches the whole lexicon: the common first step of every word-level parser. */
export function scanText(text: string): Scanned {
  const tokens = tokenize(text);
  const words = tokens.map((t) => LEXICON.spell(t));
  return { tokens, words, matches: LEXICON.scan(words, words.map(() => false)) };
}

/** Matches that a negation before ("without diamond") or after ("gold nahi") cancels. */
export function negatedMatches(matches: readonly Match[]): Set<Match> {
  const negated = new Set<Match>();
  matches.forEach((m, index) => {
    const meaning = m.entry.meaning;
    if (meaning.kind !== 'negation') return;
    const step = meaning.postfix ? -1 : 1;
    for (let k = index + step; k >= 0 && k < matches.length; k += step) {
      const other = matches[k];
      if (!other || Math.abs((step > 0 ? other.start - m.end : m.start - other.end)) > 2) break;
      const kind = other.entry.meaning.kind;
      if (kind === 'filler') continue;
      if (kind !== 'negation' && kind !== 'keep') negated.add(other);
      break;
    }
  });
  return negated;
}
