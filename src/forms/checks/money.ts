/**
 * Euro amounts as Germans type them: "1.234,56", "1234,5", "12 €", "12,00 EUR", "€ 12", "12,-".
 * The value is integer cents, so no floating-point rounding ever touches money.
 */
import { parseGermanDecimal } from './german-decimal.ts';
import { type CheckResult, fail, ok } from './result.ts';
import { tidySpaces } from './spaces.ts';

export type MoneyProblem = 'format' | 'decimals' | 'negative' | 'tooSmall' | 'tooLarge';

export interface MoneyBounds {
  /** Smallest allowed amount in cents, inclusive. Negative amounts are refused unless this is below 0. */
  min?: number;
  /** Largest allowed amount in cents, inclusive. */
  max?: number;
}

const CURRENCY = /^([+\-−]?) ?(?:€|euro|eur) ?|(?: ?(?:€|euro|eur))$/gi;
// "12,-" and "12,–" are the German way of writing whole euros.
const WHOLE_EUROS = /,[-–—]{1,2}$/;
// 13 integer digits keep every amount in cents within Number.MAX_SAFE_INTEGER (2^53 − 1).
const MAX_INTEGER_DIGITS = 13;

/** Validates an amount in euros; value: integer cents (12,50 € → 1250). */
export function checkMoney(raw: string, bounds: MoneyBounds = {}): CheckResult<number, MoneyProblem> {
  const text = tidySpaces(raw).replace(CURRENCY, '$1').replace(WHOLE_EUROS, '');
  const parts = parseGermanDecimal(text);
  if (!parts) return fail('format');
  if (parts.fraction.length > 2) return fail('decimals');
  if (parts.integer.length > MAX_INTEGER_DIGITS) return fail(parts.negative ? 'tooSmall' : 'tooLarge');
  const magnitude = Number(parts.integer) * 100 + Number(parts.fraction.padEnd(2, '0'));
  const cents = parts.negative && magnitude !== 0 ? -magnitude : magnitude;
  const { min, max } = bounds;
  if (cents < 0 && !(min !== undefined && min < 0)) return fail('negative');
  if (min !== undefined && cents < min) return fail('tooSmall');
  if (max !== undefined && cents > max) return fail('tooLarge');
  return ok(cents);
}

const EURO = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/**
 * Formats cents for display the German way: 123456 → "1.234,56 €", -5 → "-0,05 €". The space before
 * "€" is a no-break space (U+00A0), as ICU's de-DE data has it, so the sign never wraps onto a line of
 * its own; compare with "\u00a0" in tests and use `.replace(/\u00a0/g, ' ')` where plain text is needed.
 * English pages get the British form, "€1,234.56".
 */
export function formatMoney(cents: number, locale: 'de' | 'en' = 'de'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const digits = String(Math.abs(cents)).padStart(3, '0');
  // Passing a decimal string keeps amounts above 2^45 cents exact (Intl.NumberFormat v3, ES2023).
  const exact = `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return EURO[locale].format(exact as Intl.StringNumericLiteral);
}
