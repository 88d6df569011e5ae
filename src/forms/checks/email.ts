/**
 * Pragmatic e-mail address check: one "@"; a dot-atom local part of RFC 5322 § 3.2.3 (ASCII, at most
 * 64 characters per RFC 5321 § 4.5.3.1.1); a domain of at least two labels per RFC 1035 § 2.3.1 that may
 * contain Unicode letters (IDNA 2008 U-labels, e.g. "müller.de"). Quoted local parts, IP literals and
 * comments are valid in the RFCs but are rejected here: people do not use them in forms.
 */
import { type CheckResult, fail, ok } from './result.ts';

export type EmailProblem = 'format' | 'localPart' | 'domain' | 'tooLong';

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*$`);
// A label starts and ends with a letter or digit; hyphens only inside; at most 63 characters.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
// A top-level domain is letters, or an A-label such as "xn--p1ai"; never all digits.
const TOP_LABEL = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/u;

/** Validates an e-mail address; value: as typed, but with the domain in lower case (the local part may be case-sensitive). */
export function checkEmail(raw: string): CheckResult<string, EmailProblem> {
  const address = raw.trim();
  const parts = address.split('@');
  if (parts.length !== 2 || /\s/.test(address)) return fail('format');
  const [local = '', rawDomain = ''] = parts;
  if (local === '' || rawDomain === '') return fail('format');
  if (local.length > 64 || !LOCAL_PART.test(local)) return fail('localPart');
  const domain = rawDomain.normalize('NFC').toLowerCase();
  const labels = domain.split('.');
  const top = labels.at(-1) ?? '';
  if (
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !TOP_LABEL.test(top)
  ) {
    return fail('domain');
  }
  // RFC 5321 § 4.5.3.1.3: a path holds at most 256 octets including the angle brackets.
  const value = `${local}@${domain}`;
  if (value.length > 254) return fail('tooLong');
  return ok(value);
}
