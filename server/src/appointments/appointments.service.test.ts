import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { zonedTime } from './slots.js';
import { appointmentsKit } from './test-kit.js';

const ist = (date: string, time: string) => zonedTime(date, time, 'Asia/Kolkata').toISOString();

function conflict(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('conflict');
    return (err as DomainError).message;
  }
  throw new Error('expected a conflict');
}

describe('free slots', () => {
  it('follows the opening hours in the store time zone, 30-minute slots, labels in local time', () => {
    const { a } = appointmentsKit({ now: '2026-11-30T18:00:00Z' }); // Tue 1 Dec 2026, 23:30 IST the day before → 23:30 on Mon 30 Nov
    const [wed] = a.freeSlots({ from: '2026-12-02', days: 1 });
    expect(wed).toMatchObject({ date: '2026-12-02', label: 'Wed 2 Dec', closed: false });
    // 10:30 … 20:00 = 20 slots; 10:30 IST is 05:00 UTC
    expect(wed?.slots).toHaveLength(20);
    expect(wed?.slots[0]).toEqual({ start: '2026-12-02T05:00:00.000Z', label: '10:30 AM', free: 1 });
    expect(wed?.slots.at(-1)).toMatchObject({ start: '2026-12-02T14:30:00.000Z', label: '8:00 PM' });
  });

  it('skips Sunday (closed) and holidays, with the reason', () => {
    const { a } = appointmentsKit();
    a.saveSettings({ holidays: [{ date: '2026-12-05', name: 'Store anniversary' }] });
    const days = a.freeSlots({ from: '2026-12-05', days: 2 });
    expect(days.map((d) => [d.date, d.closed, d.reason, d.slots.length])).toEqual([
      ['2026-12-05', true, 'Holiday: Store anniversary', 0],
      ['2026-12-06', true, 'Closed', 0],
    ]);
  });

  it('hides past slots and those inside the notice period today', () => {
    const { a } = appointmentsKit({ now: ist('2026-12-01', '12:10') });
    const [today] = a.freeSlots({ days: 1 });
    // notice 60 minutes: 13:10 earliest → first slot 13:30
    expect(today?.date).toBe('2026-12-01');
    expect(today?.slots[0]?.label).toBe('1:30 PM');
  });

  it('works in another time zone (New York, DST-free December: UTC-5)', () => {
    const { a } = appointmentsKit({ timeZone: 'America/New_York', now: '2026-12-01T12:00:00Z' });
    const [d] = a.freeSlots({ from: '2026-12-02', days: 1 });
    expect(d?.slots[0]).toMatchObject({ start: '2026-12-02T15:30:00.000Z', label: '10:30 AM' });
  });

  it('a full slot disappears; capacity 2 takes two visits, each on its own counter', () => {
    const { a, contact } = appointmentsKit();
    a.saveSettings({ capacity: 2, counters: ['Priya', 'Counter 2'] });
    const start = ist('2026-12-02', '11:30');
    const one = a.book({ contactId: contact('+919800000001'), start, service: 'try_on', source: 'chat' });
    expect(a.freeSlots({ from: '2026-12-02', days: 1 })[0]?.slots.find((s) => s.start === start)?.free).toBe(1);
    const two = a.book({ contactId: contact('+919800000002'), start, service: 'repair', source: 'chat' });
    expect([one.counter, two.counter]).toEqual(['Priya', 'Counter 2']);
    expect(a.freeSlots({ from: '2026-12-02', days: 1 })[0]?.slots.some((s) => s.start === start)).toBe(false);
    expect(conflict(() => a.book({ contactId: contact('+919800000003'), start, service: 'try_on', source: 'chat' }))).toMatch(/fully booked/);
  });

  it('does not offer beyond the days-ahead horizon', () => {
    const { a } = appointmentsKit();
    a.saveSettings({ daysAhead: 3 });
    expect(a.freeSlots().map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
  });
});

describe('booking rules', () => {
  it('books a slot: stored, published live, the deal signalled', () => {
    const { a, contact, live, signals } = appointmentsKit();
    const id = contact();
    const b = a.book({ contactId: id, start: '2026-12-02T06:00:00Z', service: 'custom_design', note: 'bridal set', source: 'chat' });
    expect(b).toMatchObject({ contactId: id, contactName: 'Asha', contactPhone: '+919876543210', start: '2026-12-02T06:00:00.000Z', end: '2026-12-02T06:30:00.000Z', status: 'booked', service: 'custom_design', note: 'bridal set' });
    expect(live.map((m) => m.type)).toEqual(['appointments.changed']);
    expect(signals).toEqual([{ contactId: id, reason: 'booked a Custom design for Wednesday 2 December, 11:30 AM' }]);
    expect(a.list({ from: '2026-12-02', to: '2026-12-02' }).map((x) => x.id)).toEqual([b.id]);
    expect(a.list({ from: '2026-12-03' })).toEqual([]);
  });

  it('refuses outside hours, off the slot grid, on closed days, in the past, and beyond the horizon', () => {
    const { a, contact, setNow } = appointmentsKit();
    setNow('2026-12-01T04:10:00Z'); // 09:40 IST: 10:30 is inside the hour's notice
    const c = contact();
    const book = (start: string) => () => a.book({ contactId: c, start, service: 'try_on', source: 'chat' });
    expect(conflict(book(ist('2026-12-02', '21:00')))).toMatch(/not a slot/);
    expect(conflict(book(ist('2026-12-02', '11:45')))).toMatch(/not a slot/);
    expect(conflict(book(ist('2026-12-06', '11:30')))).toMatch(/closed on Sun 6 Dec/);
    expect(conflict(book(ist('2026-11-30', '11:30')))).toMatch(/already passed/);
    expect(conflict(book(ist('2026-12-01', '10:30')))).toMatch(/too soon/);
    expect(conflict(book(ist('2026-12-28', '11:30')))).toMatch(/up to 14 days ahead/);
    expect(a.list()).toEqual([]);
  });

  it('reschedules (into a free slot only), cancels, and marks completed', () => {
    const { a, contact } = appointmentsKit();
    const x = a.book({ contactId: contact('+919800000001'), start: ist('2026-12-02', '11:30'), service: 'try_on', source: 'chat' });
    const y = a.book({ contactId: contact('+919800000002'), start: ist('2026-12-02', '12:00'), service: 'try_on', source: 'chat' });
    expect(conflict(() => a.reschedule(x.id, y.start))).toMatch(/fully booked/);
    const moved = a.reschedule(x.id, ist('2026-12-03', '16:00'));
    expect(moved.start).toBe('2026-12-03T10:30:00.000Z');
    // moving into its own slot again is fine (it does not count itself)
    expect(a.reschedule(x.id, moved.start).start).toBe(moved.start);
    expect(a.cancel(y.id, 'travelling').status).toBe('cancelled');
    expect(conflict(() => a.cancel(y.id))).toMatch(/already cancelled/);
    // the cancelled visit's slot is free again
    expect(a.book({ contactId: contact('+919800000003'), start: y.start, service: 'repair', source: 'chat' }).status).toBe('booked');
    expect(a.mark(x.id, 'completed').status).toBe('completed');
  });

  it('rejects bad input with a clear message', () => {
    const { a, contact } = appointmentsKit();
    expect(() => a.book({ contactId: contact(), start: 'tomorrow', service: 'try_on' })).toThrow(/ISO-8601/);
    expect(() => a.book({ contactId: contact(), start: '2026-12-02T06:00:00Z', service: 'massage' })).toThrow(/try_on, custom_design/);
    expect(() => a.saveSettings({ slotMinutes: 5 })).toThrow(/At least 15 minutes/);
  });

  it('the owner books by phone: a new contact is made', () => {
    const { a } = appointmentsKit();
    const b = a.ownerBook({ phone: '+919811112222', name: 'Meera', start: ist('2026-12-01', '10:30'), service: 'old_gold', note: '' });
    // the owner may book inside the notice period (the shopper is at the counter)
    expect(b).toMatchObject({ contactName: 'Meera', contactPhone: '+919811112222', source: 'owner', service: 'old_gold' });
  });
});

describe('double booking is impossible', () => {
  it('20 shoppers racing for the last place: exactly one booking, 19 conflicts', async () => {
    const { a, contact } = appointmentsKit();
    const start = ist('2026-12-02', '17:00');
    const ids = Array.from({ length: 20 }, (_, k) => contact(`+9198000100${String(k).padStart(2, '0')}`));
    const results = await Promise.allSettled(ids.map((contactId) => Promise.resolve().then(() => a.book({ contactId, start, service: 'try_on', source: 'chat' }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect((r.reason as DomainError).code).toBe('conflict');
    expect(a.list({ from: '2026-12-02', to: '2026-12-02' })).toHaveLength(1);
  });
});
