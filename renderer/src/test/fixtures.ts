import { WEEKDAYS, type Health, type StoreProfile } from '../api/contracts';

export function storeProfile(overrides: Partial<StoreProfile> = {}): StoreProfile {
  return {
    name: 'Lakshmi Jewellers',
    tagline: 'Gold and diamonds since 1962',
    phone: '+912222334455',
    whatsappNumber: '+919876543210',
    email: 'hello@lakshmi.example',
    website: 'https://lakshmi.example',
    address: { line1: '12 Zaveri Bazaar', line2: '', city: 'Mumbai', state: 'Maharashtra', pincode: '400002', country: 'India' },
    gstin: '27AAPFU0939F1ZV',
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    hours: WEEKDAYS.map((day) => ({ day, closed: day === 'sun', open: '10:30', close: '20:00' })),
    ...overrides,
  };
}

export function health(overrides: Partial<Health> = {}): Health {
  return {
    status: 'ok',
    version: '0.1.0',
    startedAt: '2026-03-04T04:00:00.000Z',
    dataDir: '/home/shop/.local/share/revive',
    database: { ok: true, path: '/home/shop/.local/share/revive/revive.db', journalMode: 'wal', migrations: 3, sizeBytes: 1_572_864 },
    sqliteVec: { ok: true, version: 'v0.1.9', error: null },
    listeners: { admin: { url: 'http://127.0.0.1:4317' }, public: { url: 'http://127.0.0.1:4318' } },
    secrets: { storage: 'key-file' },
    backups: { count: 2, last: '2026-03-04T12:35:00.000Z' },
    demo: false,
    ...overrides,
  };
}
