import { describe, expect, it } from 'vitest';
import { aroundBand, AROUND_TOLERANCE } from './index.js';

describe('aroundBand', () => {
  it('reaches 15% either side, in whole rupees for whole amounts', () => {
    expect(AROUND_TOLERANCE).toBe(0.15);
    expect(aroundBand(20000)).toEqual({ min: 17000, max: 23000 });
    expect(aroundBand(125000)).toEqual({ min: 106250, max: 143750 });
    expect(aroundBand(999)).toEqual({ min: 849, max: 1149 });
  });

  it('keeps grams to three decimals', () => {
    expect(aroundBand(7.5)).toEqual({ min: 6.375, max: 8.625 });
    expect(aroundBand(11.664)).toEqual({ min: 9.914, max: 13.414 });
  });
});
