import { describe, expect, it } from 'vitest';
import { understand } from './index.js';
import type { Understood } from '../contracts/index.js';

type Filters = Omit<Understood, 'text'>;
type Piece = readonly [string, Filters];

const CATEGORY: readonly Piece[] = [
  ['necklace', { category: 'necklace' }], ['neckless', { category: 'necklace' }], ['earrings', { category: 'earrings' }],
  ['earings', { category: 'earrings' }], ['kada', { category: 'bangle', style: 'Kada' }], ['bangles', { category: 'bangle' }],
  ['braclet', { category: 'bracelet' }], ['mangalsutra', { category: 'mangalsutra' }], ['nose pin', { category: 'nose pin' }],
  ['ring', { category: 'ring' }], ['chain', { category: 'chain' }], ['payal', { category: 'anklet', style: 'Payal' }],
  ['pendent', { category: 'pendant' }], ['jhumka', { category: 'earrings', style: 'Jhumka' }], ['necklace set', { category: 'set' }],
];
const METAL: readonly Piece[] = [
  ['gold', { metal: 'gold' }], ['sone ka', { metal: 'gold' }], ['chandi', { metal: 'silver' }], ['silver', { metal: 'silver' }],
  ['rose gold', { metal: 'rose gold' }], ['white gold', { metal: 'white gold' }], ['platinum', { metal: 'platinum' }], ['', {}],
];
const STONE: readonly Piece[] = [['diamond', { stones: ['diamond'] }], ['heera', { stones: ['diamond'] }], ['polki', { stones: ['polki'] }], ['moti', { stones: ['pearl'] }], ['', {}]];
const WHO: readonly Piece[] = [['for men', { gender: 'men' }], ['for my wife', { gender: 'women' }], ['for kids', { gender: 'kids' }], ['', {}]];
const FILLER = ['', 'show me', 'do you have', 'mujhe', 'please', 'kya hai', 'dikhao'];

function price(k: number, form: number): Piece {
  const lakh = k % 100 === 0 ? `${k / 100} lakh` : `${k}k`;
  switch (form) {
    case 0: return [`under ${lakh}`, { priceMax: k * 1000 }];
    case 1: return [`${lakh} tak`, { priceMax: k * 1000 }];
    case 2: return [`above ₹${(k * 1000).toLocaleString('en-IN')}`, { priceMin: k * 1000 }];
    case 3: return [`between ${k}k and ${2 * k}k`, { priceMin: k * 1000, priceMax: 2 * k * 1000 }];
    case 4: return [`around ${lakh}`, { priceAround: k * 1000 }];
    default: return ['', {}];
  }
}

describe('understand: pieces combine without interfering', () => {
  it('reads every random combination of category, metal, stone, person and price exactly', () => {
    let seed = 2024;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[seed % list.length] as T;
    };
    for (let n = 0; n < 300; n += 1) {
      const pieces = [pick(CATEGORY), pick(METAL), pick(STONE), pick(WHO), price(pick([1, 5, 15, 25, 40, 50, 75, 100, 150, 300]), pick([0, 1, 2, 3, 4, 5]))];
      const order = [...pieces].sort(() => (pick([0, 1]) ? 1 : -1));
      const query = [pick(FILLER), ...order.map(([words]) => words)].filter(Boolean).join(' ');
      const expected = Object.assign({}, ...pieces.map(([, filters]) => filters)) as Filters;
      const { text, ...got } = understand(query);
      expect(got, query).toEqual(expected);
      expect(text, query).toMatch(/^(|jhumka|kada|payal|necklace)$/);
    }
  });
});
