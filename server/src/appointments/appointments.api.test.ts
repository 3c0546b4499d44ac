import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { startTempServer, tempDir, type TempServer } from '../../../test/helpers/temp-server.js';
import { appointmentsApi, opsApi, type Appointment } from '../contracts/index.js';
import { openApp } from '../main.js';
import { addDays, localOf, whenLabel, zonedTime } from './slots.js';

// No store profile: the calendar's default hours (every day 10:30–20:30) in Asia/Kolkata.
const TZ = 'Asia/Kolkata';
const day = addDays(localOf(new Date(), TZ).date, 2);
const at = (time: string, d = day) => zonedTime(d, time, TZ).toISOString();

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
}, 60_000);
afterAll(async () => {
  await s.stop();
});

async function post(path: string, json: unknown) {
  const r = await s.api(path, { method: 'POST', json });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

describe('appointments admin API', () => {
  it('20 shoppers POSTing for the last place at once: exactly one booking, 19 conflicts (HTTP 409)', async () => {
    const start = at('17:00');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, k) => post('/api/appointments', { phone: `+9198100200${String(k).padStart(2, '0')}`, name: `Shopper ${k}`, start, service: 'try_on' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    expect(refused[0]?.body).toEqual({ error: { code: 'conflict', message: expect.stringMatching(/fully booked/) } });
    const list = (await (await s.api(`/api/appointments?from=${day}&to=${day}`)).json()) as { appointments: Appointment[] };
    expect(list.appointments.filter((a) => a.start === start)).toHaveLength(1);
  });

  it('settings round-trip; slots show full ones for the screen; reschedule, mark and cancel', async () => {
    const view = appointmentsApi.getCalendar.response.parse(await (await s.api('/api/appointments/settings')).json());
    expect(view).toMatchObject({ timeZone: TZ, settings: { slotMinutes: 30, capacity: 1 } });
    expect(view.effectiveHours).toHaveLength(7);
    const bad = await s.api('/api/appointments/settings', { method: 'PUT', json: { ...view.settings, slotMinutes: 7 } });
    expect(bad.status).toBe(400);
    const put = await s.api('/api/appointments/settings', { method: 'PUT', json: { ...view.settings, counters: ['Priya'], holidays: [{ date: addDays(day, 1), name: 'Diwali' }] } });
    expect(put.status).toBe(200);

    const made = await post('/api/appointments', { phone: '+919810099999', name: 'Meera', start: at('12:00'), service: 'custom_design', note: 'ring resize' });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ contactName: 'Meera', contactPhone: '+919810099999', counter: 'Priya', service: 'custom_design', source: 'owner' });
    const id = made.body.id as number;

    const slots = appointmentsApi.freeSlots.response.parse(await (await s.api(`/api/appointments/slots?from=${day}&days=2`)).json());
    expect(slots.days[0]?.slots.find((x) => x.start === at('12:00'))?.free).toBe(0);
    expect(slots.days[1]).toMatchObject({ closed: true, reason: 'Holiday: Diwali' });

    const moved = await post(`/api/appointments/${id}/reschedule`, { start: at('13:00') });
    expect(moved.body).toMatchObject({ start: at('13:00') });
    const onHoliday = await post(`/api/appointments/${id}/reschedule`, { start: at('13:00', addDays(day, 1)) });
    expect(onHoliday).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/closed .*Diwali/) } } });
    expect((await post(`/api/appointments/${id}/mark`, { status: 'no_show' })).body.status).toBe('no_show');
    expect((await post(`/api/appointments/${id}/cancel`, { reason: 'x' })).status).toBe(409);
    expect((await post(`/api/appointments/${id}/mark`, { status: 'booked' })).body.status).toBe('booked');
    expect((await post(`/api/appointments/${id}/cancel`, { reason: 'called to cancel' })).body).toMatchObject({ status: 'cancelled', cancelReason: 'called to cancel' });
    expect((await post('/api/appointments/9999/cancel', {})).status).toBe(404);

    // Each change is in the Matrix as a VISIT event, in the store's words (refused ones are not).
    const page = opsApi.listEvents.response.parse(await (await s.api(`/api/events?type=VISIT&contact=${String(made.body.contactId)}`)).json());
    const when = (time: string) => whenLabel(new Date(at(time)), TZ);
    expect(page.events.map((e) => e.detail)).toEqual([
      `Meera: Custom design booked for ${when('12:00')} by the store`,
      `Meera: Custom design moved to ${when('13:00')}`,
      `Meera: Custom design on ${when('13:00')} marked a no-show`,
      `Meera: Custom design on ${when('13:00')} marked booked again`,
      `Meera: Custom design on ${when('13:00')} cancelled (called to cancel)`,
    ]);
    expect(page.events[0]).toMatchObject({ type: 'VISIT', contactId: made.body.contactId, contact: '+919810099999', data: { appointmentId: id, change: 'booked', source: 'owner' } });
    expect((await post('/api/appointments', { phone: '98100', start: at('12:00') })).status).toBe(400);
  });
});

describe('revive appointments list', () => {
  it('prints {"appointments":[{id, contact, start, service, status, …}]} filtered by --from/--to', async () => {
    const root = tempDir('revive-appointments-cli-');
    const data = join(root, 'store');
    try {
      const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
      const a = app.services.appointments.ownerBook({ phone: '+919876543210', name: 'Asha', start: at('11:30'), service: 'repair', note: '' });
      app.services.appointments.ownerBook({ phone: '+919876543211', name: 'Ravi', start: at('11:30', addDays(day, 3)), service: 'try_on', note: '' });
      app.close();

      const r = await runCli(['appointments', 'list', '--data', data, '--from', day, '--to', day, '--json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { appointments: Record<string, unknown>[] };
      expect(Object.keys(out)).toEqual(['appointments']);
      expect(out.appointments).toHaveLength(1);
      expect(Object.keys(out.appointments[0] ?? {}).slice(0, 5)).toEqual(['id', 'contact', 'start', 'service', 'status']);
      expect(out.appointments[0]).toMatchObject({ id: a.id, contact: '+919876543210', start: at('11:30'), service: 'repair', status: 'booked' });

      const all = await runCli(['appointments', 'list', '--data', data, '--json']);
      expect((JSON.parse(all.stdout) as { appointments: unknown[] }).appointments).toHaveLength(2);

      const bad = await runCli(['appointments', 'list', '--data', data, '--from', 'tomorrow', '--json']);
      expect(bad.code).toBe(2);
      const none = await runCli(['appointments', 'list', '--data', join(root, 'nothing'), '--json']);
      expect(none.code).toBe(1);
      expect(JSON.parse(none.stdout)).toMatchObject({ error: { message: expect.stringMatching(/revive init/) } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
