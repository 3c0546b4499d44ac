import { catalogUploads, PRODUCT_FIELD_LABELS, PRODUCT_FIELDS, type ImportMapping, type ImportPreview, type ProductField } from '../../api/contracts';
import { formatBytes } from '../../ui/format';

export const IMPORT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why a picked file cannot be imported, in words that say what to do instead; null when it can. */
export function importFileProblem(file: File): string | null {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xls') return `“${file.name}” is an old Excel file (.xls). In Excel choose File → Save As → Excel Workbook (.xlsx), then pick the new file.`;
  if (ext === 'ods' || ext === 'numbers') return `“${file.name}” is not a CSV or Excel file. Export it as CSV or Excel Workbook (.xlsx) first.`;
  if (ext !== 'csv' && ext !== 'xlsx') return `“${file.name}” is not a spreadsheet Revive can read. Pick a .csv or .xlsx file.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  const max = catalogUploads.startImport.maxBytes;
  if (file.size > max) return `“${file.name}” is ${formatBytes(file.size)}; one import can be at most ${formatBytes(max)}. Split it into smaller files.`;
  return null;
}

/** Every header of the file with its field (null = not imported), starting from the server's suggestion. */
export function startingMapping(preview: ImportPreview): ImportMapping {
  return Object.fromEntries(preview.headers.map((h) => [h, preview.suggestedMapping[h] ?? null]));
}

/** The mapped fields in the catalog's own order, each with the column it comes from. */
export function mappedColumns(mapping: ImportMapping): { field: ProductField; header: string }[] {
  const byField = new Map<ProductField, string>();
  for (const [header, field] of Object.entries(mapping)) if (field && !byField.has(field)) byField.set(field, header);
  return PRODUCT_FIELDS.filter((f) => byField.has(f)).map((field) => ({ field, header: byField.get(field) ?? '' }));
}

export interface MappingCheck {
  /** Stops the import: the server would refuse this mapping. */
  blocking: string | null;
  /** Allowed, but worth knowing before running. */
  warning: string | null;
  /** header → what is wrong with its choice. */
  perHeader: Record<string, string>;
}

/** The same rules the server applies (one SKU column, no field twice), checked as the user chooses. */
export function checkMapping(mapping: ImportMapping): MappingCheck {
  const perHeader: Record<string, string> = {};
  const headersOf = new Map<ProductField, string[]>();
  for (const [header, field] of Object.entries(mapping)) if (field) headersOf.set(field, [...(headersOf.get(field) ?? []), header]);
  let blocking: string | null = null;
  for (const [field, headers] of headersOf) {
    if (headers.length < 2) continue;
    for (const h of headers) perHeader[h] = `${PRODUCT_FIELD_LABELS[field]} is chosen for more than one column`;
    blocking ??= `Two columns are set to ${PRODUCT_FIELD_LABELS[field]} (“${headers.join('” and “')}”); choose one.`;
  }
  if (!headersOf.has('sku')) blocking = 'Choose the column that holds the SKU (item code): it is how Revive matches each row to a product.';
  const missing = (['name', 'price'] as const).filter((f) => !headersOf.has(f)).map((f) => PRODUCT_FIELD_LABELS[f]);
  const warning = missing.length
    ? `No column is set to ${missing.join(' or ')}: products already in the catalog are updated, but new ones in this file will be rejected.`
    : null;
  return { blocking, warning, perHeader };
}
