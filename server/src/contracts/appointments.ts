import { z } from 'zod';
import { E164Schema, OpeningHoursSchema } from './store.js';

/**
 * Appointment booking (issue #9, part 1): the store's calendar (hours, holidays, slot length,
 * counters and capacity), free slots in the store's time zone, visits booked from the chat, a
 * WhatsApp Flow or by the owner, and reminders the day before.
 */
export const APPOINTMENT_SERVICES = ['try_on', 'custom_design', 'repair', 'old_gold'] as const;
export const AppointmentServiceSchema = z.enum(APPOINTMENT_SERVICES, { error: 'Use one of try_on, custom_design, repair, old_gold' });
export type AppointmentService = z.infer<typeof AppointmentServiceSchema>;
export const APPOINTMENT_SERVICE_LABELS: Record<AppointmentService, string> = {
  try_on: 'Try-on visit',
  custom_design: 'Custom design',
  repair: 'Repair',
  old_gold: 'Old-gold exchange',
};

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'completed', 'no_show'] as const;
export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;
export const AppointmentSourceSchema = z.enum(['chat', 'flow', 'owner']);
export type AppointmentSource = z.infer<typeof AppointmentSourceSchema>;

const isoUtc = z.iso.datetime({ error: 'Use an ISO-8601 UTC time, e.g. 2026-12-02T06:00:00Z' });
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-02');

/** The store's calendar. `hours: null` follows the store profile's opening hours. */
export const CalendarSettingsSchema = z.object({
  hours: z.array(OpeningHoursSchema).length(7, 'Give hours for all seven days').nullable().default(null),
  holidays: z.array(z.object({ date: ymd, name: z.string().trim().max(60).default('') })).max(366).default([]),
  slotMinutes: z.number().int().min(15, 'At least 15 minutes').max(240, 'At most 240 minutes').default(30),
  /** Visits that can run at once (counters or staff on the floor). */
  capacity: z.number().int().min(1, 'At least 1 visit per slot').max(50, 'At most 50 visits per slot').default(1),
  /** Names of the counters or staff; a booking takes the first free one. */
  counters: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  daysAhead: z.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days').default(14),
  /** Slots starting sooner than this are not offered. */
  minNoticeMinutes: z.number().int().min(0).max(24 * 60).default(60),
  reminders: z
    .object({
      enabled: z.boolean().default(true),
      /** An approved template with body variables name, date, time (named). */
      template: z.string().regex(/^[a-z0-9_]{1,512}$/, 'Template names use lowercase letters, digits and _').default('appointment_reminder'),
      language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'A language code like en, en_US or hi').default('en'),
    })
    .prefault({}),
});
export type CalendarSettings = z.infer<typeof CalendarSettingsSchema>;
export type CalendarSettingsInput = z.input<typeof CalendarSettingsSchema>;

export const AppointmentSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** ISO-8601 UTC. */
  start: z.string(),
  end: z.string(),
  service: AppointmentServiceSchema,
  status: AppointmentStatusSchema,
  source: AppointmentSourceSchema,
  counter: z.string().nullable(),
  note: z.string(),
  cancelReason: z.string().nullable(),
  remindedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Appointment = z.infer<typeof AppointmentSchema>;

export const SlotSchema = z.object({ start: z.string(), label: z.string(), free: z.number().int() });
export const DaySlotsSchema = z.object({ date: ymd, label: z.string(), closed: z.boolean(), reason: z.string().nullable(), slots: z.array(SlotSchema) });
export type DaySlots = z.infer<typeof DaySlotsSchema>;

export const BookInputSchema = z.object({
  contactId: z.number().int(),
  start: isoUtc,
  service: AppointmentServiceSchema.default('try_on'),
  note: z.string().trim().max(300).default(''),
  source: AppointmentSourceSchema.default('owner'),
});
/** The owner books for a shopper by phone (a new contact is made when there is none). */
export const OwnerBookInputSchema = z.object({
  phone: E164Schema,
  name: z.string().trim().max(80).default(''),
  start: isoUtc,
  service: AppointmentServiceSchema.default('try_on'),
  note: z.string().trim().max(300).default(''),
});
export const RescheduleInputSchema = z.object({ start: isoUtc });
export const CancelInputSchema = z.object({ reason: z.string().trim().max(300).default('') });
export const MarkInputSchema = z.object({ status: z.enum(['completed', 'no_show', 'booked']) });

export const AppointmentListQuerySchema = z.object({ from: ymd.optional(), to: ymd.optional(), status: AppointmentStatusSchema.optional() });

export const CalendarViewSchema = z.object({ settings: CalendarSettingsSchema, timeZone: z.string(), effectiveHours: z.array(OpeningHoursSchema) });

export const appointmentsApi = {
  getCalendar: { method: 'GET', path: '/api/appointments/settings', request: z.void(), response: CalendarViewSchema },
  putCalendar: { method: 'PUT', path: '/api/appointments/settings', request: CalendarSettingsSchema, response: CalendarViewSchema },
  listAppointments: {
    method: 'GET',
    path: '/api/appointments',
    request: z.void(),
    query: AppointmentListQuerySchema,
    response: z.object({ appointments: z.array(AppointmentSchema) }),
  },
  freeSlots: {
    method: 'GET',
    path: '/api/appointments/slots',
    request: z.void(),
    query: z.object({ from: ymd.optional(), days: z.coerce.number().int().min(1).max(90).optional(), service: AppointmentServiceSchema.optional() }),
    response: z.object({ days: z.array(DaySlotsSchema) }),
  },
  createAppointment: { method: 'POST', path: '/api/appointments', request: OwnerBookInputSchema, response: AppointmentSchema },
  rescheduleAppointment: { method: 'POST', path: '/api/appointments/:id/reschedule', request: RescheduleInputSchema, response: AppointmentSchema },
  cancelAppointment: { method: 'POST', path: '/api/appointments/:id/cancel', request: CancelInputSchema, response: AppointmentSchema },
  markAppointment: { method: 'POST', path: '/api/appointments/:id/mark', request: MarkInputSchema, response: AppointmentSchema },
} as const;

