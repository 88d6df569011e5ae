/**
 * BIC check per ISO 9362: 4-letter institution code (business party prefix), 2-letter ISO 3166-1 country
 * code, 2-character location code, optional 3-character branch code ("XXX" = head office).
 */
import { ISO_3166_ALPHA_2 } from './country-codes.ts';
import { type CheckResult, fail, ok } from './result.ts';
import { removeSpaces } from './spaces.ts';

export type BicProblem = 'format' | 'country';

const BIC = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** Validates a BIC of 8 or 11 characters; value: upper case without spaces, as entered (8 stays 8). */
export function checkBic(raw: string): CheckResult<string, BicProblem> {
  const bic = removeSpaces(raw).toUpperCase();
  const match = BIC.exec(bic);
  if (!match) return fail('format');
  // SWIFT uses the user-assigned code XK for Kosovo, which has no ISO 3166-1 code.
  const country = match[1] ?? '';
  if (!ISO_3166_ALPHA_2.has(country) && country !== 'XK') return fail('country');
  return ok(bic);
}
