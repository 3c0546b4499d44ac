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

/**
 * The whole file: the header is the first non-blank row with at least two filled cells among the
 * first five (a title line such as "Customer list 2024" above it is skipped); blank rows are
 * skipped but keep their numbers.
 */
export async function readContactTable(path: string): Promise<ContactTable> {
  const sniffed = await sniffFile(path);
  const rows: TableRow[] = [];
  for await (const r of rowsOf(path, sniffed)) if (!blankRow(r.cells)) rows.push(r);
  if (!rows.length) throw new DomainError('validation', 'The file has no rows: the first row should name the columns (Name, Mobile, City…)');
  let h = rows.slice(0, 5).findIndex((r) => filled(r.cells) >= 2);
  if (h < 0) h = 0;
  const header = rows[h] as TableRow;
  return { format: sniffed.format, headers: headerNames(header.cells), headerRow: header.row, rows: rows.slice(h + 1) };
}
