/**
 * Steuerliche Identifikationsnummer (§ 139b AO), formal check as published by ELSTER ("Prüfung der
 * Steuer- und Steueridentifikationsnummer") and the Deutsche Rentenversicherung (Prüfziffernberechnung):
 * - 11 digits, the first not 0;
 * - in digits 1–10 exactly one digit occurs more than once: twice, or (numbers issued since 2016) three
 *   times, but then not all three directly one after another;
 * - digit 11 is the check digit per ISO/IEC 7064 MOD 11,10.
 */
import { type CheckResult, fail, ok } from './result.ts';
import { removeSpaces } from './spaces.ts';

export type SteuerIdProblem = 'format' | 'digits' | 'checksum';

/** Validates a Steuer-ID typed with or without spaces ("86 095 742 719"); value: the 11 digits. */
export function checkSteuerId(raw: string): CheckResult<string, SteuerIdProblem> {
  const id = removeSpaces(raw);
  if (!/^[1-9]\d{10}$/.test(id)) return fail('format');
  if (!hasOneRepeatedDigit(id.slice(0, 10))) return fail('digits');
  if (steuerIdCheckDigit(id.slice(0, 10)) !== Number(id[10])) return fail('checksum');
  return ok(id);
}

function hasOneRepeatedDigit(digits: string): boolean {
  const counts = new Map<string, number>();
  for (const digit of digits) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts].filter(([, count]) => count > 1);
  if (repeated.length !== 1) return false;
  const [digit, count] = repeated[0] ?? ['', 0];
  return count === 2 || (count === 3 && !digits.includes(digit.repeat(3)));
}

/** ISO/IEC 7064 MOD 11,10 (a hybrid system): the check digit for the given digits. */
function steuerIdCheckDigit(digits: string): number {
  let product = 10;
  for (const char of digits) {
    const sum = (Number(char) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}
