import { parseRupees } from '../../understanding/index.js';
import { cellText, isBlank, type Cell } from '../../shared/tables/read-table.js';
import { normalizePhone } from '../phone.js';

/** A cell read: a value, or why it could not be read; `note` when it was read but not quite as written. */
export type Read<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };
const ok = <T>(value: T, note?: string): Read<T> => (note ? { ok: true, value, note } : { ok: true, value });
const no = (reason: string): Read<never> => ({ ok: false, reason });

/** Rupees as written in shop files: "₹1,25,000", "1,25,000", "1.2 lakh", "2 Cr", "50k", Excel numbers. */
/** Plain amounts without the lexicon: 125000, "1,25,000", "₹ 1,25,000.50", "Rs. 45,000/-". */
const PLAIN_RUPEES = /^(?:₹|rs\.?|inr)?\s*(\d+|\d{1,2}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?\s*(?:\/-)?$/i;

export function readMoney(cell: Cell): Read<number> {
  if (typeof cell === 'number') return cell >= 0 ? ok(Math.round(cell)) : no(`${cell} is a negative amount`);
  const text = cellText(cell);
  const plain = PLAIN_RUPEES.exec(text);
  // Whole rupees, half up, as parseRupees rounds.
  if (plain?.[1]) return ok(Math.round(Number(`${plain[1].replace(/,/g, '')}.${plain[2] ?? '0'}`)));
  const value = parseRupees(text);
  if (value === null || value < 0) return no(`"${text}" is not an amount in rupees`);
  const worded = /[a-z]/i.test(text.replace(/^\s*(?:rs\.?|inr)\s*/i, '').replace(/\/-\s*$/, ''));
  return ok(value, worded ? `"${text}" read as ₹${value.toLocaleString('en-IN')}` : undefined);
}

/**
 * A phone number in any of the ways Indian files hold it: "98765 43210", "+91-98765-43210",
 * "098765 43210", "919876543210", an Excel number that lost its leading 0. Excel's "9.19876E+11"
 * has lost digits: refused with what to do.
 */
export function readPhone(cell: Cell): Read<string> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return no(`${cell} is not a phone number`);
    const p = normalizePhone(String(cell));
    return p ? ok(p) : no(`${cell} is not a phone number`);
  }
  // A leading apostrophe is how a spreadsheet (and our export) keeps a number as text.
  const text = cellText(cell).replace(/^'/, '');
  if (/^\d(?:\.\d+)?e\+?\d+$/i.test(text)) {
    return no(`"${text}" is a number Excel shortened, so digits are lost: format the column as Text in Excel (or re-export) and import again`);
  }
  const parts = text.split(/\s*[/,;|&]\s*|\s+(?:or|and)\s+/i).filter((p) => p.trim() !== '');
  const first = parts[0] ?? '';
  const p = normalizePhone(first);
  if (!p) return no(`"${text}" is not a phone number`);
  return ok(p, parts.length > 1 ? `several numbers in one cell; kept the first (${p})` : undefined);
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validDay(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // No year: 29 February is a day someone can be born on.
  const days = m === 2 && (y === null || leap(y)) ? 29 : (MONTH_DAYS[m - 1] as number);
  return d <= days;
}
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  const thisYear = new Date().getUTCFullYear() % 100;
  return n > thisYear ? 1900 + n : 2000 + n;
}
function dayOf(y: number | null, m: number, d: number, text: string): Read<string> {
  if (!validDay(y, m, d)) return no(`"${text}" is not a date`);
  return y === null ? ok(`${pad(m)}-${pad(d)}`, `"${text}" has no year: kept as day and month`) : ok(`${y}-${pad(m)}-${pad(d)}`);
}

/** d/m/y or m/d/y for a column: the Indian day-first unless the column's values can only be month-first. */
export type DateOrder = 'dmy' | 'mdy';
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/;

/** Looks at a whole column: month-first only when some value has a "day" over 12 in second place and none in first. */
export function dateOrderOf(cells: Cell[]): DateOrder {
  let firstOver12 = false;
  let secondOver12 = false;
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const m = NUMERIC.exec(c.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) firstOver12 = true;
    if (Number(m[2]) > 12) secondOver12 = true;
  }
  return secondOver12 && !firstOver12 ? 'mdy' : 'dmy';
}

