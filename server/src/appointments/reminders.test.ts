import { describe, expect, it } from 'vitest';
import { zonedTime } from './slots.js';
import { appointmentsKit } from './test-kit.js';

const ist = (date: string, time: string) => zonedTime(date, time, 'Asia/Kolkata').toISOString();

describe('day-before reminders', () => {
  it('queues one template (name, date, time) for each visit tomorrow, never twice, not for other days or cancelled visits', () => {
    const { a, contact, queued, setNow } = appointmentsKit({ now: ist('2026-12-01', '09:00') });
    const asha = a.book({ contactId: contact('+919876543210', 'Asha'), start: ist('2026-12-02', '11:30'), service: 'try_on', source: 'chat' });
    a.book({ contactId: contact('+919800000002', 'Ravi'), start: ist('2026-12-03', '11:30'), service: 'try_on', source: 'chat' });
    const gone = a.book({ contactId: contact('+919800000003', 'Kiran'), start: ist('2026-12-02', '15:00'), service: 'repair', source: 'chat' });
    a.cancel(gone.id);

    setNow(ist('2026-12-01', '10:00'));
    const first = a.reminders!.runOnce();
    expect(first.sent).toEqual([asha.id]);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to: '919876543210', contactId: asha.contactId, correlationId: `appointment:${asha.id}:reminder` });
    expect(queued[0]?.payload).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919876543210',
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'en' },
        components: [{ type: 'body', parameters: [
          { type: 'text', parameter_name: 'name', text: 'Asha' },
          { type: 'text', parameter_name: 'date', text: 'Wed 2 Dec' },
          { type: 'text', parameter_name: 'time', text: '11:30 AM' },
        ] }],
      },
    });
    expect(a.get(asha.id).remindedAt).toBe(ist('2026-12-01', '10:00'));

    // the next run (and the one after) sends nothing again
    setNow(ist('2026-12-01', '10:10'));
    expect(a.reminders!.runOnce().sent).toEqual([]);
    expect(queued).toHaveLength(1);

    // the next day, Ravi's visit on the 3rd is due
    setNow(ist('2026-12-02', '10:00'));
    a.reminders!.runOnce();
    expect(queued.map((q) => q.to)).toEqual(['919876543210', '919800000002']);
  });

  it('waits for the morning, follows the template settings, and can be switched off', () => {
    const { a, contact, queued, setNow } = appointmentsKit({ now: ist('2026-12-01', '06:00') });
    a.book({ contactId: contact(), start: ist('2026-12-02', '11:30'), service: 'try_on', source: 'chat' });
    expect(a.reminders!.runOnce().sent).toEqual([]);
    a.saveSettings({ reminders: { enabled: false } });
    setNow(ist('2026-12-01', '11:00'));
    expect(a.reminders!.runOnce().sent).toEqual([]);
    a.saveSettings({ reminders: { enabled: true, template: 'visit_tomorrow', language: 'hi' } });
    a.reminders!.runOnce();
    expect(queued[0]?.payload.template).toMatchObject({ name: 'visit_tomorrow', language: { code: 'hi' } });
  });

  it('a failed queue leaves the visit unmarked for the next run', () => {
    const { a, contact, queued, setNow } = appointmentsKit({ now: ist('2026-12-01', '09:00') });
    const b = a.book({ contactId: contact(), start: ist('2026-12-02', '11:30'), service: 'try_on', source: 'chat' });
    setNow(ist('2026-12-01', '10:00'));
    const push = queued.push.bind(queued);
    queued.push = () => { throw new Error('outbox down'); };
    expect(a.reminders!.runOnce().failed).toEqual([{ id: b.id, error: 'outbox down' }]);
    expect(a.get(b.id).remindedAt).toBeNull();
    queued.push = push;
    expect(a.reminders!.runOnce().sent).toEqual([b.id]);
  });
});
