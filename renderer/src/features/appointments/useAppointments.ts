import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Appointment, ApiResponse, DaySlots } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';
import { addDays } from './calendar';

type CalendarView = ApiResponse<'getCalendar'>;

/**
 * The calendar settings, and the slots and visits of `days` days from `from`: loaded together,
 * reloaded on every `appointments.changed` live message (a shopper booking in the chat shows at once).
 */
export function useAppointments(from: string | null, days: number) {
  const client = useApiClient();
  const [calendar, setCalendar] = useState<CalendarView | null>(null);
  // the range the slots and visits are of: a new range shows as loading, never the last range's data
  const [range, setRange] = useState<{ key: string; slots: DaySlots[]; appointments: Appointment[] } | null>(null);
  const key = `${from ?? ''}|${days}`;
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const load = useCallback(() => {
    const mine = ++generation.current;
    const range = from ? { from, to: addDays(from, days - 1) } : null;
    Promise.all([
      client.call('getCalendar'),
      range ? client.call('freeSlots', { query: { from: range.from, days } }) : Promise.resolve(null),
      range ? client.call('listAppointments', { query: range }) : Promise.resolve(null),
    ])
      .then(([c, s, a]) => {
        if (mine !== generation.current) return;
        setCalendar(c);
        if (s && a) setRange({ key: `${from ?? ''}|${days}`, slots: s.days, appointments: a.appointments });
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setError(err);
      });
  }, [client, from, days]);
  useEffect(load, [load]);
  useLiveMessages((m) => {
    if (m.type === 'appointments.changed') load();
  });
  const mine = range?.key === key ? range : null;
  return { calendar, slots: mine?.slots ?? null, appointments: mine?.appointments ?? null, error, reload: load, setCalendar };
}
