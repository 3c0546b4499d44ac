import type { CalendarSettings, DaySlots, OpeningHours, Weekday } from '../contracts/index.js';

/** Pure calendar arithmetic in the store's time zone: no database, no clock of its own. */

const DAY_MS = 86_400_000;

function parts(d: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', hourCycle: 'h23' });
  for (const p of f.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** The date ("2026-12-02"), time ("11:30") and weekday of an instant in the zone. */
export function localOf(d: Date, timeZone: string): { date: string; time: string; day: Weekday } {
  const p = parts(d, timeZone);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, day: (p.weekday ?? '').slice(0, 3).toLowerCase() as Weekday };
}

/** Milliseconds the zone is ahead of UTC at `d` (+19800000 for Asia/Kolkata). */
function offsetMs(d: Date, timeZone: string): number {
  const p = parts(d, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(d.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock date and "HH:MM" in the zone (DST handled by re-checking the offset). */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let t = wall - offsetMs(new Date(wall), timeZone);
  t = wall - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

const weekdayOf = (date: string): Weekday => (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(`${date}T12:00:00Z`).getUTCDay()] as Weekday;

/** "11:30 AM" in the zone. */
export function timeLabel(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true }).format(d);
}
/** "Wed 2 Dec" for a calendar date. */
export function dayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${date}T12:00:00Z`));
}
/** "Wednesday 2 December, 11:30 AM" in the zone. */
export function whenLabel(d: Date, timeZone: string): string {
  const date = localOf(d, timeZone).date;
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));
  return `${day}, ${timeLabel(d, timeZone)}`;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export interface DayInput {
  date: string;
  settings: CalendarSettings;
  hours: OpeningHours[];
  timeZone: string;
  now: Date;
  /** Booked visits per slot start (ISO UTC, as `slotStarts` gives them). */
  taken: (startIso: string, endIso: string) => number;
  includeFull?: boolean;
  includePast?: boolean;
}

/** The slot starts of a day ("10:30", "11:00", … while a whole slot fits before closing). */
export function slotTimes(h: OpeningHours | undefined, slotMinutes: number): string[] {
  if (!h || h.closed) return [];
  const out: string[] = [];
  for (let m = minutes(h.open); m + slotMinutes <= minutes(h.close); m += slotMinutes) out.push(hhmm(m));
  return out;
}

/** One day's slots: closed on the store's closed weekdays and holidays; past slots (and those inside the notice) hidden. */
export function daySlots(i: DayInput): DaySlots {
  const holiday = i.settings.holidays.find((h) => h.date === i.date);
  const label = dayLabel(i.date);
  if (holiday) return { date: i.date, label, closed: true, reason: holiday.name ? `Holiday: ${holiday.name}` : 'Holiday', slots: [] };
  const h = i.hours.find((x) => x.day === weekdayOf(i.date));
  if (!h || h.closed) return { date: i.date, label, closed: true, reason: 'Closed', slots: [] };
  const earliest = i.now.getTime() + i.settings.minNoticeMinutes * 60_000;
  const slots = slotTimes(h, i.settings.slotMinutes).flatMap((t) => {
    const start = zonedTime(i.date, t, i.timeZone);
    if (!i.includePast && start.getTime() < earliest) return [];
    const startIso = start.toISOString();
    const free = Math.max(0, i.settings.capacity - i.taken(startIso, new Date(start.getTime() + i.settings.slotMinutes * 60_000).toISOString()));
    if (free === 0 && !i.includeFull) return [];
    return [{ start: startIso, label: timeLabel(start, i.timeZone), free }];
  });
  return { date: i.date, label, closed: false, reason: null, slots };
}

/** Whether `start` is exactly one of the day's slot starts (inside hours, not a holiday). Returns the reason when not. */
export function slotProblem(start: Date, settings: CalendarSettings, hours: OpeningHours[], timeZone: string): string | null {
  const local = localOf(start, timeZone);
  const holiday = settings.holidays.find((h) => h.date === local.date);
  if (holiday) return `The store is closed on ${dayLabel(local.date)}${holiday.name ? ` (${holiday.name})` : ''}`;
  const h = hours.find((x) => x.day === local.day);
  if (!h || h.closed) return `The store is closed on ${dayLabel(local.date)}`;
  if (start.getUTCSeconds() !== 0 || start.getUTCMilliseconds() !== 0 || !slotTimes(h, settings.slotMinutes).includes(local.time)) {
    return `${timeLabel(start, timeZone)} on ${dayLabel(local.date)} is not a slot: the store takes visits every ${settings.slotMinutes} minutes from ${h.open} to ${h.close}`;
  }
  return null;
}
