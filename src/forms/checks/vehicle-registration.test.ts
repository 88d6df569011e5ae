import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkVehicleRegistration } from './vehicle-registration.ts';

describe('checkVehicleRegistration', () => {
  test('with the district separated, normalises to "MZ-AB 123"', () => {
    const cases: [string, string][] = [
      ['MZ-AB 123', 'MZ-AB 123'],
      ['mz-ab 123', 'MZ-AB 123'],
      ['MZ AB 123', 'MZ-AB 123'],
      ['MZ-AB123', 'MZ-AB 123'],
      ['MZ AB123', 'MZ-AB 123'],
      ['MZ-AB-123', 'MZ-AB 123'],
      ['MZ - AB 123', 'MZ-AB 123'],
      ['MZ–AB 123', 'MZ-AB 123'],
      ['  MZ\u00a0AB\u00a0123 ', 'MZ-AB 123'],
      ['B-A 1', 'B-A 1'],
      ['HH-AB 1234', 'HH-AB 1234'],
      ['MYK-AB 999', 'MYK-AB 999'],
      ['büs-a 12', 'BÜS-A 12'],
      ['GÖ-XY 12', 'GÖ-XY 12'],
      ['MZ-AB 123 E', 'MZ-AB 123E'],
      ['MZ-AB 123e', 'MZ-AB 123E'],
      ['MZ-A 123H', 'MZ-A 123H'],
    ];
    for (const [raw, value] of cases)
      assert.deepEqual(checkVehicleRegistration(raw), { ok: true, value }, raw);
  });

  test('without any separator the split is unknown: accepted, kept as typed in upper case', () => {
    assert.deepEqual(checkVehicleRegistration('mzab123'), { ok: true, value: 'MZAB123' });
    assert.deepEqual(checkVehicleRegistration(' mzab123\u00a0'), { ok: true, value: 'MZAB123' });
    assert.deepEqual(checkVehicleRegistration('BA1'), { ok: true, value: 'BA1' });
    assert.deepEqual(checkVehicleRegistration('MZAB123E'), { ok: true, value: 'MZAB123E' });
  });

  test('the letters of the identification number have no umlauts; the district may', () => {
    assert.deepEqual(checkVehicleRegistration('MZ-ÄB 123'), { ok: false, problem: 'format' });
    assert.deepEqual(checkVehicleRegistration('MZÄ 123'), { ok: false, problem: 'format' }); // Ä cannot end the run
    assert.deepEqual(checkVehicleRegistration('MÜAB12'), { ok: true, value: 'MÜAB12' });
  });

  test('refuses what the FZV does not allow', () => {
    for (const raw of [
      '',
      'MZ',
      'MZ-AB',
      'MZ-123', // digits only: plates of authorities, not accepted here
      'MZ 123', // the same, or M-Z 123? A lone separator is ambiguous
      'MZAB 123',
      'MZAB-123',
      'MZ-AB 0123', // leading 0
      'MZ-AB 0',
      'MZ-AB 12345',
      'MZ-ABC 1',
      'ABCD-A 1',
      'M-ZAB 1',
      'MZ-AB 12X',
      'MZ-AB 12 EH',
      'MZ AB 12 3',
      'MZ--AB 1',
      'MZ/AB 1',
      'M1-AB 1',
      'MZ-AB 1-2',
    ]) {
      assert.deepEqual(checkVehicleRegistration(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('at most eight letters and digits; with E or H, at most seven', () => {
    assert.deepEqual(checkVehicleRegistration('MYK-AB 123'), { ok: true, value: 'MYK-AB 123' }); // 8
    assert.deepEqual(checkVehicleRegistration('MYK-AB 1234'), { ok: false, problem: 'tooLong' }); // 9
    assert.deepEqual(checkVehicleRegistration('MZ-AB 1234'), { ok: true, value: 'MZ-AB 1234' }); // 8
    assert.deepEqual(checkVehicleRegistration('MZ-AB 1234E'), { ok: false, problem: 'tooLong' });
    assert.deepEqual(checkVehicleRegistration('MZ-AB 123E'), { ok: true, value: 'MZ-AB 123E' });
    assert.deepEqual(checkVehicleRegistration('MYKAB1234'), { ok: false, problem: 'tooLong' });
  });

  test('property: every plate built by the rules passes in any spelling, and the value is stable', () => {
    const district = fc.stringMatching(/^[A-ZÄÖÜ]{1,3}$/);
    const letters = fc.stringMatching(/^[A-Z]{1,2}$/);
    const digits = fc.stringMatching(/^[1-9]\d{0,3}$/);
    const suffix = fc.constantFrom('', 'E', 'H');
    const separator = fc.constantFrom('-', ' ', ' - ');
    fc.assert(
      fc.property(district, letters, digits, suffix, separator, fc.boolean(), (d, l, n, s, sep, lower) => {
        fc.pre(d.length + l.length + n.length + s.length <= 8);
        const typed = `${d}${sep}${l} ${n}${s}`;
        const expected = `${d}-${l} ${n}${s}`;
        const result = checkVehicleRegistration(lower ? typed.toLowerCase() : typed);
        assert.deepEqual(result, { ok: true, value: expected });
        assert.deepEqual(checkVehicleRegistration(expected), result);
      }),
    );
  });
});
