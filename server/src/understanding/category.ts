import type { Category } from '../contracts/index.js';
import { CATEGORY_PRIORITY, type Meaning } from './lexicon/index.js';
import { negatedMatches, scanText } from './lexicon-matcher.js';
import type { Match } from './matcher.js';

type CategoryMeaning = Extract<Meaning, { kind: 'category' }>;

export interface CategoryReading {
  category: Category;
  style: string | null;
  /** The nouns that decided the category: a query drops them from its leftover text. */
  deciding: Set<Match>;
}

const rank = (c: Category): number => CATEGORY_PRIORITY.indexOf(c);
const meaningOf = (m: Match): CategoryMeaning | null => (m.entry.meaning.kind === 'category' ? m.entry.meaning : null);

/**
 * The category of a set of matched phrases: the highest-priority noun decides ("chain pendant" →
 * pendant, "necklace set" → set); a word that only implies a category ("solitaire") decides when no
 * noun does. The style comes from a noun of that category, else from an implying word or modifier.
 */
export function resolveCategory(matches: readonly Match[]): CategoryReading | null {
  const found = matches.filter((m) => meaningOf(m) !== null);
  const nouns = found.filter((m) => meaningOf(m)?.role === 'noun');
  const deciders = nouns.length > 0 ? nouns : found.filter((m) => meaningOf(m)?.role === 'implies');
  let best: CategoryMeaning | null = null;
  for (const m of deciders) {
    const meaning = meaningOf(m);
    if (meaning && (!best || rank(meaning.category) < rank(best.category))) best = meaning;
  }
  if (!best) return null;
  const category = best.category;
  const ofCategory = (role: string) => found.filter((m) => meaningOf(m)?.role === role && meaningOf(m)?.category === category);
  const styled = [...ofCategory('noun'), ...ofCategory('implies'), ...ofCategory('modifier'), ...found.filter((m) => meaningOf(m)?.anyCategory)];
  const style = styled.map((m) => meaningOf(m)?.style).find((s) => s !== undefined) ?? null;
  return { category, style, deciding: new Set(ofCategory('noun').length > 0 ? ofCategory('noun') : ofCategory('implies')) };
}

/**
 * The category and style a product name or type names: "Lakshmi Temple Jhumka" → earrings/Jhumka,
 * "Kundan Necklace Set" → set. `other` with no style when nothing is recognised.
 */
export function inferCategory(text: string): { category: Category; style: string | null } {
  if (typeof text !== 'string') return { category: 'other', style: null };
  const { matches } = scanText(text);
  const negated = negatedMatches(matches);
  const reading = resolveCategory(matches.filter((m) => !negated.has(m)));
  return reading ? { category: reading.category, style: reading.style } : { category: 'other', style: null };
}

/**
 * A style compared across catalogs: "hoop", "Hoops" and "Bali" all give "bali"; "stud"/"tops" give
 * "studs"; an unknown style gives itself, lowercased. Search can match styles on this key.
 */
export function styleKey(style: string): string {
  const { words, matches } = scanText(style);
  for (const m of matches) {
    const meaning = meaningOf(m);
    if (meaning?.style && m.start === 0 && m.end === words.length) return meaning.style.toLowerCase();
  }
  return words.join(' ');
}
