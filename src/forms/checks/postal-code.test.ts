import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkPostalCode } from './postal-code.ts';

describe('checkPostalCode', () => {
  test('accepts five digits, also typed with spaces', () => {
    const cases: [string, string][] = [
      ['55116', '55116'],
      ['01067', '01067'],
      ['99998', '99998'],
      [' 55 116 ', '55116'],
      ['55116\u00a0', '55116'],
    ];
    for (const [raw, value] of cases) assert.deepEqual(checkPostalCode(raw), { ok: true, value }, raw);
  });

  test('refuses other lengths, letters, prefixes and codes starting with 00', () => {
    for (const raw of ['', '5511', '551160', 'D-55116', '5511O', '55-116', '00000', '00123', '５５１１６']) {
      assert.deepEqual(checkPostalCode(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('property: every five-digit string from 01000 up passes unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99999 }), (n) => {
        const code = String(n).padStart(5, '0');
        assert.deepEqual(checkPostalCode(code), { ok: true, value: code });
      }),
    );
  });
});
