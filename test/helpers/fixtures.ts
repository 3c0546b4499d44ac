import type { StoreProfileInput } from '../../server/src/contracts/index.js';

/** A valid store profile for tests; tweak fields per test. */
export function sampleProfile(overrides: Partial<StoreProfileInput> = {}): StoreProfileInput {
  return {
    name: 'Test Jewellers',
    phone: '+919876543210',
    address: { line1: '12 MG Road', city: 'Pune', state: 'Maharashtra', pincode: '411001' },
    gstin: '27AAPFU0939F1ZV',
    timeZone: 'Asia/Kolkata',
    hours: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, closed: day === 'tue', open: '10:30', close: '20:30' })),
    ...overrides,
  };
}
