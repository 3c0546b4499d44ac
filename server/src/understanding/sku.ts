/** Letters first, then dash- or slash-separated segments, the last ending in two or more digits: "SJ-RNG-0001". */
const SEGMENTED = /^[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*[-/][a-z]*\d{2,}$/i;
/** Letters glued to four or more digits: "SJRNG0001". */
const GLUED = /^[a-z]{2,6}\d{4,}$/i;
const EDGE_PUNCTUATION = /^[\s"'“”‘’([{<.,;:!?#]+|[\s"'“”‘’)\]}>.,;:!?]+$/g;
/** Marks that look like codes but are purity stamps: "PT-950", "BIS-916", "gold-750". */
const NOT_A_CODE = new Set(['pt', 'bis', 'hm', 'kdm', 'gold', 'silver', 'platinum', 'sterling', 'ag', 'au', 'rs', 'inr', 'mrp']);

/** The catalog SKU a query names (upper-cased), and the query without it. */
export function extractSku(query: string): { sku: string | null; rest: string } {
  const parts = query.split(/\s+/);
  for (let k = 0; k < parts.length; k += 1) {
    const candidate = (parts[k] ?? '').replace(EDGE_PUNCTUATION, '');
    if (looksLikeSku(candidate)) {
      parts[k] = '';
      return { sku: candidate.toUpperCase(), rest: parts.join(' ') };
    }
  }
  return { sku: null, rest: query };
}

export function looksLikeSku(token: string): boolean {
  if (token.length < 4 || token.length > 64) return false;
  if (GLUED.test(token)) return !/^(rs|inr|mrp|pt|bis|hm)\d/i.test(token);
  if (!SEGMENTED.test(token)) return false;
  return !token.toLowerCase().split(/[-/]/).some((segment) => NOT_A_CODE.has(segment));
}
