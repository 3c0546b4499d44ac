import { CATEGORIES, CategorySchema, PURITIES_BY_METAL, type Category, type Gender, type ImportMapping, type Metal, type Product, type ProductField, type Purity } from '../../contracts/index.js';
import { createCellReaders, type CellReaders } from './cell-readers.js';
import { cellText, isBlank, type Cell } from '../../shared/tables/read-table.js';

/** Which column (index and header) feeds each mapped field. */
export type Plan = Partial<Record<ProductField, { index: number; header: string }>>;

export function planOf(headers: string[], mapping: ImportMapping): Plan {
  const plan: Plan = {};
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field) plan[field] = { index, header };
  });
  return plan;
}

/** What a row says, before it meets the product already saved under its SKU (if any). */
export interface ParsedRow {
  sku: string;
  /** Fields whose column is mapped: these replace what is saved. */
  fields: Partial<Product>;
  /** Read from other columns (the name, the purity…), used only where the field has no column or no saved value. */
  hints: { category: Category | null; style: string | null; metal: Metal | null; purity: Purity | null; stoneCarat: number | null };
  /** An image file named in the row (a path relative to the spreadsheet's folder). */
  image: string | null;
}

export type RowResult = { ok: true; sku: string; row: ParsedRow } | { ok: false; sku: string | null; reason: string };

class Reject extends Error {}

const GENDER_WORDS: Record<string, Gender> = {
  women: 'women', woman: 'women', womens: 'women', female: 'women', ladies: 'women', lady: 'women', f: 'women', her: 'women', w: 'women',
  men: 'men', man: 'men', mens: 'men', male: 'men', gents: 'men', gent: 'men', m: 'men', him: 'men',
  unisex: 'unisex', both: 'unisex', all: 'unisex', any: 'unisex', everyone: 'unisex', u: 'unisex', couple: 'unisex',
  kids: 'kids', kid: 'kids', child: 'kids', children: 'kids', baby: 'kids', babies: 'kids', infant: 'kids', girls: 'kids', girl: 'kids', boys: 'kids', boy: 'kids',
};

const UNIT = String.raw`(g|gm|gms|grm|grms|gram|grams|gr|mg|kg|ct|cts|carat|carats|pcs|pc|nos|no|units?|qty)?\.?`;
const NUMBER_WITH_UNIT = new RegExp(String.raw`^(-?(?:\d{1,3}(?:,\d{2,3})+|\d+)?(?:\.\d+)?)\s*${UNIT}$`, 'i');

/** "3.05", "3.05 g", "2,450 mg", "12 pcs", or an Excel number → a number in the unit's base (g, ct, pieces). */
function measured(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const m = NUMBER_WITH_UNIT.exec(cell.trim());
  if (!m || !m[1] || m[1] === '-' || m[1] === '.') return null;
  const n = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === 'mg') return n / 1000;
  if (unit === 'kg') return n * 1000;
  return n;
}

function kind(cell: Cell): string | null {
  if (cell instanceof Date) return `a date (${cellText(cell)})`;
  if (typeof cell === 'boolean') return `TRUE/FALSE (${cellText(cell)})`;
  return null;
}

