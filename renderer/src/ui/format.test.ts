import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, timeZoneLabel } from './format';

describe('formatters', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_572_864)).toBe('1.5 MB');
  });

  it("shows times in the store's time zone", () => {
    expect(formatDateTime('2026-03-04T12:35:00.000Z', 'Asia/Kolkata')).toMatch(/4 Mar 2026.*6:05\s*pm/i);
    expect(formatDateTime('2026-03-04T12:35:00.000Z', 'Europe/London')).toMatch(/12:35\s*pm/i);
    expect(timeZoneLabel('Asia/Kolkata')).toBe('IST');
  });

  it('falls back to India time for an unknown zone', () => {
    expect(formatDateTime('2026-03-04T12:35:00.000Z', 'Mars/Olympus')).toMatch(/6:05\s*pm/i);
  });
});
