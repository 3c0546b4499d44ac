import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from './fuse.js';

describe('reciprocal rank fusion', () => {
  it('scores each id by the sum of 1/(k + rank) over the lists', () => {
    const fused = reciprocalRankFusion([
      [1, 2, 3],
      [3, 1],
    ]);
    const score = Object.fromEntries(fused.map((f) => [f.id, f.score]));
    expect(score[1]).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2));
    expect(score[2]).toBeCloseTo(1 / (RRF_K + 2));
    expect(score[3]).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1));
    expect(fused.map((f) => f.id)).toEqual([1, 3, 2]);
  });

  it('puts an id found by both legs above one that tops a single leg', () => {
    const fused = reciprocalRankFusion([
      [7, 8, 9, 10],
      [11, 12, 10],
    ]);
    expect(fused[0]?.id).toBe(10);
  });

  it('keeps first-seen order for equal scores and handles empty lists', () => {
    expect(reciprocalRankFusion([[4, 5], []]).map((f) => f.id)).toEqual([4, 5]);
    expect(reciprocalRankFusion([[], [6]]).map((f) => f.id)).toEqual([6]);
    expect(reciprocalRankFusion([])).toEqual([]);
  });

  it('uses k to flatten or sharpen the top ranks', () => {
    const [a, b] = reciprocalRankFusion([[1, 2]], 1);
    expect(a?.score).toBeCloseTo(1 / 2);
    expect(b?.score).toBeCloseTo(1 / 3);
  });
});
