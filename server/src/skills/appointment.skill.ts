import { z } from 'zod';
import {
  APPOINTMENT_SERVICE_LABELS,
  APPOINTMENT_TOOL,
  DAY_WORD,
  DAY_WORD_HINT,
  dateOfDayWord,
  AppointmentServiceSchema,
  type Appointment,
  type AppointmentService,
  type BookAppointmentResult,
  type CancelAppointmentResult,
  type DaySlots,
  type FindSlotsResult,
  parseSlotRowId,
  slotRowId,
} from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { ctaUrlMessage, listMessage } from '../whatsapp/index.js';
import { json, parseArgs, toolDefinition } from './define.js';
import type { SkillManifest, SkillResult } from './types.js';

/** What the skill needs from the appointments domain (buildDomains passes its service). */
export interface AppointmentsPort {
  freeSlots(q: { from?: string; days?: number; service?: AppointmentService }): DaySlots[];
  book(input: { contactId: number; start: string; service: AppointmentService; note?: string; source: 'chat' | 'flow' | 'owner' }): Appointment;
  reschedule(id: number, start: string, source?: 'chat' | 'flow' | 'owner'): Appointment;
  cancel(id: number, reason?: string): Appointment;
  upcomingFor(contactId: number): Appointment[];
  todayDate(): string;
  /** A day and a wall-clock time in the store's zone as an ISO start. */
  startAt(date: string, time: string): string;
  /** "Wednesday 2 December, 11:30 AM" in the store's zone. */
  when(startIso: string): string;
}

export const APPOINTMENT_SKILL_ID = 'appointment_booking';

/** Keeps the placeholder's fields (agents saved them); the calendar on the Appointments screen is the store's. */
const ConfigSchema = z.object({
  slotMinutes: z.number().int().min(15, 'At least 15 minutes').max(120, 'At most 120 minutes').default(30).describe('Kept for older settings: the slot length is set on the Appointments screen'),
  daysAhead: z.number().int().min(1, 'At least 1 day').max(60, 'At most 60 days').default(14).describe('How far ahead this agent offers slots (the calendar may allow fewer)'),
  calendlyUrl: z.url('Enter a full web address, e.g. https://calendly.com/…').or(z.literal('')).default('').describe('Send this booking link instead of using the built-in calendar'),
});
type Config = z.output<typeof ConfigSchema>;

const date = z
  .string()
  .trim()
  .toLowerCase()
  .regex(DAY_WORD, DAY_WORD_HINT)
  // A real day (counted from 1 January 2000, every month-day and day of the month has one).
  .refine((w) => dateOfDayWord(w, '2000-01-01') !== null, 'that day does not exist')
  .optional();
const FindArgs = z.object({ date, service: AppointmentServiceSchema.optional() });
/** A slot from find_slots (`start`), or the time the shopper typed ("11:30" on `date`, today when left out). */
const BookArgs = z
  .object({
    start: z.string().min(1, 'the slot start (ISO UTC) from find_slots').optional(),
    date,
    time: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour, in the store\'s time').optional(),
    service: AppointmentServiceSchema.optional(),
  })
  .refine((a) => a.start !== undefined || a.time !== undefined, { message: 'give the slot start from find_slots, or the time the shopper asked for' });
const CancelArgs = z.object({ appointmentId: z.number().int().optional(), reason: z.string().max(300).optional() });
const RescheduleArgs = z.object({ start: z.string().min(1, 'the new slot start (ISO UTC) from find_slots'), appointmentId: z.number().int().optional() });

/** Up to `max` items spread over the list (first and last kept), so a long day offers morning to evening. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, k) => items[Math.round((k * (items.length - 1)) / (max - 1))] as T);
}

function findSlots(port: AppointmentsPort, config: Config, args: z.output<typeof FindArgs>, to: string): SkillResult {
  const service = args.service ?? 'try_on';
  const label = APPOINTMENT_SERVICE_LABELS[service];
  if (config.calendlyUrl) {
    const message = ctaUrlMessage(to, { body: `Pick a time for your ${label.toLowerCase()} on our booking page.`, displayText: 'Book a visit', url: config.calendlyUrl });
    const result: FindSlotsResult = { mode: 'calendly', calendlyUrl: config.calendlyUrl, service, serviceLabel: label, offered: [], listSent: false, firstDay: null };
    return { result: json(result), messages: [message], summary: `Calendly link sent for ${label}` };
  }
  const today = port.todayDate();
  const asked = dateOfDayWord(args.date ?? 'today', today) ?? today;
  const from = asked < today ? today : asked;
  const days = Math.max(1, config.daysAhead - Math.round((Date.parse(from) - Date.parse(today)) / 86_400_000));
  const open = port.freeSlots({ from, days, service }).filter((d) => d.slots.length > 0);
  const picked = open.slice(0, 2);
  const per = picked.length === 1 ? 10 : 5;
  const sections = picked.map((d) => ({ title: d.label, rows: spread(d.slots, per).map((s) => ({ id: slotRowId(s.start, service), title: s.label, description: `${label} · ${d.label}` })) }));
  const offered = picked.flatMap((d, k) => (sections[k]?.rows ?? []).map((r) => ({ id: r.id, start: parseSlotRowId(r.id)?.start ?? '', label: `${d.label}, ${r.title}` })));
  if (offered.length === 0) {
    const result: FindSlotsResult = { mode: 'slots', service, serviceLabel: label, offered: [], listSent: false, firstDay: null, note: `No free slot in the next ${config.daysAhead} days` };
    return { result: json(result), summary: `no free slot for ${label}` };
  }
  const first = picked[0] as DaySlots;
  const message = listMessage(to, { body: `Free times for a ${label.toLowerCase()}. Tap one to book it.`, button: 'See times', sections });
  const result: FindSlotsResult = { mode: 'slots', service, serviceLabel: label, offered, listSent: true, firstDay: first.label, firstDate: first.date };
  return { result: json(result), messages: [message], summary: `${offered.length} free slots from ${first.label} (${label})` };
}

/** The shopper's visit being changed: the one named, if it is theirs, else their next one. */
function theirs(port: AppointmentsPort, contactId: number, id: number | undefined): Appointment | null {
  const mine = port.upcomingFor(contactId);
  return (id === undefined ? mine[0] : mine.find((a) => a.id === id)) ?? null;
}

