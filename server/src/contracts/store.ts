import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour time, e.g. 10:30');

export const OpeningHoursSchema = z
  .object({
    day: z.enum(WEEKDAYS),
    closed: z.boolean(),
    open: hhmm,
    close: hhmm,
  })
  .refine((h) => h.closed || h.open < h.close, { message: 'Closing time must be after opening time', path: ['close'] });
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-IN', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** E.164: a plus, a country code and up to 15 digits in all. */
export const E164Schema = z.string().regex(/^\+[1-9]\d{7,14}$/, 'Use the international format, e.g. +919876543210');

/** India's GST identification number: state code, PAN, entity number, 'Z', checksum. */
export const GstinSchema = z
  .string()
  .regex(/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/, 'A GSTIN has 15 characters, e.g. 27AAPFU0939F1ZV');

export const StoreProfileSchema = z.object({
  name: z.string().trim().min(2, 'Give the store a name').max(80),
  tagline: z.string().trim().max(140).default(''),
  phone: E164Schema,
  whatsappNumber: E164Schema.or(z.literal('')).default(''),
  email: z.email('Enter a valid email address').or(z.literal('')).default(''),
  website: z.url('Enter a full address, e.g. https://example.in').or(z.literal('')).default(''),
  address: z.object({
    line1: z.string().trim().min(3, 'Enter the street address').max(120),
    line2: z.string().trim().max(120).default(''),
    city: z.string().trim().min(2, 'Enter the city').max(60),
    state: z.string().trim().min(2, 'Enter the state').max(60),
    pincode: z.string().regex(/^[1-9]\d{5}$/, 'A PIN code has 6 digits'),
    country: z.string().trim().min(2).max(60).default('India'),
  }),
  gstin: GstinSchema.or(z.literal('')).default(''),
  timeZone: z.string().refine(isTimeZone, 'Unknown time zone').default('Asia/Kolkata'),
  currency: z.literal('INR').default('INR'),
  hours: z.array(OpeningHoursSchema).length(7, 'Give hours for all seven days'),
});
export type StoreProfile = z.infer<typeof StoreProfileSchema>;
/** What a form sends (defaults not yet applied). */
export type StoreProfileInput = z.input<typeof StoreProfileSchema>;
