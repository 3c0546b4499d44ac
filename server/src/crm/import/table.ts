import { blankRow, cellText, headerNames, rowsOf, sniffFile, type Cell, type TableRow } from '../../shared/tables/read-table.js';
import { DomainError } from '../../shared/errors.js';

export interface ContactTable {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** The header's own spreadsheet row number. */
  headerRow: number;
  rows: TableRow[];
}

const filled = (cells: Cell[]) => cells.filter((c) => cellText(c) !== '').length;

/** A row of column names: text cells only, none with a run of digits (a phone, an amount, a year of birth). */
function namesOnly(cells: Cell[]): boolean {
  const texts = cells.map(cellText).filter((t) => t !== '');
  return texts.length >= 2 && cells.every((c) => c === null || typeof c === 'string') && texts.every((t) => !/\d{3}/.test(t) && t.length <= 60);
}

/**
 * Two header rows, as in a spreadsheet with merged group cells: "Customer | | Contact | | Dates"
 * above "Name | City | Mobile | Email | Birthday | Anniversary". The lower row names the columns;
 * a name it repeats ("Date" under both "Birthday" and "Anniversary") gets its group in front;
 * a column it leaves blank takes the group's name.
 */
function twoRowNames(top: Cell[], below: Cell[]): string[] | null {
  if (!namesOnly(top) || !namesOnly(below)) return null;
  const lower = below.map(cellText);
  const upper = top.map(cellText);
  const filledBelow = lower.filter((t) => t !== '').length;
  const groups = new Set(upper.filter((t) => t !== ''));
  // A group spans columns: the top row has fewer distinct names than the row below has columns.
  if (groups.size >= filledBelow) return null;
  const width = Math.max(upper.length, lower.length);
  const group: string[] = [];
  for (let i = 0, last = ''; i < width; i += 1) {
    last = upper[i] || last;
    group.push(last);
  }
  const count = new Map<string, number>();
  for (const t of lower) if (t) count.set(t.toLowerCase(), (count.get(t.toLowerCase()) ?? 0) + 1);
  return Array.from({ length: width }, (_, i) => {
    const name = lower[i] ?? '';
    const g = group[i] ?? '';
    if (!name) return g;
    return (count.get(name.toLowerCase()) ?? 0) > 1 && g && g.toLowerCase() !== name.toLowerCase() ? `${g} ${name}` : name;
  });
}

/**
 * The whole file: the header is the first non-blank row with at least two filled cells among the
 * first five (a title line such as "Customer list 2024" above it is skipped), or two rows when
 * the file groups its columns under merged cells; blank rows are skipped but keep their numbers.
 */
export async function readContactTable(path: string): Promise<ContactTable> {
  const sniffed = await sniffFile(path);
  const rows: TableRow[] = [];
  for await (const r of rowsOf(path, sniffed)) if (!blankRow(r.cells)) rows.push(r);
  if (!rows.length) throw new DomainError('validation', 'The file has no rows: the first row should name the columns (Name, Mobile, City…)');
  let h = rows.slice(0, 5).findIndex((r) => filled(r.cells) >= 2);
  if (h < 0) h = 0;
  const header = rows[h] as TableRow;
  const next = rows[h + 1];
  const two = next ? twoRowNames(header.cells, next.cells) : null;
  if (two && next) return { format: sniffed.format, headers: headerNames(two), headerRow: next.row, rows: rows.slice(h + 2) };
  return { format: sniffed.format, headers: headerNames(header.cells), headerRow: header.row, rows: rows.slice(h + 1) };
}
