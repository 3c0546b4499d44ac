import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { makeSubdomain, SUBDOMAIN_PATTERN } from './subdomain.js';

describe('backoffDelay', () => {
  it('doubles from 1 s to a 60 s ceiling, jittered between half and the whole of it', () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000];
    ceilings.forEach((ceiling, attempt) => {
      expect(backoffDelay(attempt, undefined, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, undefined, () => 1)).toBe(ceiling);
    });
    expect(backoffDelay(1_000, undefined, () => 1)).toBe(60_000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3);
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(8_000);
    }
  });
});

describe('makeSubdomain', () => {
  const fixed = () => 0; // always 'a'
  it('makes a valid localtunnel subdomain from the store name and a random suffix', () => {
    expect(makeSubdomain('Shringar Jewellers', fixed)).toBe('shringar-jewellers-aaaaaa');
    expect(makeSubdomain('Śrī Gaṇeśa Jewels & Co.', fixed)).toBe('sri-ganesa-jewels-co-aaaaaa');
    expect(makeSubdomain('ज्वेलर्स', fixed)).toBe('revive-aaaaaa');
    expect(makeSubdomain(null, fixed)).toBe('revive-aaaaaa');
    const long = makeSubdomain('A'.repeat(39) + ' Jewellers of the Great Old Bazaar Street', fixed);
    expect(long.length).toBeLessThanOrEqual(63);
    for (const name of ['Shringar Jewellers', '--x--', 'A'.repeat(200), 'Tanishq', '']) expect(makeSubdomain(name)).toMatch(SUBDOMAIN_PATTERN);
    expect(makeSubdomain('Same Name')).not.toBe(makeSubdomain('Same Name'));
  });
});
