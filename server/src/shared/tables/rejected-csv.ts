/** A rejected row with its original cells, to fix and re-import. */
export interface RejectedWithCells {
  row: number;
  reason: string;
  cells: string[];
}

/**
 * A cell for a CSV the user opens in Excel: quoted when needed, and a leading = + @ (or - before
 * a letter) neutralised with an apostrophe so a cell can never run as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+@]|^-[^\d\s.]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rejected rows as CSV: Row, Reason, then the row's own cells under its own headers, to fix and re-import. */
export function rejectedRowsCsv(headers: string[], rows: RejectedWithCells[]): string {
  const lines = [['Row', 'Reason', ...headers].map(csvCell).join(',')];
  for (const r of rows) lines.push([String(r.row), r.reason, ...r.cells].map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
