import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { StoreProfileSchema } from '../../server/src/contracts/store.js';
import { CATEGORIES, METAL_NAMES } from './catalog-types.js';
import { productSvg, renderPng } from './draw.js';
import { CSV_HEADER, generateProducts, productsToCsv } from './products.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEMO = path.resolve(here, '../../resources/demo');
const POLICIES = [
  'shipping.md',
  'returns-and-exchange.md',
  'old-gold-exchange.md',
  'making-charges.md',
  'bis-hallmark-huid.md',
  'jewellery-care.md',
];

type Row = Record<(typeof CSV_HEADER)[number], string>;

/** The CSV is deliberately unquoted: no field holds a comma or a quote, so a plain split is exact. */
function readCatalog(): { header: string[]; rows: Row[] } {
  const text = readFileSync(path.join(DEMO, 'catalog.csv'), 'utf8');
  expect(text).not.toMatch(/"/);
  const [headerLine, ...lines] = text.trimEnd().split('\n');
  const header = (headerLine ?? '').split(',');
  const rows = lines.map((line) => {
    const cells = line.split(',');
    expect(cells, line).toHaveLength(CSV_HEADER.length);
    return Object.fromEntries(CSV_HEADER.map((h, i) => [h, cells[i] ?? ''])) as Row;
  });
  return { header, rows };
}

describe('demo store profile', () => {
  it('validates against StoreProfileSchema', () => {
    const raw: unknown = JSON.parse(readFileSync(path.join(DEMO, 'store.json'), 'utf8'));
    const store = StoreProfileSchema.parse(raw);
    expect(store.name).toBe('Shringar Jewellers');
    expect(store.timeZone).toBe('Asia/Kolkata');
    expect(store.hours.filter((h) => h.closed).map((h) => h.day)).toEqual(['tue']);
    expect(new URL(store.website).hostname.endsWith('.example')).toBe(true);
  });
});

describe('demo catalogue', () => {
  const { header, rows } = readCatalog();

  it('has the agreed columns in order and at least 150 products', () => {
    expect(header).toEqual([...CSV_HEADER]);
    expect(rows.length).toBeGreaterThanOrEqual(150);
  });

  it('has unique SKUs and names', () => {
    expect(new Set(rows.map((r) => r.SKU)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.Name)).size).toBe(rows.length);
    for (const r of rows) expect(r.SKU).toMatch(/^SJ-[A-Z]{3}-\d{4}$/);
  });

  it('covers every category and metal, with valid purities', () => {
    expect(new Set(rows.map((r) => r.Category))).toEqual(new Set(CATEGORIES));
    expect(new Set(rows.map((r) => r.Metal))).toEqual(new Set(METAL_NAMES));
    const purities: Record<string, string[]> = {
      gold: ['22K', '18K', '14K'],
      'rose gold': ['22K', '18K', '14K'],
      'white gold': ['22K', '18K', '14K'],
      silver: ['925'],
      platinum: ['950'],
    };
    for (const r of rows) expect(purities[r.Metal], r.SKU).toContain(r.Purity);
    const earringStyles = new Set(rows.filter((r) => r.Category === 'earrings').map((r) => r.Style));
    for (const s of ['stud', 'jhumka', 'chandbali']) expect(earringStyles).toContain(s);
    expect(rows.some((r) => r.Category === 'bangle' && r.Style === 'kada')).toBe(true);
  });

  it('has sensible numbers', () => {
    for (const r of rows) {
      expect(r['Price (INR)'], r.SKU).toMatch(/^[1-9]\d*$/);
      expect(r.Stock, r.SKU).toMatch(/^(\d|1[0-2])$/);
      const gross = Number(r['Gross Weight (g)']);
      const net = Number(r['Net Weight (g)']);
      expect(net, r.SKU).toBeGreaterThan(0);
      expect(gross, r.SKU).toBeGreaterThanOrEqual(net);
      expect(r['Stone Carat'] === '' || /^\d+\.\d+$/.test(r['Stone Carat']), r.SKU).toBe(true);
      expect(r.Stones === '', r.SKU).toBe(r['Stone Carat'] === '');
      expect(['women', 'men', 'unisex', 'kids']).toContain(r.Gender);
      for (const o of r.Occasion.split(';')) expect(['bridal', 'daily wear', 'festive', 'office', 'gift', 'engagement']).toContain(o);
      expect(r.Description.length, r.SKU).toBeGreaterThan(20);
    }
    expect(rows.filter((r) => r.Stock === '0').length).toBeGreaterThanOrEqual(3);
  });

  it('has gold bangles both under and over ₹50,000', () => {
    const goldBangles = rows.filter((r) => r.Category === 'bangle' && r.Metal === 'gold');
    expect(goldBangles.filter((r) => Number(r['Price (INR)']) < 50000).length).toBeGreaterThanOrEqual(3);
    expect(goldBangles.filter((r) => Number(r['Price (INR)']) > 50000).length).toBeGreaterThanOrEqual(3);
  });

  it('has a 400×400 PNG for every product', async () => {
    for (const r of rows) {
      expect(r.Image).toBe(`images/${r.SKU}.png`);
      const file = path.join(DEMO, r.Image);
      expect(existsSync(file), file).toBe(true);
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height], r.SKU).toEqual(['png', 400, 400]);
    }
  });

  it('is exactly what the generator produces', () => {
    const text = readFileSync(path.join(DEMO, 'catalog.csv'), 'utf8');
    expect(productsToCsv(generateProducts())).toBe(text);
    expect(productsToCsv(generateProducts())).toBe(productsToCsv(generateProducts()));
  });

  it('renders pictures deterministically', async () => {
    const products = generateProducts();
    for (const p of [products[0], products[40], products.at(-1)]) {
      if (!p) throw new Error('missing product');
      const svg = productSvg(p);
      expect(productSvg(p)).toBe(svg);
      expect((await renderPng(svg)).equals(await renderPng(svg))).toBe(true);
    }
  });
});

describe('demo policies', () => {
  it.each(POLICIES)('%s exists and reads like a real policy', (name) => {
    const text = readFileSync(path.join(DEMO, 'policies', name), 'utf8');
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(300);
    expect(words).toBeLessThanOrEqual(750);
    expect(text).toMatch(/^# /);
    expect(text).toMatch(/^## /m);
    expect(text).toContain('Shringar Jewellers');
  });
});
