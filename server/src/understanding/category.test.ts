import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { inferCategory, styleKey } from './index.js';
import { CATEGORIES, type Category } from '../contracts/index.js';

const CASES: ReadonlyArray<readonly [string, Category, string | null]> = [
  ['Lakshmi Temple Jhumka', 'earrings', 'Jhumka'],
  ['Chandbali', 'earrings', 'Chandbali'],
  ['Diamond Studs', 'earrings', 'Studs'],
  ['Gold Tops', 'earrings', 'Studs'],
  ['Bali', 'earrings', 'Bali'],
  ['Hoops', 'earrings', 'Bali'],
  ['Jhumka Earrings', 'earrings', 'Jhumka'],
  ['Earrings', 'earrings', null],
  ['Ear Rings', 'earrings', null],
  ['Kada', 'bangle', 'Kada'],
  ['Kangan', 'bangle', null],
  ['Bangles', 'bangle', null],
  ['Churi', 'bangle', null],
  ['Haar', 'necklace', null],
  ['Necklace', 'necklace', null],
  ['Neckless', 'necklace', null],
  ['Rani Haar', 'necklace', 'Rani Haar'],
  ['Kundan Choker', 'necklace', 'Choker'],
  ['Bridal Nath', 'nose pin', 'Nath'],
  ['Nose Pin', 'nose pin', null],
  ['Laung', 'nose pin', null],
  ['Nathni', 'nose pin', 'Nath'],
  ['Payal', 'anklet', 'Payal'],
  ['Pajeb', 'anklet', 'Payal'],
  ['Anklet', 'anklet', null],
  ['Locket', 'pendant', 'Locket'],
  ['Pendant', 'pendant', null],
  ['Chain Pendant', 'pendant', null],
  ['Mangalsutra', 'mangalsutra', null],
  ['Anguthi', 'ring', null],
  ['Ring', 'ring', null],
  ['Comfort Fit Gold Band', 'ring', 'Band'],
  ['Solitaire', 'ring', 'Solitaire'],
  ['Chain', 'chain', null],
  ['Chen', 'chain', null],
  ['Bracelet', 'bracelet', null],
  ['Braclet', 'bracelet', null],
  ['Set', 'set', null],
  ['Necklace Set', 'set', null],
  ['Bridal Set', 'set', null],
  ['Ear Ring', 'earrings', null],
  ['Finger Ring', 'ring', null],
  ['RING - GENTS', 'ring', null],
  ['Bangle Pair', 'bangle', null],
  ['Chain with Pendant', 'pendant', null],
  ['Nazuk Mangalsutra Bracelet', 'mangalsutra', 'Bracelet'],
  ['Tara Solitaire Pendant', 'pendant', 'Solitaire'],
  ['Hair Band', 'other', null],
  ['Maang Tikka', 'other', 'Maang Tikka'],
  ['Gift Voucher', 'other', null],
  ['', 'other', null],
];

describe('inferCategory', () => {
  it.each(CASES)('%j → %s / %s', (text, category, style) => {
    expect(inferCategory(text)).toEqual({ category, style });
  });

  it('gives every name in the demo catalog the category in its Category column', () => {
    const rows = parse(readFileSync(new URL('../../../resources/demo/catalog.csv', import.meta.url)), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(100);
    const mismatches = rows
      .map((row) => ({ name: row.Name ?? '', want: row.Category ?? '', got: inferCategory(row.Name ?? '').category }))
      .filter((r) => r.got !== r.want)
      .map((r) => `${r.name}: expected ${r.want}, inferred ${r.got}`);
    expect(mismatches).toEqual([]);
    expect(new Set(rows.map((r) => r.Category)).size).toBe(CATEGORIES.length - 1);
  });

  it('agrees with the demo catalog on the styles its lexicon names', () => {
    const named: Record<string, readonly string[]> = {
      earrings: ['jhumka', 'chandbali', 'stud', 'hoop'], bangle: ['kada'], anklet: ['payal'], 'nose pin': ['nath'],
      necklace: ['rani haar', 'choker'], ring: ['toe ring', 'band', 'solitaire'],
    };
    const rows = parse(readFileSync(new URL('../../../resources/demo/catalog.csv', import.meta.url)), { columns: true }) as Array<Record<string, string>>;
    const checked = rows.filter((r) => named[r.Category ?? '']?.includes(r.Style ?? ''));
    expect(checked.length).toBeGreaterThan(40);
    const mismatches = checked
      .map((r) => ({ name: r.Name ?? '', want: styleKey(r.Style ?? ''), got: inferCategory(r.Name ?? '').style }))
      .filter((r) => (r.got === null ? null : styleKey(r.got)) !== r.want)
      .map((r) => `${r.name}: expected ${r.want}, inferred ${r.got}`);
    expect(mismatches).toEqual([]);
  });
});

describe('styleKey', () => {
  it.each([
    ['hoop', 'bali'], ['Hoops', 'bali'], ['Bali', 'bali'], ['stud', 'studs'], ['Tops', 'studs'], ['Rani Haar', 'rani haar'],
    ['jhumki', 'jhumka'], ['Temple', 'temple'], ['toe ring', 'toe ring'],
  ])('%j → %j', (style, key) => {
    expect(styleKey(style)).toBe(key);
  });
});
