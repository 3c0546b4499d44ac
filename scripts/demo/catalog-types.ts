/** Vocabulary and price tables for the demo catalogue. Keep in step with resources/demo/policies/making-charges.md. */

export const CATEGORIES = [
  'ring',
  'earrings',
  'necklace',
  'chain',
  'bangle',
  'bracelet',
  'pendant',
  'mangalsutra',
  'anklet',
  'nose pin',
  'set',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_CODES: Record<Category, string> = {
  ring: 'RNG',
  earrings: 'EAR',
  necklace: 'NCK',
  chain: 'CHN',
  bangle: 'BNG',
  bracelet: 'BRC',
  pendant: 'PND',
  mangalsutra: 'MGS',
  anklet: 'ANK',
  'nose pin': 'NSP',
  set: 'SET',
};

export const METAL_NAMES = ['gold', 'rose gold', 'white gold', 'silver', 'platinum'] as const;
export type MetalName = (typeof METAL_NAMES)[number];
export type Purity = '22K' | '18K' | '14K' | '925' | '950';

export type MetalKey = 'Y22' | 'Y18' | 'Y14' | 'R18' | 'R14' | 'W18' | 'W14' | 'S925' | 'PT950';

export interface MetalInfo {
  metal: MetalName;
  purity: Purity;
  /** Board rate in rupees per gram of the alloy. */
  rate: number;
  /** As used in product names, e.g. "22K Gold". */
  label: string;
  /** As used in descriptions, e.g. "22K hallmarked gold". */
  prose: string;
}

/** Demo board rates: 24K at about ₹7,850/g; 22K = 91.6%, 18K = 75%, 14K = 58.5%. */
export const METALS: Record<MetalKey, MetalInfo> = {
  Y22: { metal: 'gold', purity: '22K', rate: 7200, label: '22K Gold', prose: '22K hallmarked gold' },
  Y18: { metal: 'gold', purity: '18K', rate: 5890, label: '18K Gold', prose: '18K yellow gold' },
  Y14: { metal: 'gold', purity: '14K', rate: 4590, label: '14K Gold', prose: '14K yellow gold' },
  R18: { metal: 'rose gold', purity: '18K', rate: 5890, label: '18K Rose Gold', prose: '18K rose gold' },
  R14: { metal: 'rose gold', purity: '14K', rate: 4590, label: '14K Rose Gold', prose: '14K rose gold' },
  W18: { metal: 'white gold', purity: '18K', rate: 5890, label: '18K White Gold', prose: '18K white gold' },
  W14: { metal: 'white gold', purity: '14K', rate: 4590, label: '14K White Gold', prose: '14K white gold' },
  S925: { metal: 'silver', purity: '925', rate: 98, label: 'Sterling Silver', prose: '925 sterling silver' },
  PT950: { metal: 'platinum', purity: '950', rate: 3200, label: 'Platinum', prose: 'Pt950 platinum' },
};

export type StoneKind =
  | 'diamond'
  | 'ruby'
  | 'emerald'
  | 'sapphire'
  | 'pearl'
  | 'polki'
  | 'kundan'
  | 'coral'
  | 'cubic zirconia';

/** Rupees per carat for the kind of stone used in this sort of jewellery. */
export const STONE_RATES: Record<StoneKind, number> = {
  diamond: 62000,
  ruby: 12000,
  emerald: 15000,
  sapphire: 14000,
  pearl: 600,
  polki: 38000,
  kundan: 1200,
  coral: 1500,
  'cubic zirconia': 40,
};

export const STONE_PROSE: Record<StoneKind, string> = {
  diamond: 'natural diamonds',
  ruby: 'rubies',
  emerald: 'Zambian emeralds',
  sapphire: 'blue sapphires',
  pearl: 'freshwater pearls',
  polki: 'uncut polki diamonds',
  kundan: 'kundan work',
  coral: 'red coral',
  'cubic zirconia': 'cubic zirconia',
};

/** Making-charge bands as a fraction of metal value (see making-charges.md). */
export type MakingBand = 'chain' | 'plain' | 'light' | 'crafted' | 'heritage' | 'platinum' | 'silver';
export const MAKING_BANDS: Record<MakingBand, [number, number]> = {
  chain: [0.08, 0.1],
  plain: [0.1, 0.12],
  light: [0.12, 0.14],
  crafted: [0.14, 0.16],
  heritage: [0.16, 0.2],
  platinum: [0.15, 0.18],
  silver: [0.2, 0.3],
};

/** The least making charge on any one piece, in rupees. */
export const MIN_MAKING_SILVER = 150;
export const MIN_MAKING = 500;

export const GST_RATE = 0.03;

export type Gender = 'women' | 'men' | 'unisex' | 'kids';
export type Occasion = 'bridal' | 'daily wear' | 'festive' | 'office' | 'gift' | 'engagement';

export interface StoneSpec {
  kind: StoneKind;
  /** Total carat range for this stone in one piece. */
  ct: [number, number];
  /** Overrides STONE_RATES, e.g. for solitaires. */
  rate?: number;
}

/**
 * One design family. Each prefix yields one product named `${prefix} ${label}`, where `{metal}`
 * in the label becomes the metal label ("22K Gold"). Descriptions may use {metal} and {stones};
 * neither may contain commas or quotes (the CSV is deliberately unquoted).
 */
export interface Design {
  cat: Category;
  style: string;
  label: string;
  prefixes: string[];
  metals: MetalKey[];
  /** Net metal weight range in grams. */
  net: [number, number];
  stones?: StoneSpec[];
  gender: Gender;
  occasions: Occasion[];
  band: MakingBand;
  desc: string[];
}
