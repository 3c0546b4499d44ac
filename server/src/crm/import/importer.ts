import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ContactImportMapping, ContactImportReport } from '../../contracts/index.js';
import { cellText, isBlank, type Cell } from '../../shared/tables/read-table.js';
import type { RejectedWithCells } from '../../shared/tables/rejected-csv.js';
import type { Profile } from '../contacts.repo.js';
import type { CrmService } from '../contacts.service.js';
import { foldProfile, mergeContacts, profileOf } from '../merge.js';
import { e164FromWaId } from '../phone.js';
import { dateOrderOf, readDay, readEmail, readMoney, readOptIn, readPhone, readTags, readTime, type DateOrder, type Read } from './cells.js';
import { resolveMapping, suggestMapping } from './mapping.js';
import type { ContactTable } from './table.js';

/**
 * Time written per transaction: between batches the event loop runs (progress, HTTP, webhooks).
 * Counting time rather than rows keeps commits few (each one rewrites the index pages it touched)
 * while no request waits longer than this.
 */
const BATCH_MS = 100;
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
    let problems: string[] | null = null;
    let notes: string[] | null = null;
    let hasCustom = false;
    // A cell's value, or undefined with its problem noted (no closure per row: 100k rows add up).
    const take = <T>(read: Read<T>, header: string): T | undefined => {
      if (!read.ok) {
        (problems ??= []).push(`${header}: ${read.reason}`);
        return undefined;
      }
      if (read.note) warn(r.row, `${header}: ${read.note}`);
      return read.value;
    };
    for (const c of columns) {
      const cell = r.cells[c.i] ?? null;
      if (isBlank(cell)) continue;
      const t = c.target as string;
      if (t.startsWith('custom:')) {
        p.custom[t.slice(7)] = text(cell);
        hasCustom = true;
      } else if (t === 'name') p.profile.name = text(cell);
      else if (t === 'city') p.profile.city = text(cell);
      else if (t === 'notes') (notes ??= []).push(text(cell));
      else if (t === 'phone') p.phone = take(readPhone(cell), c.header) ?? p.phone;
      else if (t === 'waId') {
        const digits = text(cell).replace(/\D/g, '');
        if (/^[1-9]\d{6,14}$/.test(digits)) p.waId = digits;
        else (problems ??= []).push(`${c.header}: "${text(cell)}" is not a WhatsApp id`);
      } else if (t === 'email') {
        const v = take(readEmail(cell), c.header);
        if (v !== undefined) p.profile.email = v;
      } else if (t === 'birthday' || t === 'anniversary') {
        const v = take(readDay(cell, orders.get(c.i)), c.header);
        if (v !== undefined) p.profile[t] = v;
      } else if (t === 'lastPurchaseAt') {
        const v = take(readTime(cell, orders.get(c.i)), c.header);
        if (v !== undefined) p.profile.last_purchase_at = v;
      } else if (t === 'totalSpend') {
        const v = take(readMoney(cell), c.header);
        if (v !== undefined) p.profile.total_spend = v;
      } else if (t === 'optIn') {
        const v = take(readOptIn(cell), c.header);
        if (v !== undefined) p.profile.opt_in = v;
      } else if (t === 'tags') {
        const v = take(readTags(cell), c.header);
        if (v) p.tags.push(...v);
      }
    }
    if (notes) p.profile.notes = notes.join('; ');
    if (!p.phone && p.waId) p.phone = e164FromWaId(p.waId);
    if (!problems && !p.phone && !p.waId) problems = ['no phone number'];
    if (problems) {
      const reason = problems.join('; ');
      report.rejected.push({ row: r.row, reason });
      rejectedRows.push({ row: r.row, reason, cells: headers.map((_, i) => cellText(r.cells[i] ?? null)) });
      continue;
    }
    if (hasCustom) p.profile.custom = JSON.stringify(p.custom);
    parsed.push(p);
  }

  // 2. One group per person: same phone or same WhatsApp id as an earlier row.
  const groups: ParsedRow[][] = [];
  const byKey = new Map<string, number>();
  for (const p of parsed) {
    // A person is known by their number's digits: the phone without its plus is the WhatsApp id
    // Meta would give it, so a phone in one row and a WhatsApp id in another meet on one key.
    const k1 = p.phone ? p.phone.slice(1) : null;
    const k2 = p.waId && p.waId !== k1 ? p.waId : null;
    const g = (k1 === null ? undefined : byKey.get(k1)) ?? (k2 === null ? undefined : byKey.get(k2));
    if (typeof g !== 'number') {
      groups.push([p]);
      const at = groups.length - 1;
      if (k1) byKey.set(k1, at);
      if (k2) byKey.set(k2, at);
      continue;
    }
    const group = groups[g] as ParsedRow[];
    const first = group[0] as ParsedRow;
    report.duplicatesInFile.push({ row: p.row, sameAsRow: first.row, phone: first.phone ?? p.phone ?? `+${p.waId}` });
    group.push(p);
    if (k1 && !byKey.has(k1)) byKey.set(k1, g);
    if (k2 && !byKey.has(k2)) byKey.set(k2, g);
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

  const idOf = (map: Map<string, number>, key: string | null) => (key === null ? undefined : map.get(key));
  /** A group's phone and WhatsApp id: the first row's that has one. */
  const idsOf = (group: ParsedRow[]) => ({ phone: group.find((p) => p.phone)?.phone ?? null, waId: group.find((p) => p.waId)?.waId ?? null });
  /** The contacts already here that a person's phone or WhatsApp id points at, oldest first. */
  function matches(phone: string | null, waId: string | null): number[] {
    const ids = new Set<number>();
    for (const id of [idOf(known.phone, phone), idOf(known.wa, waId), idOf(known.wa, phone && phone.slice(1)), idOf(known.phone, waId && `+${waId}`)]) if (id !== undefined) ids.add(id);
    return [...ids].sort((a, b) => a - b);
  }

  // The rows and tags of the contacts the file points at, read in a few queries: a re-import
  // would otherwise read two rows per person. A contact this import changes is read again.
  const ahead = { rows: new Map<number, Profile & { id: number }>(), tags: new Map<number, string[]>() };
  if (known.phone.size || known.wa.size) {
    const wanted = new Set<number>();
    for (const g of groups) {
      const { phone, waId } = idsOf(g);
      for (const id of matches(phone, waId)) wanted.add(id);
    }
    ahead.rows = repo.profilesOf([...wanted]);
    ahead.tags = tags.repo.ofMany([...wanted]);
  }
  const rowOf = (id: number): (Profile & { id: number }) | undefined => ahead.rows.get(id) ?? repo.get(id);
  const tagsOf = (id: number) => (ahead.rows.has(id) ? (ahead.tags.get(id) ?? []) : tags.repo.of(id).map((t) => t.tag));
  const forget = (id: number) => {
    ahead.rows.delete(id);
    ahead.tags.delete(id);
  };

  function apply(group: ParsedRow[]): 'created' | 'merged' | 'unchanged' {
    const first = group[0] as ParsedRow;
    let folded = emptyProfile;
    const { phone, waId } = idsOf(group);
    const tagSet = new Map<string, string>();
    for (const p of group) {
      folded = foldProfile(folded, p.profile, true).profile;
      for (const t of p.tags) if (!tagSet.has(t.toLowerCase())) tagSet.set(t.toLowerCase(), t);
    }
    const wantTags = [...tagSet.values()];
    const ids = matches(phone, waId);
    if (!ids.length) {
      if (!req.dryRun) {
        // Nothing here yet: the folded profile over an empty one, with the ids.
        const id = repo.insertProfile({ ...folded, phone, wa_id: waId }, now, 'import');
        remember(id, phone, waId);
        if (wantTags.length) {
          const { banned } = tags.addFromImport(id, wantTags, now);
          if (banned.length) warn(first.row, `banned tags not given: ${banned.map((t) => `#${t}`).join(', ')}`);
        }
        touched.push(id);
      }
      return 'created';
    }
    const found = ids.map(rowOf).filter((r): r is Profile & { id: number } => Boolean(r));
    const incoming = { ...folded, phone, wa_id: waId };
    let existing = found[0] as Profile & { id: number };
    report.duplicatesExisting.push({ row: first.row, contactId: existing.id, phone: existing.phone ?? phone ?? `+${waId}` });
    const have = new Set(tagsOf(existing.id).map((t) => t.toLowerCase()));
    const newTags = wantTags.filter((t) => !have.has(t.toLowerCase()) && !tags.repo.isBanned(t));
    // The file only fills an id it has; a WhatsApp contact keeps its own.
    const base = profileOf(existing);
    const { profile, fields } = foldProfile(base, { ...incoming, phone: base.phone ?? phone, wa_id: base.wa_id ?? waId }, true);
    if (found.length === 1 && !fields.length && !newTags.length) return 'unchanged';
    if (!req.dryRun) {
      for (const r of found) forget(r.id);
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
  for (let i = 0; i < groups.length; ) {
    if (req.signal?.aborted) throw new Error('aborted');
    const start = performance.now();
    repo.transaction(() => {
      do {
        const group = groups[i] as ParsedRow[];
        const outcome = apply(group);
        report[outcome] += 1;
        // The file's other rows of this person were folded in: merged, or unchanged like the first.
        report[outcome === 'unchanged' ? 'unchanged' : 'merged'] += group.length - 1;
        processed += group.length;
        i += 1;
      } while (i < groups.length && (i % 64 !== 0 || performance.now() - start < BATCH_MS));
    });
    req.onProgress?.(processed, total);
    await yieldToEventLoop();
  }
  report.rejected.sort((a, b) => a.row - b.row);
  return { report, rejectedRows, touched };
}
