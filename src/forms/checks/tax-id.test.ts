import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkSteuerId } from './tax-id.ts';

/**
 * Independent oracle: ISO/IEC 7064 MOD 11,10 in its checking form. Running the recursion over all 11
 * digits, a valid number leaves (product + last digit) mod 10 = 1.
 */
function passesMod1110(id: string): boolean {
  let product = 10;
  let sum = 0;
  for (const char of id) {
    sum = (product + Number(char)) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return sum % 10 === 1;
}

function withCheckDigit(first10: string): string {
  const digit = [...'0123456789'].find((d) => passesMod1110(first10 + d));
  assert.ok(digit !== undefined);
  return first10 + digit;
}

describe('checkSteuerId', () => {
  test('accepts real-format numbers whose check digits are published', () => {
    // BZSt sample letter; python-stdnum's doctest; the EU TIN check module (via validate-steuerid);
    // kryptografie.de's worked example.
    for (const id of ['86095742719', '36574261809', '26954371827', '65929970489', '12345678995']) {
      assert.deepEqual(checkSteuerId(id), { ok: true, value: id });
      assert.ok(passesMod1110(id), id);
    }
  });

  test('tolerates the grouped spelling of the BZSt letter, NBSP and surrounding blanks', () => {
    assert.deepEqual(checkSteuerId(' 86 095 742 719 '), { ok: true, value: '86095742719' });
    assert.deepEqual(checkSteuerId('86\u00a0095\u00a0742\u00a0719'), { ok: true, value: '86095742719' });
  });

  test('a wrong check digit is a checksum problem', () => {
    assert.deepEqual(checkSteuerId('86095742718'), { ok: false, problem: 'checksum' });
    assert.deepEqual(checkSteuerId('36574261890'), { ok: false, problem: 'checksum' });
  });

  test('not 11 digits, or a leading 0, is a format problem', () => {
    for (const raw of [
      '',
      '8609574271',
      '860957427190',
      '06095742719',
      '8609574271X',
      '86-095-742-719',
      '８6095742719',
    ]) {
      assert.deepEqual(checkSteuerId(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('exactly one digit repeats, twice or three times; otherwise a digits problem', () => {
    // Each built with a correct check digit, so only the digit rule can refuse it.
    assert.deepEqual(checkSteuerId(withCheckDigit('1234567890')), { ok: false, problem: 'digits' }); // none twice
    assert.deepEqual(checkSteuerId(withCheckDigit('1123456788')), { ok: false, problem: 'digits' }); // two pairs
    assert.deepEqual(checkSteuerId(withCheckDigit('1112345611')), { ok: false, problem: 'digits' }); // four times
    assert.deepEqual(checkSteuerId(withCheckDigit('1112223456')), { ok: false, problem: 'digits' }); // two triples
    assert.deepEqual(checkSteuerId('36554266806'), { ok: false, problem: 'digits' });
  });

  test('a digit three times may not stand all three in a row; two in a row is fine (since 2016)', () => {
    const threeInARow = withCheckDigit('6529997048');
    assert.equal(threeInARow, '65299970480'); // the EU TIN module's counter-example
    assert.deepEqual(checkSteuerId(threeInARow), { ok: false, problem: 'digits' });
    assert.equal(checkSteuerId(withCheckDigit('9652997048')).ok, true); // 9 … 99
    assert.equal(checkSteuerId(withCheckDigit('9652919048')).ok, true); // 9 … 9 … 9
    assert.equal(checkSteuerId(withCheckDigit('1234567899')).ok, true); // a pair in a row
  });

  /** First ten digits that obey the repetition rule: nine distinct digits plus one of them again, or eight plus one twice more. */
  const validFirst10 = fc
    .tuple(
      fc.shuffledSubarray([...'0123456789'], { minLength: 10, maxLength: 10 }),
      fc.boolean(),
      fc.nat(),
      fc.nat(),
      fc.nat(),
    )
    .map(([digits, triple, pick, at1, at2]) => {
      const distinct = digits.slice(0, triple ? 8 : 9);
      const repeated = distinct[pick % distinct.length] ?? '1';
      const result = [...distinct];
      result.splice(at1 % (result.length + 1), 0, repeated);
      if (triple) result.splice(at2 % (result.length + 1), 0, repeated);
      return result.join('');
    })
    .filter((first10) => !first10.startsWith('0') && !/(\d)\1\1/.test(first10));

  test('property: every number built by the rules with its check digit passes', () => {
    fc.assert(
      fc.property(validFirst10, (first10) => {
        const id = withCheckDigit(first10);
        assert.deepEqual(checkSteuerId(id), { ok: true, value: id });
      }),
    );
  });

  test('property: changing any single digit makes it fail (MOD 11,10 catches every substitution)', () => {
    fc.assert(
      fc.property(validFirst10, fc.nat(10), fc.integer({ min: 1, max: 9 }), (first10, position, delta) => {
        const id = withCheckDigit(first10);
        const typo =
          id.slice(0, position) + String((Number(id[position]) + delta) % 10) + id.slice(position + 1);
        assert.equal(checkSteuerId(typo).ok, false, typo);
      }),
    );
  });

  test('property: on any 11 digits the check agrees with the oracle', () => {
    const digitString = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 11 });
    fc.assert(
      fc.property(fc.oneof(digitString, validFirst10.map(withCheckDigit)), (id) => {
        const counts = [...'0123456789'].map((d) => id.slice(0, 10).split(d).length - 1);
        const rule = counts.filter((c) => c > 1).length === 1 && counts.some((c) => c === 2 || c === 3);
        const expected =
          !id.startsWith('0') && rule && !/(\d)\1\1/.test(id.slice(0, 10)) && passesMod1110(id);
        assert.equal(checkSteuerId(id).ok, expected, id);
      }),
    );
  });
});
