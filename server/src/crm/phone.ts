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
