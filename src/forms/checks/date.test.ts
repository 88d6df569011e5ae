import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkDate, checkDateParts } from './date.ts';

const today = '2025-06-15';

describe('checkDate', () => {
  test('accepts TT.MM.JJJJ, T.M.JJJJ and ISO JJJJ-MM-TT; value is ISO', () => {
    for (const raw of [
      '05.03.2024',
      '5.3.2024',
      '05.3.2024',
      '5.03.2024',
      '2024-03-05',
      ' 5. 3. 2024 ',
      '05.03.2024\u00a0',
    ]) {
      assert.deepEqual(checkDate(raw), { ok: true, value: '2024-03-05' }, raw);
    }
    assert.deepEqual(checkDate('31.12.1999'), { ok: true, value: '1999-12-31' });
  });

  test('other spellings are format problems: two-digit years, slashes, times, ISO without zeros', () => {
    for (const raw of [
      '',
      '5.3.24',
      '05/03/2024',
      '2024-3-5',
      '2024-03-05T10:00',
      '05.03.2024.',
      '050324',
      '5 3 2024',
      '05-03-2024',
      '05.03.02024',
      '05.03.0999',
      'heute',
    ]) {
      assert.deepEqual(checkDate(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('days that the calendar does not have are invalid', () => {
    for (const raw of [
      '31.02.2024',
      '30.02.2024',
      '29.02.2023',
      '29.02.1900',
      '31.04.2024',
      '31.06.2024',
      '31.09.2024',
      '31.11.2024',
      '00.01.2024',
      '01.00.2024',
      '01.13.2024',
      '32.01.2024',
      '2024-02-30',
    ]) {
      assert.deepEqual(checkDate(raw), { ok: false, problem: 'invalid' }, raw);
    }
  });

  test('leap days follow the Gregorian rule', () => {
    assert.deepEqual(checkDate('29.02.2024'), { ok: true, value: '2024-02-29' });
    assert.deepEqual(checkDate('29.02.2000'), { ok: true, value: '2000-02-29' });
    assert.deepEqual(checkDate('29.02.2100'), { ok: false, problem: 'invalid' });
  });

  test('notBefore and notAfter are inclusive', () => {
    const bounds = { today, notBefore: '2025-01-01', notAfter: '2025-12-31' };
    assert.deepEqual(checkDate('01.01.2025', bounds), { ok: true, value: '2025-01-01' });
    assert.deepEqual(checkDate('31.12.2025', bounds), { ok: true, value: '2025-12-31' });
    assert.deepEqual(checkDate('31.12.2024', bounds), { ok: false, problem: 'tooEarly' });
    assert.deepEqual(checkDate('01.01.2026', bounds), { ok: false, problem: 'tooLate' });
  });

  test('past and future exclude today; use notAfter/notBefore: today to include it', () => {
    assert.deepEqual(checkDate('14.06.2025', { today, past: true }), { ok: true, value: '2025-06-14' });
    assert.deepEqual(checkDate('15.06.2025', { today, past: true }), { ok: false, problem: 'notPast' });
    assert.deepEqual(checkDate('16.06.2025', { today, past: true }), { ok: false, problem: 'notPast' });
    assert.deepEqual(checkDate('16.06.2025', { today, future: true }), { ok: true, value: '2025-06-16' });
    assert.deepEqual(checkDate('15.06.2025', { today, future: true }), { ok: false, problem: 'notFuture' });
    assert.deepEqual(checkDate('15.06.2025', { today, notAfter: today }), { ok: true, value: '2025-06-15' });
    assert.deepEqual(checkDate('15.06.2025', { today, notBefore: today }), { ok: true, value: '2025-06-15' });
  });

  test('format and calendar come before bounds; past/future before notBefore/notAfter', () => {
    assert.deepEqual(checkDate('31.02.2030', { today, past: true }), { ok: false, problem: 'invalid' });
    assert.deepEqual(checkDate('01.01.2030', { today, past: true, notAfter: '2029-01-01' }), {
      ok: false,
      problem: 'notPast',
    });
  });

  test('a bound that is not ISO is a programming error and throws', () => {
    assert.throws(() => checkDate('01.01.2025', { today: '15.06.2025' }), TypeError);
    assert.throws(() => checkDate('01.01.2025', { today, notBefore: '2025-1-1' }), TypeError);
  });

  /** Oracle: the JavaScript Date in UTC knows the Gregorian calendar (proleptic, as ISO 8601 does). */
  const anyDay = fc
    .integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

  test('property: every real day round-trips through all three spellings', () => {
    fc.assert(
      fc.property(anyDay, (iso) => {
        const [y, m, d] = iso.split('-');
        assert.deepEqual(checkDate(iso), { ok: true, value: iso });
        assert.deepEqual(checkDate(`${d}.${m}.${y}`), { ok: true, value: iso });
        assert.deepEqual(checkDate(`${Number(d)}.${Number(m)}.${y}`), { ok: true, value: iso });
      }),
    );
  });

  test('property: for any day, month and year numbers, the check agrees with the calendar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1000, max: 9999 }),
        (d, m, y) => {
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          const result = checkDate(`${d}.${m}.${y}`);
          assert.equal(result.ok, real, `${d}.${m}.${y}`);
          if (!result.ok) assert.equal(result.problem, 'invalid');
        },
      ),
    );
  });

  test('property: bounds never let a date outside them through', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (date, a, b) => {
        const [notBefore, notAfter] = a < b ? [a, b] : [b, a];
        const result = checkDate(date, { today, notBefore, notAfter });
        assert.equal(result.ok, date >= notBefore && date <= notAfter);
      }),
    );
  });
});

describe('checkDateParts', () => {
  test('three boxes, with or without leading zeros and blanks', () => {
    assert.deepEqual(checkDateParts('5', '3', '2024'), { ok: true, value: '2024-03-05' });
    assert.deepEqual(checkDateParts(' 05 ', '03', ' 2024'), { ok: true, value: '2024-03-05' });
  });

  test('an empty or non-numeric box, or a year that is not four digits, is a format problem', () => {
    const cases: [string, string, string][] = [
      ['', '3', '2024'],
      ['5', '', '2024'],
      ['5', '3', ''],
      ['5', 'März', '2024'],
      ['5', '3', '24'],
      ['123', '3', '2024'],
      ['5.', '3', '2024'],
    ];
    for (const [d, m, y] of cases) {
      assert.deepEqual(checkDateParts(d, m, y), { ok: false, problem: 'format' }, `${d}|${m}|${y}`);
    }
  });

  test('the calendar and the bounds apply as for a typed date', () => {
    assert.deepEqual(checkDateParts('31', '2', '2024'), { ok: false, problem: 'invalid' });
    assert.deepEqual(checkDateParts('1', '1', '2030', { today, past: true }), {
      ok: false,
      problem: 'notPast',
    });
    assert.deepEqual(checkDateParts('1', '1', '1899', { today, notBefore: '1900-01-01' }), {
      ok: false,
      problem: 'tooEarly',
    });
  });
});
