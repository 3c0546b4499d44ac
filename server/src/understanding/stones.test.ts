import { describe, expect, it } from 'vitest';
import { parseStones } from './index.js';

const CASES: ReadonlyArray<readonly [string, string[]]> = [
  ['diamond', ['diamond']],
  ['Diamonds', ['diamond']],
  ['heera', ['diamond']],
  ['hira', ['diamond']],
  ['pearl', ['pearl']],
  ['moti', ['pearl']],
  ['emerald', ['emerald']],
  ['panna', ['emerald']],
  ['ruby', ['ruby']],
  ['rubies', ['ruby']],
  ['manik', ['ruby']],
  ['manek', ['ruby']],
  ['sapphire', ['sapphire']],
  ['neelam', ['sapphire']],
  ['polki', ['polki']],
  ['kundan', ['kundan']],
  ['jadau', ['jadau']],
  ['cz', ['cz']],
  ['Cubic Zirconia', ['cz']],
  ['American Diamond', ['cz']],
  ['AD', ['cz']],
  ['meenakari', ['meenakari']],
  ['coral', ['coral']],
  ['ruby;emerald;sapphire;pearl', ['ruby', 'emerald', 'sapphire', 'pearl']],
  ['Polki, Emerald & Pearl', ['polki', 'emerald', 'pearl']],
  ['Manik Ruby Pendant', ['ruby']],
  ['Heera Moti Set', ['diamond', 'pearl']],
  ['diamond, heera, DIAMOND', ['diamond']],
  ['Diamond-cut 14K Rose Gold Hoops', []],
  ['without diamond', []],
  ['Classic 22K Gold Kada', []],
  ['', []],
  ['-', []],
];

describe('parseStones', () => {
  it.each(CASES)('%j → %j', (text, stones) => {
    expect(parseStones(text)).toEqual(stones);
  });
});
