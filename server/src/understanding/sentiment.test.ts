import { describe, expect, it } from 'vitest';
import { ANGRY, NEUTRAL } from '../../../test/helpers/moods.js';
import { scoreSentiment } from './index.js';

/** The handoff threshold the human_handoff skill starts with. */
const THRESHOLD = -0.5;

describe('scoreSentiment', () => {
  it(`scores all ${ANGRY.length} angry English and Hinglish messages below ${THRESHOLD}`, () => {
    const below = ANGRY.filter((m) => scoreSentiment(m).score < THRESHOLD);
    expect(ANGRY.filter((m) => !below.includes(m))).toEqual([]);
    expect(below).toHaveLength(20);
  });

  it(`keeps all ${NEUTRAL.length} neutral and happy messages at or above ${THRESHOLD}`, () => {
    const below = NEUTRAL.filter((m) => scoreSentiment(m).score < THRESHOLD);
    expect(below).toEqual([]);
    expect(NEUTRAL.filter((m) => scoreSentiment(m).score >= THRESHOLD)).toHaveLength(20);
  });

  it('stays within −1…1 and is 0 with no mood words', () => {
    expect(scoreSentiment('show me gold chains').score).toBe(0);
    expect(scoreSentiment('').score).toBe(0);
    const furious = scoreSentiment('WORST WORST WORST fraud cheated 🤬🤬🤬!!!').score;
    expect(furious).toBeGreaterThanOrEqual(-1);
    expect(furious).toBeLessThan(-0.95);
  });

  it('negators flip, in English before the word and in Hindi after it', () => {
    expect(scoreSentiment('good').score).toBeGreaterThan(0);
    expect(scoreSentiment('not good').score).toBeLessThan(0);
    expect(scoreSentiment('achha hai').score).toBeGreaterThan(0);
    expect(scoreSentiment('achha nahi hai').score).toBeLessThan(0);
    expect(scoreSentiment('bilkul achha nahi').score).toBeLessThan(scoreSentiment('achha nahi').score);
  });

  it('intensifiers, capitals and "!!" make anger stronger; a plain question softens it', () => {
    const plain = scoreSentiment('bad service').score;
    expect(scoreSentiment('very bad service').score).toBeLessThan(plain);
    expect(scoreSentiment('bahut bad service').score).toBeLessThan(plain);
    expect(scoreSentiment('BAD service').score).toBeLessThan(plain);
    expect(scoreSentiment('bad service!!').score).toBeLessThan(plain);
    expect(scoreSentiment('is it fake?').score).toBeGreaterThan(scoreSentiment('it is fake').score);
  });

  it('names the terms that moved the score', () => {
    expect(scoreSentiment('kala pad gaya, bakwas 😡').hits.map((h) => h.term)).toEqual(['kala pad gaya', 'bakwas', '😡']);
  });
});
