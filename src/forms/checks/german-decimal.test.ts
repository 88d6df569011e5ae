import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseGermanDecimal } from './german-decimal.ts';

describe('parseGermanDecimal', () => {
  test('returns exact digit strings, so no digit is lost to floating point', () => {
    assert.deepEqual(parseGermanDecimal('12.345.678.901.234.567,890123456789'), {
      negative: false,
      integer: '12345678901234567',
      fraction: '890123456789',
    });
  });

  test('keeps trailing zeros of the fraction and drops leading zeros of the integer', () => {
    assert.deepEqual(parseGermanDecimal('007,50'), { negative: false, integer: '7', fraction: '50' });
    assert.deepEqual(parseGermanDecimal('0,0'), { negative: false, integer: '0', fraction: '0' });
    assert.deepEqual(parseGermanDecimal(',5'), { negative: false, integer: '0', fraction: '5' });
  });

  test('a group separator is used throughout: dots or spaces, not both', () => {
    assert.deepEqual(parseGermanDecimal('1 234 567'), { negative: false, integer: '1234567', fraction: '' });
    assert.equal(parseGermanDecimal('1.234 567'), undefined);
    assert.equal(parseGermanDecimal('1 234.567'), undefined);
  });

  test('signs: "-", the minus sign U+2212, "+", with or without a space', () => {
    for (const text of ['-5', '−5', '- 5', '− 5']) {
      assert.deepEqual(parseGermanDecimal(text), { negative: true, integer: '5', fraction: '' }, text);
    }
    assert.deepEqual(parseGermanDecimal('+5'), { negative: false, integer: '5', fraction: '' });
  });

  test('the dot: thousands before exactly three digits, a decimal point otherwise', () => {
    assert.deepEqual(parseGermanDecimal('1.234'), { negative: false, integer: '1234', fraction: '' });
    assert.deepEqual(parseGermanDecimal('1.5'), { negative: false, integer: '1', fraction: '5' });
    assert.deepEqual(parseGermanDecimal('1.2345'), { negative: false, integer: '1', fraction: '2345' });
    assert.equal(parseGermanDecimal('0.123'), undefined); // neither reading fits
    assert.equal(parseGermanDecimal('1.5.6'), undefined);
  });

  test('property: any integer grouped in threes with dots reads back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (n) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+$)/g, '.');
        assert.deepEqual(parseGermanDecimal(grouped), { negative: false, integer: String(n), fraction: '' });
      }),
    );
  });
});
