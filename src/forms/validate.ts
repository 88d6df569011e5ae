/** Clean-up of single-line answers before they are checked. */
import { replaceControlCharacters } from '../text.ts';

/** Trims, folds runs of spaces and drops control characters (PostgreSQL's jsonb rejects NUL). */
export function normalizeText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return replaceControlCharacters(raw).replace(/\s+/g, ' ').trim();
}
