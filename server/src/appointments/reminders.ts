import type { Logger } from 'pino';
import { templateMessage, type GraphMessage } from '../whatsapp/index.js';
import type { AppointmentsRepo } from './appointments.repo.js';
import type { AppointmentsService } from './appointments.service.js';
import { addDays, dayLabel, localOf, timeLabel, zonedTime } from './slots.js';

/** Reminders go out from this hour of the store's day, never at night. */
export const REMIND_FROM_HOUR = 9;
export const REMINDER_EVERY_MS = 10 * 60_000;

export interface RemindersDeps {
  repo: AppointmentsRepo;
  service: AppointmentsService;
  /** The outbox: the template goes out through it (rate limits, retries, status). */
  enqueue: (input: { to: string; contactId: number; payload: GraphMessage; correlationId: string }) => void;
  clock?: () => Date;
  log?: Logger;
}

/**
 * The day-before reminder: for each booked visit tomorrow (store's zone) not yet reminded, one
 * template message (a template, because the shopper's 24-hour window has usually closed) with
 * the variables name, date and time. Marking and queueing share one transaction: a failure
 * leaves it unmarked for the next run, and a success is never queued twice.
 */
export function createReminders(deps: RemindersDeps) {
  const clock = deps.clock ?? (() => new Date());

  function runOnce(): { sent: number[]; failed: { id: number; error: string }[] } {
    const s = deps.service.settings();
    const out = { sent: [] as number[], failed: [] as { id: number; error: string }[] };
    if (!s.reminders.enabled) return out;
    const { timeZone } = deps.service.zone(s);
    const local = localOf(clock(), timeZone);
    if (Number(local.time.slice(0, 2)) < REMIND_FROM_HOUR) return out;
    const tomorrow = addDays(local.date, 1);
    const from = zonedTime(tomorrow, '00:00', timeZone).toISOString();
    const to = zonedTime(addDays(tomorrow, 1), '00:00', timeZone).toISOString();
    for (const r of deps.repo.dueReminders(from, to)) {
      const to = r.contact_wa_id ?? r.contact_user_id;
      if (!to) continue;
      const start = new Date(r.start_at);
      try {
        const payload = templateMessage(to, {
          name: s.reminders.template,
          language: s.reminders.language,
          body: { name: r.contact_name?.trim() || 'there', date: dayLabel(localOf(start, timeZone).date), time: timeLabel(start, timeZone) },
        });
        deps.repo.immediate(() => {
          if (deps.repo.markReminded(r.id, clock().toISOString())) deps.enqueue({ to, contactId: r.contact_id, payload, correlationId: `appointment:${r.id}:reminder` });
        });
        out.sent.push(r.id);
      } catch (err) {
        out.failed.push({ id: r.id, error: err instanceof Error ? err.message : String(err) });
        deps.log?.warn({ err, appointmentId: r.id }, 'appointment reminder not queued');
      }
    }
    return out;
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    runOnce,
    start(every = REMINDER_EVERY_MS) {
      if (timer) return;
      const tick = () => {
        try {
          runOnce();
        } catch (err) {
          deps.log?.error({ err }, 'appointment reminders failed');
        }
      };
      tick();
      timer = setInterval(tick, every);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
