import { CONTACT_FIELDS, crmUploads, type ContactImportMapping, type ContactImportPreview } from '../../api/contracts';
import { formatBytes } from '../../ui/format';
import { CONTACT_FIELD_LABELS, type ContactField } from './contactFormat';

export const CONTACT_IMPORT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CUSTOM_PREFIX = 'custom:';

/** Why a picked file cannot be imported, in words that say what to do instead; null when it can. */
export function contactFileProblem(file: File): string | null {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xls') return `“${file.name}” is an old Excel file (.xls). In Excel choose File → Save As → Excel Workbook (.xlsx), then pick the new file.`;
  if (ext === 'vcf') return `“${file.name}” is a phone's contact card file. Export your customers as CSV or Excel (.xlsx) instead.`;
  if (ext !== 'csv' && ext !== 'xlsx') return `“${file.name}” is not a spreadsheet Revive can read. Pick a .csv or .xlsx file.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  const max = crmUploads.startContactImport.maxBytes;
  if (file.size > max) return `“${file.name}” is ${formatBytes(file.size)}; one import can be at most ${formatBytes(max)}. Split it into smaller files.`;
  return null;
}

/** Every header with where it goes (null = ignored), starting from the server's suggestion. */
export function startingContactMapping(preview: ContactImportPreview): ContactImportMapping {
  return Object.fromEntries(preview.headers.map((h) => [h, preview.suggestedMapping[h] ?? null]));
}

/** A mapping target as a person reads it: "Phone", "Ring size (new field)". */
export function targetLabel(target: string): string {
  if (target.startsWith(CUSTOM_PREFIX)) return `${target.slice(CUSTOM_PREFIX.length)} (your field)`;
  return CONTACT_FIELD_LABELS[target as ContactField] ?? target;
}

/** Mapped targets in the contact's own order, then custom fields, each with its column. */
export function mappedTargets(mapping: ContactImportMapping): { target: string; header: string }[] {
  const byTarget = new Map<string, string>();
  for (const [header, target] of Object.entries(mapping)) if (target && !byTarget.has(target)) byTarget.set(target, header);
  const fields = CONTACT_FIELDS.filter((f) => byTarget.has(f));
  const custom = [...byTarget.keys()].filter((t) => t.startsWith(CUSTOM_PREFIX));
  return [...fields, ...custom].map((target) => ({ target, header: byTarget.get(target) ?? '' }));
}

export interface ContactMappingCheck {
  blocking: string | null;
  perHeader: Record<string, string>;
}

/** A phone (or WhatsApp id) column is needed to know who each row is; no target twice; custom fields named. */
export function checkContactMapping(mapping: ContactImportMapping): ContactMappingCheck {
  const perHeader: Record<string, string> = {};
  const headersOf = new Map<string, string[]>();
  let blocking: string | null = null;
  for (const [header, target] of Object.entries(mapping)) {
    if (!target) continue;
    if (target === CUSTOM_PREFIX || (target.startsWith(CUSTOM_PREFIX) && target.slice(CUSTOM_PREFIX.length).trim() === '')) {
      perHeader[header] = 'Name the new field';
      blocking ??= `Name the new field for column “${header}”.`;
      continue;
    }
    headersOf.set(target, [...(headersOf.get(target) ?? []), header]);
  }
  for (const [target, headers] of headersOf) {
    if (headers.length < 2) continue;
    for (const h of headers) perHeader[h] = `${targetLabel(target)} is chosen for more than one column`;
    blocking ??= `Two columns are set to ${targetLabel(target)} (“${headers.join('” and “')}”); choose one.`;
  }
  if (!headersOf.has('phone') && !headersOf.has('waId')) blocking = 'Choose the column with the phone number: it is how Revive knows who each row is and finds duplicates.';
  return { blocking, perHeader };
}
