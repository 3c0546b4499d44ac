import type { Product } from '../../contracts/index.js';

/**
 * The search evaluation set over the demo catalog (resources/demo/catalog.csv). Each query's correct
 * answer is a rule over catalog fields, written from what the shopper means — fixed before the
 * search was tuned and never copied from its output.
 *
 * Shared readings (also in docs/decisions.md, Search):
 * - "gold" is yellow gold; rose and white gold are asked for by name.
 * - "for men" / "for women" accept unisex pieces; "kids"/"baby" means kids only.
 * - "around X" is X ± 15%.
 * - Weight rules use net weight, else gross.
 */
export interface EvalQuery {
  q: string;
  relevant: (p: Product) => boolean;
  /** For "cheapest"/"heaviest": of the products matching `relevant`, only the first n by this order count. */
  top?: { by: (p: Product) => number; order: 'asc' | 'desc'; n: number };
}

/** A query nothing in the catalog satisfies: it must return no results and offer marked alternatives. */
export interface EmptyQuery {
  q: string;
  /** What a correct answer would have to satisfy; the test checks the catalog has none. */
  impossible: (p: Product) => boolean;
}

const has = (p: Product, stone: string) => p.stones.includes(stone);
const occasion = (p: Product, o: string) => p.occasions.includes(o);
const forMen = (p: Product) => p.gender === 'men' || p.gender === 'unisex';
const forWomen = (p: Product) => p.gender === 'women' || p.gender === 'unisex';
const named = (p: Product, word: string) => p.name.toLowerCase().includes(word);
const weight = (p: Product) => p.netWeightGrams ?? p.grossWeightGrams ?? 0;
const around = (x: number, target: number) => x >= target * 0.85 && x <= target * 1.15;

