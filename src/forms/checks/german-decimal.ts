/**
 * Reads a decimal number written the German way (DIN 5008 § 9: decimal comma; thousands grouped in
 * threes by a dot or a space), exactly, as digit strings. Shared by the number and money checks.
 *
 * "1.234" is 1234, as in German. A dot that cannot be a thousands separator (one dot, no comma, not
 * followed by exactly three digits: "12.5", "0.75") is read as a decimal point, since that is the only
 * sensible reading of what was typed.
 */
export interface DecimalParts {
  negative: boolean;
  /** Integer digits without grouping or leading zeros, "0" at least. */
  integer: string;
  /** Fraction digits as typed, possibly empty; trailing zeros kept (the money check counts them). */
  fraction: string;
}

const INTEGER = /^(?:[1-9]\d{0,2}(?:([. ])\d{3})(?:\1\d{3})*|\d+)$/;
const DOT_DECIMAL = /^(\d+)\.(\d{1,2}|\d{4,})$/;

/** Parses `text` (already trimmed, spaces folded); undefined when it is not a number. */
export function parseGermanDecimal(text: string): DecimalParts | undefined {
  const sign = /^([+\-−])\s?/.exec(text);
  const body = sign ? text.slice(sign[0].length) : text;
  const negative = sign?.[1] === '-' || sign?.[1] === '−';
  const dot = DOT_DECIMAL.exec(body);
  if (dot) return { negative, integer: stripZeros(dot[1] ?? ''), fraction: dot[2] ?? '' };
  const [integer = '', fraction, ...rest] = body.split(',');
  if (rest.length > 0) return undefined;
  // ",5" is 0.5; "12" has no fraction; "12," has an empty one and is refused.
  const wellFormed =
    fraction === undefined
      ? INTEGER.test(integer)
      : /^\d+$/.test(fraction) && (integer === '' || INTEGER.test(integer));
  return wellFormed ? { negative, integer: digitsOf(integer), fraction: fraction ?? '' } : undefined;
}

function digitsOf(grouped: string): string {
  return stripZeros(grouped.replace(/[. ]/g, ''));
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '') || '0';
}
