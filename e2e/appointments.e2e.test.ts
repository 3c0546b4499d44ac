import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Appointment, DaySlots } from '../server/src/contracts/index.js';
import { e2eApp, SHOTS } from './e2e-app.js';

let page: Page;

e2eApp('appointments', { width: 1600, height: 1000 }, (e) => {
  page = e.page;
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });

/** The admin API from inside the signed-in page (its session cookie). */
async function api<T>(path: string, init?: { method: string; json: unknown }): Promise<T> {
  return page.evaluate(
    async ({ path, init }) => {
      const r = await fetch(path, init ? { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) } : {});
      return (await r.json()) as unknown;
    },
    { path, init },
  ) as Promise<T>;
}

describe('Appointments, end to end in the demo store', () => {
  let booked: Appointment;
  let day: DaySlots;

  it('explains how shoppers book when there are none', async () => {
    await nav('Appointments').click();
    await page.getByText('No visits booked yet').waitFor({ timeout: 30_000 });
  });

  it('a visit booked through the API shows in the day view at its time', async () => {
    // the first day after today with at least three free slots
    const { days } = await api<{ days: DaySlots[] }>('/api/appointments/slots?days=8');
    day = days.slice(1).find((d) => d.slots.filter((s) => s.free > 0).length >= 3)!;
    expect(day).toBeDefined();
    booked = await api<Appointment>('/api/appointments', { method: 'POST', json: { phone: '+919812345670', name: 'Asha Verma', start: day.slots[1]!.start, service: 'try_on', note: 'bridal sets' } });
    expect(booked.status).toBe('booked');

    await page.getByRole('button', { name: 'Later' }).click();
    const title = page.getByTestId('calendar-title');
    for (let i = 0; i < 8 && !((await title.textContent()) ?? '').includes(day.label.split(' ').slice(1).join(' ')); i++) await page.getByRole('button', { name: 'Later' }).click();
    const cell = page.getByTestId('day-view').getByTestId(`appointment-${booked.id}`);
    await cell.waitFor({ timeout: 30_000 });
    const row = page.getByTestId('day-view').locator('tr', { has: page.getByTestId(`appointment-${booked.id}`) });
    expect(await row.textContent()).toContain(day.slots[1]!.label);
    await page.screenshot({ path: join(SHOTS, 'e2e-appointments-day.png') });
  });

  it('the week view shows the booking in its day and slot', async () => {
    await page.getByText('Week', { exact: true }).click();
    const week = page.getByTestId('week-view');
    await week.getByTestId(`appointment-${booked.id}`).waitFor({ timeout: 30_000 });
    // the whole week, Monday to Sunday
    expect(await week.locator('thead th').count()).toBe(8);
    await page.screenshot({ path: join(SHOTS, 'e2e-appointments-week.png') });
    await page.getByText('Day', { exact: true }).click();
    await page.getByTestId('day-view').waitFor();
  });

  it('reschedules from the screen to another free slot', async () => {
    await page.getByTestId('day-view').getByTestId(`appointment-${booked.id}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await dialog.getByLabel('Time', { exact: true }).click();
    const target = day.slots[2]!;
    await page.getByRole('option', { name: new RegExp(`^${target.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).click();
    await page.waitForTimeout(300); // the dropdown closing, for the picture only
    await page.screenshot({ path: join(SHOTS, 'e2e-appointments-reschedule.png') });
    await dialog.getByRole('button', { name: 'Move the visit' }).click();
    await expect.poll(() => dialog.getByTestId('appointment-when').textContent(), { timeout: 30_000 }).toContain(target.label);
    const { appointments } = await api<{ appointments: Appointment[] }>(`/api/appointments?from=${day.date}&to=${day.date}`);
    expect(appointments.find((a) => a.id === booked.id)?.start).toBe(target.start);
    await page.keyboard.press('Escape');
    const row = page.getByTestId('day-view').locator('tr', { has: page.getByTestId(`appointment-${booked.id}`) });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain(target.label);
  });

  it('the calendar settings drawer saves a holiday and the day closes', async () => {
    await page.getByRole('button', { name: 'Calendar settings' }).click();
    const drawer = page.getByRole('dialog', { name: 'Calendar settings' });
    await drawer.getByLabel('Day', { exact: true }).fill(day.date);
    await drawer.getByLabel('Name', { exact: true }).fill('Store anniversary');
    await drawer.getByRole('button', { name: 'Add' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'e2e-appointments-settings.png') });
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Holiday: Store anniversary: no visits are offered/).waitFor({ timeout: 30_000 });
  });
});
