import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ContactImportMapping, ContactImportReport } from '../../contracts/index.js';
import { cellText, isBlank, type Cell } from '../../shared/tables/read-table.js';
import type { RejectedWithCells } from '../../shared/tables/rejected-csv.js';
import type { ContactRow, Profile } from '../contacts.repo.js';
import type { CrmService } from '../contacts.service.js';
import { foldProfile, mergeContacts, profileOf } from '../merge.js';
import { e164FromWaId } from '../phone.js';
import { dateOrderOf, readDay, readEmail, readMoney, readOptIn, readPhone, readTags, readTime, type DateOrder, type Read } from './cells.js';
import { resolveMapping, suggestMapping } from './mapping.js';
import type { ContactTable } from './table.js';

/** Groups of people written per transaction; between batches the event loop runs (progress, HTTP). */
const BATCH = 1000;
const MAX_WARNINGS = 1000;

interface ParsedRow {
  row: number;
  phone: string | null;
  waId: string | null;
  profile: Partial<Profile>;
  custom: Record<string, string>;
  tags: string[];
}

export interface ContactImportRequest {
  table: ContactTable;
  mapping: ContactImportMapping | null;
  dryRun: boolean;
  now: string;
  onProgress?(processed: number, total: number): void;
  signal?: AbortSignal;
}

export interface ContactImportOutcome {
  report: ContactImportReport;
  rejectedRows: RejectedWithCells[];
  /** Contacts created or changed (for the live message). */
  touched: number[];
}

const text = (c: Cell) => cellText(c).replace(/\s+/g, ' ').trim();

/**
 * Imports contacts: every data row ends created, merged (into an earlier row of the file or a
 * contact already here), unchanged, or rejected with its reason. Rows of one person (same phone or
 * WhatsApp id) are folded together first, later rows winning, so re-importing a file changes
 * nothing. With `dryRun` nothing is written.
 */
