import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number as typed ("98765 43210", "+91-98765-43210") in E.164, or null. Without a country
 * code the store's region is assumed. "Possible" (right length) rather than "valid": the validity
 * metadata lags newly issued number ranges, and WhatsApp says itself when a number is not on it.
 */
export function toE164(input: string, region: CountryCode = 'IN'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), region);
  return parsed?.isPossible() ? parsed.number : null;
}

/** "+919876543210" → "+91 98765 43210" for showing back. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
