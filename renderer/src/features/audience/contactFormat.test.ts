import { describe, expect, it } from 'vitest';
import { formatDayOfYear, formatPhone, formatRelative, parseTags } from './contactFormat';
import { checkContactEdit } from './contactEdits';
import { checkContactMapping } from './contactImportRules';

describe('contact formatting', () => {
  it('shows E.164 phones in international form and leaves unreadable ones as stored', () => {
    expect(formatPhone('+919876543210')).toBe('+91 98765 43210');
    expect(formatPhone('12345')).toBe('12345');
    expect(formatPhone(null)).toBe('');
  });

  it('reads tags typed with # and commas or spaces, once each, and names the first bad one', () => {
    expect(parseTags('#BridalShopper, gold-bangles  #VIP #vip')).toEqual({ ok: true, tags: ['BridalShopper', 'gold-bangles', 'VIP'] });
    expect(parseTags('')).toEqual({ ok: true, tags: [] });
    const bad = parseTags('VIP, gold+diamond');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('“gold+diamond”');
  });

  it('says how long ago in words', () => {
    const now = new Date('2026-03-10T12:00:00.000Z');
    expect(formatRelative('2026-03-07T12:00:00.000Z', now)).toBe('3 days ago');
    expect(formatRelative('2026-03-10T11:59:30.000Z', now)).toBe('just now');
    expect(formatRelative(null, now)).toBe('');
  });

  it('shows birthdays with or without the year', () => {
    expect(formatDayOfYear('1990-05-14')).toBe('14 May 1990');
    expect(formatDayOfYear('05-14')).toBe('14 May');
  });

  it('turns a cell edit into the patch the contract accepts', () => {
    expect(checkContactEdit('city', '  Pune ')).toEqual({ ok: true, patch: { city: 'Pune' } });
    expect(checkContactEdit('city', '')).toEqual({ ok: true, patch: { city: null } });
    expect(checkContactEdit('email', 'not-an-email')).toEqual({ ok: false, message: 'Not an email address' });
    expect(checkContactEdit('tags', '#A B')).toEqual({ ok: true, patch: { tags: ['A', 'B'] } });
  });

  it('needs a phone column, one column per field and a name for each new field', () => {
    expect(checkContactMapping({ Name: 'name' }).blocking).toContain('phone number');
    expect(checkContactMapping({ Mobile: 'phone', Alt: 'phone' }).blocking).toContain('Two columns are set to Phone');
    expect(checkContactMapping({ Mobile: 'phone', Size: 'custom:' }).perHeader).toEqual({ Size: 'Name the new field' });
    expect(checkContactMapping({ Mobile: 'phone', Size: 'custom:Ring size', Notes: null }).blocking).toBeNull();
  });
});
