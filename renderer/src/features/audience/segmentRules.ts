import type { SEGMENT_FIELDS} from '../../api/contracts';
import { CONTACT_SOURCES, OPT_IN_STATUSES, type SegmentRule } from '../../api/contracts';
import { OPT_IN_LABELS, SOURCE_LABELS } from './contactFormat';

type Field = (typeof SEGMENT_FIELDS)[number];
type Op = SegmentRule['op'];

export const SEGMENT_FIELD_LABELS: Record<Field, string> = {
  totalSpend: 'Total spend (₹)',
  lastPurchaseAt: 'Last purchase',
  lastMessageAt: 'Last message',
  messageCount: 'Messages sent',
  tags: 'Tags',
  city: 'City',
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  source: 'Source',
  optIn: 'Opt-in',
};

export const OP_LABELS: Record<Op, string> = {
  gte: 'at least',
  lte: 'at most',
  eq: 'is',
  contains: 'contains',
  has: 'has tag',
  notHas: 'does not have tag',
  withinDays: 'within the last … days',
  olderThanDays: 'more than … days ago (or never)',
  inNextDays: 'in the next … days',
  isEmpty: 'is empty / never',
  top: 'is among the top …',
};

/** Which operators make sense for a field, the first being the default. */
export const OPS_FOR: Record<Field, Op[]> = {
  totalSpend: ['gte', 'lte', 'top', 'eq'],
  messageCount: ['gte', 'lte', 'eq'],
  lastPurchaseAt: ['withinDays', 'olderThanDays', 'isEmpty'],
  lastMessageAt: ['withinDays', 'olderThanDays', 'isEmpty'],
  birthday: ['inNextDays', 'isEmpty'],
  anniversary: ['inNextDays', 'isEmpty'],
  tags: ['has', 'notHas', 'isEmpty'],
  city: ['eq', 'contains', 'isEmpty'],
  source: ['eq'],
  optIn: ['eq'],
};

export type ValueKind = { kind: 'none' } | { kind: 'number'; suffix: string } | { kind: 'text' } | { kind: 'choice'; options: { value: string; label: string }[] };

export function valueKind(field: Field, op: Op): ValueKind {
  if (op === 'isEmpty') return { kind: 'none' };
  if (op === 'withinDays' || op === 'olderThanDays' || op === 'inNextDays') return { kind: 'number', suffix: 'days' };
  if (op === 'top') return { kind: 'number', suffix: 'contacts' };
  if (field === 'totalSpend') return { kind: 'number', suffix: '₹' };
  if (field === 'messageCount') return { kind: 'number', suffix: 'messages' };
  if (field === 'source') return { kind: 'choice', options: CONTACT_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] })) };
  if (field === 'optIn') return { kind: 'choice', options: OPT_IN_STATUSES.map((s) => ({ value: s, label: OPT_IN_LABELS[s] })) };
  return { kind: 'text' };
}

/** A fresh rule for a field: its first operator and a sensible value. */
export function defaultRule(field: Field): SegmentRule {
  const op = OPS_FOR[field][0] ?? 'eq';
  return { field, op, value: defaultValue(field, op) };
}

export function defaultValue(field: Field, op: Op): SegmentRule['value'] {
  const kind = valueKind(field, op);
  if (kind.kind === 'none') return null;
  if (kind.kind === 'choice') return kind.options[0]?.value ?? '';
  if (kind.kind === 'text') return '';
  if (op === 'top') return 50;
  if (field === 'totalSpend') return 50000;
  return 30;
}

/** Why a rule cannot be counted yet (an empty value), or null. */
export function ruleProblem(rule: SegmentRule): string | null {
  const kind = valueKind(rule.field, rule.op);
  if (kind.kind === 'none') return null;
  if (kind.kind === 'number') return typeof rule.value === 'number' && Number.isFinite(rule.value) && rule.value >= 0 ? null : 'Enter a number';
  return typeof rule.value === 'string' && rule.value.trim() !== '' ? null : 'Enter a value';
}

/** One line a person reads: "Total spend (₹) at least 50,000". */
export function describeRule(rule: SegmentRule): string {
  const value = rule.value === null ? '' : typeof rule.value === 'number' ? rule.value.toLocaleString('en-IN') : rule.field === 'tags' ? `#${rule.value}` : rule.value;
  return `${SEGMENT_FIELD_LABELS[rule.field]} ${OP_LABELS[rule.op]} ${value}`.trim();
}
