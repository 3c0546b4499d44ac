import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('group commit', () => {
  it('stores what arrives in one turn in one call, and answers each only after it', async () => {
    const calls: number[][] = [];
    const committed = new Set<number>();
    const gc = new GroupCommit<number, number>(
      (xs) => {
        calls.push(xs);
        xs.forEach((x) => committed.add(x));
        return xs.map((x) => x * 10);
      },
      () => {
        throw new Error('not used');
      },
    );
    const answers = [1, 2, 3].map((x) => gc.submit(x).then((y) => (committed.has(x) ? y : -1)));
    expect(await Promise.all(answers)).toEqual([10, 20, 30]);
    expect(await gc.submit(4)).toBe(40);
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('falls back to one at a time when the group fails, so one bad body fails alone', async () => {
    const gc = new GroupCommit<number, number>(
      (xs) => {
        if (xs.includes(13)) throw new Error('constraint failed');
        return xs;
      },
      (x) => {
        if (x === 13) throw new Error('constraint failed');
        return x;
      },
    );
    const results = await Promise.allSettled([12, 13, 14].map((x) => gc.submit(x)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('caps a group and carries the rest to the next turn', async () => {
    const sizes: number[] = [];
    const gc = new GroupCommit<number, number>((xs) => (sizes.push(xs.length), xs), (x) => x, 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => gc.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });
});
