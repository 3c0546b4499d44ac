import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/helpers/generated-catalog.js';
import { HOSTILE } from './offers.test-kit.js';
import { capFor, CODE_ALPHABET, decide, discountAmount, HARD_CAP_PERCENT, isExcluded, newCode, normaliseCode, wishPercent } from './offers.policy.js';


function randomWish(r: () => number): unknown {
  const k = r();
  if (k < 0.4) return HOSTILE[Math.floor(r() * HOSTILE.length)];
  if (k < 0.6) return (r() - 0.5) * 2000;
  if (k < 0.8) return `${((r() - 0.3) * 200).toFixed(r() < 0.5 ? 0 : 2)}${r() < 0.5 ? '%' : ''}`;
  return String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 12) }, () => 32 + Math.floor(r() * 90)));
}

describe('discount policy: the cap holds whatever the input (property)', () => {
  it('never offers above the cap, never negative, rupees always whole, over thousands of hostile asks', () => {
    const r = prng(20261201);
    let offers = 0;
    let approvals = 0;
    for (let i = 0; i < 4000; i++) {
      const maxPercent = [Number.NaN, -3, 0, 0.5, 2, 5, 7.3, 10, 12, 100, Infinity][Math.floor(r() * 11)] as number;
      const categoryCap = r() < 0.3 ? ((r() - 0.2) * 20) : undefined;
      const cap = capFor({ maxPercent, perCategory: categoryCap === undefined ? {} : { ring: categoryCap }, category: 'ring', excluded: r() < 0.1 });
      expect(cap).toBeGreaterThanOrEqual(0);
      expect(cap).toBeLessThanOrEqual(HARD_CAP_PERCENT);
      expect(cap).toBeLessThanOrEqual(Number.isFinite(maxPercent) ? Math.max(0, maxPercent) : HARD_CAP_PERCENT);
      if (categoryCap !== undefined) expect(cap).toBeLessThanOrEqual(Math.max(0, categoryCap));
      const tenacity = [Number.NaN, -50, 0, 25, 50, 75, 100, 150][Math.floor(r() * 8)] as number;
      // a negotiation of several asks, each with its own hostile wish
      let previous: number | null = r() < 0.2 ? (r() - 0.5) * 40 : null;
      for (let ask = 0; ask < 4; ask++) {
        const d = decide({ wish: randomWish(r), cap, tenacity, previous });
        if (cap === 0) expect(d.kind).toBe('none');
        if (d.kind === 'offer') {
          offers++;
          expect(d.percent).toBeGreaterThan(0);
          expect(d.percent).toBeLessThanOrEqual(cap);
          expect(Number.isInteger(d.percent * 2)).toBe(true);
          const base = Math.floor(r() * 2_000_000);
          const amount = discountAmount(base, d.percent);
          expect(Number.isInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(amount).toBeLessThanOrEqual((base * cap) / 100);
          previous = d.percent;
        } else if (d.kind === 'approval') {
          approvals++;
          // an ask above the cap offers nothing new: what stands is at most the cap
          if (d.percent !== null) expect(d.percent).toBeLessThanOrEqual(cap);
          expect(d.askedPercent).toBeGreaterThan(cap);
        }
      }
    }
    // the generator reached both branches plenty of times
    expect(offers).toBeGreaterThan(1000);
    expect(approvals).toBeGreaterThan(100);
  });

  it('reads wishes: numbers and percents; free is 100; nonsense, negatives and rupee amounts are no wish', () => {
    expect(wishPercent(12)).toBe(12);
    expect(wishPercent('12%')).toBe(12);
    expect(wishPercent('make it 7.5 percent')).toBe(7.5);
    expect(wishPercent('free')).toBe(100);
    expect(wishPercent(-5)).toBeNull();
    expect(wishPercent('-5%')).toBeNull();
    expect(wishPercent(Number.NaN)).toBeNull();
    expect(wishPercent('5000')).toBeNull();
    expect(wishPercent({})).toBeNull();
    expect(wishPercent('can you give a discount?')).toBeNull();
  });

  it('concedes by tenacity: a soft agent gives the cap at once, a tenacious one starts low and climbs in steps', () => {
    expect(decide({ wish: null, cap: 10, tenacity: 0, previous: null })).toEqual({ kind: 'offer', percent: 10, atCap: true });
    const steps: number[] = [];
    let previous: number | null = null;
    for (let i = 0; i < 8; i++) {
      const d = decide({ wish: null, cap: 10, tenacity: 100, previous });
      if (d.kind !== 'offer') throw new Error('expected an offer');
      steps.push(d.percent);
      previous = d.percent;
    }
    expect(steps[0]).toBe(2.5);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.at(-1)).toBe(10);
    const mid = decide({ wish: null, cap: 8, tenacity: 50, previous: null });
    expect(mid).toMatchObject({ kind: 'offer', percent: 5 });
  });

  it('meets a modest wish exactly, never more than asked, never less than already offered', () => {
    expect(decide({ wish: '3%', cap: 10, tenacity: 0, previous: null })).toMatchObject({ kind: 'offer', percent: 3 });
    expect(decide({ wish: 2, cap: 10, tenacity: 50, previous: 4 })).toMatchObject({ kind: 'offer', percent: 4 });
  });

  it('sends asks above the cap to the owner, but not absurd ones', () => {
    expect(decide({ wish: 'make it 20%', cap: 5, tenacity: 50, previous: 3 })).toEqual({ kind: 'approval', askedPercent: 20, percent: 3, atCap: false });
    expect(decide({ wish: 'free', cap: 5, tenacity: 50, previous: 3 })).toMatchObject({ kind: 'offer' });
  });

  it('excludes gold coins and bullion by name, category or the owner\'s words; not coin-style pendants', () => {
    const ex = ['gold coin', 'bullion'];
    expect(isExcluded({ category: 'other', style: null, name: 'Lakshmi 24K Gold Coin 10 g' }, ex)).toBe(true);
    expect(isExcluded({ category: 'other', style: null, name: '24K Gold Bar 50 g' }, ex)).toBe(true);
    expect(isExcluded({ category: 'other', style: null, name: 'Silver bullion biscuit' }, ex)).toBe(true);
    expect(isExcluded({ category: 'pendant', style: 'coin', name: 'Divine Om Pendant' }, ex)).toBe(false);
    expect(isExcluded({ category: 'necklace', style: 'temple', name: 'Lakshmi Temple Necklace' }, ex)).toBe(false);
    expect(isExcluded({ category: 'necklace', style: 'temple', name: 'Lakshmi Temple Necklace' }, ['necklace'])).toBe(true);
    expect(capFor({ maxPercent: 10, category: 'ring', excluded: true })).toBe(0);
    expect(capFor({ maxPercent: 8, perCategory: { ring: 3 }, category: 'ring', excluded: false })).toBe(3);
    expect(capFor({ maxPercent: 8, perCategory: { ring: 3 }, category: 'bangle', excluded: false })).toBe(8);
  });

  it('makes short unambiguous codes and reads typed ones back', () => {
    const r = prng(7);
    for (let i = 0; i < 500; i++) {
      const code = newCode((n) => Math.floor(r() * n));
      expect(code).toMatch(/^REV-[A-Z][A-Z0-9]{3}$/);
      expect(code.length).toBeLessThanOrEqual(15);
      for (const ch of code.slice(4)) expect(CODE_ALPHABET).toContain(ch);
      expect(code.slice(4)).not.toMatch(/[01OIL]/);
    }
    expect(normaliseCode(' rev-ab2k ')).toBe('REV-AB2K');
    expect(normaliseCode('REVAB2K')).toBe('REV-AB2K');
  });
});
