import { DomainError } from '../../shared/errors.js';

/**
 * Meta's limits for Cloud API messages, as published in the WhatsApp Business Platform docs.
 * The builders check them before anything is queued; the emulator enforces the same numbers.
 */
export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  headerText: 60,
  footerText: 60,
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  listButton: 20,
  listSections: 10,
  listRows: 10,
  listRowTitle: 24,
  listRowId: 200,
  listRowDescription: 72,
  listSectionTitle: 24,
  productListSections: 10,
  productListItems: 30,
  productSectionTitle: 24,
  ctaDisplayText: 20,
  flowCta: 20,
  caption: 1024,
  copyCode: 15,
  templateButtons: 10,
  templateUrlButtons: 2,
  templatePhoneButtons: 1,
  templateCopyCodeButtons: 1,
  bizOpaqueCallbackData: 512,
} as const;

/** Characters as WhatsApp counts them: code points, so an emoji is one, not two UTF-16 units. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

/**
 * A message that breaks one of Meta's limits. `limit` names the rule (e.g. "replyButtonTitle");
 * the message says what was found and what WhatsApp allows, in words the owner can act on.
 */
export class MessageLimitError extends DomainError {
  readonly limit: string;
  constructor(limit: string, message: string) {
    super('validation', message, { [limit]: message });
    this.name = 'MessageLimitError';
    this.limit = limit;
  }
}

/** Throws when `value` is longer than `max` characters (or empty when required). */
export function checkLength(limit: keyof typeof LIMITS, what: string, value: string, opts: { required?: boolean } = {}): void {
  const max = LIMITS[limit];
  const n = charCount(value);
  if (n === 0 && opts.required !== false) throw new MessageLimitError(limit, `${what} is empty; WhatsApp needs at least 1 character`);
  if (n > max) throw new MessageLimitError(limit, `${what} is ${n.toLocaleString('en-IN')} characters; WhatsApp allows ${max.toLocaleString('en-IN')}`);
}

/** Throws when there are fewer than `min` or more than `LIMITS[limit]` of something ("4 reply buttons; WhatsApp allows 3"). */
export function checkCount(limit: keyof typeof LIMITS, noun: string, n: number, min = 1): void {
  const max = LIMITS[limit];
  if (n < min) throw new MessageLimitError(limit, `${n} ${noun}; WhatsApp needs at least ${min}`);
  if (n > max) throw new MessageLimitError(limit, `${n} ${noun}; WhatsApp allows ${max}`);
}

export function checkUnique(limit: string, what: string, values: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new MessageLimitError(limit, `${what} "${v}" is used twice; WhatsApp needs each to be different`);
    seen.add(v);
  }
}

export function required(limit: string, what: string, value: string | undefined | null): string {
  if (value === undefined || value === null || value.trim() === '') throw new MessageLimitError(limit, `${what} is required`);
  return value;
}
