import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../db/index.js';
import { createCrmService } from './index.js';
import { e164FromWaId } from './phone.js';

function crm(now = new Date('2026-01-10T10:00:00Z')) {
  const { db } = openDatabase(':memory:');
  migrate(db);
  return createCrmService(db, () => now);
}

describe('contacts from WhatsApp', () => {
  it('stores the phone as E.164 when the WhatsApp id is a number, and none when it is not', () => {
    expect(e164FromWaId('919876543210')).toBe('+919876543210');
    expect(e164FromWaId('16505551234')).toBe('+16505551234');
    expect(e164FromWaId('<USER_PHONE_NUMBER>')).toBeNull();
    expect(e164FromWaId('123')).toBeNull();
    expect(e164FromWaId(null)).toBeNull();
  });

  it('finds the same shopper by user id, WhatsApp id or phone, and fills in what was missing', () => {
    const c = crm();
    const byUser = c.upsertFromWhatsApp({ userId: 'IN.1', name: 'Asha' });
    expect(byUser).toMatchObject({ waId: null, phone: null, userId: 'IN.1', name: 'Asha' });
    const joined = c.upsertFromWhatsApp({ userId: 'IN.1', waId: '919812345678' });
    expect(joined).toMatchObject({ id: byUser.id, waId: '919812345678', phone: '+919812345678', name: 'Asha' });
    expect(c.upsertFromWhatsApp({ waId: '919812345678', name: 'Asha K' })).toMatchObject({ id: byUser.id, userId: 'IN.1', name: 'Asha K' });
    expect(c.list().total).toBe(1);
  });

  it('gives a recycled number (same wa_id, another user id) to a new contact without taking it from the old one', () => {
    const c = crm();
    const old = c.upsertFromWhatsApp({ waId: '919812345678', userId: 'IN.old' });
    const fresh = c.upsertFromWhatsApp({ waId: '919812345678', userId: 'IN.new' });
    expect(fresh.id).not.toBe(old.id);
    expect(fresh).toMatchObject({ userId: 'IN.new', waId: null });
    expect(c.get(old.id).waId).toBe('919812345678');
    expect(c.upsertFromWhatsApp({ userId: 'IN.new' }).id).toBe(fresh.id);
  });

  it('refuses a contact with neither a WhatsApp id nor a user id', () => {
    expect(() => crm().upsertFromWhatsApp({ name: 'Nobody' })).toThrow(/WhatsApp id or a user id/);
  });

  it('keeps the 24-hour window from the latest message, whatever order deliveries arrive in', () => {
    const c = crm(new Date('2026-01-10T10:00:00Z'));
    const { id } = c.upsertFromWhatsApp({ waId: '919812345678' });
    c.recordInbound(id, '2026-01-10T09:00:00.000Z');
    c.recordInbound(id, '2026-01-09T08:00:00.000Z');
    expect(c.get(id)).toMatchObject({ lastInboundAt: '2026-01-10T09:00:00.000Z', windowOpenUntil: '2026-01-11T09:00:00.000Z', windowOpen: true });
    const later = crm(new Date('2026-01-12T10:00:00Z'));
    const other = later.upsertFromWhatsApp({ waId: '919812345679' });
    later.recordInbound(other.id, '2026-01-10T09:00:00.000Z');
    expect(later.get(other.id).windowOpen).toBe(false);
  });

  it('follows a number change unless another contact has the new number', () => {
    const c = crm();
    const a = c.upsertFromWhatsApp({ waId: '919800000001' });
    const b = c.upsertFromWhatsApp({ waId: '919800000002' });
    expect(c.changeWaId(a.id, '919800000003')).toBe(true);
    expect(c.get(a.id)).toMatchObject({ waId: '919800000003', phone: '+919800000003' });
    expect(c.changeWaId(a.id, '919800000002')).toBe(false);
    expect(c.get(b.id).waId).toBe('919800000002');
  });

  it('records marketing preferences, an older change never undoing a newer one', () => {
    const c = crm();
    c.setMarketingPreference({ waId: '16505551234' }, 'stop', '2026-01-05T00:00:00.000Z');
    const after = c.setMarketingPreference({ waId: '16505551234' }, 'resume', '2026-01-04T00:00:00.000Z');
    expect(after).toMatchObject({ marketingPreference: 'stop', marketingPreferenceAt: '2026-01-05T00:00:00.000Z' });
  });
});
