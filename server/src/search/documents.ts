import type { Understood } from '../contracts/index.js';
import { styleKey } from '../understanding/index.js';
import type { TermKind } from './constraints.js';
import type { IndexEntry, ProductSource } from './index.repo.js';

export type Understand = (text: string) => Understood;

const list = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** Lowercase, trimmed, inner spaces collapsed: the form filter terms are compared in. */
export const canonical = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * What the index stores for a product: the text to embed, the BM25 fields, and canonical filter
 * terms. Stones, occasions and styles are read through the same lexicon as shoppers' words
 * ("cubic zirconia" → cz, "hoop" → bali), from their columns and from the name (a "…Jhumka",
 * a "Meenakari …"), so that a filter compares like with like whatever words the file used.
 */
export function describeProduct(p: ProductSource, understand: Understand): Omit<IndexEntry, 'vector'> & { text: string } {
  const stones = list(p.stones);
  const occasions = list(p.occasions);
  const terms = new Map<string, { kind: TermKind; value: string }>();
  const add = (kind: TermKind, value: string | undefined) => {
    if (value === undefined || value.trim() === '') return;
    const v = canonical(value);
    terms.set(`${kind}:${v}`, { kind, value: v });
  };
  for (const s of stones) {
    add('stone', s);
    for (const c of understand(s).stones ?? []) add('stone', c);
  }
  // Files often name the stone or work only in the product name ("Meenakari Kundan Bangle").
  const fromName = understand(p.name);
  for (const c of fromName.stones ?? []) add('stone', c);
  for (const o of occasions) {
    add('occasion', o);
    add('occasion', understand(o).occasion);
  }
  // Styles by the lexicon's key ("stud" and "tops" → studs, "hoop" → bali), from the style column
  // and from the name (a file without a style column still says "…Jhumka").
  if (p.style) add('style', styleKey(p.style));
  if (fromName.style) add('style', styleKey(fromName.style));

  const styles = [...terms.values()].filter((t) => t.kind === 'style').map((t) => t.value);
  // The vector gets the product's defining words; the description is left to BM25, where its
  // length is normalised (in a hashed vector it would drown the name) and it costs no embedding time.
  const text = [p.name, [p.style, p.category].filter(Boolean).join(' '), [p.metal, p.purity].filter(Boolean).join(' '), stones.join(' '), occasions.join(' '), p.gender ?? '']
    .filter((s) => s && s.trim())
    .join('. ');
  return {
    product: p,
    text,
    fts: {
      name: p.name,
      style: [...new Set([p.style ?? '', ...styles])].join(' ').trim(),
      description: p.description,
      stones: stones.join(' '),
      occasions: occasions.join(' '),
      category: p.category,
      metal: [p.metal, p.purity].filter(Boolean).join(' '),
    },
    terms: [...terms.values()],
  };
}
