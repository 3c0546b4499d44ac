import type { Entry } from './types.js';
import { CATEGORY_ENTRIES } from './categories.js';
import { METAL_ENTRIES } from './metals.js';
import { STONE_ENTRIES } from './stones.js';
import { GENDER_ENTRIES, NEGATION_ENTRIES, OCCASION_ENTRIES, SORT_ENTRIES, STOCK_ENTRIES } from './intents.js';
import { FILLER_ENTRIES } from './fillers.js';
import { DEVANAGARI_ENTRIES } from './devanagari.js';

export type { Entry, Meaning, CategoryRole } from './types.js';
export { CATEGORY_PRIORITY } from './categories.js';
export { FILLER_WORDS } from './fillers.js';
export * from './quantities.js';

/** Every phrase table, matched together so the longest phrase wins across topics ("rose gold", "diamond cut"). */
export const ALL_ENTRIES: readonly Entry[] = [
  ...CATEGORY_ENTRIES, ...METAL_ENTRIES, ...STONE_ENTRIES, ...GENDER_ENTRIES, ...OCCASION_ENTRIES,
  ...SORT_ENTRIES, ...STOCK_ENTRIES, ...NEGATION_ENTRIES, ...FILLER_ENTRIES, ...DEVANAGARI_ENTRIES,
];

/**
 * Words worth correcting when misspelled: long, distinctive words only. Short or Hindi words are
 * left out on purpose — "polka" is not "polki", "chandni" is a name, "feather" is not "father".
 */
export const FUZZY_TARGETS: readonly string[] = [
  'earring', 'jhumka', 'chandbali', 'bangle', 'bracelet', 'necklace', 'pendant', 'mangalsutra', 'anklet', 'locket',
  'choker', 'solitaire', 'chain', 'payal', 'platinum', 'silver', 'diamond', 'emerald', 'sapphire', 'pearl', 'kundan',
  'meenakari', 'wedding', 'engagement', 'bridal', 'festive', 'diwali', 'cheapest', 'expensive', 'heaviest',
  'lightest', 'latest', 'available', 'anguthi',
];
