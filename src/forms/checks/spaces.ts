/** White-space clean-up for raw form input, shared by the checks in this folder. */

// `\s` covers NBSP (U+00A0), the narrow NBSP (U+202F) and the other Unicode spaces. Soft hyphens and
// zero-width characters are invisible and arrive with copy-and-paste from PDFs and web pages.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Removes every space and invisible character: for codes that are typed in groups (IBAN, Steuer-ID). */
export function removeSpaces(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/g, '');
}

/** Trims and folds each run of spaces into one plain space; drops invisible characters. */
export function tidySpaces(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
