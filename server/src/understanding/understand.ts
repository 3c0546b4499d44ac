import type { Gender, Metal, Sort, Understood } from '../contracts/index.js';
import { resolveCategory } from './category.js';
import { FILLER_WORDS, type Meaning } from './lexicon/index.js';
import { LEXICON, QUANTITY_WORDS, negatedMatches } from './lexicon-matcher.js';
import type { Match } from './matcher.js';
import { readMeasures } from './measures.js';
import { extractSku } from './sku.js';
import { tokenize } from './tokens.js';

/**
 * A shopper's message as search filters, in English, Hinglish or a mix, typos and all:
 * "gold bangles under 50k" → { category: 'bangle', metal: 'gold', priceMax: 50000, text: '' }.
 * Numbers are read first (price, weight, purity), then the lexicon's phrases; whatever meaningful
 * words remain are `text` for ranking. Never throws: nonsense gives `{ text: '' }` or its words.
 */
export function understand(query: string): Understood {
  try {
    return read(typeof query === 'string' ? query.slice(0, 2000) : '');
  } catch {
    return { text: '' };
  }
}

function read(query: string): Understood {
  const { sku, rest } = extractSku(query);
  const tokens = tokenize(rest);
  const taken = tokens.map(() => false);
  const measures = readMeasures(tokens, taken);
  const words = tokens.map((t) => LEXICON.spell(t));
  const matches = LEXICON.scan(words, taken);
  const negated = negatedMatches(matches);
  const live = matches.filter((m) => !negated.has(m));
  const category = resolveCategory(live);

  const out: Understood = { text: '' };
  if (sku) out.sku = sku;
  if (category) {
    out.category = category.category;
    if (category.style) out.style = category.style;
  }
  const metal = single(live, (m) => (m.kind === 'metal' ? m.metal : undefined));
  if (metal) out.metal = metal;
  const purities = new Set([...measures.purities, ...unique(live, (m) => (m.kind === 'metal' ? m.purity : undefined))]);
  if (purities.size === 1) out.purity = [...purities][0];
  const stones = unique(live, (m) => (m.kind === 'stone' ? m.stone : undefined));
  if (stones.length > 0) out.stones = stones;
  const { purities: _purities, ...bounds } = measures;
  Object.assign(out, bounds);
  const gender = genderOf(unique(live, (m) => (m.kind === 'gender' ? m.gender : undefined)));
  if (gender) out.gender = gender;
  const occasion = unique(live, (m) => (m.kind === 'occasion' ? m.occasion : undefined))[0];
  if (occasion) out.occasion = occasion;
  const sort = sortOf(live);
  if (sort) out.sort = sort;
  if (live.some((m) => m.entry.meaning.kind === 'stock')) out.inStockOnly = true;

  out.text = leftover(words, taken, matches, {
    keep: new Set(live.filter((m) => keptAsText(m, category?.deciding, metal === undefined))),
  });
  return out;
}

/** Which matched phrases stay in the ranking text: styles, keep-phrases, and words not used as a filter. */
function keptAsText(m: Match, deciding: Set<Match> | undefined, metalDropped: boolean): boolean {
  const meaning = m.entry.meaning;
  if (meaning.kind === 'keep') return true;
  if (meaning.kind === 'metal') return metalDropped;
  if (meaning.kind !== 'category') return false;
  return meaning.style !== undefined || !deciding?.has(m);
}

function leftover(words: readonly string[], taken: readonly boolean[], matches: readonly Match[], opts: { keep: Set<Match> }): string {
  const out: string[] = [];
  const push = (w: string) => {
    if (!out.includes(w)) out.push(w);
  };
  const inMatch = new Map<number, Match>();
  for (const m of matches) for (let k = m.start; k < m.end; k += 1) inMatch.set(k, m);
  for (let k = 0; k < words.length; k += 1) {
    const m = inMatch.get(k);
    const word = words[k] ?? '';
    if (m) {
      if (!opts.keep.has(m) || m.start !== k) continue;
      // Lexicon words in their standard spelling ("jhumki" → "jhumka", "sona" → "gold"); keep-phrases as typed.
      const typed = words.slice(m.start, m.end).join(' ');
      push(m.entry.meaning.kind === 'keep' ? typed : (m.entry.phrases[0] ?? typed));
      continue;
    }
    if (taken[k] || FILLER_WORDS.has(word) || QUANTITY_WORDS.has(word) || !/\p{L}/u.test(word) || /^\d/.test(word)) continue;
    push(word);
  }
  return out.join(' ');
}

function unique<T>(matches: readonly Match[], pick: (m: Meaning) => T | undefined): T[] {
  const out: T[] = [];
  for (const m of matches) {
    const v = pick(m.entry.meaning);
    if (v !== undefined && !out.includes(v)) out.push(v);
  }
  return out;
}

/** One value when all the matches agree; none when they conflict ("gold or silver" sets no metal). */
function single<T extends Metal>(matches: readonly Match[], pick: (m: Meaning) => T | undefined): T | undefined {
  const values = unique(matches, pick);
  return values.length === 1 ? values[0] : undefined;
}

/** Kids wins over adults ("baby bangle for my sister's son"); men and women together are unisex. */
function genderOf(genders: readonly Gender[]): Gender | undefined {
  if (genders.includes('kids')) return 'kids';
  if (genders.includes('men') && genders.includes('women')) return 'unisex';
  return genders[0];
}

/** A superlative ("cheapest") beats an adjective ("heavy"); otherwise the first one said. */
function sortOf(matches: readonly Match[]): Sort | undefined {
  const sorts = matches.flatMap((m) => (m.entry.meaning.kind === 'sort' ? [m.entry.meaning] : []));
  return (sorts.find((s) => s.strong) ?? sorts[0])?.sort;
}
