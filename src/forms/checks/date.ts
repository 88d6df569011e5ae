/**
 * Calendar dates as Germans write them (DIN 5008: "31.12.2024", also "1.2.2024") or in ISO 8601
 * ("2024-12-31"), checked against the Gregorian calendar and optional bounds. "Today" is passed in
 * so the check stays pure and tests control time.
 */
import { type CheckResult, fail, ok } from './result.ts';
import { removeSpaces } from './spaces.ts';

export type DateProblem = 'format' | 'invalid' | 'tooEarly' | 'tooLate' | 'notPast' | 'notFuture';

export interface DateBounds {
  /** Earliest allowed date, inclusive, ISO "YYYY-MM-DD". */
  notBefore?: string;
  /** Latest allowed date, inclusive, ISO "YYYY-MM-DD". */
  notAfter?: string;
  /** Today's date in the tenant's time zone (Europe/Berlin), ISO "YYYY-MM-DD". */
  today: string;
  /** The date must lie before today (today itself fails; use `notAfter: today` to allow it). */
  past?: boolean;
  /** The date must lie after today (today itself fails; use `notBefore: today` to allow it). */
  future?: boolean;
}

const GERMAN = /^(\d{1,2})\.(\d{1,2})\.([1-9]\d{3})$/;
const ISO = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** Validates a date typed as TT.MM.JJJJ, T.M.JJJJ or JJJJ-MM-TT; value: ISO "YYYY-MM-DD". */
export function checkDate(raw: string, bounds?: DateBounds): CheckResult<string, DateProblem> {
  const text = removeSpaces(raw);
  const german = GERMAN.exec(text);
  if (german) return checkCalendarDate(german[3], german[2], german[1], bounds);
  const iso = ISO.exec(text);
  if (iso) return checkCalendarDate(iso[1], iso[2], iso[3], bounds);
  return fail('format');
}

/** Validates a date entered in three boxes (day, month, year), as in the GOV.UK date input pattern. */
export function checkDateParts(
  day: string,
  month: string,
  year: string,
  bounds?: DateBounds,
): CheckResult<string, DateProblem> {
  const [d, m, y] = [day, month, year].map(removeSpaces);
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^[1-9]\d{3}$/.test(y ?? '')) {
    return fail('format');
  }
  return checkCalendarDate(y, m, d, bounds);
}

function checkCalendarDate(
  year = '',
  month = '',
  day = '',
  bounds?: DateBounds,
): CheckResult<string, DateProblem> {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail('invalid');
  const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!bounds) return ok(iso);
  // ISO dates of four-digit years compare correctly as strings.
  const { notBefore, notAfter, today, past, future } = assertIsoBounds(bounds);
  if (past && iso >= today) return fail('notPast');
  if (future && iso <= today) return fail('notFuture');
  if (notBefore !== undefined && iso < notBefore) return fail('tooEarly');
  if (notAfter !== undefined && iso > notAfter) return fail('tooLate');
  return ok(iso);
}

/** Gregorian calendar: a leap year is divisible by 4, except centuries not divisible by 400. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Bounds come from a service definition, not from the citizen: a malformed one is a programming error. */
function assertIsoBounds(bounds: DateBounds): DateBounds {
  for (const key of ['notBefore', 'notAfter', 'today'] as const) {
    const value = bounds[key];
    if (value !== undefined && !ISO.test(value))
      throw new TypeError(`date bound ${key} is not ISO: ${value}`);
  }
  return bounds;
}
