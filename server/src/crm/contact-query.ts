import type { SegmentRule } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';

export interface Where {
  sql: string;
  params: unknown[];
}

const DAY_MS = 86_400_000;
const COLUMN: Record<SegmentRule['field'], string> = {
  totalSpend: 'c.total_spend', messageCount: 'c.message_count', lastPurchaseAt: 'c.last_purchase_at', lastMessageAt: 'c.last_message_at',
  tags: '', city: 'c.city', birthday: 'c.birthday', anniversary: 'c.anniversary', source: 'c.source', optIn: 'c.opt_in',
};
const NUMBERS = new Set(['totalSpend', 'messageCount']);
const TIMES = new Set(['lastPurchaseAt', 'lastMessageAt']);
const DATES = new Set(['birthday', 'anniversary']);

function bad(rule: SegmentRule, why: string): never {
  throw new DomainError('validation', `The rule "${rule.field} ${rule.op}" ${why}`);
}
function num(rule: SegmentRule): number {
  const n = typeof rule.value === 'number' ? rule.value : Number(String(rule.value ?? '').replace(/[₹,\s]/g, ''));
  if (!Number.isFinite(n) || String(rule.value ?? '').trim() === '') bad(rule, 'needs a number');
  return n;
}
function text(rule: SegmentRule): string {
  const t = String(rule.value ?? '').trim().replace(/^#/, '');
  if (!t) bad(rule, 'needs a value');
  return t;
}
const like = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The MM-DD of each of the next `days` days from `now` (today included). */
function nextDays(now: Date, days: number): string[] {
  const out: string[] = [];
  for (let i = 0; i <= Math.min(days, 366); i += 1) out.push(new Date(now.getTime() + i * DAY_MS).toISOString().slice(5, 10));
  return out;
}

/** One rule as SQL over `contacts c` (test shoppers are excluded by the caller). */
export function ruleSql(rule: SegmentRule, now: Date): Where {
  const { field, op } = rule;
  const col = COLUMN[field];
  if (field === 'tags') {
    const has = 'exists (select 1 from contact_tags t where t.contact_id = c.id and t.tag = ?)';
    if (op === 'has' || op === 'eq') return { sql: has, params: [text(rule)] };
    if (op === 'notHas') return { sql: `not ${has}`, params: [text(rule)] };
    if (op === 'contains') return { sql: "exists (select 1 from contact_tags t where t.contact_id = c.id and t.tag like ? escape '\\')", params: [like(text(rule))] };
    if (op === 'isEmpty') return { sql: 'not exists (select 1 from contact_tags t where t.contact_id = c.id)', params: [] };
    bad(rule, 'is not a tag rule (use has, notHas, contains or isEmpty)');
  }
  if (NUMBERS.has(field)) {
    if (op === 'gte') return { sql: `${col} >= ?`, params: [num(rule)] };
    if (op === 'lte') return { sql: `${col} <= ?`, params: [num(rule)] };
    if (op === 'eq') return { sql: `${col} = ?`, params: [num(rule)] };
    if (op === 'isEmpty') return { sql: `${col} = 0`, params: [] };
    if (op === 'top' && field === 'totalSpend') {
      return { sql: 'c.id in (select id from contacts where is_test = 0 and total_spend > 0 order by total_spend desc, id limit ?)', params: [Math.max(0, Math.floor(num(rule)))] };
    }
    bad(rule, 'is not a number rule (use gte, lte, eq, isEmpty, or top for total spend)');
  }
  if (TIMES.has(field)) {
    if (op === 'isEmpty') return { sql: `${col} is null`, params: [] };
    if (op === 'withinDays' || op === 'olderThanDays') {
      const cutoff = new Date(now.getTime() - num(rule) * DAY_MS).toISOString();
      return op === 'withinDays' ? { sql: `${col} >= ?`, params: [cutoff] } : { sql: `(${col} is null or ${col} < ?)`, params: [cutoff] };
    }
    if (op === 'gte' || op === 'lte') return { sql: `${col} ${op === 'gte' ? '>=' : '<='} ?`, params: [text(rule)] };
    bad(rule, 'is not a time rule (use withinDays, olderThanDays, gte, lte or isEmpty)');
  }
  if (DATES.has(field)) {
    if (op === 'isEmpty') return { sql: `${col} is null`, params: [] };
    if (op === 'inNextDays') {
      const days = nextDays(now, num(rule));
      return { sql: `substr(${col}, -5) in (${days.map(() => '?').join(',')})`, params: days };
    }
    if (op === 'eq' || op === 'contains') return { sql: `${col} like ?`, params: [`%${text(rule)}`] };
    bad(rule, 'is not a date rule (use inNextDays, eq or isEmpty)');
  }
  if (op === 'eq') return { sql: `${col} = ? collate nocase`, params: [text(rule)] };
  if (op === 'contains') return { sql: `${col} like ? escape '\\'`, params: [like(text(rule))] };
  if (op === 'isEmpty') return { sql: `(${col} is null or ${col} = '')`, params: [] };
  return bad(rule, 'is not a text rule (use eq, contains or isEmpty)');
}

/** A segment's rules joined by and/or; no rules matches everyone. */
export function segmentSql(match: 'all' | 'any', rules: SegmentRule[], now: Date): Where {
  if (!rules.length) return { sql: '1', params: [] };
  const parts = rules.map((r) => ruleSql(r, now));
  return { sql: `(${parts.map((p) => `(${p.sql})`).join(match === 'all' ? ' and ' : ' or ')})`, params: parts.flatMap((p) => p.params) };
}

export const SORTS: Record<string, string> = {
  name: 'c.name', phone: 'c.phone', city: 'c.city', totalSpend: 'c.total_spend', messageCount: 'c.message_count', lastMessageAt: 'c.last_message_at',
  lastPurchaseAt: 'c.last_purchase_at', createdAt: 'c.created_at', updatedAt: 'c.updated_at', birthday: 'substr(c.birthday, -5)', anniversary: 'substr(c.anniversary, -5)',
};

export interface ListQuery {
  q?: string;
  tag?: string;
  segment?: Where;
  test?: boolean;
  sort?: string;
}

/** The where and order by of a contact list (and its export). */
export function listSql(query: ListQuery): { where: string; params: unknown[]; order: string } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (!query.test) parts.push('c.is_test = 0');
  const q = query.q?.trim();
  if (q) {
    const digits = q.replace(/\D/g, '');
    const cols = ['c.name', 'c.email', 'c.city', 'c.notes', 'c.phone'];
    const ors = cols.map((col) => `${col} like ? escape '\\'`);
    params.push(...cols.map(() => like(q)));
    if (digits.length >= 4) {
      ors.push("c.phone like ? escape '\\'");
      params.push(like(digits));
    }
    ors.push("exists (select 1 from contact_tags t where t.contact_id = c.id and t.tag like ? escape '\\')");
    params.push(like(q.replace(/^#/, '')));
    parts.push(`(${ors.join(' or ')})`);
  }
  if (query.tag) {
    parts.push('exists (select 1 from contact_tags t where t.contact_id = c.id and t.tag = ?)');
    params.push(query.tag.replace(/^#/, ''));
  }
  if (query.segment) {
    parts.push(query.segment.sql);
    params.push(...query.segment.params);
  }
  const raw = query.sort ?? '-lastMessageAt';
  const desc = raw.startsWith('-');
  const key = raw.replace(/^-/, '');
  const col = SORTS[key];
  if (!col) throw new DomainError('validation', `Contacts cannot be sorted by "${key}"; use one of ${Object.keys(SORTS).join(', ')}`);
  return { where: parts.length ? parts.join(' and ') : '1', params, order: `${col} is null, ${col} ${desc ? 'desc' : 'asc'}, c.id desc` };
}
