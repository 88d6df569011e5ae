import type { PDFFont } from 'pdf-lib';

/** Turns arbitrary text into text the font can encode; never throws. */
export type Sanitizer = (text: string) => string;

// Letters without a canonical decomposition that still have an obvious Latin-1 look-alike.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ẞ: 'SS',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2007': '\u00a0',
  '\u202f': '\u00a0',
  '\u2028': '\n',
  '\u2029': '\n',
};

const REPLACEMENT = '?';
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const OTHER_SPACE = /[\t\v\f\p{Zs}\u2028\u2029]/u;
const MARKS = /\p{M}/gu;

/**
 * Builds a sanitizer for a standard font. pdf-lib's standard fonts use WinAnsi encoding and throw on any
 * other character (e.g. "Ł", "✓", "漢"), so every string is mapped to the font's character set first.
 * Line breaks ("\n") survive so that callers can split paragraphs.
 */
export function createSanitizer(font: PDFFont): Sanitizer {
  const supported = new Set(font.getCharacterSet());
  const mapChar = (char: string): string => {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\n' || (supported.has(codePoint) && !INVISIBLE.test(char))) return char;
    if (OTHER_SPACE.test(char)) return LOOK_ALIKES[char] ?? ' ';
    if (INVISIBLE.test(char) || /^\p{M}$/u.test(char)) return '';
    return LOOK_ALIKES[char] ?? withoutMarks(char, supported) ?? REPLACEMENT;
  };
  return (text) => {
    const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
    return Array.from(normalized, mapChar).join('');
  };
}

/** "ź" → "z": drops combining accents when the base letter is encodable. */
function withoutMarks(char: string, supported: ReadonlySet<number>): string | undefined {
  const base = char.normalize('NFD').replace(MARKS, '');
  if (base === '' || base === char) return undefined;
  return Array.from(base).every((c) => supported.has(c.codePointAt(0) ?? 0)) ? base : undefined;
}
