import type { OpsEvent } from '../../api/contracts';

export const CSV_COLUMNS = ['time', 'agent', 'contact', 'type', 'detail'] as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break (quotes doubled). A value a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ' so it shows as text.
 */
export function csvField(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The events as CSV (header first, CRLF line ends as RFC 4180 says); times stay ISO-8601 UTC. */
export function eventsToCsv(events: readonly OpsEvent[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of events) lines.push([e.time, e.agent, e.contact, e.type, e.detail].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
