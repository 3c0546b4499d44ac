import { describe, expect, it } from 'vitest';
import { parseFeedback } from './feedback.parse.js';

describe('parseFeedback', () => {
  it.each([
    ['5 stars', 5, null],
    ['⭐⭐⭐⭐', 4, null],
    ['⭐️⭐️⭐️⭐️⭐️ loved the bangles', 5, 'loved the bangles'],
    ['rating 2, bad service', 2, 'bad service'],
    ['Rating: 4/5', 4, null],
    ['4/5 - nice staff', 4, 'nice staff'],
    ['1 star. Rude staff and late delivery', 1, 'Rude staff and late delivery'],
    ['I rate you 3 stars', 3, null],
    ['two stars - the clasp broke', 2, 'the clasp broke'],
    ['3★', 3, null],
    ['feedback 5!', 5, null],
  ])('%s → %i stars', (text, rating, comment) => {
    expect(parseFeedback(text)).toEqual({ rating, comment });
  });

  it.each(['show me 5 star rated rings', 'do you have 2 gold chains?', '5 grams gold coin', 'I want 4 bangles', 'rating?', 'rating 7', '6 stars', 'Do you have star-shaped earrings?', 'hello', ''])('"%s" is not a rating', (text) => {
    expect(parseFeedback(text)).toBeNull();
  });
});
