/**
 * Numbers as Germans type them: decimal comma, optional thousands dots or spaces ("1.234,5" is 1234.5;
 * "1.234" is 1234; "1,5" is 1.5). See german-decimal.ts for the reading rules.
 */
import { parseGermanDecimal } from './german-decimal.ts';
import { type CheckResult, fail, ok } from './result.ts';
import { tidySpaces } from './spaces.ts';

export type NumberProblem = 'format' | 'notInteger' | 'tooSmall' | 'tooLarge';

export interface NumberOptions {
  /** Only whole numbers ("12" and "12,0" pass, "12,5" does not). */
  integer?: boolean;
  /** Smallest allowed value, inclusive. */
  min?: number;
  /** Largest allowed value, inclusive. */
  max?: number;
}

/** Validates a number; value: the JavaScript number (never -0). */
export function checkNumber(raw: string, options: NumberOptions = {}): CheckResult<number, NumberProblem> {
  const parts = parseGermanDecimal(tidySpaces(raw));
  if (!parts) return fail('format');
  if (options.integer && /[1-9]/.test(parts.fraction)) return fail('notInteger');
  const magnitude = Number(`${parts.integer}.${parts.fraction || '0'}`);
  // Beyond 2^53 a double no longer holds every integer: the typed number could not be kept exactly.
  if (magnitude > Number.MAX_SAFE_INTEGER) return fail(parts.negative ? 'tooSmall' : 'tooLarge');
  const value = parts.negative && magnitude !== 0 ? -magnitude : magnitude;
  if (options.min !== undefined && value < options.min) return fail('tooSmall');
  if (options.max !== undefined && value > options.max) return fail('tooLarge');
  return ok(value);
}
