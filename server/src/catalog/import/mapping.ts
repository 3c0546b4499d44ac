import { PRODUCT_FIELDS, ProductFieldSchema, type ImportMapping, type ProductField } from '../../contracts/index.js';
import { DomainError } from '../../shared/errors.js';
import { inferCategory, parseMetal, parsePurity, parseRupees } from '../../understanding/index.js';
import { cellText, isBlank, type Cell } from '../../shared/tables/read-table.js';

/**
 * Header words jewellers' files use for each field, normalised (lower case, units and punctuation
 * dropped). Exact matches score highest; a header that contains one of these as whole words next.
 */
const SYNONYMS: Record<ProductField, string[]> = {
  sku: ['sku', 'item code', 'item no', 'item number', 'code', 'design no', 'design number', 'design code', 'product code', 'product id', 'article no', 'article code', 'style no', 'style code', 'barcode', 'tag no', 'tag number', 'ref no', 'reference', 'id', 'item id', 'sku code', 'model no'],
  name: ['name', 'product name', 'item name', 'title', 'product title', 'design name', 'product', 'item', 'item description', 'particulars'],
  category: ['category', 'type', 'product type', 'item type', 'jewellery type', 'jewelry type', 'ornament', 'ornament type', 'item category', 'product category', 'group', 'item group'],
  style: ['style', 'sub category', 'subcategory', 'sub type', 'pattern', 'design type', 'design style', 'style name'],
  metal: ['metal', 'metal type', 'material', 'metal colour', 'metal color', 'metal name'],
  purity: ['purity', 'karat', 'carat', 'karatage', 'kt', 'fineness', 'karat purity', 'purity karat', 'gold purity', 'touch', 'carat purity', 'hallmark purity'],
  grossWeightGrams: ['gross weight', 'gross wt', 'gr wt', 'grs wt', 'gwt', 'g wt', 'weight', 'total weight', 'wt', 'gross'],
  netWeightGrams: ['net weight', 'net wt', 'nwt', 'n wt', 'metal weight', 'gold weight', 'net', 'metal wt', 'gold wt'],
  stones: ['stones', 'stone', 'stone details', 'stone type', 'gemstone', 'gemstones', 'gems', 'stone name', 'stones used'],
  stoneCarat: ['carat', 'stone carat', 'stone ct', 'stone weight', 'stone wt', 'diamond carat', 'diamond weight', 'diamond wt', 'dia ct', 'dia wt', 'cts', 'carat weight', 'total carat', 'stone cts'],
  price: ['price', 'mrp', 'selling price', 'sale price', 'amount', 'tag price', 'price inr', 'price rs', 'value', 'sp', 'rate', 'final price', 'retail price'],
  stock: ['stock', 'qty', 'quantity', 'qty in hand', 'in stock', 'available', 'inventory', 'stock qty', 'pcs', 'units', 'on hand', 'balance', 'closing stock', 'available qty', 'stock in hand'],
  description: ['description', 'details', 'desc', 'about', 'remarks', 'product description', 'notes'],
  gender: ['gender', 'for', 'target', 'ladies gents', 'men women'],
  occasions: ['occasion', 'occasions', 'wear', 'use'],
  images: ['image', 'images', 'photo', 'photos', 'picture', 'image path', 'image file', 'img', 'image name'],
  url: ['url', 'link', 'website', 'product url', 'web link', 'product link', 'page'],
};

export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/\((?:g|gm|gms|grams?|inr|rs\.?|₹|in ₹|in rs\.?|pcs|nos)\)/g, ' ')
    .replace(/₹|rs\.?(?=\s|$)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function headerScore(header: string, field: ProductField): number {
  const h = normaliseHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const s of SYNONYMS[field]) {
    if (h === s) return 1;
    if (` ${h} `.includes(` ${s} `)) best = Math.max(best, 0.5 + Math.min(0.3, s.length / 40));
  }
  return best;
}

const num = (v: string) => /^-?[\d,]*\.?\d+\s*(?:g|gm|gms|grams?|ct|cts|pcs|nos)?$/i.test(v.replace(/\s/g, ''));

/** Does this (non-blank) sample value look like the field's values? Null: no opinion. */
function valueFits(field: ProductField, v: string): boolean | null {
  switch (field) {
    case 'metal':
      return parseMetal(v) !== null;
    case 'purity':
      return parsePurity(v).purity !== null;
    case 'category':
      return inferCategory(v).category !== 'other';
    case 'price':
      return parseRupees(v) !== null;
    case 'grossWeightGrams':
    case 'netWeightGrams':
    case 'stoneCarat':
    case 'stock':
      return num(v);
    case 'url':
      return /^https?:\/\//i.test(v);
    case 'images':
      return /\.(png|jpe?g|webp)$/i.test(v);
    default:
      return null;
  }
}

/** Fields recognisable from their values alone when the header says nothing. */
const BY_VALUE: ProductField[] = ['metal', 'purity', 'category', 'url', 'images'];

