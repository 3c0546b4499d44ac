/** A rating read from a shopper's plain message, with the words around it as the comment. */
export interface ParsedFeedback {
  rating: number;
  comment: string | null;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, ek: 1, do: 2, teen: 3, char: 4, chaar: 4, paanch: 5, panch: 5 };
const N = '([1-5]|one|two|three|four|five|ek|do|teen|chaar|char|paanch|panch)';
// The rating must end the message or be followed by punctuation: "5 star rings dikhao" is a search, not a rating.
const TAIL = '(?:\\s*$|\\s*[,.\\-–:;!]+\\s*([\\s\\S]*)$)';
const PATTERNS: RegExp[] = [
  // "rating 2, bad service", "my rating: 4/5", "feedback 5", "I rate you 4 stars"
  new RegExp(`^(?:my\\s+)?(?:rating|rate|rated|feedback|i\\s+rate(?:\\s+you|\\s+it)?|i\\s+give(?:\\s+you)?)\\s*(?:is\\s*)?[:\\-]?\\s*${N}(?:\\s*\\/\\s*5|\\s*(?:out\\s+of|outof)\\s*5|\\s*stars?|\\s*[★⭐])?${TAIL}`, 'iu'),
  // "5 stars", "4/5", "3★", "two stars - rude staff", "5 star!"
  new RegExp(`^${N}\\s*(?:\\/\\s*5|(?:out\\s+of|outof)\\s*5|stars?|[★⭐]+)${TAIL}`, 'iu'),
];

/**
 * "5 stars", "⭐⭐⭐⭐", "rating 2, bad service", "4/5 nice staff" → { rating, comment }; null for
 * anything else (a plain question mentioning stars is not a rating).
 */
export function parseFeedback(text: string): ParsedFeedback | null {
  const t = text.replace(/\uFE0F/g, '').trim();
  if (!t || t.length > 500) return null;
  const stars = /^([⭐★]{1,5})(?:\s+([\s\S]*))?$/u.exec(t);
  if (stars) return { rating: [...stars[1]!].length, comment: clean(stars[2]) };
  for (const p of PATTERNS) {
    const m = p.exec(t);
    if (!m) continue;
    const raw = m[1]!.toLowerCase();
    const rating = /^\d$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? 0);
    if (rating >= 1 && rating <= 5) return { rating, comment: clean(m[2]) };
  }
  return null;
}

function clean(s: string | undefined): string | null {
  const c = (s ?? '').replace(/^[\s,.\-–:;!]+/, '').trim();
  return c ? c.slice(0, 1000) : null;
}
