import type { z } from 'zod';
import {
  APPOINTMENT_SERVICE_LABELS,
  BookInputSchema,
  CalendarSettingsSchema,
  WEEKDAYS,
  type Appointment,
  type AppointmentSource,
  type AppointmentStatus,
  type CalendarSettings,
  type DaySlots,
  type LiveMessage,
  type OpeningHours,
} from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { AppointmentRow, AppointmentsRepo } from './appointments.repo.js';
import { addDays, dayLabel, daySlots, localOf, slotProblem, whenLabel, zonedTime } from './slots.js';

/** The store's hours when neither the calendar nor the store profile has any. */
export const DEFAULT_HOURS: OpeningHours[] = WEEKDAYS.map((day) => ({ day, closed: false, open: '10:30', close: '20:30' }));

export interface AppointmentsServiceDeps {
  repo: AppointmentsRepo;
  publish: (m: LiveMessage) => void;
  /** The store profile's time zone and hours; null when the profile is not set up yet. */
  store: () => { timeZone: string; hours: OpeningHours[] } | null;
  /** pipeline.signal(contactId, 'booked', …): the shopper's deal moves to Booked. */
  signalBooked?: (contactId: number, reason: string) => void;
  clock?: () => Date;
}

export function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id, contactId: r.contact_id, contactName: r.contact_name, contactPhone: r.contact_phone, start: r.start_at, end: r.end_at, service: r.service,
    status: r.status, source: r.source, counter: r.counter, note: r.note, cancelReason: r.cancel_reason, remindedAt: r.reminded_at, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new DomainError('validation', `${what}: ${r.error.issues[0]?.path.join('.') || 'input'} ${r.error.issues[0]?.message ?? 'is not valid'}`, fieldErrors(r.error.issues));
  return r.data;
}

export interface FreeSlotsQuery {
  /** A date in the store's time zone; default today. */
  from?: string;
  days?: number;
  /** Every service shares the calendar's slots today; accepted (any id) so callers can pass what the shopper chose. */
  service?: string;
  /** For the Appointments screen: full slots too (free 0), past ones too, beyond the booking horizon. */
  includeFull?: boolean;
  includePast?: boolean;
}

/**
 * Appointments: the rules. A visit takes one slot of the calendar; a slot holds `capacity` visits
 * at once. Booking counts and inserts inside one `BEGIN IMMEDIATE` transaction, so two shoppers
 * racing for the last place cannot both get it.
 */
