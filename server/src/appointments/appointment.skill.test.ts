import { describe, expect, it } from 'vitest';
import type { Contact } from '../contracts/index.js';
// The skill is tested here with the real appointments service behind its port.
import { appointmentSkill } from '../skills/appointment.skill.js';
import type { SkillContext } from '../skills/index.js';
import { zonedTime } from './slots.js';
import { appointmentsKit } from './test-kit.js';

const ist = (date: string, time: string) => zonedTime(date, time, 'Asia/Kolkata').toISOString();
const CONFIG = { slotMinutes: 30, daysAhead: 14, calendlyUrl: '' };

function setup() {
  const k = appointmentsKit(); // Tue 1 Dec 2026, 09:30 IST
  const skill = appointmentSkill(k.a);
  const contactId = k.contact('+919876543210', 'Asha');
  const ctx = { contact: { id: contactId } as Contact, to: '919876543210' } as SkillContext;
  const run = (tool: string, args: Record<string, unknown>, config = CONFIG) => Promise.resolve().then(() => skill.execute({ tool, args, config, ctx }));
  return { ...k, skill, run, contactId };
}

type List = { interactive: { type: string; body: { text: string }; action: { button: string; sections: { title: string; rows: { id: string; title: string; description: string }[] }[] } } };

describe('appointment_booking skill', () => {
  it('find_slots sends ≤10 tappable slots over the first two open days (Sunday skipped), rows within WhatsApp limits', async () => {
    const { run } = setup();
    const r = await run('find_slots', { date: '2026-12-05', service: 'custom_design' });
    expect(r.summary).toBe('10 free slots from Sat 5 Dec (Custom design)');
    const list = r.messages?.[0] as unknown as List;
    expect(list.interactive.type).toBe('list');
    expect(list.interactive.action.button).toBe('See times');
    expect(list.interactive.action.sections.map((s) => s.title)).toEqual(['Sat 5 Dec', 'Mon 7 Dec']);
    const rows = list.interactive.action.sections.flatMap((s) => s.rows);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ id: 'slot:2026-12-05T05:00:00Z:custom_design', title: '10:30 AM', description: 'Custom design · Sat 5 Dec' });
    expect(rows[4]?.title).toBe('8:00 PM');
    expect(r.result).toMatchObject({ mode: 'slots', listSent: true, firstDay: 'Sat 5 Dec', serviceLabel: 'Custom design' });
  });

  it('book_appointment books for the shopper in the chat; a taken slot comes back as a problem, not an error', async () => {
    const { run, a, contactId, contact } = setup();
    const ok = await run('book_appointment', { start: '2026-12-02T05:00:00Z', service: 'repair' });
    expect(ok.result).toMatchObject({ booked: true, service: 'repair', serviceLabel: 'Repair', when: 'Wednesday 2 December, 10:30 AM' });
    expect(a.list()[0]).toMatchObject({ contactId, source: 'chat', service: 'repair' });
    a.book({ contactId: contact('+919800000001'), start: ist('2026-12-02', '11:00'), service: 'try_on', source: 'owner' });
    const taken = await run('book_appointment', { start: ist('2026-12-02', '11:00') });
    expect(taken.result).toEqual({ booked: false, problem: 'Wednesday 2 December, 11:00 AM is fully booked; please pick another slot' });
    await expect(run('book_appointment', {})).rejects.toThrow(/book_appointment was called with bad arguments/);
  });

  it('reschedule and cancel touch only the shopper\'s own next visit', async () => {
    const { run, a, contact } = setup();
    const other = a.book({ contactId: contact('+919800000009'), start: ist('2026-12-03', '12:00'), service: 'try_on', source: 'owner' });
    expect((await run('cancel_appointment', {})).result).toEqual({ cancelled: false, problem: 'The shopper has no upcoming visit' });
    expect((await run('cancel_appointment', { appointmentId: other.id })).result).toMatchObject({ cancelled: false });
    await run('book_appointment', { start: ist('2026-12-02', '12:00') });
    const moved = await run('reschedule_appointment', { start: ist('2026-12-04', '16:30') });
    expect(moved.result).toMatchObject({ booked: true, when: 'Friday 4 December, 4:30 PM' });
    expect((await run('cancel_appointment', { reason: 'out of town' })).result).toEqual({ cancelled: true, when: 'Friday 4 December, 4:30 PM' });
    expect(a.get(other.id).status).toBe('booked');
  });

  it('Calendly mode answers with the link button and books nothing', async () => {
    const { run } = setup();
    const r = await run('find_slots', {}, { ...CONFIG, calendlyUrl: 'https://calendly.com/shree/visit' });
    expect(r.result).toMatchObject({ mode: 'calendly', calendlyUrl: 'https://calendly.com/shree/visit', listSent: false });
    expect(r.messages?.[0]).toMatchObject({ type: 'interactive', interactive: { type: 'cta_url', action: { name: 'cta_url', parameters: { display_text: 'Book a visit', url: 'https://calendly.com/shree/visit' } } } });
  });

  it('the registry greys the skill when no calendar is wired', () => {
    expect(appointmentSkill(undefined).available).toBe(false);
    expect(setup().skill.available).toBe(true);
  });
});
