/**
 * House numbers as in German addresses: a number of up to four digits, optionally with a letter
 * ("12a"), a range ("12-14", "12a-12c") or a sub-number after a slash ("12/1"). Stored in one
 * spelling (no spaces, lower-case letter) so that "12 A" and "12a" compare equal.
 */
import { type CheckResult, fail, ok } from './result.ts';
import { tidySpaces } from './spaces.ts';

export type HouseNumberProblem = 'format' | 'range';

const HOUSE_NUMBER = /^([1-9]\d{0,3})([a-z]?)(?:([-/])([1-9]\d{0,3})([a-z]?))?$/;

/** Validates a house number; value: "12a", "12-14", "12/1" (spaces removed, letters lower-case, dashes "-"). */
export function checkHouseNumber(raw: string): CheckResult<string, HouseNumberProblem> {
  // Spaces go around a letter or separator only: "12 1/2" must not become "121/2".
  const text = tidySpaces(raw)
    .toLowerCase()
    .replace(/ ?([-–—/]) ?/g, (_, separator: string) => (separator === '/' ? '/' : '-'))
    .replace(/(\d) (?=[a-z])/g, '$1');
  const match = HOUSE_NUMBER.exec(text);
  if (!match) return fail('format');
  const [, from = '', fromLetter = '', separator, to = '', toLetter = ''] = match;
  // A range runs upwards: "12-14", "12a-12c"; "14-12" is a typing error.
  if (separator === '-' && (Number(to) < Number(from) || (to === from && toLetter <= fromLetter))) {
    return fail('range');
  }
  return ok(text);
}
