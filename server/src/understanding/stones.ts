import { negatedMatches, scanText } from './lexicon-matcher.js';

/**
 * The stones a text names, as canonical lowercase names, unique, in the order first named:
 * "Heera Moti Set" → ["diamond", "pearl"]; "American Diamond" → ["cz"]; "Polki; Emerald" → ["polki", "emerald"].
 */
export function parseStones(text: string): string[] {
  if (typeof text !== 'string') return [];
  const { matches } = scanText(text);
  const negated = negatedMatches(matches);
  const stones: string[] = [];
  for (const m of matches) {
    const meaning = m.entry.meaning;
    if (meaning.kind === 'stone' && !negated.has(m) && !stones.includes(meaning.stone)) stones.push(meaning.stone);
  }
  return stones;
}
