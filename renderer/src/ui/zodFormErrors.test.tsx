// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreProfileSchema } from '../api/contracts';
import { storeProfile } from '../test/fixtures';
import { issuesToFormErrors, zodFormValidator } from './zodFormErrors';

describe('zod → form errors', () => {
  const validate = zodFormValidator(StoreProfileSchema);

  it('returns no errors for valid values', () => {
    expect(validate(storeProfile())).toEqual({});
  });

  it('keys errors by dot path, including array indexes', () => {
    const profile = storeProfile();
    const values = {
      ...profile,
      address: { ...profile.address, pincode: '0123' },
      hours: profile.hours.map((h, i) => (i === 2 ? { ...h, open: '18:00', close: '09:00' } : h)),
    };
    expect(validate(values)).toEqual({
      'address.pincode': 'A PIN code has 6 digits',
      'hours.2.close': 'Closing time must be after opening time',
    });
  });

  it('keeps the first message when a field has several issues', () => {
    const schema = z.object({ code: z.string().min(3, 'Too short').regex(/^\d+$/, 'Digits only') });
    const result = schema.safeParse({ code: 'a' });
    expect(result.success).toBe(false);
    expect(issuesToFormErrors(result.error!.issues)).toEqual({ code: 'Too short' });
  });
});
