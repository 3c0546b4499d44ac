import type { CONTACT_FIELDS} from '../../api/contracts';
import { TagSchema, type Contact } from '../../api/contracts';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { formatPhone as formatE164 } from '../whatsapp-settings/phone';

/** "+919876543210" → "+91 98765 43210"; anything libphonenumber cannot read is shown as stored. */
export function formatPhone(phone: string | null): string {
  return phone ? formatE164(phone) : '';
}

/** Tags are stored bare and shown with a leading #. */
export const hashTag = (tag: string) => `#${tag}`;

/** "#BridalShopper, gold-bangles  #VIP" → ["BridalShopper","gold-bangles","VIP"], or the first word that is not a tag. */
export function parseTags(raw: string): { ok: true; tags: string[] } | { ok: false; message: string } {
  const words = raw
    .split(/[,\s]+/)
    .map((w) => w.replace(/^#+/, '').trim())
    .filter(Boolean);
  const tags: string[] = [];
  for (const word of words) {
    const parsed = TagSchema.safeParse(word);
    if (!parsed.success) return { ok: false, message: `“${word}”: ${parsed.error.issues[0]?.message ?? 'not a tag'}` };
    if (!tags.some((t) => t.toLowerCase() === parsed.data.toLowerCase())) tags.push(parsed.data);
  }
  return { ok: true, tags };
}

const relative = new Intl.RelativeTimeFormat('en-IN', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "yesterday", "just now": for when someone last wrote. */
export function formatRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  const diff = at - now.getTime();
  for (const [unit, ms] of STEPS) if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  return 'just now';
}

/** The calendar day of an ISO time in the store's zone, e.g. "4 Mar 2026". */
export function formatDay(iso: string | null, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: DEFAULT_TIME_ZONE }).format(date);
  }
}

/** "1990-05-14" → "14 May 1990", "05-14" → "14 May" (a birthday without its year). */
export function formatDayOfYear(value: string | null): string {
  if (!value) return '';
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const month = new Date(Date.UTC(2000, Number(m[2]) - 1, 1)).toLocaleString('en-IN', { month: 'short', timeZone: 'UTC' });
  return `${Number(m[3])} ${month}${m[1] ? ` ${m[1]}` : ''}`;
}

export const OPT_IN_LABELS: Record<Contact['optIn'], string> = { opted_in: 'Opted in', opted_out: 'Opted out', unknown: 'Not asked' };
export const SOURCE_LABELS: Record<Contact['source'], string> = { whatsapp: 'WhatsApp', import: 'Import', manual: 'Added by hand', simulator: 'Simulator' };

export type ContactField = (typeof CONTACT_FIELDS)[number];
export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  city: 'City',
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  totalSpend: 'Total spend (₹)',
  lastPurchaseAt: 'Last purchase',
  tags: 'Tags',
  notes: 'Notes',
  optIn: 'Opt-in',
  waId: 'WhatsApp id',
};

/** A contact's name, else their phone, else their WhatsApp id, for titles. */
export const displayName = (c: Pick<Contact, 'name' | 'phone' | 'waId' | 'id'>) => c.name || formatPhone(c.phone) || c.waId || `Contact ${c.id}`;