/** The skill's tools (names and result shapes), read by the offline brain. */
export const APPOINTMENT_TOOL = { findSlots: 'find_slots', book: 'book_appointment', cancel: 'cancel_appointment', reschedule: 'reschedule_appointment' } as const;

/** find_slots({ date?, service? }) */
export interface FindSlotsResult {
  /** 'calendly': no slots, the link was sent. */
  mode: 'slots' | 'calendly';
  calendlyUrl?: string;
  service: AppointmentService;
  serviceLabel: string;
  /** Slots offered in the list sent, in the store's words ("Wed 2 Dec, 11:30 AM"). */
  offered: { id: string; start: string; label: string }[];
  /** Whether the list message went out (the shopper taps a row to book). */
  listSent: boolean;
  /** "Wed 2 Dec" of the first day with a free slot, null when none. */
  firstDay: string | null;
  /** That day as YYYY-MM-DD in the store's zone: a time typed next ("11:30") is on it. */
  firstDate?: string | null;
  note?: string;
}

/** book_appointment / reschedule_appointment */
export interface BookAppointmentResult {
  booked: boolean;
  appointmentId?: number;
  service?: AppointmentService;
  serviceLabel?: string;
  /** "Wednesday 2 December, 11:30 AM" in the store's time zone. */
  when?: string;
  start?: string;
  /** Why not (slot full, closed, past). */
  problem?: string;
}

/** cancel_appointment */
export interface CancelAppointmentResult {
  cancelled: boolean;
  when?: string;
  problem?: string;
}

/** A list row id for a slot: "slot:2026-12-02T06:00:00Z:try_on" (a tap books it). */
export function slotRowId(start: string, service: AppointmentService): string {
  return `slot:${start.replace(/\.000Z$/, 'Z')}:${service}`;
}
/** The slot and service of a tapped row id, null when it is not one. */
export function parseSlotRowId(id: string | null | undefined): { start: string; service: AppointmentService } | null {
  const m = /^slot:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?Z):([a-z_]+)$/.exec(id ?? '');
  const service = AppointmentServiceSchema.safeParse(m?.[2]);
  return m && service.success ? { start: new Date(m[1] as string).toISOString(), service: service.data } : null;
}

/**
 * A day as a shopper says it, for find_slots and book_appointment's `date`: an ISO date, "today",
 * "tomorrow", "day_after_tomorrow", a weekday ("saturday": the next one, today when it is one),
 * "--12-05" (5 December: this year's, or next year's once past) or "---05" (the 5th: this month's,
 * or the next month that has one once past). The last two are ISO 8601's month-day and day forms.
 */
export const DAY_WORD = /^(\d{4}-\d{2}-\d{2}|today|tomorrow|day_after_tomorrow|sunday|monday|tuesday|wednesday|thursday|friday|saturday|--\d{2}-\d{2}|---\d{2})$/;
export const DAY_WORD_HINT = 'use YYYY-MM-DD, "today", "tomorrow", "day_after_tomorrow", a weekday ("saturday"), "--MM-DD" or "---DD"';

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ymdOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The YYYY-MM-DD a day word names, counted from `today` (YYYY-MM-DD in the store's zone); null when it names no real day. */
export function dateOfDayWord(word: string, today: string): string | null {
  if (!DAY_WORD.test(word)) return null;
  const t0 = Date.parse(`${today}T00:00:00Z`);
  const after = (n: number) => ymdOf(t0 + n * 86_400_000);
  if (word === 'today') return today;
  if (word === 'tomorrow') return after(1);
  if (word === 'day_after_tomorrow') return after(2);
  const weekday = WEEKDAY_NAMES.indexOf(word);
  if (weekday >= 0) return after((weekday - new Date(t0).getUTCDay() + 7) % 7);
  const real = (y: number, m: number, d: number) => {
    const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return m >= 1 && m <= 12 && d >= 1 && ymdOf(Date.UTC(y, m - 1, d)) === iso ? iso : null;
  };
  const [y, m] = today.split('-').map(Number) as [number, number];
  const md = /^--(\d{2})-(\d{2})$/.exec(word);
  if (md) {
    const [month, day] = [Number(md[1]), Number(md[2])];
    // 29 February waits for a leap year, at most four years on.
    for (let k = 0; k <= 4; k += 1) {
      const d = real(y + k, month, day);
      if (d && d >= today) return d;
    }
    return null;
  }
  const dd = /^---(\d{2})$/.exec(word);
  if (dd) {
    for (let k = 0; k <= 12; k += 1) {
      const d = real(y + Math.floor((m - 1 + k) / 12), ((m - 1 + k) % 12) + 1, Number(dd[1]));
      if (d && d >= today) return d;
    }
    return null;
  }
  const [yy, mm, d] = word.split('-').map(Number) as [number, number, number];
  return real(yy, mm, d);
}
