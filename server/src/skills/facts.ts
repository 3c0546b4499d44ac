import { parseRupees, understand } from '../understanding/index.js';

/**
 * The fact check on a reply: every rupee amount in it must come from a tool result (a price, a
 * priceText, a relaxed "offered") or from the shopper's own words (a budget they gave). The
 * engine uses it as a guard before sending; the scripted conversation tests assert it.
 */
export interface FactCheck {
  ok: boolean;
  /** Rupee amounts found in the reply, in order of appearance, each once. */
  amounts: number[];
  /** Those not found among the tool results or the shopper's words. */
  unbacked: number[];
}

const CURRENCY_BEFORE = String.raw`(?:₹|\brs(?![a-z])\.?|\binr(?![a-z])|\brupees?(?![a-z])|\bmrp(?![a-z]))`;
/** Money units, longest first so "lakhs" is not read as "l". */
const MONEY_UNIT = String.raw`(?:lakhs|lakh|laakh|lacs|lac|crores|crore|crs|cr|thousand|hazaar|hazar|k|l)`;
const CURRENCY_AFTER = String.raw`(?:\/-|₹|\brupees?\b|\brs\b\.?|\binr\b|\bonly\b)`;
/** Units that make a number something else than money: weight, purity, size, percent. */
const OTHER_UNIT = String.raw`(?:grams?|gms?|gm|g|kg|tolas?|kts?|karats?|carats?|cts?|mm|cm|%)`;

const AMOUNT = new RegExp(
  String.raw`(?<cur>${CURRENCY_BEFORE}\s*)?(?<num>\d+(?:,\d+)*(?:\.\d+)?|\.\d+)(?:\s?(?<unit>${MONEY_UNIT})(?![\p{L}\p{N}]))?(?:\s?(?<other>${OTHER_UNIT})(?![\p{L}\p{N}]))?(?<post>\s*${CURRENCY_AFTER})?`,
  'giu',
);

/** Words right before a bare number that make it a price ("priced at 48,500", "budget 50000"). */
const PRICE_WORD = /(?:price[sd]?|cost(?:s|ing)?|worth|rate|budget|mrp|daam|dam|keemat|kimat|qeemat)\s*(?:is|of|at|hai|was|:|-|=)?\s*$/iu;
/** Bound words that make "22k" money rather than purity ("under 22k"). */
const BOUND_WORD = /(?:under|below|upto|up to|within|around|about|approx|over|above|budget|tak|max)\s*$/iu;
const RANGE = /^\s*(?:-|–|—|to|se|till)\s*$/iu;
const KARATS = new Set([9, 10, 14, 18, 20, 21, 22, 23, 24]);
const UNIT_EXPONENT: Record<string, number> = { k: 3, thousand: 3, hazaar: 3, hazar: 3, l: 5, lakh: 5, lakhs: 5, laakh: 5, lac: 5, lacs: 5, cr: 7, crs: 7, crore: 7, crores: 7 };

interface Match {
  index: number;
  end: number;
  num: string;
  unit: string | null;
  currency: boolean;
  other: boolean;
  before: string;
  /** Money, a purity-looking "22k", or a plain number. */
  kind: 'money' | 'karat' | 'bare' | 'other';
  value: number | null;
}

function scan(text: string): Match[] {
  const out: Match[] = [];
  for (const m of text.normalize('NFKC').matchAll(AMOUNT)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    const numStart = m.index + (g.cur?.length ?? 0);
    // A digit glued to a word or another number ("SJ-RNG-0001" is fine, "A48" or "Pt950" is not an amount).
    const prev = text.normalize('NFKC').charAt(numStart - 1);
    if (!g.cur && /[\p{L}\p{N}.,]/u.test(prev)) continue;
    const unit = g.unit?.toLowerCase() ?? null;
    const post = g.post?.trim().toLowerCase() ?? '';
    const currency = Boolean(g.cur) || (post !== '' && (post !== 'only' || unit !== null));
    const before = text.normalize('NFKC').slice(Math.max(0, m.index - 30), m.index);
    const plain = Number(num.replace(/,/g, ''));
    let kind: Match['kind'];
    if (g.other && !currency) kind = 'other';
    else if (unit === 'k' && !currency && Number.isInteger(plain) && KARATS.has(plain)) kind = 'karat';
    else if (currency || unit) kind = 'money';
    else kind = 'bare';
    const value = kind === 'other' ? null : parseRupees(unit ? `${num} ${unit}` : num);
    out.push({ index: m.index, end: m.index + m[0].length, num, unit, currency, other: Boolean(g.other), before, kind, value });
  }
  return out;
}

