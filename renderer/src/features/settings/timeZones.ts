import { timeZoneLabel } from '../../ui/format';

/** The zones a store in or trading with India is likely to need; the store's own zone is added if missing. */
export const COMMON_TIME_ZONES = [
  'Asia/Kolkata',
  'Asia/Dubai',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Asia/Colombo',
  'Asia/Singapore',
  'Europe/London',
  'America/New_York',
  'UTC',
] as const;

export function timeZoneOptions(current: string): { value: string; label: string }[] {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (current && !zones.includes(current)) zones.push(current);
  return zones.map((zone) => ({ value: zone, label: `${zone.replace(/_/g, ' ')} (${timeZoneLabel(zone)})` }));
}