function conflictOr<T>(fn: () => T, problem: (message: string) => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DomainError && (err.code === 'conflict' || err.code === 'validation')) return problem(err.message);
    throw err;
  }
}

/** Appointment booking: free slots as a tappable list, booking, moving and cancelling a visit (or the store's Calendly link). */
export function appointmentSkill(port: AppointmentsPort | undefined): SkillManifest<typeof ConfigSchema> {
  return {
    id: APPOINTMENT_SKILL_ID,
    name: 'Appointment booking',
    description: 'Books a store visit in a free slot of your calendar (or sends your Calendly link), and reminds the shopper the day before.',
    summary: 'Books store visits and video calls',
    icon: 'calendar',
    configSchema: ConfigSchema,
    defaultEnabled: false,
    available: port !== undefined,
    tools: [
      toolDefinition(APPOINTMENT_TOOL.findSlots, 'Free visit slots from a day (default today; also "tomorrow", "day_after_tomorrow", a weekday such as "saturday", "--12-05" for 5 December, "---05" for the 5th), sent to the shopper as a list to tap. Services: try_on (default), custom_design, repair, old_gold.', FindArgs),
      toolDefinition(APPOINTMENT_TOOL.book, 'Books the slot the shopper chose: start exactly as find_slots gave it, or the date and time (HH:MM, store time) the shopper typed.', BookArgs),
      toolDefinition(APPOINTMENT_TOOL.reschedule, "Moves the shopper's next visit (or the one named) to another free slot.", RescheduleArgs),
      toolDefinition(APPOINTMENT_TOOL.cancel, "Cancels the shopper's next visit (or the one named).", CancelArgs),
    ],
    execute({ tool, args, config, ctx }): SkillResult {
      if (!port) throw new DomainError('not_found', 'Appointment booking is not available');
      switch (tool) {
        case APPOINTMENT_TOOL.findSlots:
          return findSlots(port, config, parseArgs(tool, FindArgs, args), ctx.to);
        case APPOINTMENT_TOOL.book: {
          const a = parseArgs(tool, BookArgs, args);
          const service = a.service ?? 'try_on';
          return conflictOr<SkillResult>(
            () => {
              const day = dateOfDayWord(a.date ?? 'today', port.todayDate()) ?? port.todayDate();
              const start = a.start ?? port.startAt(day, a.time ?? '');
              const b = port.book({ contactId: ctx.contact.id, start, service, source: 'chat' });
              const r: BookAppointmentResult = { booked: true, appointmentId: b.id, service: b.service, serviceLabel: APPOINTMENT_SERVICE_LABELS[b.service], when: port.when(b.start), start: b.start };
              return { result: json(r), summary: `booked ${r.serviceLabel} for ${r.when}` };
            },
            (problem) => ({ result: json({ booked: false, problem } satisfies BookAppointmentResult), summary: `not booked: ${problem}` }),
          );
        }
        case APPOINTMENT_TOOL.reschedule: {
          const a = parseArgs(tool, RescheduleArgs, args);
          const mine = theirs(port, ctx.contact.id, a.appointmentId);
          if (!mine) return { result: json({ booked: false, problem: 'The shopper has no upcoming visit to move' } satisfies BookAppointmentResult), summary: 'no visit to move' };
          return conflictOr<SkillResult>(
            () => {
              const b = port.reschedule(mine.id, a.start, 'chat');
              const r: BookAppointmentResult = { booked: true, appointmentId: b.id, service: b.service, serviceLabel: APPOINTMENT_SERVICE_LABELS[b.service], when: port.when(b.start), start: b.start };
              return { result: json(r), summary: `moved to ${r.when}` };
            },
            (problem) => ({ result: json({ booked: false, problem } satisfies BookAppointmentResult), summary: `not moved: ${problem}` }),
          );
        }
        case APPOINTMENT_TOOL.cancel: {
          const a = parseArgs(tool, CancelArgs, args);
          const mine = theirs(port, ctx.contact.id, a.appointmentId);
          if (!mine) return { result: json({ cancelled: false, problem: 'The shopper has no upcoming visit' } satisfies CancelAppointmentResult), summary: 'no visit to cancel' };
          const c = port.cancel(mine.id, a.reason ?? 'cancelled in the chat');
          return { result: json({ cancelled: true, when: port.when(c.start) } satisfies CancelAppointmentResult), summary: `cancelled ${port.when(c.start)}` };
        }
        default:
          throw new DomainError('not_found', `There is no tool "${tool}" in Appointment booking`);
      }
    },
  };
}
