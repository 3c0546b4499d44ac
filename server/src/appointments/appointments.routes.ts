import { Router } from 'express';
import { appointmentsApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { AppointmentsService } from './appointments.service.js';

const id = (params: Record<string, string>) => Number(params.id);

function query<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, q: unknown): T {
  const r = schema.safeParse(q);
  if (!r.success) throw new DomainError('validation', `Bad filter: ${r.error.issues[0]?.path.map(String).join('.')} ${r.error.issues[0]?.message}`);
  return r.data;
}

/** The Appointments screen's API. Thin: the rules live in the service. */
export function appointmentsRoutes(svc: AppointmentsService, ownerBook: (input: { phone: string; name: string; start: string; service: string; note: string }) => unknown): Router {
  const r = Router();
  route(r, appointmentsApi.getCalendar, () => svc.view());
  route(r, appointmentsApi.putCalendar, ({ body }) => svc.saveSettings(body));
  route(r, appointmentsApi.freeSlots, ({ req }) => {
    const q = query(appointmentsApi.freeSlots.query, req.query);
    // The screen's grid: every slot of the days asked for, full and past ones too.
    return { days: svc.freeSlots({ ...q, includeFull: true, includePast: true }) };
  });
  route(r, appointmentsApi.listAppointments, ({ req }) => ({ appointments: svc.list(query(appointmentsApi.listAppointments.query, req.query)) }));
  route(r, appointmentsApi.createAppointment, ({ body }) => ownerBook(body) as ReturnType<AppointmentsService['get']>);
  route(r, appointmentsApi.rescheduleAppointment, ({ body, params }) => svc.reschedule(id(params), body.start));
  route(r, appointmentsApi.cancelAppointment, ({ body, params }) => svc.cancel(id(params), body.reason));
  route(r, appointmentsApi.markAppointment, ({ body, params }) => svc.mark(id(params), body.status));
  return r;
}