function score(header: string, values: string[], field: ProductField): number {
  const fits = values.map((v) => valueFits(field, v)).filter((f): f is boolean => f !== null);
  const ratio = fits.length === 0 ? null : fits.filter(Boolean).length / fits.length;
  let s = headerScore(header, field);
  if (ratio !== null) {
    if (s > 0 && ratio < 0.5) s *= 0.3;
    else if (s > 0) s += 0.1 * ratio;
    else if (BY_VALUE.includes(field) && ratio >= 0.8 && values.length >= 2) s = 0.45;
  }
  return s;
}

/**
 * Guesses each column's field from its header and its first values: every (column, field) pair is
 * scored and the best pairs are taken first, each field and each column at most once.
 */
export function suggestMapping(headers: string[], sampleRows: Cell[][]): ImportMapping {
  const values = headers.map((_, i) => sampleRows.map((r) => r[i] ?? null).filter((c) => !isBlank(c)).map(cellText));
  const pairs: { h: number; field: ProductField; s: number }[] = [];
  headers.forEach((header, h) => {
    for (const field of PRODUCT_FIELDS) {
      const s = score(header, values[h] ?? [], field);
      if (s >= 0.4) pairs.push({ h, field, s });
    }
  });
  pairs.sort((a, b) => b.s - a.s || a.h - b.h);
  const mapping: ImportMapping = Object.fromEntries(headers.map((h) => [h, null]));
  const usedFields = new Set<ProductField>();
  const usedHeaders = new Set<number>();
  for (const p of pairs) {
    if (usedFields.has(p.field) || usedHeaders.has(p.h)) continue;
    mapping[headers[p.h]!] = p.field;
    usedFields.add(p.field);
    usedHeaders.add(p.h);
  }
  return mapping;
}

/**
 * The mapping an import uses: the suggestion, with the user's choices laid over it header by
 * header. Refuses a mapping that names a column the file does not have (unless `lenient`: a
 * remembered mapping may predate a renamed column), maps two columns to one field, or has no SKU column.
 */
export function resolveMapping(headers: string[], suggested: ImportMapping, overrides: ImportMapping | null, opts: { lenient?: boolean } = {}): ImportMapping {
  const mapping: ImportMapping = { ...suggested };
  if (overrides) {
    const byLower = new Map(headers.map((h) => [h.toLowerCase(), h]));
    for (const [header, field] of Object.entries(overrides)) {
      const actual = byLower.get(header.trim().toLowerCase());
      if (!actual && opts.lenient) continue;
      if (!actual) throw new DomainError('validation', `The mapping names a column "${header}" that the file does not have (its columns: ${headers.join(', ')})`);
      mapping[actual] = field;
    }
  }
  const seen = new Map<ProductField, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!field) continue;
    const other = seen.get(field);
    if (other) throw new DomainError('validation', `Two columns are mapped to ${field}: "${other}" and "${header}"; choose one`);
    seen.set(field, header);
  }
  if (!seen.has('sku')) throw new DomainError('validation', `No column is mapped to the SKU; choose which column holds each product's code (columns: ${headers.join(', ')})`);
  return mapping;
}

const FIELD_ALIASES: Record<string, ProductField> = {
  grossweight: 'grossWeightGrams', gross: 'grossWeightGrams', netweight: 'netWeightGrams', net: 'netWeightGrams',
  carat: 'stoneCarat', stonecarat: 'stoneCarat', image: 'images', occasion: 'occasions', stone: 'stones', mrp: 'price', qty: 'stock', quantity: 'stock',
};

/** One field name as a person types it on the command line: "price", "grossWeight", "Net Weight". */
export function parseFieldName(raw: string): ProductField | null | undefined {
  const t = raw.trim();
  if (t === '' || /^(-|none|null|ignore|skip)$/i.test(t)) return null;
  const exact = ProductFieldSchema.safeParse(t);
  if (exact.success) return exact.data;
  const squashed = t.toLowerCase().replace(/[^a-z]/g, '');
  return PRODUCT_FIELDS.find((f) => f.toLowerCase() === squashed) ?? FIELD_ALIASES[squashed];
}

/** `--map "Item Code=sku,MRP (₹)=price,Remarks="` → a mapping; a comma inside a header is kept when no `=` follows it. */
export function parseMapOption(text: string): ImportMapping {
  const mapping: ImportMapping = {};
  // A piece with no "=" is the start of a header that contains a comma: join it to the next piece.
  const parts: string[] = [];
  let carry = '';
  for (const piece of text.split(',')) {
    const joined = carry ? `${carry},${piece}` : piece;
    if (joined.includes('=')) {
      parts.push(joined);
      carry = '';
    } else carry = joined;
  }
  if (carry.trim()) parts.push(carry);
  for (const part of parts) {
    if (!part.trim()) continue;
    const eq = part.lastIndexOf('=');
    if (eq < 0) throw new DomainError('validation', `"${part}" in --map is not Header=field`);
    const header = part.slice(0, eq).trim();
    const field = parseFieldName(part.slice(eq + 1));
    if (!header) throw new DomainError('validation', `"${part}" in --map has no column name before =`);
    if (field === undefined) throw new DomainError('validation', `"${part.slice(eq + 1).trim()}" is not a product field (fields: ${PRODUCT_FIELDS.join(', ')})`);
    mapping[header] = field;
  }
  return mapping;
}
