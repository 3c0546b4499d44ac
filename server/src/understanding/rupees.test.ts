import { describe, expect, it } from 'vitest';
import { parseRupees, understand } from './index.js';

const CASES: ReadonlyArray<readonly [string, number | null]> = [
  ['1,25,000', 125000],
  ['₹ 45,500.00', 45500],
  ['₹45,500', 45500],
  ['1.2 lakh', 120000],
  ['1.5L', 150000],
  ['1.5 Lakhs', 150000],
  ['2.25 lac', 225000],
  ['50k', 50000],
  ['50K', 50000],
  ['2 cr', 20000000],
  ['1.75 crore', 17500000],
  ['Rs. 12000/-', 12000],
  ['Rs 12,000', 12000],
  ['INR 45500', 45500],
  ['45500 INR', 45500],
  ['MRP ₹ 9,999', 9999],
  ['12000 rupees', 12000],
  ['45500.49', 45500],
  ['45500.5', 45501],
  ['0.5', 1],
  ['0.49', 0],
  ['1.15 lakh', 115000],
  ['1.234567 lakh', 123457],
  ['125,000', 125000],
  ['12,50,000', 1250000],
  ['1 lakh 20 hazar', 120000],
  ['50 thousand', 50000],
  ['0', 0],
  ['  78658  ', 78658],
  ['22k', 22000],
  ['.5k', 500],
  ['', null],
  ['-', null],
  ['—', null],
  ['–', null],
  ['--', null],
  ['NA', null],
  ['N/A', null],
  ['n.a.', null],
  ['nil', null],
  ['None', null],
  ['#N/A', null],
  ['abc', null],
  ['12abc', null],
  ['1.2.3', null],
  ['1,2,3', null],
  ['12 000', null],
  ['-500', null],
  ['(45,500)', null],
  ['$500', null],
  ['₹', null],
  ['lakh', null],
  ['50000 - 60000', null],
  ['20 grams', null],
  ['22 kt', null],
  ['1.25E+05', null],
  ['approx 50k', null],
];

/** Indian digit grouping written independently of the parser: 12345678 → "1,23,45,678". */
function indian(n: number): string {
  const s = String(n);
  if (s.length <= 3) return s;
  const head = s.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',');
  return `${head},${s.slice(-3)}`;
}

function* samples(count: number, max: number): Generator<number> {
  let seed = 42;
  for (let k = 0; k < count; k += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const digits = 1 + (seed % String(max).length);
    yield Math.floor((seed / 2147483648) * 10 ** digits) % max;
  }
}

describe('parseRupees', () => {
  it.each(CASES)('%j → %j', (text, rupees) => {
    expect(parseRupees(text)).toBe(rupees);
  });

  it('has at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it('reads back any whole number written in Indian grouping, with or without ₹ and paise', () => {
    for (const n of samples(300, 9_99_99_99_999)) {
      const text = indian(n);
      expect(parseRupees(text), text).toBe(n);
      expect(parseRupees(`₹ ${text}.00`), text).toBe(n);
      expect(parseRupees(`Rs. ${text}/-`), text).toBe(n);
      expect(parseRupees(new Intl.NumberFormat('en-IN').format(n)), text).toBe(n);
    }
  });

  it('agrees with the shopper side: "under N" sets exactly that ceiling', () => {
    for (const n of samples(100, 99_99_999)) {
      if (n < 100) continue;
      expect(understand(`under ₹${indian(n)}`).priceMax, String(n)).toBe(n);
    }
  });

  it('scales lakh and k exactly, never through floating error', () => {
    for (let whole = 0; whole < 20; whole += 1) {
      for (let hundredth = 0; hundredth < 100; hundredth += 7) {
        const text = `${whole}.${String(hundredth).padStart(2, '0')}`;
        expect(parseRupees(`${text} lakh`), text).toBe(whole * 100000 + hundredth * 1000);
        expect(parseRupees(`${text}k`), text).toBe(whole * 1000 + hundredth * 10);
      }
    }
  });
});
