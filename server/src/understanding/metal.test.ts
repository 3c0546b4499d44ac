import { describe, expect, it } from 'vitest';
import { parseMetal, parsePurity } from './index.js';
import type { Metal, Purity } from '../contracts/index.js';

const PURITIES: ReadonlyArray<readonly [string, Metal | null, Purity | null]> = [
  ['22K', 'gold', '22K'],
  ['22 kt', 'gold', '22K'],
  ['22 carat', 'gold', '22K'],
  ['22ct', 'gold', '22K'],
  ['22KT', 'gold', '22K'],
  ['22 Karat Gold', 'gold', '22K'],
  ['916', 'gold', '22K'],
  ['BIS 916 Hallmark', 'gold', '22K'],
  ['22K916', 'gold', '22K'],
  ['91.6', 'gold', '22K'],
  ['KDM', 'gold', '22K'],
  ['750', 'gold', '18K'],
  ['18K', 'gold', '18K'],
  ['18K White Gold', 'white gold', '18K'],
  ['750 Rose Gold', 'rose gold', '18K'],
  ['585', 'gold', '14K'],
  ['14kt', 'gold', '14K'],
  ['24K', 'gold', '24K'],
  ['999', 'gold', '24K'],
  ['995', 'gold', '24K'],
  ['99.9', 'gold', '24K'],
  ['925', 'silver', '925'],
  ['92.5', 'silver', '925'],
  ['sterling', 'silver', '925'],
  ['Sterling Silver', 'silver', '925'],
  ['950', 'platinum', '950'],
  ['PT950', 'platinum', '950'],
  ['Pt 950', 'platinum', '950'],
  ['22KT (916)', 'gold', '22K'],
  ['24KT 999', 'gold', '24K'],
  ['RG 14K', 'rose gold', '14K'],
  ['9K', 'gold', null],
  ['Gold', 'gold', null],
  ['', null, null],
  ['-', null, null],
  ['N/A', null, null],
  ['0.5 ct', null, null],
  ['123', null, null],
];

const METALS: ReadonlyArray<readonly [string, Metal | null]> = [
  ['Gold', 'gold'],
  ['Yellow Gold', 'gold'],
  ['sona', 'gold'],
  ['sone', 'gold'],
  ['GOLD 22K', 'gold'],
  ['chandi', 'silver'],
  ['silver', 'silver'],
  ['Sterling', 'silver'],
  ['Oxidised Silver', 'silver'],
  ['Rose Gold', 'rose gold'],
  ['rose-gold', 'rose gold'],
  ['White Gold', 'white gold'],
  ['Platinum', 'platinum'],
  ['PT950', 'platinum'],
  ['Gold Plated Silver', 'silver'],
  ['YG', 'gold'],
  ['18K WG', 'white gold'],
  ['German Silver', null],
  ['brass', null],
  ['', null],
  ['22K', null],
];

describe('parsePurity', () => {
  it.each(PURITIES)('%j → %s %s', (text, metal, purity) => {
    expect(parsePurity(text)).toEqual({ metal, purity });
  });
});

describe('parseMetal', () => {
  it.each(METALS)('%j → %s', (text, metal) => {
    expect(parseMetal(text)).toBe(metal);
  });
});
