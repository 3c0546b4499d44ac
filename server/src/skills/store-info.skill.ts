import { z } from 'zod';
import { WEEKDAYS, type OpeningHours, type StoreProfile, type Weekday } from '../contracts/index.js';
import { ctaUrlMessage } from '../whatsapp/index.js';
import { json, parseArgs, toolDefinition } from './define.js';
import { capitalise } from './format.js';
import { TOOL, type StoreInfoResult } from './tools.js';
import type { SkillManifest } from './types.js';

const ConfigSchema = z.object({});

const Args = z.object({
  topic: z.enum(['hours', 'address', 'contact', 'all'], { error: 'use one of "hours", "address", "contact", "all"' }).optional(),
});

/** The weekday and "HH:MM" at `now` in the store's time zone. */
export function storeClock(now: Date, timeZone: string): { day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').slice(0, 3).toLowerCase() as Weekday;
  return { day, time: `${get('hour')}:${get('minute')}` };
}

function dayHours(h: OpeningHours | undefined): string {
  return !h || h.closed ? 'closed' : `${h.open}–${h.close}`;
}

/** "Mon–Sat 10:30–20:30; Sun closed": consecutive days with the same hours joined. */
export function weeklyHours(hours: OpeningHours[]): string {
  const runs: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const text = dayHours(hours.find((h) => h.day === day));
    const last = runs[runs.length - 1];
    if (last && last.text === text) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  return runs.map((r) => `${capitalise(r.from)}${r.from === r.to ? '' : `–${capitalise(r.to)}`} ${r.text}`).join('; ');
}

export function addressLine(a: StoreProfile['address']): string {
  const place = `${a.state} ${a.pincode}`;
  return [a.line1, a.line2, a.city, place, a.country === 'India' ? '' : a.country].filter((s) => s.trim() !== '').join(', ');
}

export function storeInfo(store: StoreProfile, now: Date): StoreInfoResult {
  const { day, time } = storeClock(now, store.timeZone);
  const today = store.hours.find((h) => h.day === day);
  const openNow = !!today && !today.closed && today.open <= time && time < today.close;
  const address = addressLine(store.address);
  const query = [store.name, address, store.address.country].join(', ');
  return {
    name: store.name,
    phone: store.phone,
    address,
    website: store.website || null,
    today: dayHours(today),
    openNow,
    hours: weeklyHours(store.hours),
    mapsUrl: `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`,
  };
}

/** Built in and always on: the store's hours (in its time zone), address, phone and map link. */
export function storeInfoSkill(now: () => Date): SkillManifest<typeof ConfigSchema> {
  return {
    id: 'store_info',
    name: 'Store info',
    description: 'Answers "when are you open?", "where is the shop?" and "what is your number?" from your store profile: today\'s hours in your time zone, whether you are open now, the address with a Google Maps link, phone and website.',
    summary: 'Hours, address, phone and map link · always on',
    icon: 'building-store',
    configSchema: ConfigSchema,
    defaultEnabled: true,
    available: true,
    alwaysOn: true,
    tools: [
      toolDefinition(TOOL.storeInfo, 'The store\'s opening hours (today and the week), whether it is open now, address with a Google Maps link, phone and website.', Args),
    ],
    execute({ args, ctx }) {
      const { topic } = parseArgs(TOOL.storeInfo, Args, args);
      const info: StoreInfoResult = storeInfo(ctx.store, now());
      // Asked where the shop is: the address with one "Get directions" button instead of a raw map link.
      const messages = topic === 'address' && info.mapsUrl ? [ctaUrlMessage(ctx.to, { body: `*${info.name}*\n${info.address}`, displayText: 'Get directions', url: info.mapsUrl })] : [];
      if (messages.length) info.directionsSent = true;
      const summary = `${info.openNow ? 'open now' : 'closed now'}, today ${info.today}${messages.length ? ', directions button' : ''}`;
      return { result: json(info), ...(messages.length ? { messages } : {}), summary };
    },
  };
}