/** "₹15–40k" is ₹15,000–₹40,000 and "15,000–20,000 rupees" both money: ranges share their unit and currency. */
function joinRanges(text: string, ms: Match[]): void {
  const t = text.normalize('NFKC');
  for (let i = 0; i + 1 < ms.length; i += 1) {
    const a = ms[i] as Match;
    const b = ms[i + 1] as Match;
    const between = t.slice(a.end, b.index);
    const ea = a.unit ? (UNIT_EXPONENT[a.unit] ?? 0) : 0;
    const eb = b.unit ? (UNIT_EXPONENT[b.unit] ?? 0) : 0;
    if (a.kind === 'money' && ea >= 5 && eb > 0 && eb < ea && !b.currency && /^\s*(?:and\s+)?$/iu.test(between) && a.value !== null && b.value !== null) {
      // "2 lakh 50 hazar" is one amount, ₹2,50,000.
      a.value += b.value;
      a.end = b.end;
      b.kind = 'other';
      b.value = null;
      continue;
    }
    if (!RANGE.test(between) || a.kind === 'other' || b.kind === 'other') continue;
    const aScaled = a.unit === null && b.unit !== null && (UNIT_EXPONENT[b.unit] ?? 0) >= 3 && Number(a.num.replace(/,/g, '')) < 1000;
    if (aScaled && (b.kind === 'money' || a.kind === 'money')) {
      a.value = parseRupees(`${a.num} ${b.unit}`);
      a.kind = 'money';
      b.kind = 'money';
    } else if (a.kind === 'money' && b.kind === 'bare') b.kind = 'money';
    else if (a.kind === 'bare' && b.kind === 'money' && b.currency) a.kind = 'money';
  }
}

function uniq(ns: number[]): number[] {
  return [...new Set(ns)];
}

/**
 * Rupee amounts as a reply writes them: "₹1,25,000", "Rs. 48,500", "INR 48500", "48,500/-",
 * "1.2 lakh", "50k", "₹2.5L", "₹15–40k". Not amounts: purities ("22K", "18k"), weights
 * ("12.5 g"), percentages, SKUs, times, and plain numbers unless a price word comes just before
 * ("priced at 48,500"). "22k" is money only after a currency, price or bound word ("under 22k").
 */
export function findRupeeAmounts(text: string): number[] {
  const ms = scan(text);
  joinRanges(text, ms);
  const out: number[] = [];
  for (const m of ms) {
    const money =
      m.kind === 'money' ||
      (m.kind === 'karat' && (PRICE_WORD.test(m.before) || BOUND_WORD.test(m.before))) ||
      (m.kind === 'bare' && PRICE_WORD.test(m.before));
    if (money && m.value !== null) out.push(m.value);
  }
  return uniq(out);
}

/** Every number a text could mean as rupees, generously: for what backs a reply, not for what it claims. */
function possibleAmounts(text: string): number[] {
  const ms = scan(text);
  joinRanges(text, ms);
  const out: number[] = [];
  for (const m of ms) {
    if (m.value !== null) out.push(m.value);
    const plain = Number(m.num.replace(/,/g, ''));
    if (Number.isFinite(plain)) out.push(plain);
  }
  return out;
}

function collect(value: unknown, into: Set<number>, seen: Set<object>): void {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) into.add(value);
  } else if (typeof value === 'string') {
    for (const n of possibleAmounts(value)) into.add(n);
  } else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) collect(v, into, seen);
  }
}

/** Checks every rupee amount in `text` against the tool results of the turn and the shopper's own words. */
export function factCheck(text: string, toolResults: unknown[], opts: { shopperText?: string } = {}): FactCheck {
  const amounts = findRupeeAmounts(text);
  const backed = new Set<number>();
  collect(toolResults, backed, new Set());
  if (opts.shopperText) {
    for (const n of possibleAmounts(opts.shopperText)) backed.add(n);
    const u = understand(opts.shopperText);
    for (const n of [u.priceMin, u.priceMax, u.priceAround]) if (n !== undefined) backed.add(n);
  }
  const unbacked = amounts.filter((n) => !backed.has(n));
  return { ok: unbacked.length === 0, amounts, unbacked };
}