export const EVAL_QUERIES: EvalQuery[] = [
  // English
  { q: 'gold bangles under 50k', relevant: (p) => p.category === 'bangle' && p.metal === 'gold' && p.price <= 50_000 },
  { q: 'diamond ring under 1 lakh', relevant: (p) => p.category === 'ring' && has(p, 'diamond') && p.price <= 100_000 },
  { q: '22k kada for men', relevant: (p) => p.category === 'bangle' && p.style === 'kada' && p.purity === '22K' && forMen(p) },
  { q: 'cheapest mangalsutra', relevant: (p) => p.category === 'mangalsutra', top: { by: (p) => p.price, order: 'asc', n: 3 } },
  { q: 'SJ-RNG-0003', relevant: (p) => p.sku === 'SJ-RNG-0003' },
  { q: 'ruby pendant', relevant: (p) => p.category === 'pendant' && has(p, 'ruby') },
  { q: 'emerald ring', relevant: (p) => p.category === 'ring' && has(p, 'emerald') },
  { q: 'white gold chain', relevant: (p) => p.category === 'chain' && p.metal === 'white gold' },
  { q: 'rose gold studs', relevant: (p) => p.category === 'earrings' && p.style === 'stud' && p.metal === 'rose gold' },
  { q: '18k gold ring', relevant: (p) => p.category === 'ring' && p.metal === 'gold' && p.purity === '18K' },
  { q: 'gold chain for men', relevant: (p) => p.category === 'chain' && p.metal === 'gold' && forMen(p) },
  { q: 'diamond studs under 45000', relevant: (p) => p.category === 'earrings' && p.style === 'stud' && has(p, 'diamond') && p.price <= 45_000 },
  { q: 'bangles between 30k and 40k', relevant: (p) => p.category === 'bangle' && p.price >= 30_000 && p.price <= 40_000 },
  { q: 'mangalsutra under 60000', relevant: (p) => p.category === 'mangalsutra' && p.price <= 60_000 },
  { q: 'kids earrings', relevant: (p) => p.category === 'earrings' && p.gender === 'kids' },
  { q: 'baby bangle', relevant: (p) => p.category === 'bangle' && p.gender === 'kids' },
  { q: 'heaviest gold kada', relevant: (p) => p.category === 'bangle' && p.style === 'kada' && p.metal === 'gold', top: { by: weight, order: 'desc', n: 3 } },
  { q: 'chandbali earrings', relevant: (p) => p.category === 'earrings' && p.style === 'chandbali' },
  { q: 'pearl drop earrings', relevant: (p) => p.category === 'earrings' && p.style === 'drop' && has(p, 'pearl') },
  { q: 'platinum band', relevant: (p) => p.category === 'ring' && p.style === 'band' && p.metal === 'platinum' },
  { q: 'solitaire ring', relevant: (p) => p.category === 'ring' && p.style === 'solitaire' },
  { q: 'gold necklace around 1.5 lakh', relevant: (p) => p.category === 'necklace' && p.metal === 'gold' && around(p.price, 150_000) },
  { q: 'mens bracelet', relevant: (p) => p.category === 'bracelet' && forMen(p) },
  { q: 'tennis bracelet', relevant: (p) => p.category === 'bracelet' && p.style === 'tennis' },
  { q: 'bridal set under 10 lakh', relevant: (p) => p.category === 'set' && occasion(p, 'bridal') && p.price <= 1_000_000 },
  { q: 'gold chain under 50000', relevant: (p) => p.category === 'chain' && p.metal === 'gold' && p.price <= 50_000 },
  { q: 'kundan bangle', relevant: (p) => p.category === 'bangle' && has(p, 'kundan') },
  { q: 'silver chain', relevant: (p) => p.category === 'chain' && p.metal === 'silver' },
  { q: 'gold necklace for office', relevant: (p) => p.category === 'necklace' && p.metal === 'gold' && occasion(p, 'office') },
  { q: 'engagement ring', relevant: (p) => p.category === 'ring' && occasion(p, 'engagement') },
  { q: 'ganesh pendant', relevant: (p) => p.category === 'pendant' && named(p, 'ganesh') },
  { q: 'gold om pendant', relevant: (p) => p.category === 'pendant' && p.metal === 'gold' && /\bom\b/.test(p.name.toLowerCase()) },
  { q: 'evil eye bracelet', relevant: (p) => p.category === 'bracelet' && named(p, 'evil eye') },
  { q: 'in stock gold jhumka', relevant: (p) => p.category === 'earrings' && p.style === 'jhumka' && p.metal === 'gold' && p.stock > 0 },
  { q: 'gold earrings below 25k', relevant: (p) => p.category === 'earrings' && p.metal === 'gold' && p.price <= 25_000 },
  { q: 'ruby jhumka', relevant: (p) => p.category === 'earrings' && p.style === 'jhumka' && has(p, 'ruby') },
  { q: 'diamond mangalsutra', relevant: (p) => p.category === 'mangalsutra' && has(p, 'diamond') },
  { q: 'figaro chain', relevant: (p) => p.category === 'chain' && p.style === 'figaro' },
  { q: 'oxidised silver jhumka', relevant: (p) => p.category === 'earrings' && p.style === 'jhumka' && p.metal === 'silver' },
  { q: 'bracelet for women', relevant: (p) => p.category === 'bracelet' && forWomen(p) },
  // Hinglish and mixes
  { q: 'sone ki chain 1 lakh tak', relevant: (p) => p.category === 'chain' && p.metal === 'gold' && p.price <= 100_000 },
  { q: 'silver payal', relevant: (p) => p.category === 'anklet' && p.metal === 'silver' },
  { q: 'chandi ki anguthi', relevant: (p) => p.category === 'ring' && p.metal === 'silver' },
  { q: 'heera nose pin', relevant: (p) => p.category === 'nose pin' && has(p, 'diamond') },
  { q: 'moti wale earrings', relevant: (p) => p.category === 'earrings' && has(p, 'pearl') },
  { q: 'shaadi ke liye kundan set', relevant: (p) => p.category === 'set' && has(p, 'kundan') && occasion(p, 'bridal') },
  { q: 'dulhan ke liye kangan', relevant: (p) => p.category === 'bangle' && occasion(p, 'bridal') },
  { q: 'sone ka mangalsutra', relevant: (p) => p.category === 'mangalsutra' && p.metal === 'gold' },
  { q: '22 carat jhumka', relevant: (p) => p.category === 'earrings' && p.style === 'jhumka' && p.purity === '22K' },
  { q: 'rani haar', relevant: (p) => p.category === 'necklace' && p.style === 'rani haar' },
  { q: 'payal 5000 se kam', relevant: (p) => p.category === 'anklet' && p.price < 5_000 },
  { q: 'nath for bride', relevant: (p) => p.category === 'nose pin' && p.style === 'nath' && occasion(p, 'bridal') },
  // Words only a product's name carries (added after the first run, rules from the names)
  { q: 'ghungroo payal', relevant: (p) => p.category === 'anklet' && named(p, 'ghungroo') },
  { q: 'peacock bangle', relevant: (p) => p.category === 'bangle' && named(p, 'peacock') },
  { q: 'butterfly for my daughter', relevant: (p) => named(p, 'butterfly') && p.gender === 'kids' },
  { q: 'meenakari work', relevant: (p) => named(p, 'meenakari') },
  { q: 'lotus design gold', relevant: (p) => named(p, 'lotus') && p.metal === 'gold' },
  { q: 'heart pendant in rose gold', relevant: (p) => p.category === 'pendant' && named(p, 'heart') && p.metal === 'rose gold' },
  // Typos
  { q: 'neckless for bride', relevant: (p) => p.category === 'necklace' && occasion(p, 'bridal') },
  { q: 'earings under 20000', relevant: (p) => p.category === 'earrings' && p.price <= 20_000 },
  { q: 'braclet for men', relevant: (p) => p.category === 'bracelet' && forMen(p) },
  { q: 'mangalsootra with diamond', relevant: (p) => p.category === 'mangalsutra' && has(p, 'diamond') },
];

export const EMPTY_QUERIES: EmptyQuery[] = [
  { q: 'platinum anklet', impossible: (p) => p.category === 'anklet' && p.metal === 'platinum' },
  { q: 'gold bangle under 500', impossible: (p) => p.category === 'bangle' && p.metal === 'gold' && p.price <= 500 },
  { q: 'polki jhumka', impossible: (p) => p.category === 'earrings' && p.style === 'jhumka' && has(p, 'polki') },
  { q: 'rose gold kada', impossible: (p) => p.category === 'bangle' && p.metal === 'rose gold' },
  { q: 'diamond payal', impossible: (p) => p.category === 'anklet' && has(p, 'diamond') },
  { q: 'emerald chain', impossible: (p) => p.category === 'chain' && has(p, 'emerald') },
  { q: 'earrings for men', impossible: (p) => p.category === 'earrings' && forMen(p) },
  { q: 'silver necklace set', impossible: (p) => p.category === 'set' && p.metal === 'silver' },
];
