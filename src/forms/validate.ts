/** Server-side validation of one page's posted values: pure, so it is tested without HTTP or a database. */
import { replaceControlCharacters } from '../text.ts';
import { messages } from './messages.ts';
import type { FieldError, Locale, PageDef, TextFieldDef } from './types.ts';

export interface PageResult {
  values: Record<string, string>;
  errors: FieldError[];
}

const PATTERNS: Record<NonNullable<TextFieldDef['format']>, RegExp> = {
  postalCode: /^\d{5}$/,
  houseNumber: /^\d{1,4}\s?[a-zA-Z]?(\s?[-/]\s?\d{1,4}\s?[a-zA-Z]?)?$/,
  // District code (1–3 letters, umlauts allowed), 1–2 letters, 1–4 digits not starting with 0, optional E/H.
  vehicleRegistration: /^[A-ZÄÖÜ]{1,3}[- ]?[A-Z]{1,2}[- ]?[1-9]\d{0,3}[EH]?$/,
};

/** Trims, folds runs of spaces and drops control characters (PostgreSQL's jsonb rejects NUL). */
export function normalizeText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return replaceControlCharacters(raw).replace(/\s+/g, ' ').trim();
}

function normalizeFormat(value: string, format: TextFieldDef['format']): string {
  if (format === 'vehicleRegistration') return value.toUpperCase().replace(/\s*-\s*/g, '-');
  return value;
}

/** Validates the text fields of a page; file and declaration fields are checked where they arrive. */
export function validateTextFields(page: PageDef, body: Record<string, unknown>, locale: Locale): PageResult {
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const field of page.fields) {
    if (field.kind !== 'text') continue;
    const label = field.label[locale];
    const value = normalizeFormat(normalizeText(body[field.name]), field.format);
    values[field.name] = value;
    const fail = (message: { de: string; en: string }) =>
      errors.push({ field: field.name, message: message[locale] });
    if (value === '') {
      if (!field.optional) fail(messages.required(label));
    } else if (value.length > field.maxLength) {
      fail(messages.tooLong(label, String(field.maxLength)));
    } else if (field.format && !PATTERNS[field.format].test(value)) {
      fail(messages[field.format](label));
    }
  }
  return { values, errors };
}
