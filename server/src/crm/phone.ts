import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * The E.164 form of a WhatsApp id when it is a phone number's digits (country code included, no
 * plus), else null. "Possible" rather than "valid": Meta has already routed the number, and
 * libphonenumber's validity metadata lags new number ranges.
 */
export function e164FromWaId(waId: string | null | undefined): string | null {
  if (!waId || !/^[1-9]\d{6,14}$/.test(waId)) return null;
  const parsed = parsePhoneNumberFromString(`+${waId}`);
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * The E.164 form of a number as a person types it ("98765 43210", "+91-98765-43210",
 * "098765 43210", "919876543210"), India by default; null when it cannot be a phone number.
 */
export function normalizePhone(input: string, defaultCountry: 'IN' = 'IN'): string | null {
  const text = input.trim();
  if (!/^[+(\d][\d\s()+.-]{5,}$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  const hasPlus = /^\(?\+/.test(text);
  // Indian mobiles (the bulk of a shop's list) without the parser's cost: 98765…, 098765…, 9198765…, +9198765….
  const mobile = /^(?:91|0)?([6-9]\d{9})$/.exec(digits);
  if (mobile && (!hasPlus || digits.startsWith('91'))) return `+91${mobile[1]}`;
  // 12 digits starting 91 without a plus is an Indian number written with its country code.
  const candidate = hasPlus ? `+${digits}` : digits.length === 12 && digits.startsWith('91') ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}
