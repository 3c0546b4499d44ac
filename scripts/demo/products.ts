/** Builds the demo product list from the design families, deterministically. */
import {
  CATEGORIES,
  CATEGORY_CODES,
  GST_RATE,
  MAKING_BANDS,
  METALS,
  MIN_MAKING,
  MIN_MAKING_SILVER,
  STONE_PROSE,
  STONE_RATES,
  type Category,
  type Design,
  type Gender,
  type MakingBand,
  type MetalKey,
  type MetalName,
  type Occasion,
  type Purity,
  type StoneKind,
} from './catalog-types.js';
import { DESIGNS_A } from './designs-a.js';
import { DESIGNS_B } from './designs-b.js';
import { Rng } from './prng.js';

export const DESIGNS: readonly Design[] = [...DESIGNS_A, ...DESIGNS_B];
export const CATALOG_SEED = 0x5a17a2;

export const CSV_HEADER = [
  'SKU',
  'Name',
  'Category',
  'Style',
  'Metal',
  'Purity',
  'Gross Weight (g)',
  'Net Weight (g)',
  'Stones',
  'Stone Carat',
  'Price (INR)',
  'Stock',
  'Gender',
  'Occasion',
  'Description',
  'Image',
] as const;

const OCCASION_ORDER: readonly Occasion[] = ['bridal', 'engagement', 'festive', 'daily wear', 'office', 'gift'];

export interface Product {
  sku: string;
  name: string;
  category: Category;
  style: string;
  metalKey: MetalKey;
  metal: MetalName;
  purity: Purity;
  grossWeight: number;
  netWeight: number;
  stones: StoneKind[];
  stoneCarat: number | null;
  price: number;
  stock: number;
  gender: Gender;
  occasions: Occasion[];
  description: string;
  image: string;
}

function round(n: number, dp: number): number {
  const f = 10 ** dp;
  return Math.round(n * f) / f;
}

function bandFor(metalKey: MetalKey, design: Design): MakingBand {
  if (metalKey === 'S925') return 'silver';
  if (metalKey === 'PT950') return 'platinum';
  return design.band;
}

const HALLMARK_NOTE: Record<MetalName, string> = {
  gold: 'BIS hallmarked with its own HUID.',
  'rose gold': 'BIS hallmarked with its own HUID.',
  'white gold': 'Rhodium plated and BIS hallmarked.',
  silver: 'Stamped 925 on the inside.',
  platinum: 'Stamped Pt950 and sold with a platinum certificate.',
};

function describe(design: Design, metalKey: MetalKey, rng: Rng): string {
  const info = METALS[metalKey];
  const stones = (design.stones ?? []).map((s) => STONE_PROSE[s.kind]).join(' and ');
  let text = rng.pick(design.desc).replaceAll('{metal}', info.prose).replaceAll('{stones}', stones);
  const sentences = text.split('. ').length;
  if (sentences === 1 && rng.chance(0.6)) text = `${text} ${HALLMARK_NOTE[info.metal]}`;
  return text;
}

function makeProduct(design: Design, prefix: string, index: number, sku: string, rng: Rng): Product {
  const metalKey = design.metals[index % design.metals.length] as MetalKey;
  const info = METALS[metalKey];
  const net = rng.float(design.net[0], design.net[1], 2);
  let stoneValue = 0;
  let carat = 0;
  for (const spec of design.stones ?? []) {
    const ct = rng.float(spec.ct[0], spec.ct[1], 2);
    carat += ct;
    stoneValue += ct * (spec.rate ?? STONE_RATES[spec.kind]);
  }
  const stones = (design.stones ?? []).map((s) => s.kind);
  // Stones weigh 0.2 g per carat; kundan and polki also carry lac and foil in the gross weight.
  const settingExtra = stones.some((s) => s === 'kundan' || s === 'polki') ? net * rng.float(0.05, 0.12, 3) : 0;
  const gross = round(net + carat * 0.2 + settingExtra, 2);
  const [lo, hi] = MAKING_BANDS[bandFor(metalKey, design)];
  const making = rng.float(lo, hi, 3);
  const metalValue = net * info.rate;
  const minMaking = metalKey === 'S925' ? MIN_MAKING_SILVER : MIN_MAKING;
  const price = Math.round((metalValue + Math.max(metalValue * making, minMaking) + stoneValue) * (1 + GST_RATE));
  const stock = rng.chance(0.06) ? 0 : rng.int(1, 12);
  const occasions = new Set(design.occasions);
  if (!occasions.has('gift') && rng.chance(0.25)) occasions.add('gift');
  return {
    sku,
    name: `${prefix} ${design.label.replaceAll('{metal}', info.label)}`,
    category: design.cat,
    style: design.style,
    metalKey,
    metal: info.metal,
    purity: info.purity,
    grossWeight: gross,
    netWeight: net,
    stones,
    stoneCarat: stones.length > 0 ? round(carat, 2) : null,
    price,
    stock,
    gender: design.gender,
    occasions: OCCASION_ORDER.filter((o) => occasions.has(o)),
    description: describe(design, metalKey, rng),
    image: `images/${sku}.png`,
  };
}

export function productRow(p: Product): string[] {
  return [
    p.sku,
    p.name,
    p.category,
    p.style,
    p.metal,
    p.purity,
    p.grossWeight.toFixed(2),
    p.netWeight.toFixed(2),
    p.stones.join(';'),
    p.stoneCarat === null ? '' : p.stoneCarat.toFixed(2),
    String(p.price),
    String(p.stock),
    p.gender,
    p.occasions.join(';'),
    p.description,
    p.image,
  ];
}

/** Generates the whole catalogue; throws if any invariant the CSV relies on is broken. */
export function generateProducts(seed = CATALOG_SEED): Product[] {
  const rng = new Rng(seed);
  const products: Product[] = [];
  for (const cat of CATEGORIES) {
    let n = 0;
    for (const design of DESIGNS.filter((d) => d.cat === cat)) {
      design.prefixes.forEach((prefix, i) => {
        n += 1;
        const sku = `SJ-${CATEGORY_CODES[cat]}-${String(n).padStart(4, '0')}`;
        products.push(makeProduct(design, prefix, i, sku, rng));
      });
    }
  }
  const names = new Set<string>();
  for (const p of products) {
    if (names.has(p.name)) throw new Error(`duplicate product name: ${p.name}`);
    names.add(p.name);
    for (const field of productRow(p)) {
      if (/[",\n\r]/.test(field)) throw new Error(`${p.sku}: field must not contain commas or quotes: ${field}`);
    }
  }
  return products;
}

export function productsToCsv(products: readonly Product[]): string {
  const lines = [CSV_HEADER.join(','), ...products.map((p) => productRow(p).join(','))];
  return `${lines.join('\n')}\n`;
}