export function createAppointmentsService(deps: AppointmentsServiceDeps) {
  const { repo } = deps;
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();

  function settings(): CalendarSettings {
    const r = CalendarSettingsSchema.safeParse(repo.calendar());
    return r.success ? r.data : CalendarSettingsSchema.parse({});
  }
  function zone(s = settings()): { timeZone: string; hours: OpeningHours[] } {
    const store = deps.store();
    return { timeZone: store?.timeZone ?? 'Asia/Kolkata', hours: s.hours ?? store?.hours ?? DEFAULT_HOURS };
  }
  const today = () => localOf(clock(), zone().timeZone).date;

  function row(id: number): AppointmentRow {
    const r = Number.isInteger(id) ? repo.get(id) : undefined;
    if (!r) throw new DomainError('not_found', `There is no appointment ${id}`);
    return r;
  }
  function changed(id: number, change: 'booked' | 'moved' | 'cancelled' | 'marked'): Appointment {
    const a = toAppointment(row(id));
    deps.publish({ type: 'appointments.changed', time: now(), appointmentId: id, appointment: a, change, when: whenLabel(new Date(a.start), zone().timeZone) });
    return a;
  }

  /** Checks a start for a booking or a move; returns the slot's end and the counter it takes (inside the caller's transaction). */
  function place(start: string, source: AppointmentSource, except = 0): { end: string; counter: string | null } {
    const s = settings();
    const { timeZone, hours } = zone(s);
    const at = new Date(start);
    if (Number.isNaN(at.getTime())) throw new DomainError('validation', `"${start}" is not a time`);
    const problem = slotProblem(at, s, hours, timeZone);
    if (problem) throw new DomainError('conflict', problem);
    const nowMs = clock().getTime();
    if (at.getTime() < nowMs) throw new DomainError('conflict', `${whenLabel(at, timeZone)} has already passed; pick a later slot`);
    if (source !== 'owner') {
      if (at.getTime() < nowMs + s.minNoticeMinutes * 60_000) throw new DomainError('conflict', `${whenLabel(at, timeZone)} is too soon; the store needs ${s.minNoticeMinutes} minutes' notice`);
      const last = addDays(localOf(clock(), timeZone).date, s.daysAhead);
      if (localOf(at, timeZone).date > last) throw new DomainError('conflict', `Visits can be booked up to ${s.daysAhead} days ahead (until ${dayLabel(last)})`);
    }
    const end = new Date(at.getTime() + s.slotMinutes * 60_000).toISOString();
    const taken = repo.overlapping(at.toISOString(), end, except);
    if (taken.length >= s.capacity) throw new DomainError('conflict', `${whenLabel(at, timeZone)} is fully booked; please pick another slot`);
    const used = new Set(taken.map((t) => t.counter));
    return { end, counter: s.counters.find((c) => !used.has(c)) ?? null };
  }

  function booked(contactId: number, a: Appointment): void {
    try {
      deps.signalBooked?.(contactId, `booked a ${APPOINTMENT_SERVICE_LABELS[a.service]} for ${whenLabel(new Date(a.start), zone().timeZone)}`);
    } catch {
      // The deal is a side effect: a pipeline failure never undoes a booking.
    }
  }

  const service = {
    settings,
    zone,
    todayDate: today,
    /** A day and a wall-clock time in the store's zone ("2026-12-02", "11:30") as the ISO start a booking takes. */
    startAt: (date: string, time: string): string => zonedTime(date, time, zone().timeZone).toISOString(),
    view() {
      const s = settings();
      const z = zone(s);
      return { settings: s, timeZone: z.timeZone, effectiveHours: z.hours };
    },
    saveSettings(input: unknown) {
      const s = parse(CalendarSettingsSchema, input, 'Calendar settings');
      repo.saveCalendar(s, now());
      deps.publish({ type: 'appointments.changed', time: now(), appointmentId: null, appointment: null });
      return service.view();
    },

    /** Free slots per day from `from` (store's zone); past slots, holidays, closed days and full slots left out. */
    freeSlots(q: FreeSlotsQuery = {}): DaySlots[] {
      const s = settings();
      const { timeZone, hours } = zone(s);
      const first = q.from ?? today();
      const horizon = addDays(today(), s.daysAhead);
      const days = Math.min(Math.max(q.days ?? s.daysAhead + 1, 1), 91);
      const out: DaySlots[] = [];
      for (let k = 0; k < days; k++) {
        const date = addDays(first, k);
        if (!q.includePast && date > horizon) break;
        const taken = (start: string, end: string) => repo.overlapping(start, end).length;
        out.push(daySlots({ date, settings: s, hours, timeZone, now: clock(), taken, includeFull: q.includeFull ?? false, includePast: q.includePast ?? false }));
      }
      return out;
    },

    book(input: unknown): Appointment {
      const b = parse(BookInputSchema, input, 'The appointment');
      const at = new Date(b.start).toISOString();
      const id = repo.immediate(() => {
        const { end, counter } = place(at, b.source);
        return repo.insert({ contact_id: b.contactId, start_at: at, end_at: end, service: b.service, source: b.source, counter, note: b.note }, now());
      });
      const a = changed(id, 'booked');
      booked(b.contactId, a);
      return a;
    },

    reschedule(id: number, start: string, source: AppointmentSource = 'owner'): Appointment {
      const r = row(id);
      if (r.status === 'cancelled') throw new DomainError('conflict', 'This appointment was cancelled; book a new one instead');
      const at = new Date(start).toISOString();
      repo.immediate(() => {
        const { end, counter } = place(at, source, id);
        repo.move(id, at, end, counter, now());
      });
      return changed(id, 'moved');
    },

    cancel(id: number, reason = ''): Appointment {
      const r = row(id);
      if (r.status !== 'booked') throw new DomainError('conflict', `This appointment is already ${r.status.replace('_', '-')}`);
      repo.setStatus(id, 'cancelled', reason.trim() || null, now());
      return changed(id, 'cancelled');
    },

    /** After the visit: completed or no-show (or back to booked when marked by mistake). */
    mark(id: number, status: Extract<AppointmentStatus, 'completed' | 'no_show' | 'booked'>): Appointment {
      const r = row(id);
      if (r.status === 'cancelled') throw new DomainError('conflict', 'A cancelled appointment cannot be marked');
      repo.setStatus(id, status, null, now());
      return changed(id, 'marked');
    },

    get: (id: number): Appointment => toAppointment(row(id)),
    row,

    /** Appointments whose start falls on `from`…`to` (dates in the store's zone, both included); all when not given. */
    list(q: { from?: string | undefined; to?: string | undefined; status?: AppointmentStatus | undefined } = {}): Appointment[] {
      const tz = zone().timeZone;
      const lo = q.from ? zonedTime(q.from, '00:00', tz).toISOString() : '0000';
      const hi = q.to ? zonedTime(addDays(q.to, 1), '00:00', tz).toISOString() : '9999';
      return repo.range(lo, hi).filter((r) => !q.status || r.status === q.status).map(toAppointment);
    },
    today: (): Appointment[] => service.list({ from: today(), to: today() }),
    /** The shopper's booked visits from now on. */
    upcomingFor: (contactId: number): Appointment[] => repo.upcomingOf(contactId, now()).map(toAppointment),
  };
  return service;
}
export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
