import { NUMBER_MODIFIERS, NUMBER_WORDS, SPOKEN_UNITS } from './lexicon/numbers.js';

/**
 * Turning free text (a shopper's message, a product name, a spreadsheet cell) into tokens that the
 * lexicon tables can match: lowercase words, numbers with their unit glued on ("50k", "1.5l",
 * "22kt", "20gm"), and the few symbols that mean something in a price (₹ ~ < > + -).
 */

const TOKEN = /₹|~|<=?|>=?|\+|[-–—]|\d[\d,]*(?:\.\d+)?[a-z]*|\.\d+[a-z]*|[\p{L}][\p{L}\p{M}\p{N}]*/gu;

/** Lowercase, NFKC, apostrophes dropped ("men's" → "mens"), hyphens inside words become spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/(\p{L})[-_/](?=\p{L})/gu, '$1 ')
    .replace(/\brs\.?(?=\d)/g, 'rs ')
    .replace(/\binr(?=\d)/g, 'inr ')
    .replace(/\/-/g, ' ')
    .replace(SPOKEN, spokenNumber);
}

const SPOKEN = new RegExp(`\\b(?:(${Object.keys(NUMBER_MODIFIERS).join('|')})\\s+)?(${Object.keys(NUMBER_WORDS).join('|')}|\\d+)\\s+(?=(?:${SPOKEN_UNITS})\\b)`, 'g');

/** "dedh lakh" → "1.5 lakh", "sawa do lakh" → "2.25 lakh"; a digit after a modifier works too ("saade 3 lakh"). */
function spokenNumber(match: string, modifier: string | undefined, word: string): string {
  const base = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  if (base === undefined || (!modifier && /^\d+$/.test(word))) return match;
  const value = base + (modifier ? (NUMBER_MODIFIERS[modifier] ?? 0) : 0);
  return `${Number(value.toFixed(2))} `;
}

export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN) ?? [];
}

export function isNumberToken(token: string): boolean {
  return /^[\d.]/.test(token);
}

/** Splits "50k" into its numeral and its glued unit: { numeral: '50', unit: 'k' }. */
export function splitNumberToken(token: string): { numeral: string; unit: string } | null {
  const m = /^(\d[\d,]*(?:\.\d+)?|\.\d+)([a-z]*)$/.exec(token);
  if (!m || m[1] === undefined) return null;
  return { numeral: m[1], unit: m[2] ?? '' };
}

/** Indian ("1,25,000") and Western ("125,000") digit grouping; anything else is not a number. */
const GROUPED = /^(?:\d{1,3}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;

/** "1,25,000.50" → { whole: '125000', fraction: '50' }; badly grouped digits → null. */
export function parseNumeral(numeral: string): { whole: string; fraction: string } | null {
  if (!GROUPED.test(numeral)) return null;
  const [whole = '', fraction = ''] = numeral.replace(/,/g, '').split('.');
  return { whole: whole === '' ? '0' : whole, fraction };
}

/** The numeral's value as a float, for grams and for unit heuristics (never for money). */
export function numeralValue(numeral: string): number | null {
  const parts = parseNumeral(numeral);
  return parts ? Number(`${parts.whole}.${parts.fraction || '0'}`) : null;
}

/**
 * Exact decimal scaling with half-up rounding to a whole number: ("1", "2", 5) → 120000 for 1.2
 * lakh, ("45500", "49", 0) → 45500. Works on the digits, so 1.15 lakh is 115000, not 114999.
 */
export function scaleToWhole(whole: string, fraction: string, exponent: number): number | null {
  const digits = `${whole}${fraction}`;
  const point = whole.length + exponent;
  const padded = digits.padEnd(point, '0');
  const head = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const next = padded.charAt(point);
  const value = Number(head) + (next >= '5' && next <= '9' ? 1 : 0);
  return Number.isSafeInteger(value) ? value : null;
}
