import { DEFAULT_TIME_ZONE } from '../../ui/format';
import type { OpsEventType } from '../../api/contracts';

/** The Matrix's palette: light colours on the dark log, one per event type. */
export const EVENT_COLORS: Record<OpsEventType, string> = {
  INBOUND: '#4fc3f7',
  THINKING: '#9aa5b1',
  TOOL: '#ffb74d',
  OUTBOUND: '#69f0ae',
  STATUS: '#b0bec5',
  HANDOFF: '#f48fb1',
  ORDER: '#ffd54f',
  IMPORT: '#ce93d8',
  SYNC: '#80cbc4',
  TUNNEL: '#90caf9',
  DEAL: '#c5e1a5',
  VISIT: '#ffab91',
  ERROR: '#ff5252',
};

export const MATRIX_BACKGROUND = '#0d1117';
export const MATRIX_FONT = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    try {
      f = new Intl.DateTimeFormat('en-IN', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-IN', { ...options, timeZone: DEFAULT_TIME_ZONE });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** "04 Mar, 16:05:09" in the store's time zone: a log line's time. */
export function matrixTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(timeZone).format(date);
}
