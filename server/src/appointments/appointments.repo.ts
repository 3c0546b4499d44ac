import type { AppointmentService, AppointmentSource, AppointmentStatus } from '../contracts/index.js';
import type { Db } from '../db/index.js';

export interface AppointmentRow {
  id: number;
  contact_id: number;
  contact_name: string | null;
  contact_phone: string | null;
  contact_wa_id: string | null;
  contact_user_id: string | null;
  start_at: string;
  end_at: string;
  service: AppointmentService;
  status: AppointmentStatus;
  source: AppointmentSource;
  counter: string | null;
  note: string;
  cancel_reason: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

export type AppointmentFields = Pick<AppointmentRow, 'contact_id' | 'start_at' | 'end_at' | 'service' | 'source' | 'counter' | 'note'>;

const SELECT = `select a.*, c.name as contact_name, c.wa_id as contact_wa_id, c.user_id as contact_user_id,
    coalesce(c.phone, case when c.wa_id glob '[0-9]*' then '+' || c.wa_id end) as contact_phone
  from appointments a left join contacts c on c.id = a.contact_id`;

/** SQL for appointments and the calendar settings row, nothing else. */
export function appointmentsRepo(db: Db) {
  const byId = db.prepare<[number], AppointmentRow>(`${SELECT} where a.id = ?`);
  const range = db.prepare<{ from: string; to: string }, AppointmentRow>(`${SELECT} where a.start_at >= @from and a.start_at < @to order by a.start_at, a.id`);
  // Visits holding a place in [start, end): booked ones whose own time overlaps.
  const overlapping = db.prepare<{ start: string; end: string; except: number }, { counter: string | null }>(
    `select counter from appointments where status = 'booked' and start_at < @end and end_at > @start and id != @except`,
  );
  const insert = db.prepare<AppointmentFields & { now: string }>(
    `insert into appointments (contact_id, start_at, end_at, service, status, source, counter, note, created_at, updated_at)
     values (@contact_id, @start_at, @end_at, @service, 'booked', @source, @counter, @note, @now, @now)`,
  );
  const move = db.prepare<{ id: number; start_at: string; end_at: string; counter: string | null; now: string }>(
    `update appointments set start_at = @start_at, end_at = @end_at, counter = @counter, reminded_at = null, status = 'booked', updated_at = @now where id = @id`,
  );
  const setStatus = db.prepare<{ id: number; status: string; reason: string | null; now: string }>(
    `update appointments set status = @status, cancel_reason = @reason, updated_at = @now where id = @id`,
  );
  const dueReminders = db.prepare<{ from: string; to: string }, AppointmentRow>(`${SELECT} where a.status = 'booked' and a.reminded_at is null and a.start_at >= @from and a.start_at < @to order by a.start_at`);
  const markReminded = db.prepare<[string, string, number]>(`update appointments set reminded_at = ?, updated_at = ? where id = ? and reminded_at is null`);
  const upcomingOf = db.prepare<[number, string], AppointmentRow>(`${SELECT} where a.contact_id = ? and a.status = 'booked' and a.start_at >= ? order by a.start_at`);
  const getCalendar = db.prepare<[], { settings: string }>('select settings from appointment_calendar where id = 1');
  const putCalendar = db.prepare<[string, string]>(
    `insert into appointment_calendar (id, settings, updated_at) values (1, ?, ?) on conflict (id) do update set settings = excluded.settings, updated_at = excluded.updated_at`,
  );

  return {
    get: (id: number) => byId.get(id),
    range: (from: string, to: string) => range.all({ from, to }),
    overlapping: (start: string, end: string, except = 0) => overlapping.all({ start, end, except }),
    insert: (f: AppointmentFields, now: string) => Number(insert.run({ ...f, now }).lastInsertRowid),
    move: (id: number, start_at: string, end_at: string, counter: string | null, now: string) => move.run({ id, start_at, end_at, counter, now }),
    setStatus: (id: number, status: AppointmentStatus, reason: string | null, now: string) => setStatus.run({ id, status, reason, now }),
    dueReminders: (from: string, to: string) => dueReminders.all({ from, to }),
    /** True when this call marked it (a second worker finds it already marked). */
    markReminded: (id: number, at: string) => markReminded.run(at, at, id).changes === 1,
    upcomingOf: (contactId: number, from: string) => upcomingOf.all(contactId, from),
    calendar: (): unknown => {
      const r = getCalendar.get();
      return r ? (JSON.parse(r.settings) as unknown) : {};
    },
    saveCalendar: (settings: unknown, now: string) => putCalendar.run(JSON.stringify(settings), now),
    /** `BEGIN IMMEDIATE`: the write lock is taken before the count, so count-then-insert is atomic across connections too. */
    immediate: <T>(fn: () => T): T => db.transaction(fn).immediate(),
  };
}
export type AppointmentsRepo = ReturnType<typeof appointmentsRepo>;
