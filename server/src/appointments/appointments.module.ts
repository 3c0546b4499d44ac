import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { Bus } from '../ops/index.js';
import type { GraphMessage } from '../whatsapp/index.js';
import type { OpeningHours } from '../contracts/index.js';
import { appointmentsRepo } from './appointments.repo.js';
import { appointmentsRoutes } from './appointments.routes.js';
import { createAppointmentsService } from './appointments.service.js';
import { createReminders } from './reminders.js';
import { whenLabel } from './slots.js';

export interface AppointmentsDeps {
  db: Db;
  bus: Pick<Bus, 'publish'>;
  log: Logger;
  /** The store profile's time zone and hours; null while it is not set up. */
  store: () => { timeZone: string; hours: OpeningHours[] } | null;
  /** The owner books by phone: the contact with that number (made when new). */
  contactByPhone: (phone: string, name: string) => number;
  /** pipeline.signal(contactId, 'booked', { reason }). */
  signalBooked?: (contactId: number, reason: string) => void;
  /** The outbox, for the day-before reminder (a template). */
  enqueue?: (input: { to: string; contactId: number; payload: GraphMessage; correlationId: string }) => void;
  clock?: () => Date;
}

/** The appointments domain: the calendar service, its routes, and the reminder worker (started only by the server). */
export function createAppointments(deps: AppointmentsDeps) {
  const repo = appointmentsRepo(deps.db);
  const log = deps.log.child({ domain: 'appointments' });
  const service = createAppointmentsService({
    repo,
    publish: (m) => deps.bus.publish(m),
    store: deps.store,
    ...(deps.signalBooked ? { signalBooked: deps.signalBooked } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const enqueue = deps.enqueue;
  const reminders = enqueue ? createReminders({ repo, service, enqueue, log, ...(deps.clock ? { clock: deps.clock } : {}) }) : null;
  const ownerBook = (input: { phone: string; name: string; start: string; service: string; note: string }) =>
    service.book({ contactId: deps.contactByPhone(input.phone, input.name), start: input.start, service: input.service, note: input.note, source: 'owner' });
  const when = (startIso: string) => whenLabel(new Date(startIso), service.zone().timeZone);
  const api = { ...service, ownerBook, reminders, when };
  const module: DomainModule = {
    name: 'appointments',
    adminRouters: [appointmentsRoutes(service, ownerBook)],
    start: () => reminders?.start(),
    stop: () => reminders?.stop(),
  };
  return { service: api, module };
}
export type Appointments = ReturnType<typeof createAppointments>['service'];