export async function importContacts(crm: CrmService, db: Parameters<typeof mergeContacts>[0], req: ContactImportRequest): Promise<ContactImportOutcome> {
  const { table, now } = req;
  const { headers, rows } = table;
  const mapping = resolveMapping(headers, suggestMapping(headers, rows.slice(0, 50).map((r) => r.cells)), req.mapping);
  const columns = headers.map((h, i) => ({ header: h, i, target: mapping[h] ?? null })).filter((c) => c.target);
  const orders = new Map<number, DateOrder>();
  for (const c of columns) if (['birthday', 'anniversary', 'lastPurchaseAt'].includes(c.target as string)) orders.set(c.i, dateOrderOf(rows.map((r) => r.cells[c.i] ?? null)));

  const report: ContactImportReport = { created: 0, merged: 0, unchanged: 0, rejected: [], mapping, dryRun: req.dryRun, rows: rows.length, duplicatesInFile: [], duplicatesExisting: [], warnings: [] };
  const rejectedRows: RejectedWithCells[] = [];
  const warn = (row: number, message: string) => {
    if (report.warnings.length < MAX_WARNINGS) report.warnings.push({ row, message });
  };

  // 1. Read every row.
  const parsed: ParsedRow[] = [];
  for (const r of rows) {
    const p: ParsedRow = { row: r.row, phone: null, waId: null, profile: {}, custom: {}, tags: [] };
    const problems: string[] = [];
    const notes: string[] = [];
    let header = '';
    const take = <T>(read: Read<T>, set: (v: T) => void) => {
      if (!read.ok) return void problems.push(`${header}: ${read.reason}`);
      if (read.note) warn(r.row, `${header}: ${read.note}`);
      set(read.value);
    };
    for (const c of columns) {
      const cell = r.cells[c.i] ?? null;
      if (isBlank(cell)) continue;
      header = c.header;
      const t = c.target as string;
      if (t.startsWith('custom:')) p.custom[t.slice(7)] = text(cell);
      else if (t === 'name') p.profile.name = text(cell);
      else if (t === 'city') p.profile.city = text(cell);
      else if (t === 'notes') notes.push(text(cell));
      else if (t === 'phone') take(readPhone(cell), (v) => (p.phone = v));
      else if (t === 'waId') {
        const digits = text(cell).replace(/\D/g, '');
        if (/^[1-9]\d{6,14}$/.test(digits)) p.waId = digits;
        else problems.push(`${c.header}: "${text(cell)}" is not a WhatsApp id`);
      } else if (t === 'email') take(readEmail(cell), (v) => (p.profile.email = v));
      else if (t === 'birthday' || t === 'anniversary') take(readDay(cell, orders.get(c.i)), (v) => (p.profile[t] = v));
      else if (t === 'lastPurchaseAt') take(readTime(cell, orders.get(c.i)), (v) => (p.profile.last_purchase_at = v));
      else if (t === 'totalSpend') take(readMoney(cell), (v) => (p.profile.total_spend = v));
      else if (t === 'optIn') take(readOptIn(cell), (v) => (p.profile.opt_in = v));
      else if (t === 'tags') take(readTags(cell), (v) => p.tags.push(...v));
    }
    if (notes.length) p.profile.notes = notes.join('; ');
    if (!p.phone && p.waId) p.phone = e164FromWaId(p.waId);
    if (!problems.length && !p.phone && !p.waId) problems.push('no phone number');
    if (problems.length) {
      report.rejected.push({ row: r.row, reason: problems.join('; ') });
      rejectedRows.push({ row: r.row, reason: problems.join('; '), cells: headers.map((_, i) => cellText(r.cells[i] ?? null)) });
      continue;
    }
    if (Object.keys(p.custom).length) p.profile.custom = JSON.stringify(p.custom);
    parsed.push(p);
  }

  // 2. One group per person: same phone or same WhatsApp id as an earlier row.
  const groups: ParsedRow[][] = [];
  const byKey = new Map<string, number>();
  for (const p of parsed) {
    const keys = [p.phone && `p:${p.phone}`, p.waId && `w:${p.waId}`, p.phone && `w:${p.phone.slice(1)}`].filter((k): k is string => Boolean(k));
    const g = keys.map((k) => byKey.get(k)).find((x) => x !== undefined);
    if (g === undefined) {
      groups.push([p]);
      for (const k of keys) byKey.set(k, groups.length - 1);
      continue;
    }
    const group = groups[g] as ParsedRow[];
    const first = group[0] as ParsedRow;
    report.duplicatesInFile.push({ row: p.row, sameAsRow: first.row, phone: first.phone ?? p.phone ?? `+${p.waId}` });
    group.push(p);
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, g);
  }

  // 3. Fold each group and write it.
  const touched: number[] = [];
  const { repo, tags } = crm;
  const emptyProfile: Profile = { name: null, phone: null, wa_id: null, email: null, city: null, birthday: null, anniversary: null, total_spend: 0, last_purchase_at: null, opt_in: 'unknown', notes: '', custom: '{}' };

  // Who is already here, by phone and WhatsApp id: one query instead of four per person.
  const known = { phone: new Map<string, number>(), wa: new Map<string, number>() };
  for (const r of repo.select('select id, phone, wa_id from contacts c', [])) {
    if (r.phone) known.phone.set(r.phone, r.id);
    if (r.wa_id) known.wa.set(r.wa_id, r.id);
  }
  const remember = (id: number, phone: string | null, waId: string | null) => {
    if (req.dryRun) return;
    if (phone) known.phone.set(phone, id);
    if (waId) known.wa.set(waId, id);
  };

  function apply(group: ParsedRow[]): 'created' | 'merged' | 'unchanged' {
    const first = group[0] as ParsedRow;
    let folded = emptyProfile;
    const tagSet = new Map<string, string>();
    let phone: string | null = null;
    let waId: string | null = null;
    for (const p of group) {
      folded = foldProfile(folded, p.profile, true).profile;
      phone ??= p.phone;
      waId ??= p.waId;
      for (const t of p.tags) if (!tagSet.has(t.toLowerCase())) tagSet.set(t.toLowerCase(), t);
    }
    const wantTags = [...tagSet.values()];
    const ids = new Set([phone && known.phone.get(phone), waId && known.wa.get(waId), phone && known.wa.get(phone.slice(1)), waId && known.phone.get(`+${waId}`)].filter((x): x is number => typeof x === 'number'));
    const found = [...ids].sort((a, b) => a - b).map((id) => repo.get(id)).filter((r): r is ContactRow => Boolean(r));
    const incoming = { ...folded, phone, wa_id: waId };
    if (!found.length) {
      if (!req.dryRun) {
        const id = repo.insertProfile(foldProfile(emptyProfile, incoming, true).profile, now, 'import');
        remember(id, phone, waId);
        const { banned } = tags.addFromImport(id, wantTags, now);
        if (banned.length) warn(first.row, `banned tags not given: ${banned.map((t) => `#${t}`).join(', ')}`);
        touched.push(id);
      }
      return 'created';
    }
    let existing = found[0] as ContactRow;
    report.duplicatesExisting.push({ row: first.row, contactId: existing.id, phone: existing.phone ?? phone ?? `+${waId}` });
    const have = new Set(tags.repo.of(existing.id).map((t) => t.tag.toLowerCase()));
    const newTags = wantTags.filter((t) => !have.has(t.toLowerCase()) && !tags.repo.isBanned(t));
    // The file only fills an id it has; a WhatsApp contact keeps its own.
    const base = profileOf(existing);
    const { profile, fields } = foldProfile(base, { ...incoming, phone: base.phone ?? phone, wa_id: base.wa_id ?? waId }, true);
    if (found.length === 1 && !fields.length && !newTags.length) return 'unchanged';
    if (!req.dryRun) {
      for (const other of found.slice(1)) {
        existing = mergeContacts(db, repo, tags.repo, existing.id, other.id, 'import', now);
        remember(existing.id, other.phone, other.wa_id);
      }
      remember(existing.id, phone, waId);
      if (fields.length) repo.updateProfile(existing.id, { ...foldProfile(profileOf(existing), profile, true).profile }, now);
      tags.addFromImport(existing.id, newTags, now);
      tags.repo.addMerge({ contact_id: existing.id, merged_contact_id: 0, via: 'import', fields: JSON.stringify([...fields, ...(newTags.length ? ['tags'] : [])]), at: now });
      touched.push(existing.id);
    }
    return 'merged';
  }

  const total = rows.length;
  let processed = report.rejected.length;
  req.onProgress?.(processed, total);
  for (let i = 0; i < groups.length; i += BATCH) {
    if (req.signal?.aborted) throw new Error('aborted');
    const batch = groups.slice(i, i + BATCH);
    repo.transaction(() => {
      for (const group of batch) {
        const outcome = apply(group);
        report[outcome] += 1;
        // The file's other rows of this person were folded in: merged, or unchanged like the first.
        report[outcome === 'unchanged' ? 'unchanged' : 'merged'] += group.length - 1;
        processed += group.length;
      }
    });
    req.onProgress?.(processed, total);
    await yieldToEventLoop();
  }
  report.rejected.sort((a, b) => a.row - b.row);
  return { report, rejectedRows, touched };
}
