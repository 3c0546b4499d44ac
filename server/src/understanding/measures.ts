import type { Purity } from '../contracts/index.js';
import { bareAsMoney, readAmount, type Amount } from './amounts.js';
import { POSTFIX_OPERATORS, PREFIX_OPERATORS, RANGE_AND, RANGE_CONNECTORS, RANGE_TAILS, type Bound } from './lexicon/index.js';
import { finenessOf, karatPurity } from './metal.js';

export interface Measures {
  priceMin?: number;
  priceMax?: number;
  priceAround?: number;
  weightMinGrams?: number;
  weightMaxGrams?: number;
  weightAroundGrams?: number;
  /** Every purity named, in order; more than one distinct ("22k or 18k") sets none. */
  purities: Purity[];
}

type Quantity = { kind: 'money' | 'weight'; value: number };

/** A bare number this large is rupees ("gold ring 5000"); smaller ones are left alone. */
const BARE_RUPEES_MIN = 500;
/** A bare number above ₹10 crore is a phone number or an order id ("my order 1796146694841"), not a price. */
const BARE_RUPEES_MAX = 100_000_000;
/** After a price word or in a range, a bare number from 100 up is rupees ("under 5000"). */
const BOUNDED_RUPEES_MIN = 100;

/**
 * Reads every price, weight and purity expression, marking the tokens it used in `taken`:
 * "under 50k", "1.5L tak", "between 15k and 40k", "15-40k", "3 lakh se upar", "~20k", "10g se kam",
 * "22 carat", "916". A karat-looking "22k" is money only after a price word ("under 22k").
 */
export function readMeasures(tokens: readonly string[], taken: boolean[]): Measures {
  const out: Measures = { purities: [] };
  /** "under 10 grams and 50k": a bound carries over "and" to an amount of the other kind. */
  let last: { bound: Bound; end: number; weight: boolean } | null = null;
  for (let i = 0; i < tokens.length; i += 1) {
    if (taken[i] || !MAY_START_AMOUNT.test(tokens[i] ?? '')) continue;
    const a = readAmount(tokens, i);
    if (!a) continue;
    const prefix = operatorBefore(tokens, taken, i);
    const range = readRange(tokens, taken, a, prefix);
    if (range) {
      setRange(out, range.low, range.high);
      mark(taken, prefix?.start ?? i, range.end);
      i = range.end - 1;
      continue;
    }
    const postfix = operatorAfter(tokens, a.end);
    const carried: Bound | null = last && a.kind !== 'karat' && (a.kind === 'weight') !== last.weight && tokens.slice(last.end, i).every((t) => CARRY_JOINERS.has(t)) ? last.bound : null;
    const bound: Bound | null = prefix?.bound === 'range' ? 'around' : (prefix?.bound ?? postfix?.bound ?? carried);
    const used = interpret(a, bound, out);
    last = used && bound && bound !== 'range' ? { bound, end: postfix ? postfix.end : a.end, weight: a.kind === 'weight' } : null;
    if (used) {
      mark(taken, bound && prefix ? prefix.start : i, postfix ? postfix.end : a.end);
      i = (postfix ? postfix.end : a.end) - 1;
    }
  }
  return out;
}

function interpret(a: Amount, bound: Bound | null, out: Measures): boolean {
  if (a.kind === 'karat' && (bound === null || a.asMoney === undefined)) {
    const purity = karatPurity(a.value);
    if (purity) out.purities.push(purity);
    return true;
  }
  const fine = a.kind === 'bare' && bound === null ? finenessOf(a.numeral) : null;
  if (fine) {
    out.purities.push(fine.purity);
    return true;
  }
  const q = asQuantity(a, bound !== null ? BOUNDED_RUPEES_MIN : BARE_RUPEES_MIN);
  if (!q) return false;
  setBound(out, q, bound ?? 'around');
  return true;
}

function asQuantity(a: Amount, bareRupeesMin: number): Quantity | null {
  if (a.kind === 'money' || a.kind === 'weight') return a.value > 0 ? { kind: a.kind, value: a.value } : null;
  if (a.kind === 'karat') return a.asMoney ? { kind: 'money', value: a.asMoney } : null;
  const rupees = a.value >= bareRupeesMin && a.value <= BARE_RUPEES_MAX ? bareAsMoney(a, 0) : null;
  return rupees ? { kind: 'money', value: rupees } : null;
}

function setBound(out: Measures, q: Quantity, bound: Bound): void {
  const key = {
    money: { max: 'priceMax', min: 'priceMin', around: 'priceAround', range: 'priceAround' },
    weight: { max: 'weightMaxGrams', min: 'weightMinGrams', around: 'weightAroundGrams', range: 'weightAroundGrams' },
  } as const;
  out[key[q.kind][bound]] = q.value;
}

function setRange(out: Measures, low: Quantity, high: Quantity): void {
  const [lo, hi] = low.value <= high.value ? [low, high] : [high, low];
  setBound(out, lo, 'min');
  setBound(out, hi, 'max');
}

