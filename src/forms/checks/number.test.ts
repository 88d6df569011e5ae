import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkNumber } from './number.ts';

describe('checkNumber', () => {
  test('reads the German decimal comma and thousands dots', () => {
    const cases: [string, number][] = [
      ['1,5', 1.5],
      ['1.234', 1234],
      ['1.234,5', 1234.5],
      ['1.234.567', 1234567],
      ['1 234 567,25', 1234567.25],
      ['1234', 1234],
      ['0', 0],
      ['0,75', 0.75],
      [',75', 0.75],
      ['-3,5', -3.5],
      ['−3,5', -3.5],
      ['- 3,5', -3.5],
      ['+3', 3],
      [' 42\u00a0', 42],
      ['0012', 12],
    ];
    for (const [raw, value] of cases) assert.deepEqual(checkNumber(raw), { ok: true, value }, raw);
  });

  test('a dot that cannot separate thousands is a decimal point', () => {
    assert.deepEqual(checkNumber('75.5'), { ok: true, value: 75.5 });
    assert.deepEqual(checkNumber('1.25'), { ok: true, value: 1.25 });
    assert.deepEqual(checkNumber('1.2345'), { ok: true, value: 1.2345 });
  });

  test('mixed or broken grouping and other text are format problems', () => {
    for (const raw of [
      '',
      'zwölf',
      '1,2,3',
      '1,234.5',
      '1.23.456',
      '12.34.567',
      '1.234 567',
      '0.123',
      '1234.567',
      '12,',
      '1e3',
      '0x1F',
      'NaN',
      'Infinity',
      '3 ½',
      '1_000',
    ]) {
      assert.deepEqual(checkNumber(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('integer: whole numbers only, "12,0" counts as whole', () => {
    assert.deepEqual(checkNumber('12', { integer: true }), { ok: true, value: 12 });
    assert.deepEqual(checkNumber('12,0', { integer: true }), { ok: true, value: 12 });
    assert.deepEqual(checkNumber('1.200', { integer: true }), { ok: true, value: 1200 });
    assert.deepEqual(checkNumber('12,5', { integer: true }), { ok: false, problem: 'notInteger' });
    assert.deepEqual(checkNumber('12,05', { integer: true }), { ok: false, problem: 'notInteger' });
  });

  test('min and max are inclusive', () => {
    assert.deepEqual(checkNumber('0', { min: 0, max: 10 }), { ok: true, value: 0 });
    assert.deepEqual(checkNumber('10', { min: 0, max: 10 }), { ok: true, value: 10 });
    assert.deepEqual(checkNumber('-0,1', { min: 0 }), { ok: false, problem: 'tooSmall' });
    assert.deepEqual(checkNumber('10,01', { max: 10 }), { ok: false, problem: 'tooLarge' });
  });

  test('never returns -0, and refuses numbers too large to keep exactly', () => {
    assert.ok(Object.is((checkNumber('-0') as { value: number }).value, 0));
    assert.deepEqual(checkNumber('9007199254740991'), { ok: true, value: Number.MAX_SAFE_INTEGER });
    assert.deepEqual(checkNumber('9007199254740992'), { ok: false, problem: 'tooLarge' });
    assert.deepEqual(checkNumber('-9.007.199.254.740.992'), { ok: false, problem: 'tooSmall' });
  });

  test('property: integers written by Intl de-DE read back', () => {
    const german = new Intl.NumberFormat('de-DE');
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        assert.deepEqual(checkNumber(german.format(n), { integer: true }), {
          ok: true,
          value: n === 0 ? 0 : n,
        });
      }),
    );
  });

  test('property: decimals written with a comma read back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (x) => {
        const text = String(x);
        fc.pre(!text.includes('e'));
        assert.deepEqual(checkNumber(text.replace('.', ',')), { ok: true, value: x === 0 ? 0 : x });
      }),
    );
  });
});
