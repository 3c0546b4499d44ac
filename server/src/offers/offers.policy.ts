import { randomInt } from 'node:crypto';
import { OWNER_MAX_PERCENT } from '../contracts/index.js';

/**
 * The rules of a discount, as pure functions: what the shopper (or the model) asked for is only a
 * wish; the cap, the concession schedule and the rupee amount are decided here, whatever the input.
 */

/** The hard cap no agent setting can pass (the skill's schema says the same). */
export const HARD_CAP_PERCENT = 10;
/** Wishes above this are not worth the owner's time: the agent holds at its best offer. */
export const APPROVAL_MAX_PERCENT = OWNER_MAX_PERCENT;

/** Unambiguous letters and digits (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_PREFIX = 'REV-';

const LETTERS = CODE_ALPHABET.replace(/\d/g, '');

/**
 * A fresh code: REV- and 4 characters (8 in all, within WhatsApp's 15 for a copy-code button). The
 * first is a letter, so no digits stand after the dash where a reply's fact check would read
 * "REV-22CR…" as an amount of money.
 */
export function newCode(random: (n: number) => number = randomInt): string {
  let s = CODE_PREFIX + LETTERS[random(LETTERS.length)];
  for (let i = 0; i < 3; i++) s += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return s;
}

/** What a typed code means: case and spaces do not matter, O/0 and I/1/L read as what the alphabet has. */
export function normaliseCode(text: string): string {
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  const body = t.startsWith(CODE_PREFIX) ? t.slice(CODE_PREFIX.length) : t.startsWith('REV') ? t.slice(3) : t;
  return CODE_PREFIX + body.replace(/^-/, '');
}

/**
 * The percent a wish names, or null when it names none. Numbers and "12%", "12 percent", "12.5";
 * "free" and "full" are 100. Negative, NaN, infinite or unreadable → null (no specific wish).
 */
export function wishPercent(wish: unknown): number | null {
  if (typeof wish === 'number') return Number.isFinite(wish) && wish > 0 ? wish : null;
  if (typeof wish !== 'string') return null;
  const t = wish.toLowerCase();
  if (/\b(free|muft|mufta|full|100\s*%)/.test(t)) return 100;
  const m = /(?<![\d.-])(\d{1,6}(?:\.\d+)?)\s*(%|percent|per\s*cent|pc\b|pct\b)?/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  // a bare number larger than 100 is rupees, not a percent: no percent wish
  if (!m[2] && n > 100) return null;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Down to a half percent (a cap of 7.3 offers 7). Never negative. */
export const halfDown = (p: number): number => (Number.isFinite(p) && p > 0 ? Math.floor(p * 2) / 2 : 0);

/** The cap for a product: the smallest of the hard cap, the agent's cap and its category's cap; 0 when excluded. */
export function capFor(opts: { maxPercent: number; perCategory?: Record<string, number>; category?: string | null; excluded: boolean }): number {
  if (opts.excluded) return 0;
  const caps = [HARD_CAP_PERCENT, opts.maxPercent];
  const own = opts.category ? opts.perCategory?.[opts.category] : undefined;
  if (typeof own === 'number') caps.push(own);
  return halfDown(Math.max(0, Math.min(...caps.map((c) => (Number.isFinite(c) ? c : 0)))));
}

export type Decision =
  | { kind: 'offer'; percent: number; atCap: boolean }
  | { kind: 'approval'; askedPercent: number | null; percent: number | null; atCap: boolean }
  | { kind: 'none' };

/**
 * The next step of a negotiation. Tenacity 0–100: how slowly the agent concedes. The first offer
 * is the cap × (1 − 0.75 × tenacity/100); each later ask adds cap × max(0.15, (1 − tenacity/100)/2),
 * never past the cap. A wish at or below the next step is met exactly (never more than asked); a
 * wish above the cap goes to the owner (the agent's best stays on the table); asking again at the
 * cap without a number repeats the cap.
 */
export function decide(opts: { wish: unknown; cap: number; tenacity: number; previous: number | null }): Decision {
  const cap = halfDown(Math.min(opts.cap, HARD_CAP_PERCENT));
  if (cap <= 0) return { kind: 'none' };
  const t = Math.min(100, Math.max(0, Number.isFinite(opts.tenacity) ? opts.tenacity : 100)) / 100;
  const previous = opts.previous !== null && Number.isFinite(opts.previous) && opts.previous > 0 ? halfDown(Math.min(cap, opts.previous)) : null;
  const first = Math.max(0.5, halfDown(cap * (1 - 0.75 * t)));
  const step = cap * Math.max(0.15, (1 - t) / 2);
  const next = Math.min(cap, previous === null ? first : Math.max(0.5, halfDown(previous + step), previous));
  const wish = wishPercent(opts.wish);
  if (wish !== null && halfDown(wish) > cap) {
    if (wish > APPROVAL_MAX_PERCENT) return { kind: 'offer', percent: next, atCap: next >= cap };
    return { kind: 'approval', askedPercent: halfDown(wish), percent: previous, atCap: previous !== null && previous >= cap };
  }
  // never more than asked, never less than already offered
  const percent = wish !== null ? Math.max(previous ?? 0, Math.min(next, Math.max(0.5, halfDown(wish)))) : next;
  return { kind: 'offer', percent, atCap: percent >= cap };
}

/** Whole rupees off: floor(base × percent / 100), never negative, never above the base. */
export function discountAmount(base: number, percent: number): number {
  if (!Number.isFinite(base) || base <= 0 || !Number.isFinite(percent) || percent <= 0) return 0;
  return Math.min(Math.floor(base), Math.floor((Math.floor(base) * percent) / 100));
}

/** Gold coins and bullion (and whatever the owner lists) take no discount. */
const SYNONYMS: Record<string, RegExp> = {
  'gold coin': /\b(gold|silver)\s+coins?\b|\bsovereign\b|\bginni\b|\bguinea\s+coin\b/i,
  bullion: /\bbullion\b|\b(gold|silver)\s+(bar|bars|biscuit|biscuits)\b/i,
};

/** Whether a product falls in an excluded category: its category or style is named, or its name says so. */
export function isExcluded(p: { category: string; style?: string | null; name: string }, excluded: readonly string[]): boolean {
  const norm = (s: string) => s.trim().toLowerCase();
  const category = norm(p.category);
  const style = norm(p.style ?? '');
  return excluded.some((raw) => {
    const e = norm(raw);
    if (!e) return false;
    if (e === category || (style && e === style && category === 'other')) return true;
    const words = new RegExp(`\\b${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/s?$/, 's?')}\\b`, 'i');
    return words.test(p.name) || (SYNONYMS[e]?.test(p.name) ?? false);
  });
}
