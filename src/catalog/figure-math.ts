/** Small counting and calendar helpers shared by the council figures (pure). */
import type { LeistungProgress } from './progress.ts';

export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
export const count = (n: number) => n.toLocaleString('de-DE');
export const monthOf = (date: string) => date.slice(0, 7);

export function distinctBundles(list: LeistungProgress[]): number {
  return new Set(list.flatMap((l) => (l.bundleId ? [l.bundleId] : []))).size;
}

/** Months from `start` (YYYY-MM) to `end` (YYYY-MM), both included. */
export function monthsBetween(start: string, end: string): string[] {
  const months: string[] = [];
  let [year, month] = start.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > end) break;
    months.push(current);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The twelve months up to and including today's month. */
export function lastTwelveMonths(today: string): Set<string> {
  const end = monthOf(today);
  const [year, month] = end.split('-').map(Number) as [number, number];
  const startMonth = month === 12 ? 1 : month + 1;
  const start = `${month === 12 ? year : year - 1}-${String(startMonth).padStart(2, '0')}`;
  return new Set(monthsBetween(start, end));
}

export function formatPercent(value: number | null): string {
  return value === null ? 'kein Anteil' : `${value.toLocaleString('de-DE')} %`;
}

const MONTH = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const formatMonth = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));