function numericDay(m: RegExpExecArray, order: DateOrder, text: string): Read<string> {
  const a = Number(m[1]);
  const b = Number(m[2]);
  return order === 'mdy' ? dayOf(m[3] ? fullYear(m[3]) : null, a, b, text) : dayOf(m[3] ? fullYear(m[3]) : null, b, a, text);
}

/**
 * A birthday or anniversary: "14/05/1990", "14-May-1990", "May 14, 1990", "1990-05-14", Excel
 * dates and serial numbers → "1990-05-14"; "14 May" or "14/05" (no year) → "05-14".
 */
export function readDay(cell: Cell, order: DateOrder = 'dmy'): Read<string> {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') {
    if (cell < 1 || cell > 80_000) return no(`${cell} is not a date`);
    return ok(new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  // The usual shape first ("14/05/1990"), without the clean-up below.
  const numeric = NUMERIC.exec(text);
  if (numeric) return numericDay(numeric, order, text);
  const t = text.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$/.exec(t);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = NUMERIC.exec(t);
  if (m) return numericDay(m, order, text);
  m = /^(\d{1,2})[ -]([a-z]{3,9})\.?(?:[ -](\d{2}|\d{4}))?$/.exec(t);
  if (m && MONTHS[(m[2] ?? '').slice(0, 3)] && (m[2] === 'sept' || (m[2] ?? '').length <= 9)) return dayOf(m[3] ? fullYear(m[3]) : null, MONTHS[(m[2] ?? '').slice(0, 3)] as number, Number(m[1]), text);
  m = /^([a-z]{3,9})\.? (\d{1,2})(?: (\d{4}))?$/.exec(t);
  if (m && MONTHS[(m[1] ?? '').slice(0, 3)]) return dayOf(m[3] ? Number(m[3]) : null, MONTHS[(m[1] ?? '').slice(0, 3)] as number, Number(m[2]), text);
  return no(`"${text}" is not a date (use 14/05/1990, 14-May-1990 or 14 May)`);
}

/** A purchase date as an ISO time (midnight UTC); the year is required. */
export function readTime(cell: Cell, order: DateOrder = 'dmy'): Read<string> {
  if (cell instanceof Date) return ok(cell.toISOString());
  const day = readDay(cell, order);
  if (!day.ok) return day;
  if (day.value.length === 5) return no(`"${cellText(cell)}" has no year`);
  return ok(`${day.value}T00:00:00.000Z`);
}

const YES = /^(?:y|yes|true|1|opted[ _-]?in|opt[ _-]?in|subscribed|haan|ha|ok|allowed)$/i;
const NO = /^(?:n|no|false|0|opted[ _-]?out|opt[ _-]?out|unsubscribed|stop|dnd|nahi|na|blocked)$/i;

export function readOptIn(cell: Cell): Read<'opted_in' | 'opted_out'> {
  if (typeof cell === 'boolean') return ok(cell ? 'opted_in' : 'opted_out');
  const t = cellText(cell).trim();
  if (YES.test(t)) return ok('opted_in');
  if (NO.test(t)) return ok('opted_out');
  return no(`"${t}" is not a yes or no for WhatsApp messages`);
}

export function readEmail(cell: Cell): Read<string> {
  const t = cellText(cell).trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? ok(t.toLowerCase()) : no(`"${t}" is not an email address`);
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u;

/** "VIP, Bridal" or "#VIP #Bridal" → ["VIP", "Bridal"]; "Bridal shopper" → "BridalShopper". */
export function readTags(cell: Cell): Read<string[]> {
  const parts = cellText(cell).split(/[,;|#\n]+/).map((p) => p.trim()).filter(Boolean);
  const tags: string[] = [];
  const bad: string[] = [];
  for (const p of parts) {
    const tag = p.split(/\s+/).map((w, i) => (i ? (w[0] ?? '').toUpperCase() + w.slice(1) : w)).join('');
    if (TAG.test(tag)) tags.push(tag);
    else bad.push(p);
  }
  return ok(tags, bad.length ? `left out tags that are not one word of letters and digits: ${bad.join(', ')}` : undefined);
}

export { isBlank };
