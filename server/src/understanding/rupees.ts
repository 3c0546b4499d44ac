import { bareAsMoney, readAmount } from './amounts.js';
import { CURRENCY_AFTER, CURRENCY_BEFORE } from './lexicon/index.js';
import { tokenize } from './tokens.js';

/** What a money cell may contain besides the number: digits, grouping, currency signs and words. */
const MONEY_CHARACTERS = /^[\p{L}\d\s.,₹]*$/u;

/**
 * A rupee amount as a spreadsheet or a shopper writes it, in whole rupees (half up):
 * "1,25,000", "₹ 45,500.00", "Rs. 12000/-", "1.2 lakh", "1.5L", "50k", "2 cr", "1 lakh 20 hazar".
 * Blanks, dashes, "NA", "nil", negative or unreadable values are null: never a guess.
 */
export function parseRupees(text: string): number | null {
  if (typeof text !== 'string') return null;
  const cleaned = text.normalize('NFKC').replace(/\/-\s*$/, '').trim();
  if (cleaned === '' || !MONEY_CHARACTERS.test(cleaned)) return null;
  const tokens = tokenize(cleaned).filter((t) => !CURRENCY_BEFORE.has(t) && !CURRENCY_AFTER.has(t));
  const amount = readAmount(tokens, 0);
  if (!amount || amount.end !== tokens.length) return null;
  if (amount.kind === 'money') return amount.value;
  if (amount.kind === 'bare') return bareAsMoney(amount, 0);
  return amount.asMoney ?? null;
}
