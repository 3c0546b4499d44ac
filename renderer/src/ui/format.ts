export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

/** 1536 → "1.5 KB"; binary units, as file managers show them. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * An ISO timestamp as a date and time in the store's time zone, e.g. "4 Mar 2026, 6:05 pm"
 * (other `options` for a shorter form); an unknown zone falls back to the default.
 */
export function formatDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-IN', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-IN', { ...options, timeZone: DEFAULT_TIME_ZONE }).format(date);
  }
}

/** The short name of a time zone, e.g. "IST", for labels beside times. */
export function timeZoneLabel(timeZone: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-IN', { timeZone, timeZoneName: 'short' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

const count = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** A count in the Indian grouping: 100000 → "1,00,000". */
export function formatCount(value: number): string {
  return count.format(value);
}
