import { describe, expect, it } from 'vitest';
import { PersonaSchema, StoreProfileSchema, type StoreProfile, CONTACT_PROFILE_DEFAULTS } from '../contracts/index.js';
import { ctaUrlMessage } from '../whatsapp/index.js';
import { createSkillRegistry, storeInfo, type StoreInfoResult } from './index.js';

const open = (o: string, c: string) => ({ closed: false, open: o, close: c });
/** The demo store's profile: Jaipur, closed on Tuesdays, late on Saturdays. */
const store: StoreProfile = StoreProfileSchema.parse({
  name: 'Shringar Jewellers',
  phone: '+911412345678',
  website: 'https://shringar.example',
  address: { line1: 'Shop 27, Haldiyon Ka Rasta, Johari Bazaar', line2: 'Near Sanganeri Gate', city: 'Jaipur', state: 'Rajasthan', pincode: '302003' },
  timeZone: 'Asia/Kolkata',
  hours: [
    { day: 'mon', ...open('10:30', '20:30') },
    { day: 'tue', closed: true, open: '10:30', close: '20:30' },
    { day: 'wed', ...open('10:30', '20:30') },
    { day: 'thu', ...open('10:30', '20:30') },
    { day: 'fri', ...open('10:30', '20:30') },
    { day: 'sat', ...open('10:30', '21:00') },
    { day: 'sun', ...open('11:00', '19:00') },
  ],
});

const at = (iso: string) => storeInfo(store, new Date(iso));

describe('store_info', () => {
  it('gives the profile facts, the week in words and a Google Maps search link', () => {
    const address = 'Shop 27, Haldiyon Ka Rasta, Johari Bazaar, Near Sanganeri Gate, Jaipur, Rajasthan 302003';
    expect(at('2026-12-02T06:00:00Z')).toEqual({
      name: 'Shringar Jewellers',
      phone: '+911412345678',
      address,
      website: 'https://shringar.example',
      today: '10:30–20:30',
      openNow: true,
      hours: 'Mon 10:30–20:30; Tue closed; Wed–Fri 10:30–20:30; Sat 10:30–21:00; Sun 11:00–19:00',
      mapsUrl: `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(`Shringar Jewellers, ${address}, India`)}`,
    } satisfies StoreInfoResult);
  });

  it('reads today and open-now in the store\'s time zone (IST), not UTC', () => {
    // Tuesday: closed all day.
    expect(at('2026-12-01T06:00:00Z')).toMatchObject({ today: 'closed', openNow: false });
    // Wednesday 10:29 IST is 04:59 UTC: not open yet; 10:30 IST opens.
    expect(at('2026-12-02T04:59:00Z')).toMatchObject({ today: '10:30–20:30', openNow: false });
    expect(at('2026-12-02T05:00:00Z')).toMatchObject({ openNow: true });
    // Saturday 20:59 IST still open (closes 21:00); 21:00 IST closed.
    expect(at('2026-12-05T15:29:00Z')).toMatchObject({ today: '10:30–21:00', openNow: true });
    expect(at('2026-12-05T15:30:00Z')).toMatchObject({ openNow: false });
    // Sunday 19:00 UTC is already Monday 00:30 in Jaipur: Monday's hours, not open yet.
    expect(at('2026-12-06T19:00:00Z')).toMatchObject({ today: '10:30–20:30', openNow: false });
    // Sunday 10:30 IST: Sunday opens at 11:00.
    expect(at('2026-12-06T05:00:00Z')).toMatchObject({ today: '11:00–19:00', openNow: false });
  });

  it('joins runs of equal days and leaves out an empty website', () => {
    const plain = StoreProfileSchema.parse({
      ...store,
      website: '',
      hours: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => (day === 'sun' ? { day, closed: true, open: '10:00', close: '19:00' } : { day, ...open('10:00', '19:00') })),
    });
    const info = storeInfo(plain, new Date('2026-12-06T08:00:00Z'));
    expect(info).toMatchObject({ hours: 'Mon–Sat 10:00–19:00; Sun closed', today: 'closed', openNow: false, website: null });
  });

  it('runs through the registry with its clock, for any agent, whatever its switches', async () => {
    const registry = createSkillRegistry({
      search: { search: () => Promise.reject(new Error('not used')) },
      catalog: { get: () => null },
      catalogId: () => null,
      publicUrl: () => null,
      now: () => new Date('2026-12-04T13:00:00Z'),
    });
    const t = '2026-12-01T00:00:00Z';
    const agent = {
      id: 2, name: 'Riya', role: '', avatar: null, persona: PersonaSchema.parse({}), skills: [], knowledgeSources: [], status: 'active' as const,
      isDefault: false, whenPaused: 'inbox' as const, awayMessage: '', createdAt: t, updatedAt: t,
    };
    const contact = {
      id: 1, waId: '919800000001', userId: null, parentUserId: null, username: null, phone: '+919800000001', name: null, lastInboundAt: null,
      windowOpenUntil: null, windowOpen: true, marketingPreference: null, marketingPreferenceAt: null, ...CONTACT_PROFILE_DEFAULTS, tags: [], custom: {}, createdAt: t, updatedAt: t,
    };
    const r = await registry.execute('store_info', { topic: 'hours' }, { agent, contact, store, to: '919800000001', inboundId: null, shownSkus: [] });
    expect(r.result).toMatchObject({ today: '10:30–20:30', openNow: true });
    expect(r.summary).toBe('open now, today 10:30–20:30');
    expect(r.messages).toBeUndefined();
    // asked where the shop is: one "Get directions" button (cta_url) with the address, and the words need no raw link
    const where = await registry.execute('store_info', { topic: 'address' }, { agent, contact, store, to: '919800000001', inboundId: null, shownSkus: [] });
    const info = where.result as unknown as StoreInfoResult;
    expect(info.directionsSent).toBe(true);
    expect(where.messages).toEqual([ctaUrlMessage('919800000001', { body: `*Shringar Jewellers*\n${info.address}`, displayText: 'Get directions', url: info.mapsUrl ?? '' })]);
    expect(where.summary).toBe('open now, today 10:30–20:30, directions button');
    await expect(registry.execute('store_info', { topic: 'parking' }, { agent, contact, store, to: '919800000001', inboundId: null, shownSkus: [] }))
      .rejects.toThrow('store_info was called with bad arguments: topic: use one of "hours", "address", "contact", "all"');
  });
});