interface Range {
  low: Quantity;
  high: Quantity;
  end: number;
}

/** "15k to 40k", "15-40k", "10 se 20 gram", "15k and 40k" (after "between" or before "ke beech"). */
function readRange(tokens: readonly string[], taken: readonly boolean[], a: Amount, prefix: { bound: Bound } | null): Range | null {
  const afterBetween = prefix?.bound === 'range';
  const connector = tokens[a.end] ?? '';
  const isAnd = RANGE_AND.has(connector);
  if (!RANGE_CONNECTORS.has(connector) && !isAnd) return null;
  if (taken[a.end] || taken[a.end + 1]) return null;
  const b = readAmount(tokens, a.end + 1);
  if (!b) return null;
  const tail = phraseAt(tokens, b.end, TAIL_BY_FIRST);
  if (isAnd && !afterBetween && !tail) return null;
  // "18k-22k gold" names two purities; only a price word makes them rupees.
  if (a.kind === 'karat' && b.kind === 'karat' && !prefix) return null;
  const pair = unify(a, b);
  if (!pair) return null;
  const after = tail ?? operatorAfter(tokens, b.end);
  return { low: pair[0], high: pair[1], end: after ? after.end : b.end };
}

/** Gives both ends of a range one unit: "15-40k" → 15k-40k, "900-1.5k" → 900-1500, "10-20 g" → grams. */
function unify(a: Amount, b: Amount): [Quantity, Quantity] | null {
  const resolve = (x: Amount, other: Amount): Quantity | null => {
    if (x.kind === 'money' || x.kind === 'weight') return { kind: x.kind, value: x.value };
    if (x.kind === 'karat') return x.asMoney ? { kind: 'money', value: x.asMoney } : null;
    if (other.kind === 'weight') return { kind: 'weight', value: x.value };
    const exponent = other.kind === 'money' || other.kind === 'karat' ? other.exponent : 0;
    const rupees = bareAsMoney(x, x.value >= BOUNDED_RUPEES_MIN ? 0 : exponent);
    return rupees !== null && rupees >= BOUNDED_RUPEES_MIN ? { kind: 'money', value: rupees } : null;
  };
  const qa = resolve(a, b);
  const qb = resolve(b, a);
  if (!qa || !qb || qa.kind !== qb.kind || qa.value <= 0 || qb.value <= 0) return null;
  return [qa, qb];
}

type Phrase = { words: readonly string[]; bound: Bound };

/** Operator phrases indexed by their last word (prefix) or first word (postfix), longest first. */
function indexBy(table: ReadonlyArray<readonly [string, Bound]>, edge: 'first' | 'last'): Map<string, Phrase[]> {
  const map = new Map<string, Phrase[]>();
  for (const [phrase, bound] of table) {
    const words = phrase.split(' ');
    const key = (edge === 'first' ? words[0] : words[words.length - 1]) ?? '';
    map.set(key, [...(map.get(key) ?? []), { words, bound }].sort((x, y) => y.words.length - x.words.length));
  }
  return map;
}

const PREFIX_BY_LAST = indexBy(PREFIX_OPERATORS, 'last');
const POSTFIX_BY_FIRST = indexBy(POSTFIX_OPERATORS, 'first');
const TAIL_BY_FIRST = indexBy(RANGE_TAILS.map((t) => [t, 'range'] as const), 'first');

function operatorBefore(tokens: readonly string[], taken: readonly boolean[], i: number): { bound: Bound; start: number } | null {
  for (const { words, bound } of PREFIX_BY_LAST.get(tokens[i - 1] ?? '') ?? []) {
    const start = i - words.length;
    if (start >= 0 && words.every((w, k) => tokens[start + k] === w && !taken[start + k])) return { bound, start };
  }
  return null;
}

/** After an amount; a word that is also a prefix ("under") counts only when no amount follows it. */
function operatorAfter(tokens: readonly string[], i: number): { bound: Bound; end: number } | null {
  const found = phraseAt(tokens, i, POSTFIX_BY_FIRST);
  if (found && PREFIX_WORDS.has(tokens.slice(i, found.end).join(' ')) && readAmount(tokens, found.end)) return null;
  return found;
}

function phraseAt(tokens: readonly string[], i: number, index: Map<string, Phrase[]>): { bound: Bound; end: number } | null {
  for (const { words, bound } of index.get(tokens[i] ?? '') ?? []) {
    if (words.every((w, k) => tokens[i + k] === w)) return { bound, end: i + words.length };
  }
  return null;
}

/** Only a digit, a point or a currency word can start an amount: a cheap test before reading one. */
const MAY_START_AMOUNT = /^(?:[\d.₹]|rs$|inr$|rupees?$|mrp$)/;
const PREFIX_WORDS: ReadonlySet<string> = new Set(PREFIX_OPERATORS.map(([phrase]) => phrase));
const CARRY_JOINERS: ReadonlySet<string> = new Set(['and', 'aur', '&', 'or']);

function mark(taken: boolean[], from: number, to: number): void {
  for (let k = from; k < to; k += 1) taken[k] = true;
}
