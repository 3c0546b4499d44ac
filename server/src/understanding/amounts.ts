import { CURRENCY_AFTER, CURRENCY_BEFORE, GRAMS_PER_UNIT, KARAT_UNITS, MONEY_EXPONENT } from './lexicon/index.js';
import { isNumberToken, numeralValue, parseNumeral, scaleToWhole, splitNumberToken } from './tokens.js';

/**
 * One number in a token list with what its unit makes it:
 * - `money`: whole rupees ("50k", "₹45,500", "1.5 lakh");
 * - `weight`: grams ("20 gm", "1 tola");
 * - `karat`: a gold purity ("22kt", "22 carat"), or "22k", which is money after "under";
 * - `bare`: a number with no unit ("916", "50000"); the caller decides.
 */
export interface Amount {
  start: number;
  end: number;
  kind: 'money' | 'weight' | 'karat' | 'bare';
  /** Rupees for money, grams for weight, karats for karat, the plain value for bare. */
  value: number;
  /** The number as written, before its unit ("1.5" in "1.5L"). */
  numeral: string;
  /** For money: the power of ten its unit applied (3 for "k"); lets "15-40k" read as 15k-40k. */
  exponent: number;
  /** "22k" is 22 karat, or ₹22,000 after a price word: its rupee reading. */
  asMoney?: number;
}

const KARATS = new Set([9, 10, 14, 18, 20, 21, 22, 23, 24]);

/** Reads the amount starting at `start`, joining Indian compounds: "1 lakh 20 hazar" is 120000. */
export function readAmount(tokens: readonly string[], start: number): Amount | null {
  const first = readSimple(tokens, start);
  if (first?.kind !== 'money' || first.exponent < 5) return first;
  let total = first;
  for (;;) {
    const next = readSimple(tokens, total.end);
    const rupees = next?.kind === 'money' ? next.value : next?.asMoney;
    if (!next || rupees === undefined || next.exponent <= 0 || next.exponent >= total.exponent || tokens[next.start] === '₹') return total;
    total = { ...total, end: next.end, value: total.value + rupees, exponent: next.exponent };
  }
}

function readSimple(tokens: readonly string[], start: number): Amount | null {
  let i = start;
  const currencyBefore = CURRENCY_BEFORE.has(tokens[i] ?? '') && isNumberToken(tokens[i + 1] ?? '');
  if (currencyBefore) i += 1;
  const split = splitNumberToken(tokens[i] ?? '');
  if (!split) return null;
  const parts = parseNumeral(split.numeral);
  const plain = numeralValue(split.numeral);
  if (!parts || plain === null) return null;
  i += 1;
  let unit = split.unit;
  if (unit === '' && isUnit(tokens[i] ?? '')) unit = tokens[i++] ?? '';
  let currency = currencyBefore || CURRENCY_BEFORE.has(unit) || CURRENCY_AFTER.has(unit);
  if (CURRENCY_AFTER.has(tokens[i] ?? '') && !(tokens[i] === 'only' && !currency && own(MONEY_EXPONENT, unit) === undefined)) {
    currency = true;
    i += 1;
  }
  const base = { start, end: i, numeral: split.numeral };

  const exponent = own(MONEY_EXPONENT, unit);
  if (exponent !== undefined) {
    const rupees = scaleToWhole(parts.whole, parts.fraction, exponent);
    if (rupees === null) return null;
    if (unit === 'k' && !currency && KARATS.has(plain)) return { ...base, kind: 'karat', value: plain, exponent, asMoney: rupees };
    return { ...base, kind: 'money', value: rupees, exponent };
  }
  const grams = own(GRAMS_PER_UNIT, unit);
  if (grams !== undefined && !currency) return { ...base, kind: 'weight', value: Math.round(plain * grams * 1000) / 1000, exponent: 0 };
  if (KARAT_UNITS.has(unit) && !currency) {
    // "0.5 ct" is a stone's weight, not a gold purity: not an amount we read.
    return Number.isInteger(plain) && KARATS.has(plain) ? { ...base, kind: 'karat', value: plain, exponent: 0 } : null;
  }
  if (unit !== '' && !currency && !CURRENCY_BEFORE.has(unit)) return null;
  const rupees = scaleToWhole(parts.whole, parts.fraction, 0);
  if (currency) return rupees === null ? null : { ...base, kind: 'money', value: rupees, exponent: 0 };
  return { ...base, kind: 'bare', value: plain, exponent: 0 };
}

function isUnit(word: string): boolean {
  return own(MONEY_EXPONENT, word) !== undefined || own(GRAMS_PER_UNIT, word) !== undefined || KARAT_UNITS.has(word);
}

function own(table: Readonly<Record<string, number>>, key: string): number | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A bare number as money at a power of ten (the other end of a range gave the unit). */
export function bareAsMoney(amount: Amount, exponent: number): number | null {
  const parts = parseNumeral(amount.numeral);
  return parts ? scaleToWhole(parts.whole, parts.fraction, exponent) : null;
}
