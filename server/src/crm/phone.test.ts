import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it('reads the ways Indians write one number as the same E.164 number', () => {
    for (const typed of ['98765 43210', '+91-98765-43210', '098765 43210', '919876543210', '+91 98765 43210', '(+91) 98765-43210']) {
      expect(normalizePhone(typed), typed).toBe('+919876543210');
    }
  });

  it('keeps other countries when the plus says so, and refuses what is not a number', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    for (const bad of ['', 'my shop', '12', 'US.1234567890']) expect(normalizePhone(bad), bad).toBeNull();
  });
});
