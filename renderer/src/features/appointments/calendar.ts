import type { Appointment, DaySlots } from '../../api/contracts';

/** Calendar arithmetic for the Appointments screen, in the store's time zone. */

/** "2026-12-02" of an instant in the zone. */
export function dateIn(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the week a date falls in. */
export function weekStart(date: string): string {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/** "11:30 AM" in the zone. */
export function timeOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true }).format(new Date(iso));
}

/** "Wednesday 2 December" for a calendar date. */
export function longDay(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));
}

export const SERVICE_COLORS: Record<Appointment['service'], string> = { try_on: 'grape', custom_design: 'blue', repair: 'orange', old_gold: 'yellow' };
export const STATUS_COLORS: Record<Appointment['status'], string> = { booked: 'teal', completed: 'gray', cancelled: 'red', no_show: 'dark' };
export const STATUS_LABELS: Record<Appointment['status'], string> = { booked: 'Booked', completed: 'Completed', cancelled: 'Cancelled', no_show: 'No-show' };

/** The visits of one slot: those starting in [slot start, next slot start). Cancelled ones left out. */
export function inSlot(list: Appointment[], start: string, slotMinutes: number): Appointment[] {
  const from = Date.parse(start);
  const to = from + slotMinutes * 60_000;
  return list.filter((a) => a.status !== 'cancelled' && Date.parse(a.start) >= from && Date.parse(a.start) < to);
}

/** The rows of a week grid: every slot time any day has, in clock order ("10:30 AM" … "8:00 PM"). */
export function gridTimes(days: DaySlots[], timeZone: string): string[] {
  const byKey = new Map<string, string>();
  for (const d of days) for (const s of d.slots) {
    const key = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(s.start));
    byKey.set(key, s.label);
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, label]) => label);
}

export const who = (a: Appointment) => a.contactName ?? a.contactPhone ?? `Contact ${a.contactId}`;