/** Splits "ruby; pearl", "Ruby, Pearl", "ruby/pearl", "ruby & pearl". */
function listItems(text: string): string[] {
  return text
    .split(/\s*(?:[;,/|+&]|\band\b)\s*/i)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * Reads one row with the plan. Each mapped cell is parsed with the jewellery-aware readers (Indian
 * amounts, purities like 916, Hindi names); a cell that cannot be read rejects the row with the
 * column's name and the value, never a silent guess. Blanks and dashes mean "none".
 */
export function parseRow(cells: Cell[], plan: Plan, read: CellReaders = createCellReaders()): RowResult {
  const at = (f: ProductField): Cell | undefined => {
    const c = plan[f];
    return c ? (cells[c.index] ?? null) : undefined;
  };
  const col = (f: ProductField) => plan[f]?.header ?? f;
  const text = (c: Cell) => cellText(c).replace(/\s+/g, ' ');
  const fail = (f: ProductField, c: Cell, what: string): never => {
    throw new Reject(`${col(f)}: ${kind(c) ?? `"${text(c)}"`} is not ${what}`);
  };

  let sku: string | null = null;
  try {
    const skuCell = at('sku') ?? null;
    if (isBlank(skuCell)) throw new Reject('SKU is missing');
    if (skuCell instanceof Date) throw new Reject(`${col('sku')}: ${cellText(skuCell)} was turned into a date by the spreadsheet; format the column as text`);
    sku = text(skuCell);
    if (sku.length > 64) throw new Reject(`${col('sku')}: a SKU has at most 64 characters (this one has ${sku.length})`);

    const fields: Partial<Product> = {};
    const hints: ParsedRow['hints'] = { category: null, style: null, metal: null, purity: null, stoneCarat: null };

    const nameCell = at('name');
    let nameText: string | null = null;
    if (nameCell !== undefined) {
      if (isBlank(nameCell)) throw new Reject(`${col('name')} is empty: a product needs a name`);
      nameText = text(nameCell);
      if (nameText.length > 200) throw new Reject(`${col('name')}: a name has at most 200 characters`);
      fields.name = nameText;
    }
    let nameReading: { category: Category; style: string | null } | null | undefined;
    const fromName = () => (nameReading === undefined ? (nameReading = nameText ? read.category(nameText) : null) : nameReading);

    // Category and style: the category column when it names one, else inferred from the type text or the name.
    const catCell = at('category');
    const styleCell = at('style');
    const styleGiven = styleCell !== undefined && !isBlank(styleCell);
    let inferred: { category: Category; style: string | null } | null;
    if (catCell !== undefined && !isBlank(catCell)) {
      const t = text(catCell).toLowerCase();
      const exact = CategorySchema.safeParse(t);
      const fromCell = exact.success ? { category: exact.data, style: null } : read.category(t);
      const named = fromCell.category === 'other' && !(CATEGORIES as readonly string[]).includes(t) ? fromName() : null;
      if (named && named.category !== 'other') inferred = named;
      else if (exact.success && !styleGiven && fromName()?.category === exact.data) inferred = { category: exact.data, style: fromName()?.style ?? null };
      else inferred = fromCell;
    } else {
      inferred = fromName();
    }
    if (catCell !== undefined) fields.category = inferred?.category ?? 'other';
    else hints.category = inferred && inferred.category !== 'other' ? inferred.category : null;
    hints.style = inferred?.style ?? null;

    if (styleCell !== undefined) fields.style = isBlank(styleCell) ? hints.style : text(styleCell).slice(0, 60);

    // Metal and purity: each column, else what the other column or the name implies.
    const metalCell = at('metal');
    const purityCell = at('purity');
    const metalText = metalCell !== undefined && !isBlank(metalCell) ? text(metalCell) : null;
    const purityText = purityCell !== undefined && !isBlank(purityCell) ? text(purityCell) : null;
    // In a purity column a bare 22 means 22K.
    const fromPurity = purityText ? read.purity(/^(24|22|18|14)$/.test(purityText) ? `${purityText}K` : purityText) : null;
    if (purityText && !fromPurity?.purity) fail('purity', purityCell ?? null, 'a purity we know (24K, 22K/916, 18K/750, 14K/585, 925 silver, 950 platinum)');
    const fromMetalCell = metalText ? read.purity(metalText) : null;
    const nameKarat = nameText && /\b(24|22|18|14)\s*(k|kt|kt\.|karat|carat|ct)\b|\b(916|750|585|925|950)\b/i.test(nameText) ? read.purity(nameText).purity : null;
    hints.purity = fromMetalCell?.purity ?? nameKarat ?? null;
    if (purityCell !== undefined) fields.purity = fromPurity?.purity ?? hints.purity;

    let metal: Metal | null = null;
    if (metalText) {
      metal = read.metal(metalText) ?? fromMetalCell?.metal ?? null;
      if (!metal) fail('metal', metalCell ?? null, 'a metal we know (gold, rose gold, white gold, silver, platinum)');
    }
    // The name is more specific than a purity ("Rose Gold Pendant", 18K) unless they disagree.
    const nameMetal = nameText ? read.metal(nameText) : null;
    const purityNow = fromPurity?.purity ?? hints.purity;
    const nameFits = nameMetal !== null && (purityNow === null || PURITIES_BY_METAL[nameMetal].includes(purityNow));
    hints.metal = metal ?? (nameFits ? nameMetal : (fromPurity?.metal ?? nameMetal));
    if (metalCell !== undefined) fields.metal = hints.metal;

    for (const f of ['grossWeightGrams', 'netWeightGrams'] as const) {
      const c = at(f);
      if (c === undefined) continue;
      if (isBlank(c)) fields[f] = null;
      else {
        const g = measured(c);
        if (g === null) fail(f, c, 'a weight in grams');
        if (g! < 0) throw new Reject(`${col(f)}: a weight cannot be negative (${text(c)})`);
        fields[f] = Math.round(g! * 1000) / 1000;
      }
    }

    const stonesCell = at('stones');
    if (stonesCell !== undefined) {
      const stonesText = isBlank(stonesCell) ? '' : text(stonesCell);
      const stones: string[] = [];
      for (const item of listItems(stonesText)) {
        const known = read.stones(item);
        const words = item.replace(/\d+(?:\.\d+)?\s*(?:ct|cts|carats?)\b\.?/gi, '').trim().toLowerCase();
        for (const s of known.length > 0 ? known : words ? [words] : []) if (!stones.includes(s)) stones.push(s.slice(0, 40));
      }
      fields.stones = stones.slice(0, 20);
      const carats = [...stonesText.matchAll(/(\d+(?:\.\d+)?)\s*(?:ct|cts|carats?)\b/gi)].map((m) => Number(m[1]));
      if (carats.length > 0) hints.stoneCarat = Math.round(carats.reduce((a, b) => a + b, 0) * 1000) / 1000;
    }
    const caratCell = at('stoneCarat');
    if (caratCell !== undefined) {
      if (isBlank(caratCell)) fields.stoneCarat = hints.stoneCarat;
      else {
        const ct = measured(caratCell);
        if (ct === null) fail('stoneCarat', caratCell, 'a carat weight');
        if (ct! < 0) throw new Reject(`${col('stoneCarat')}: carats cannot be negative (${text(caratCell)})`);
        fields.stoneCarat = ct;
      }
    }

    const priceCell = at('price');
    if (priceCell !== undefined) {
      if (isBlank(priceCell)) throw new Reject(`${col('price')} is empty: a product needs a price`);
      let rupees: number | null = null;
      if (typeof priceCell === 'number') rupees = priceCell;
      else if (typeof priceCell === 'string') rupees = /^\s*-/.test(priceCell) ? -1 : read.rupees(priceCell);
      if (rupees === null || !Number.isFinite(rupees)) fail('price', priceCell, 'a price');
      if (rupees! < 0) throw new Reject(`${col('price')}: a price cannot be negative (${text(priceCell)})`);
      // Whole rupees: paise are rounded to the nearest rupee.
      fields.price = Math.round(rupees!);
    }

    const stockCell = at('stock');
    if (stockCell !== undefined) {
      if (isBlank(stockCell)) fields.stock = 0;
      else {
        const n = measured(stockCell);
        if (n === null) fail('stock', stockCell, 'a stock quantity');
        if (n! < 0) throw new Reject(`${col('stock')}: stock cannot be negative (${text(stockCell)})`);
        if (!Number.isInteger(n)) throw new Reject(`${col('stock')}: stock is a whole number of pieces (${text(stockCell)})`);
        fields.stock = n!;
      }
    }

    const descCell = at('description');
    if (descCell !== undefined) {
      const d = isBlank(descCell) ? '' : cellText(descCell);
      if (d.length > 4000) throw new Reject(`${col('description')}: a description has at most 4,000 characters (this one has ${d.length})`);
      fields.description = d;
    }

    const genderCell = at('gender');
    if (genderCell !== undefined) {
      if (isBlank(genderCell)) fields.gender = null;
      else {
        const g = GENDER_WORDS[text(genderCell).toLowerCase().replace(/[^a-z]/g, '')];
        if (!g) fail('gender', genderCell, 'women, men, unisex or kids');
        fields.gender = g!;
      }
    }

    const occCell = at('occasions');
    if (occCell !== undefined) fields.occasions = isBlank(occCell) ? [] : [...new Set(listItems(text(occCell)).map((o) => o.toLowerCase().slice(0, 40)))].slice(0, 20);

    const urlCell = at('url');
    if (urlCell !== undefined) {
      if (isBlank(urlCell)) fields.url = null;
      else {
        const u = text(urlCell);
        if (!/^https?:\/\/[^\s]+$/i.test(u) || !URL.canParse(u)) fail('url', urlCell, 'a web address (https://…)');
        fields.url = u;
      }
    }

    const imageCell = at('images');
    const image = imageCell !== undefined && !isBlank(imageCell) ? text(imageCell) : null;

    return { ok: true, sku, row: { sku, fields, hints, image } };
  } catch (err) {
    if (err instanceof Reject) return { ok: false, sku, reason: err.message };
    throw err;
  }
}

/**
 * The product a row makes. Mapped columns replace saved values; fields without a column keep the
 * saved product's values exactly, or for a new product take what the row implies (category from
 * the name…). A new product needs a name and a price; an update file may carry just SKU and stock.
 */
export function mergeRow(row: ParsedRow, existing: Product | null, plan: Plan): { ok: true; candidate: Product } | { ok: false; reason: string } {
  const f = row.fields;
  if (existing) return { ok: true, candidate: { ...existing, ...f, sku: row.sku, updatedAt: undefined } };
  if (f.name === undefined) return { ok: false, reason: 'a new product needs a name, and no column is mapped to Name' };
  if (f.price === undefined) return { ok: false, reason: 'a new product needs a price, and no column is mapped to Price' };
  const h = row.hints;
  const candidate: Product = {
    sku: row.sku,
    name: f.name,
    category: f.category ?? h.category ?? 'other',
    style: 'style' in f ? (f.style ?? null) : h.style,
    metal: 'metal' in f ? (f.metal ?? null) : h.metal,
    purity: 'purity' in f ? (f.purity ?? null) : h.purity,
    grossWeightGrams: f.grossWeightGrams ?? null,
    netWeightGrams: f.netWeightGrams ?? null,
    stones: f.stones ?? [],
    stoneCarat: 'stoneCarat' in f ? (f.stoneCarat ?? null) : plan.stones ? h.stoneCarat : null,
    price: f.price,
    stock: f.stock ?? 0,
    description: f.description ?? '',
    gender: f.gender ?? null,
    occasions: f.occasions ?? [],
    images: [],
    url: f.url ?? null,
  };
  return { ok: true, candidate };
}
