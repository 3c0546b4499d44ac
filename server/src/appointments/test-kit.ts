/** A real database (migrations applied) with the appointments domain on a fixed clock, for this domain's tests. */
import pino from 'pino';
import type { LiveMessage, OpeningHours } from '../contracts/index.js';
import { createCrmService } from '../crm/index.js';
import { migrate, openDatabase } from '../db/index.js';
import type { GraphMessage } from '../whatsapp/index.js';
import { createAppointments } from './index.js';

/** Mon–Sat 10:30–20:30 (last 30-minute slot at 20:00), Sunday closed. */
export const SHOP_HOURS: OpeningHours[] = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, closed: day === 'sun', open: '10:30', close: '20:30' }));

export function appointmentsKit(opts: { now?: string; timeZone?: string; hours?: OpeningHours[] } = {}) {
  const { db } = openDatabase(':memory:');
  migrate(db);
  let now = new Date(opts.now ?? '2026-12-01T04:00:00Z'); // Tue 1 Dec, 09:30 in Kolkata
  const clock = () => now;
  const live: LiveMessage[] = [];
  const signals: { contactId: number; reason: string }[] = [];
  const queued: { to: string; contactId: number; payload: GraphMessage; correlationId: string }[] = [];
  const crm = createCrmService(db);
  const store = { timeZone: opts.timeZone ?? 'Asia/Kolkata', hours: opts.hours ?? SHOP_HOURS };
  const a = createAppointments({
    db, bus: { publish: (m) => live.push(m) }, log: pino({ level: 'silent' }), clock, store: () => store,
    contactByPhone: (phone, name) => crm.upsertFromWhatsApp({ waId: phone.replace(/^\+/, ''), name: name || null }).id,
    signalBooked: (contactId, reason) => signals.push({ contactId, reason }),
    enqueue: (m) => queued.push(m),
  });
  const contact = (phone = '+919876543210', name = 'Asha') => crm.upsertFromWhatsApp({ waId: phone.slice(1), name }).id;
  return { db, a: a.service, module: a.module, live, signals, queued, crm, contact, store, setNow: (iso: string) => (now = new Date(iso)) };
}
