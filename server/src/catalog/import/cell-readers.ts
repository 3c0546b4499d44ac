import type { Category, Metal, Purity } from '../../contracts/index.js';
import { inferCategory, parseMetal, parsePurity, parseRupees, parseStones } from '../../understanding/index.js';

/** Distinct values remembered per reader: stock files repeat the same few metals, purities and types. */
const MEMO_LIMIT = 20_000;

function memo<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    const value = read(text);
    if (seen.size < MEMO_LIMIT) seen.set(text, value);
    return value;
  };
}

/** Plain amounts: 125000, "1,25,000" (Indian grouping), "125,000", with an optional ₹/Rs and paise. */
const PLAIN_RUPEES = /^(?:₹|rs\.?|inr)?\s*(\d+|\d{1,2}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?\s*(?:\/-)?$/i;

/** "1,25,000" without the lexicon; everything else ("1.2 lakh", "50k") through parseRupees. */
function rupees(text: string): number | null {
  const m = PLAIN_RUPEES.exec(text.trim());
  if (!m?.[1]) return parseRupees(text);
  // Whole rupees, half up, as parseRupees rounds.
  return Math.round(Number(`${m[1].replace(/,/g, '')}.${m[2] ?? '0'}`));
}

/**
 * The understanding module's cell readers, remembered per import: a 100,000-row file has a few
 * dozen distinct metals and purities, so each is read once. One set of readers per import.
 */
export function createCellReaders() {
  return {
    category: memo((t): { category: Category; style: string | null } => inferCategory(t)),
    metal: memo((t): Metal | null => parseMetal(t)),
    purity: memo((t): { metal: Metal | null; purity: Purity | null } => parsePurity(t)),
    stones: memo((t): string[] => parseStones(t)),
    rupees: memo(rupees),
  };
}
export type CellReaders = ReturnType<typeof createCellReaders>;
