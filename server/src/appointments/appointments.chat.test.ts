import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { dateOfDayWord, type StoreProfileInput } from '../contracts/index.js';
import { openApp, type App } from '../main.js';
import { addDays, localOf } from './slots.js';

const PROFILE: StoreProfileInput = {
  name: 'Shree Jewellers',
  phone: '+919876500000',
  address: { line1: '12 MG Road', city: 'Jaipur', state: 'Rajasthan', pincode: '302001' },
  timeZone: 'Asia/Kolkata',
  hours: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, closed: false, open: '10:30', close: '20:30' })),
};

let app: App | null = null;
let dir = '';
afterEach(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real app (offline brain, real registry, appointments, pipeline) on a fresh data dir; the default agent has the skill on. */
function setup(config: Record<string, unknown> = {}) {
  dir = tempDir('revive-appointments-chat-');
  app = openApp({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
  app.settings.saveStoreProfile(PROFILE);
  const agent = app.services.agents.defaultAgent();
  app.services.agents.update(agent.id, { skills: [{ id: 'appointment_booking', enabled: true, config }] });
  const s = app.services;
  const chat = (message: Record<string, unknown>) => s.conversations.chat({ channel: 'simulator', phone: '+919812300077', name: 'Asha', message });
  return { s, chat };
}

type Msg = { type: string; text?: { body: string }; interactive?: { type: string; body?: { text: string }; action: { button?: string; sections?: { title?: string; rows: { id: string; title: string; description?: string }[] }[]; parameters?: { url: string } } } };

describe('booking a visit in a scripted offline conversation', () => {
  it('"book a visit tomorrow" → a list of free slots → a tap books it → confirmation; stored and the deal moved to Booked', async () => {
    const { s, chat } = setup();
    const first = await chat({ type: 'text', text: { body: 'I want to book a visit tomorrow' } });
    const replies = first.replies as unknown as Msg[];
    const list = replies.find((m) => m.interactive?.type === 'list');
    expect(list, JSON.stringify(replies)).toBeDefined();
    const tomorrow = addDays(localOf(new Date(), 'Asia/Kolkata').date, 1);
    const rows = list!.interactive!.action.sections!.flatMap((x) => x.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(10);
    for (const r of rows) expect(r.title.length).toBeLessThanOrEqual(24);
    expect(rows[0]?.id).toMatch(/^slot:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z:try_on$/);
    expect(rows[0]?.title).toBe('10:30 AM');
    expect(list!.interactive!.action.sections![0]?.title).toBe(new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${tomorrow}T12:00:00Z`)));
    const words = replies.map((m) => m.text?.body ?? m.interactive?.body?.text ?? '').join(' ');
    expect(words).toMatch(/See times/);
    expect(first.events.some((e) => e.type === 'TOOL' && e.data.name === 'find_slots')).toBe(true);

    const pick = rows[2]!;
    const tap = await chat({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: pick.id, title: pick.title } } });
    const confirm = (tap.replies as unknown as Msg[]).map((m) => m.text?.body ?? m.interactive?.body?.text ?? '').join(' ');
    expect(confirm).toMatch(/Booked!/);
    expect(confirm).toContain(pick.title);

    const stored = s.appointments.list({ from: tomorrow, to: tomorrow });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ contactPhone: '+919812300077', source: 'chat', service: 'try_on', status: 'booked', start: new Date(pick.id.slice(5, 25)).toISOString() });
    const deal = s.pipeline.list().deals.find((d) => d.contactPhone === '+919812300077');
    expect(deal?.stage).toBe('booked');

    // the same slot is no longer offered
    const again = await chat({ type: 'text', text: { body: 'book a visit tomorrow' } });
    const ids = (again.replies as unknown as Msg[]).flatMap((m) => m.interactive?.action.sections?.flatMap((x) => x.rows.map((r) => r.id)) ?? []);
    expect(ids).not.toContain(pick.id);
  });

  it('a time typed instead of tapped books it: after the list ("11:30"), or in one message ("kal 4 baje repair ke liye")', async () => {
    const { s, chat } = setup();
    const tomorrow = addDays(localOf(new Date(), 'Asia/Kolkata').date, 1);
    const words = (r: { replies: unknown[] }) => (r.replies as Msg[]).map((m) => m.text?.body ?? m.interactive?.body?.text ?? '').join(' ');
    await chat({ type: 'text', text: { body: 'I want to book a visit tomorrow' } });
    const typed = await chat({ type: 'text', text: { body: '11:30' } });
    expect(words(typed)).toMatch(/Booked! Your try-on visit is on .*11:30 AM/);
    const oneGo = await chat({ type: 'text', text: { body: 'kal 4 baje repair ke liye aana hai' } });
    expect(words(oneGo)).toMatch(/4:00 PM/);
    const stored = s.appointments.list({ from: tomorrow, to: tomorrow }).map((a) => [localOf(new Date(a.start), 'Asia/Kolkata').time, a.service]);
    expect(stored).toEqual([['11:30', 'try_on'], ['16:00', 'repair']]);
    // A time the store is shut: nothing booked, the free times offered instead.
    const shut = await chat({ type: 'text', text: { body: 'can I come tomorrow at 10 pm?' } });
    expect(words(shut)).toMatch(/Sorry, that time is not free\..*Here are free times/);
    expect((shut.replies as Msg[]).some((m) => m.interactive?.type === 'list')).toBe(true);
    expect(s.appointments.list({ from: tomorrow, to: tomorrow })).toHaveLength(2);
  });

  it('a weekday or a date typed books or offers that day: "can I come on <weekday> at 7?", then "what about the <day five days on>th?" after the list', async () => {
    const { s, chat } = setup();
    const today = localOf(new Date(), 'Asia/Kolkata').date;
    const words = (r: { replies: unknown[] }) => (r.replies as Msg[]).map((m) => m.text?.body ?? m.interactive?.body?.text ?? '').join(' ');
    // A weekday three days on (never today, so 7 pm is still ahead).
    const day = addDays(today, 3);
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }).format(new Date(`${day}T12:00:00Z`));
    const booked = await chat({ type: 'text', text: { body: `can I come on ${weekday} at 7?` } });
    expect(words(booked)).toMatch(/Booked! Your try-on visit is on .*7:00 PM/);
    expect(s.appointments.list({ from: day, to: day }).map((a) => localOf(new Date(a.start), 'Asia/Kolkata').time)).toEqual(['19:00']);

    // The list first, then a day of the month typed (five days on, so always inside the days offered): that day's free times.
    const target = addDays(today, 5);
    const dd = Number(target.slice(8));
    const nth = `${dd}${dd % 10 === 1 && dd !== 11 ? 'st' : dd % 10 === 2 && dd !== 12 ? 'nd' : dd % 10 === 3 && dd !== 13 ? 'rd' : 'th'}`;
    expect(dateOfDayWord(`---${String(dd).padStart(2, '0')}`, addDays(today, 1))).toBe(target);
    await chat({ type: 'text', text: { body: 'I want to book a visit tomorrow' } });
    const other = await chat({ type: 'text', text: { body: `what about the ${nth}?` } });
    const list = (other.replies as Msg[]).find((m) => m.interactive?.type === 'list');
    const label = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${target}T12:00:00Z`));
    expect(list?.interactive?.action.sections?.[0]?.title).toBe(label);
    expect(other.events.find((e) => e.type === 'TOOL' && e.data.name === 'find_slots')?.data.args).toMatchObject({ date: `---${String(dd).padStart(2, '0')}` });
  });

  it('a booked visit is moved with "reschedule" and a tap, and cancelled with "cancel my appointment"; not booked twice', async () => {
    const { s, chat } = setup();
    const today = localOf(new Date(), 'Asia/Kolkata').date;
    const words = (r: { replies: unknown[] }) => (r.replies as Msg[]).map((m) => m.text?.body ?? m.interactive?.body?.text ?? '').join(' ');
    const rowsOf = (r: { replies: unknown[] }) => (r.replies as Msg[]).flatMap((m) => m.interactive?.action.sections?.flatMap((x) => x.rows) ?? []);
    const first = await chat({ type: 'text', text: { body: 'I want to book a visit tomorrow' } });
    const [a] = rowsOf(first);
    await chat({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: a!.id, title: a!.title } } });
    expect(s.appointments.list().map((x) => x.status)).toEqual(['booked']);

    const move = await chat({ type: 'text', text: { body: 'I need to reschedule my appointment to day after tomorrow' } });
    expect(words(move)).toMatch(/your visit moves to it/);
    const later = rowsOf(move)[1]!;
    expect(later.id.slice(5, 15)).toBe(addDays(today, 2));
    const moved = await chat({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: later.id, title: later.title } } });
    expect(words(moved)).toMatch(/Done! Your try-on visit is moved to .*/);
    const stored = s.appointments.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'booked', start: new Date(later.id.slice(5, 25)).toISOString() });

    const cancel = await chat({ type: 'text', text: { body: 'sorry, please cancel my appointment' } });
    expect(words(cancel)).toMatch(/Done, your visit on .* is cancelled\./);
    expect(s.appointments.list().map((x) => x.status)).toEqual(['cancelled']);
    expect((cancel.replies as Msg[]).some((m) => m.interactive?.type === 'list')).toBe(false);
    const again = await chat({ type: 'text', text: { body: 'cancel my booking' } });
    expect(words(again)).toMatch(/could not find a visit booked for you/);
  });

  it('Hinglish: "kal appointment chahiye" offers tomorrow\'s slots in Hinglish', async () => {
    const { chat } = setup();
    const r = await chat({ type: 'text', text: { body: 'mujhe kal ka appointment chahiye' } });
    const msgs = r.replies as unknown as Msg[];
    const rows = msgs.flatMap((m) => m.interactive?.action.sections?.flatMap((x) => x.rows) ?? []);
    expect(rows[0]?.id).toMatch(/:try_on$/);
    const words = msgs.map((m) => m.text?.body ?? '').join(' ');
    expect(words).toMatch(/dabakar/);
  });

  it('Hinglish: "kal repair ke liye aana hai" offers tomorrow\'s slots for a repair (not the warranty policy)', async () => {
    const { chat } = setup();
    const r = await chat({ type: 'text', text: { body: 'kal repair ke liye aana hai' } });
    const rows = (r.replies as unknown as Msg[]).flatMap((m) => m.interactive?.action.sections?.flatMap((x) => x.rows) ?? []);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.id.endsWith(':repair'))).toBe(true);
  });

  it('Calendly mode sends the link as a button instead of slots', async () => {
    const { chat, s } = setup({ calendlyUrl: 'https://calendly.com/shree/visit' });
    const r = await chat({ type: 'text', text: { body: 'can I book an appointment?' } });
    const msgs = r.replies as unknown as Msg[];
    expect(msgs.find((m) => m.interactive?.type === 'cta_url')?.interactive?.action.parameters?.url).toBe('https://calendly.com/shree/visit');
    expect(msgs.some((m) => m.interactive?.type === 'list')).toBe(false);
    expect(s.appointments.list()).toEqual([]);
  });

  it('with the skill off, a visit question gets the hours and address as before', async () => {
    const { s, chat } = setup();
    const agent = s.agents.defaultAgent();
    s.agents.update(agent.id, { skills: [{ id: 'appointment_booking', enabled: false, config: {} }] });
    const r = await chat({ type: 'text', text: { body: 'I want to book a visit tomorrow' } });
    const msgs = r.replies as unknown as Msg[];
    expect(msgs.some((m) => m.interactive?.type === 'list')).toBe(false);
    expect(msgs.map((m) => m.text?.body ?? m.interactive?.body?.text ?? '').join(' ')).toMatch(/12 MG Road/);
  });
});
