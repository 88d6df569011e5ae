/**
 * German vehicle registration number (Kennzeichen, § 9 Abs. 1 FZV): a district code
 * (Unterscheidungszeichen, 1–3 letters, umlauts allowed: "BÜS", "GÖ") and an identification number
 * (Erkennungsnummer, FZV Anlage 1: 1–2 letters A–Z without umlauts, then 1–9999 without a leading 0),
 * optionally followed by "E" (electric vehicle, § 4 EmoG) or "H" (historic vehicle, Oldtimer per FZV).
 * At most eight letters and digits in all (FZV Anlage 4, Ausgestaltung der Kennzeichen); the E or H
 * takes one of the eight places, as the registration offices apply it.
 * Special plates of authorities, the Bundeswehr and diplomats (digits only) are not accepted.
 */
import { type CheckResult, fail, ok } from './result.ts';
import { tidySpaces } from './spaces.ts';

export type VehicleRegistrationProblem = 'format' | 'tooLong';

// Separator between district and letters is required here; between letters and digits optional.
const SEPARATED = /^([A-ZÄÖÜ]{1,3})[- ]([A-Z]{1,2})[- ]?([1-9]\d{0,3}) ?([EH]?)$/;
// Without any separator the split of the letters is unknown ("MZAB": MZ-AB or MZA-B?). A single
// separator before the digits is refused: in "MZ 123" it may as well end the district.
const RUN_TOGETHER = /^([A-ZÄÖÜ]{1,3}[A-Z]{1,2})([1-9]\d{0,3})([EH]?)$/;

/**
 * Validates a Kennzeichen; value "MZ-AB 123" (or "MZ-AB 123E") when the district is separated from the
 * letters; typed without any separator, the input in upper case ("MZAB123"), as its split is unknown.
 */
export function checkVehicleRegistration(raw: string): CheckResult<string, VehicleRegistrationProblem> {
  const text = tidySpaces(raw)
    .toUpperCase()
    .replace(/ ?[-–] ?/g, '-');
  const separated = SEPARATED.exec(text);
  if (separated) {
    const [, district = '', letters = '', digits = '', suffix = ''] = separated;
    if (tooLong(district + letters + digits, suffix)) return fail('tooLong');
    return ok(`${district}-${letters} ${digits}${suffix}`);
  }
  const runTogether = RUN_TOGETHER.exec(text);
  if (!runTogether) return fail('format');
  const [, letters = '', digits = '', suffix = ''] = runTogether;
  if (tooLong(letters + digits, suffix)) return fail('tooLong');
  return ok(text);
}

function tooLong(characters: string, suffix: string): boolean {
  return characters.length + suffix.length > 8;
}
