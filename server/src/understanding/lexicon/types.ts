import type { Category, Gender, Metal, Purity, Sort } from '../../contracts/index.js';

/**
 * How a category word counts:
 * - `noun` names the piece ("jhumka", "necklace") and decides the category;
 * - `implies` decides it only when no noun does ("solitaire" → ring, yet "solitaire pendant" is a pendant);
 * - `modifier` never decides; it gives its style when the category is already its own ("rope" chain).
 */
export type CategoryRole = 'noun' | 'implies' | 'modifier';

export type Meaning =
  | { kind: 'category'; category: Category; role: CategoryRole; style?: string; anyCategory?: boolean }
  | { kind: 'metal'; metal: Metal; purity?: Purity }
  | { kind: 'stone'; stone: string }
  | { kind: 'gender'; gender: Gender }
  | { kind: 'occasion'; occasion: string }
  | { kind: 'sort'; sort: Sort; strong: boolean }
  | { kind: 'stock' }
  | { kind: 'negation'; postfix: boolean }
  /** Filler words: dropped from the leftover text. */
  | { kind: 'filler' }
  /** A phrase kept as plain text so that a shorter word inside it does not fire ("german silver"). */
  | { kind: 'keep' };

/** One meaning and the phrases (space-separated words, normalised) that carry it; the first is canonical. */
export interface Entry {
  phrases: readonly string[];
  meaning: Meaning;
}

export function entry(phrases: string, meaning: Meaning): Entry {
  return { phrases: phrases.normalize('NFKC').split('|').map((p) => p.trim()).filter(Boolean), meaning };
}
