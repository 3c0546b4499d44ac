import { DEVANAGARI_MONEY, DEVANAGARI_POSTFIX, DEVANAGARI_POSTFIX_MIN } from './devanagari.js';

/**
 * The words around a number that say what it is and how it bounds: units of money, weight and
 * purity, and the operators before ("under", "between", "lagbhag") or after ("tak", "se upar").
 */

export type Bound = 'max' | 'min' | 'around' | 'range';

const phrases = (list: string): string[] => list.normalize('NFKC').split('|').map((p) => p.trim()).filter(Boolean);

/** Operators before an amount. `range` ones take two amounts ("between 15k and 40k"). */
export const PREFIX_OPERATORS: ReadonlyArray<readonly [string, Bound]> = [
  ...phrases(`under|below|bellow|belove|undr|lessthan|less den|less than|lesser than|less then|lower than|cheaper than|within|upto|up to|till|until|max|maximum|
    not more than|no more than|not above|not over|not exceeding|at most|atmost|budget|budget of|budget is|my budget is|budget hai|
    in budget of|under budget of|<|<=|max to max|zyada se zyada|jyada se jyada`).map((p) => [p, 'max'] as const),
  ...phrases(`over|above|abv|abov|morethan|more den|more than|greater than|higher than|min|minimum|at least|atleast|starting|starting from|starting at|
    starts from|starts at|from|not less than|no less than|>|>=|kam se kam`).map((p) => [p, 'min'] as const),
  ...phrases(`around|about|approx|approximately|appx|aprox|approx.|roughly|near|nearly|close to|somewhere around|in the range of|
    range of|price|priced at|cost|costing|rate|lagbhag|lagbag|lag bhag|karib|kareeb|qareeb|takreeban|taqreeban|~|circa|like`).map((p) => [p, 'around'] as const),
  ...phrases(`between|in between|betwen|beetween|range|in the range|price range|budget range|range between`).map((p) => [p, 'range'] as const),
];

/** Operators after an amount ("50k tak", "3 lakh se upar", "20k ke aas paas"). */
export const POSTFIX_OPERATORS: ReadonlyArray<readonly [string, Bound]> = [
  ...phrases(`tak|tak ka|tak ki|tak ke|tak hi|ke andar|ke ander|andar|ke neeche|se neeche|ke niche|se niche|neeche|niche|se kam|se kum|
    or less|or lower|or below|or under|and below|and under|and less|max|maximum|at most|budget|ka budget|se zyada nahi|se jyada nahi|
    se upar nahi|tak ka budget|${DEVANAGARI_POSTFIX}|or cheaper|and lower|below|bellow|under|less|k andar|k niche|k neeche|k ander`).map((p) => [p, 'max'] as const),
  ...phrases(`${DEVANAGARI_POSTFIX_MIN}|se upar|se uper|se oopar|ke upar|ke uper|se zyada|se jyada|se jada|se adhik|or more|or above|or higher|and above|and up|
    and more|plus|+|onwards|upwards|se shuru|minimum|at least|or over|and over|above|over|more|k upar|k uper`).map((p) => [p, 'min'] as const),
  ...phrases(`ke aas paas|ke aaspaas|aas paas|aaspaas|ke around|ke karib|ke kareeb|ke lagbhag|ish|approx|approximately|around|or so|
    roughly|ke aaspas|aaspas|k aas paas|k aaspaas|k around`).map((p) => [p, 'around'] as const),
];

/** Connectors between the two amounts of a range; `and`/`aur` only after "between" or before "ke beech". */
export const RANGE_CONNECTORS: ReadonlySet<string> = new Set(['to', '-', '–', '—', 'se', 'till', 'until', 'upto']);
export const RANGE_AND: ReadonlySet<string> = new Set(['and', 'aur', '&']);
export const RANGE_TAILS: readonly string[] = ['ke beech', 'ke bich', 'ke beech mein', 'ke bich me', 'beech', 'ke darmiyan', 'tak', 'ke andar'];

/** Money units glued to or following a number: value in powers of ten. */
export const MONEY_EXPONENT: Readonly<Record<string, number>> = {
  k: 3, thousand: 3, thousands: 3, thousnd: 3, hazar: 3, hazaar: 3, hajar: 3, hajaar: 3, hzr: 3,
  l: 5, lakh: 5, lakhs: 5, lac: 5, lacs: 5, lk: 5, lkh: 5, laakh: 5, lacks: 5,
  cr: 7, crore: 7, crores: 7, crs: 7, karod: 7, karor: 7,
  ...Object.fromEntries(Object.entries(DEVANAGARI_MONEY).map(([word, exponent]) => [word.normalize('NFKC'), exponent])),
};

/** Currency words that mark an amount as money without scaling it. */
export const CURRENCY_BEFORE: ReadonlySet<string> = new Set(['₹', 'rs', 'inr', 'rupees', 'rupee', 'mrp']);
export const CURRENCY_AFTER: ReadonlySet<string> = new Set(['rs', 'inr', 'rupees', 'rupee', 'rupay', 'rupaye', 'rupaiye', 'rupiya', 'rupaiya', 'bucks', 'only', '₹']);

/** Weight units in grams per unit. A tola is 11.664 g (the Indian standard since 1833). */
export const GRAMS_PER_UNIT: Readonly<Record<string, number>> = {
  g: 1, gm: 1, gms: 1, gram: 1, grams: 1, gr: 1, grm: 1, grms: 1, gramm: 1, graam: 1, gramme: 1, grammes: 1,
  kg: 1000, tola: 11.664, tolas: 11.664, tole: 11.664,
};

/** Purity units after a karat number ("22k", "22 kt", "22 carat"). */
export const KARAT_UNITS: ReadonlySet<string> = new Set(['k', 'kt', 'kts', 'karat', 'karats', 'carat', 'carats', 'ct', 'cts', 'crt', 'kr', 'krt', 'karet', 'caret', 'carrat']);
