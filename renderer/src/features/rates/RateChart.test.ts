import { describe, expect, it } from 'vitest';
import type { MetalRates } from '../../api/contracts';
import { ratePoints } from './RateChart';

const rates = (id: number, asOf: string, gold24: number | null, silver: number | null): MetalRates => ({ id, gold24, silver, platinum: null, asOf, source: 'manual', createdAt: asOf });

describe('the rate chart points', () => {
  it('run oldest first, labelled in the store’s time zone, with a metal not set left empty', () => {
    const history = [rates(3, '2026-12-02T05:00:00.000Z', 8000, null), rates(2, '2026-12-01T05:00:00.000Z', 7850, 95)];
    expect(ratePoints(history, 'Asia/Kolkata')).toEqual([
      { at: '1 Dec, 10:30 am', gold24: 7850, silver: 95 },
      { at: '2 Dec, 10:30 am', gold24: 8000, silver: null },
    ]);
  });
});
