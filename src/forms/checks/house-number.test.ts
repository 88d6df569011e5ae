import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkHouseNumber } from './house-number.ts';

describe('checkHouseNumber', () => {
  test('accepts numbers, letters, ranges and sub-numbers; value without spaces, letter lower-case', () => {
    const cases: [string, string][] = [
      ['12', '12'],
      ['1', '1'],
      ['9999', '9999'],
      ['12a', '12a'],
      ['12 a', '12a'],
      ['12A', '12a'],
      ['12 A', '12a'],
      ['12-14', '12-14'],
      ['12 - 14', '12-14'],
      ['12–14', '12-14'],
      ['12a-12c', '12a-12c'],
      ['12-12a', '12-12a'],
      ['12/1', '12/1'],
      ['12 / 1', '12/1'],
      ['12a/3', '12a/3'],
      ['12 a - 14 b', '12a-14b'],
      [' 17\u00a0', '17'],
    ];
    for (const [raw, value] of cases) assert.deepEqual(checkHouseNumber(raw), { ok: true, value }, raw);
  });

  test('refuses what is not a house number', () => {
    for (const raw of [
      '',
      '0',
      '012',
      '12345',
      'a',
      'a12',
      '12ab',
      '12ä',
      '12-',
      '-12',
      '12/',
      '12-14-16',
      '12,14',
      '12.',
      'Hauptstraße 12',
      '12 1/2',
      '12 14',
      'Nr. 12',
    ]) {
      assert.deepEqual(checkHouseNumber(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('a range must run upwards', () => {
    assert.deepEqual(checkHouseNumber('14-12'), { ok: false, problem: 'range' });
    assert.deepEqual(checkHouseNumber('12-12'), { ok: false, problem: 'range' });
    assert.deepEqual(checkHouseNumber('12c-12a'), { ok: false, problem: 'range' });
    assert.deepEqual(checkHouseNumber('12/1').ok, true); // a sub-number is no range
    assert.deepEqual(checkHouseNumber('12/12').ok, true);
  });
});
