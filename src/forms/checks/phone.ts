/**
 * Telephone number check for German and international numbers, normalised to ITU-T E.164 ("+" country
 * code and national number, at most 15 digits, E.164 § 6.1). Accepted spellings (DIN 5008 and common
 * practice): "+49 6131 123456", "0049 6131 123456", "06131 123456", "(06131) 12 34 56", "06131/123456",
 * "+49 (0)6131 123456", "0171-1234567".
 */
import { type CheckResult, fail, ok } from './result.ts';
import { tidySpaces } from './spaces.ts';

export type PhoneProblem = 'format' | 'noAreaCode' | 'tooShort' | 'tooLong';

const ALLOWED = /^\+?[\d ()/\-–]+$/;
// The national trunk prefix written in brackets after the country code: "+49 (0)6131".
const TRUNK_IN_BRACKETS = /\(\s*0\s*\)/;

/** Validates a telephone number; value: E.164, e.g. "+496131123456". */
export function checkPhone(raw: string): CheckResult<string, PhoneProblem> {
  const text = tidySpaces(raw);
  if (!ALLOWED.test(text) || !bracketsArePaired(text)) return fail('format');
  const plus = text.startsWith('+');
  const bare = text.replace(TRUNK_IN_BRACKETS, '').replace(/\D/g, '');
  let digits: string;
  if (plus || bare.startsWith('00')) {
    digits = plus ? bare : bare.slice(2);
    // Country codes never start with 0. German national numbers never do either, so "+49 0171 …"
    // is the trunk prefix typed by mistake (not so in Italy, whose numbers keep their leading 0).
    if (digits.startsWith('0')) return fail('format');
    if (digits.startsWith('490')) digits = `49${digits.slice(3)}`;
  } else {
    const national = text.replace(/\D/g, '');
    if (!national.startsWith('0')) return fail('noAreaCode');
    digits = `49${national.slice(1)}`;
  }
  // A second trunk prefix ("+49 0 0171", "(0) 0171") left a 0 after "49": stored, it would no longer validate.
  if (digits.startsWith('490')) return fail('format');
  if (digits.length < 6) return fail('tooShort');
  if (digits.length > 15) return fail('tooLong');
  return ok(`+${digits}`);
}

/** Brackets hold digits only, are not nested and come in pairs: "(06131)", "(0)". */
function bracketsArePaired(text: string): boolean {
  return !/[()]/.test(text.replace(/\([\d ]+\)/g, ''));
}
