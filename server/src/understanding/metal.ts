import type { Metal, Purity } from '../contracts/index.js';
import { readAmount } from './amounts.js';
import { negatedMatches, scanText } from './lexicon-matcher.js';

/** Fineness marks in parts per thousand (and the "91.6" way of writing them) → purity. */
const FINENESS: Readonly<Record<string, { metal: Metal; purity: Purity }>> = {
  '999': { metal: 'gold', purity: '24K' }, '99.9': { metal: 'gold', purity: '24K' }, '9999': { metal: 'gold', purity: '24K' },
  '995': { metal: 'gold', purity: '24K' }, '99.5': { metal: 'gold', purity: '24K' },
  '916': { metal: 'gold', purity: '22K' }, '91.6': { metal: 'gold', purity: '22K' },
  '750': { metal: 'gold', purity: '18K' }, '75.0': { metal: 'gold', purity: '18K' },
  '585': { metal: 'gold', purity: '14K' }, '58.5': { metal: 'gold', purity: '14K' },
  '925': { metal: 'silver', purity: '925' }, '92.5': { metal: 'silver', purity: '925' },
  '950': { metal: 'platinum', purity: '950' },
};

const KARAT_PURITY: Readonly<Record<number, Purity>> = { 24: '24K', 22: '22K', 18: '18K', 14: '14K' };

/** The purity a bare fineness number means ("916" → 22K gold), or null. */
export function finenessOf(numeral: string): { metal: Metal; purity: Purity } | null {
  return Object.hasOwn(FINENESS, numeral) ? (FINENESS[numeral] ?? null) : null;
}

/** A karat number as a purity: 22 → 22K; 9, 10, 20, 21, 23 are gold with no purity of ours. */
export function karatPurity(karat: number): Purity | null {
  return KARAT_PURITY[karat] ?? null;
}

/**
 * The metal a name or a metal column says: "Yellow Gold", "sona" → gold; "chandi", "sterling" →
 * silver; "Rose Gold", "White Gold", "Platinum". Plating is not the metal: "Gold Plated Silver" → silver.
 */
export function parseMetal(text: string): Metal | null {
  if (typeof text !== 'string') return null;
  const { matches } = scanText(text);
  const negated = negatedMatches(matches);
  for (const m of matches) if (m.entry.meaning.kind === 'metal' && !negated.has(m)) return m.entry.meaning.metal;
  return null;
}

/**
 * Purity from a karat or fineness mark: "22K", "22 kt", "22 carat", "916" → 22K gold; "750" → 18K;
 * "585" → 14K; "24K", "999", "995" → 24K; "925", "sterling" → 925 silver; "950", "PT950" → 950
 * platinum. A metal named in the text wins over the one the mark implies ("18K White Gold").
 */
export function parsePurity(text: string): { metal: Metal | null; purity: Purity | null } {
  if (typeof text !== 'string') return { metal: null, purity: null };
  const { tokens, matches } = scanText(text);
  const named = parseMetal(text);
  for (let i = 0; i < tokens.length; i += 1) {
    const amount = readAmount(tokens, i);
    if (!amount) continue;
    if (amount.kind === 'karat') return { metal: named ?? 'gold', purity: karatPurity(amount.value) };
    const fine = amount.kind === 'bare' ? finenessOf(amount.numeral) : null;
    if (fine) return { metal: named ?? fine.metal, purity: fine.purity };
    i = amount.end - 1;
  }
  for (const m of matches) {
    const meaning = m.entry.meaning;
    if (meaning.kind === 'metal' && meaning.purity) return { metal: named ?? meaning.metal, purity: meaning.purity };
  }
  return { metal: named, purity: null };
}
