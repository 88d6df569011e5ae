/**
 * German postal code (Postleitzahl, Deutsche Post, since 1993): exactly five digits. No code starts
 * with "00": the lowest Leitregion is 01 (Dresden).
 */
import { type CheckResult, fail, ok } from './result.ts';
import { removeSpaces } from './spaces.ts';

export type PostalCodeProblem = 'format';

/** Validates a German postal code ("55116", also typed "55 116"); value: the five digits. */
export function checkPostalCode(raw: string): CheckResult<string, PostalCodeProblem> {
  const code = removeSpaces(raw);
  if (!/^\d{5}$/.test(code) || code.startsWith('00')) return fail('format');
  return ok(code);
}
