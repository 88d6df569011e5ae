import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkIban, formatIban, SEPA_IBAN_LENGTHS } from './iban.ts';

/** Independent oracle: ISO 13616 check digits computed with BigInt over the whole number at once. */
function checkDigits(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`].map((c) => Number.parseInt(c, 36)).join('');
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

function ibanOf(country: string, bban: string): string {
  return `${country}${checkDigits(country, bban)}${bban}`;
}

const generatedIban = fc
  .constantFrom(...Object.entries(SEPA_IBAN_LENGTHS))
  .chain(([country, length]) =>
    fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: length - 4, maxLength: length - 4 })
      .map((digits) => ibanOf(country, digits.join(''))),
  );

describe('checkIban', () => {
  test('accepts the registry examples of several SEPA countries and returns the electronic format', () => {
    for (const iban of [
      'DE89 3704 0044 0532 0130 00',
      'AT61 1904 3002 3457 3201',
      'BE68 5390 0754 7034',
      'CH93 0076 2011 6238 5295 7',
      'FR14 2004 1010 0505 0001 3M02 606',
      'GB82 WEST 1234 5698 7654 32',
      'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
      'NL91 ABNA 0417 1643 00',
      'NO93 8601 1117 947',
    ]) {
      assert.deepEqual(checkIban(iban), { ok: true, value: iban.replaceAll(' ', '') }, iban);
    }
  });

  test('tolerates lower case, NBSP, tabs, surrounding blanks and the paper prefix "IBAN"', () => {
    const value = 'DE89370400440532013000';
    for (const raw of [
      'de89 3704 0044 0532 0130 00',
      '  DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000 ',
      'DE89\t370400440532013000\n',
      'IBAN DE89 3704 0044 0532 0130 00',
      'DE89\u200b3704\u202f0044 0532 0130 00',
    ]) {
      assert.deepEqual(checkIban(raw), { ok: true, value }, JSON.stringify(raw));
    }
  });

  test('a wrong check digit or a typo in the account number is a checksum problem', () => {
    assert.deepEqual(checkIban('DE88 3704 0044 0532 0130 00'), { ok: false, problem: 'checksum' });
    assert.deepEqual(checkIban('DE89 3704 0044 0532 0130 01'), { ok: false, problem: 'checksum' });
    assert.deepEqual(checkIban('DE89 3704 0044 0523 0130 00'), { ok: false, problem: 'checksum' });
  });

  test('check digits 00, 01 and 99 are refused even where mod 97 would pass (ISO 13616: 02–98)', () => {
    const withDigits = (wanted: string) => {
      for (let account = 0; ; account++) {
        const bban = `37040044${String(account).padStart(10, '0')}`;
        if (checkDigits('DE', bban) === wanted) return bban;
      }
    };
    const low = withDigits('02'); // 02 ≡ 99 (mod 97)
    const high = withDigits('98'); // 98 ≡ 01 (mod 97)
    const zero = withDigits('97'); // 97 ≡ 00 (mod 97)
    assert.equal(checkIban(`DE02${low}`).ok, true);
    assert.equal(checkIban(`DE98${high}`).ok, true);
    assert.deepEqual(checkIban(`DE99${low}`), { ok: false, problem: 'checksum' });
    assert.deepEqual(checkIban(`DE01${high}`), { ok: false, problem: 'checksum' });
    assert.deepEqual(checkIban(`DE00${zero}`), { ok: false, problem: 'checksum' });
  });

  test('a wrong length for the country is a length problem', () => {
    assert.deepEqual(checkIban('DE89 3704 0044 0532 0130 0'), { ok: false, problem: 'length' });
    assert.deepEqual(checkIban('DE89 3704 0044 0532 0130 000'), { ok: false, problem: 'length' });
    assert.deepEqual(checkIban('AT61 1904 3002 3457 3201 1'), { ok: false, problem: 'length' });
  });

  test('IBANs of countries outside SEPA are a country problem, even with a valid checksum', () => {
    assert.deepEqual(checkIban('TR33 0006 1005 1978 6457 8413 26'), { ok: false, problem: 'country' });
    assert.deepEqual(checkIban('SA03 8000 0000 6080 1016 7519'), { ok: false, problem: 'country' });
    assert.deepEqual(checkIban('XX89 3704 0044 0532 0130 00'), { ok: false, problem: 'country' });
  });

  test('anything not shaped like an IBAN is a format problem', () => {
    for (const raw of [
      '',
      '   ',
      'DE',
      'DE89',
      '89DE 3704 0044 0532 0130 00',
      'DE8X 3704 0044 0532 0130 00',
      'DE89-3704-0044-0532-0130-00',
      'DE89 3704 0044 0532 0130 0A', // German BBANs are digits only
      'DE89 3704 0044 0532 0130 0Ä',
      '0532013000',
    ]) {
      assert.deepEqual(checkIban(raw), { ok: false, problem: 'format' }, JSON.stringify(raw));
    }
  });

  test('the SEPA table has Germany at 22 and only lengths the IBAN standard allows (15–34)', () => {
    assert.equal(SEPA_IBAN_LENGTHS.DE, 22);
    for (const [country, length] of Object.entries(SEPA_IBAN_LENGTHS)) {
      assert.match(country, /^[A-Z]{2}$/);
      assert.ok(length >= 15 && length <= 34, country);
    }
  });

  test('property: every IBAN built with correct check digits passes, in any SEPA country', () => {
    fc.assert(
      fc.property(generatedIban, (iban) => {
        assert.deepEqual(checkIban(iban), { ok: true, value: iban });
      }),
    );
  });

  test('property: changing any single digit makes it fail', () => {
    fc.assert(
      fc.property(generatedIban, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, at, delta) => {
        const position = 2 + (at % (iban.length - 2));
        const changed = String((Number(iban[position]) + delta) % 10);
        const typo = iban.slice(0, position) + changed + iban.slice(position + 1);
        assert.equal(checkIban(typo).ok, false, typo);
      }),
    );
  });

  test('property: swapping two different neighbouring digits makes it fail', () => {
    fc.assert(
      fc.property(generatedIban, fc.nat(), (iban, at) => {
        const position = 2 + (at % (iban.length - 3));
        const [a, b] = [iban[position], iban[position + 1]];
        fc.pre(a !== b);
        const typo = `${iban.slice(0, position)}${b}${a}${iban.slice(position + 2)}`;
        assert.equal(checkIban(typo).ok, false, typo);
      }),
    );
  });
});

describe('formatIban', () => {
  test('groups in fours for display', () => {
    assert.equal(formatIban('DE89370400440532013000'), 'DE89 3704 0044 0532 0130 00');
    assert.equal(formatIban('MT84MALT011000012345MTLCAST001S'), 'MT84 MALT 0110 0001 2345 MTLC AST0 01S');
    assert.equal(formatIban('NO9386011117947'), 'NO93 8601 1117 947');
  });

  test('regroups input that is already spaced or lower case', () => {
    assert.equal(formatIban('de89 37040044 0532013000'), 'DE89 3704 0044 0532 0130 00');
  });

  test('property: the formatted IBAN checks back to the electronic format', () => {
    fc.assert(
      fc.property(generatedIban, (iban) => {
        assert.deepEqual(checkIban(formatIban(iban).toLowerCase()), { ok: true, value: iban });
      }),
    );
  });
});
