import { DEFAULT_TIME_ZONE } from '../../ui/format';

/** A log-style time in the store's zone, e.g. "24 Nov, 4:40:12 pm": short enough for a table cell. */
export function formatLogTime(iso: string, timeZone: string, { seconds = true }: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hour12: true };
  try {
    return new Intl.DateTimeFormat('en-IN', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-IN', { ...options, timeZone: DEFAULT_TIME_ZONE }).format(date);
  }
}
