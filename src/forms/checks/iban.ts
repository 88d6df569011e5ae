/**
 * IBAN check per ISO 13616-1:2020: country code, two check digits, BBAN; the check digits satisfy
 * ISO/IEC 7064 MOD 97-10 (the rearranged number mod 97 is 1). Lengths from the SWIFT IBAN Registry.
 */
import { type CheckResult, fail, ok } from './result.ts';
import { removeSpaces } from './spaces.ts';

export type IbanProblem = 'format' | 'country' | 'length' | 'checksum';

/**
 * IBAN lengths of the countries in the SEPA schemes' geographical scope (EPC409-09). Territories such as
 * Åland, Guernsey, Jersey, the Isle of Man or the French overseas departments use FI, GB and FR IBANs.
 * Only these are accepted: a municipality collects and pays out through SEPA.
 */
// biome-ignore format: a compact table reads like the registry
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24,
  FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20,
  LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24,
  RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** Validates an IBAN typed with or without spaces (also in paper format "IBAN DE89 …"); value: electronic format. */
export function checkIban(raw: string): CheckResult<string, IbanProblem> {
  const iban = removeSpaces(raw)
    .toUpperCase()
    .replace(/^IBAN(?=[A-Z]{2}\d{2})/, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return fail('format');
  const length = SEPA_IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined) return fail('country');
  if (iban.length !== length) return fail('length');
  // German BBAN: 8-digit Bankleitzahl + 10-digit account number, digits only.
  if (iban.startsWith('DE') && !/^DE\d{20}$/.test(iban)) return fail('format');
  // ISO 13616 allows check digits 02–98 only; 00, 01 and 99 can pass mod 97 but are never issued.
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98 || mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return fail('checksum');
  }
  return ok(iban);
}

/** Groups an IBAN in fours for display: "DE89 3704 0044 0532 0130 00". */
export function formatIban(iban: string): string {
  return removeSpaces(iban)
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

/** Remainder mod 97 with letters as two digits (A = 10 … Z = 35), folded digit by digit to stay exact. */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    remainder = code >= 65 ? (remainder * 100 + code - 55) % 97 : (remainder * 10 + code - 48) % 97;
  }
  return remainder;
}
