import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { ImportFormat } from '../../contracts/index.js';
import { DomainError } from '../errors.js';

/** One spreadsheet cell as read: CSV gives strings; Excel also numbers, dates and booleans. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number the user sees in the spreadsheet (the header is normally row 1). */
  row: number;
  cells: Cell[];
}

export interface SniffedFile {
  format: ImportFormat;
  /** CSV only. */
  encoding?: BufferEncoding;
  delimiter?: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Counts a delimiter outside double quotes on one line (good enough to sniff the header and first rows). */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n += 1;
  }
  return n;
}

/** The delimiter that splits the header and the first rows into the same number of columns. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  if (lines.length > 1) lines.pop(); // the sample may end mid-line
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    const score = counts.filter((c) => c === head).length * 1000 + head;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function validUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    // The sample may cut a multi-byte character at its end: allow that.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, Math.max(0, buf.length - 3)));
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * What kind of file this is, from its bytes: an .xlsx is a zip; a CSV is text (UTF-8, UTF-16 from
 * "Unicode Text", or a legacy 8-bit code page) whose delimiter is sniffed. Anything else is refused
 * with a message that says what to do.
 */
export async function sniffFile(path: string): Promise<SniffedFile> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length === 0) throw new DomainError('validation', 'The file is empty');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx' };
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new DomainError('validation', 'This is an old Excel .xls file or a password-protected workbook: open it in Excel and save it as .xlsx (Excel Workbook) without a password, or as CSV');
  }
  if (head.subarray(0, 4).toString('latin1') === '%PDF') throw new DomainError('validation', 'This is a PDF; export the stock list from your software as CSV or Excel (.xlsx)');
  if (head[0] === 0xff && head[1] === 0xfe) {
    const text = head.subarray(2).toString('utf16le');
    return { format: 'csv', encoding: 'utf16le', delimiter: sniffDelimiter(text) };
  }
  if (head.subarray(0, Math.min(head.length, 8192)).includes(0)) {
    throw new DomainError('validation', 'This is not a CSV or Excel (.xlsx) file');
  }
  const encoding: BufferEncoding = validUtf8(head) ? 'utf8' : 'latin1';
  return { format: 'csv', encoding, delimiter: sniffDelimiter(head.toString(encoding)) };
}

async function* csvRows(path: string, sniffed: SniffedFile): AsyncGenerator<TableRow> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      encoding: sniffed.encoding ?? 'utf8',
      delimiter: sniffed.delimiter ?? ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    // Excel's UTF-16 export leaves the BOM on the first cell.
    if (row === 1 && record[0]?.startsWith('\ufeff')) record[0] = record[0].slice(1);
    yield { row, cells: record };
  }
}

interface RichText {
  richText: { text: string }[];
}

/** An Excel cell value as a plain value: rich text joined, a formula's cached result, hyperlinks' text. */
export function excelCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o as unknown as RichText).richText.map((t) => t.text).join('');
    if ('formula' in o || 'sharedFormula' in o) {
      // The value Excel computed when the file was saved; a formula never calculated is shown as itself.
      if (o.result !== undefined && o.result !== null) return excelCell(o.result);
      return `=${String(o.formula ?? o.sharedFormula)}`;
    }
    if ('error' in o) return String(o.error);
    if ('text' in o) return excelCell(o.text);
  }
  return String(v);
}

async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  // Loaded on first use: importing exceljs costs ~0.7 s, which every server start would otherwise pay.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers (a date is a number with a date format).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // Only the first sheet: a stock workbook keeps its list there; later sheets are notes and totals.
  let first = true;
  for await (const sheet of reader) {
    if (!first) {
      // Read through (and discard) later sheets: exceljs deletes a sheet's temp file once it moves
      // on, and a sheet left unread would then fail to open it.
      for await (const _row of sheet) void _row;
      continue;
    }
    first = false;
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i += 1) cells.push(excelCell(values[i]));
      yield { row: row.number, cells };
    }
  }
}

/** Every row of the file in order, with spreadsheet row numbers; blank rows included. */
export function readRows(path: string, sniffed: SniffedFile): AsyncGenerator<TableRow> {
  return sniffed.format === 'xlsx' ? xlsxRows(path) : csvRows(path, sniffed);
}

/** True for "nothing here": empty, spaces, a dash or NA. */
export function isBlank(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell !== 'string') return false;
  const t = cell.trim();
  return t === '' || /^(?:-+|—|–|n\/?a|nil|none|null|not applicable)$/i.test(t);
}

/** A cell as the spreadsheet would show it, for previews and messages. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(12)));
  return String(cell).trim();
}

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Header cells → unique names: a blank header is "Column C", a repeated one "Weight (2)". */
export function headerNames(cells: Cell[]): string[] {
  let last = cells.length - 1;
  while (last >= 0 && cellText(cells[last] ?? null) === '') last -= 1;
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i <= last; i += 1) {
    let name = cellText(cells[i] ?? null).replace(/\s+/g, ' ') || `Column ${columnLetter(i)}`;
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) name = `${name} (${n})`;
    out.push(name);
  }
  return out;
}

/** Rows of the file with read errors turned into messages a jeweller can act on. */
export async function* rowsOf(path: string, sniffed: SniffedFile): AsyncGenerator<TableRow> {
  try {
    yield* readRows(path, sniffed);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const e = err as { code?: string; lines?: number; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new DomainError('validation', `The CSV file could not be read near line ${e.lines ?? '?'}: ${e.message ?? 'invalid CSV'}`);
    }
    if (sniffed.format === 'xlsx') throw new DomainError('validation', 'The Excel file could not be read; it may be damaged. Open it in Excel and save it again as .xlsx');
    throw err;
  }
}

export const blankRow = (cells: Cell[]) => cells.every(isBlank);

/** Header (the first non-blank row), then the data rows; blank rows are skipped but keep their numbers. */
export async function* readTable(path: string, sniffed: SniffedFile, noRowsMessage: string): AsyncGenerator<{ headers: string[] } | TableRow> {
  let headers: string[] | null = null;
  for await (const r of rowsOf(path, sniffed)) {
    if (blankRow(r.cells)) continue;
    if (!headers) {
      headers = headerNames(r.cells);
      yield { headers };
      continue;
    }
    yield r;
  }
  if (!headers) throw new DomainError('validation', noRowsMessage);
}
