import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkMoney, formatMoney } from './money.ts';

const anyAmount = { min: Number.MIN_SAFE_INTEGER };

describe('checkMoney', () => {
  test('reads German amounts to integer cents', () => {
    const cases: [string, number][] = [
      ['1.234,56', 123456],
      ['1234,56', 123456],
      ['1234,5', 123450],
      ['1234', 123400],
      ['0', 0],
      ['0,01', 1],
      [',5', 50],
      ['1.234', 123400], // German thousands dot
      ['1.234.567,89', 123456789],
      ['1 234 567,89', 123456789], // DIN 5008 grouping by spaces
      ['1\u00a0234,56', 123456],
      ['007,50', 750],
    ];
    for (const [raw, cents] of cases) assert.deepEqual(checkMoney(raw), { ok: true, value: cents }, raw);
  });

  test('accepts the euro sign or EUR before or after, and "12,-" for whole euros', () => {
    for (const raw of [
      '12 €',
      '12€',
      '€ 12',
      '€12',
      '12,00 EUR',
      '12 eur',
      'EUR 12,00',
      '12 Euro',
      '12,-',
      '12,– €',
      ' 12,00 € ',
    ]) {
      assert.deepEqual(checkMoney(raw), { ok: true, value: 1200 }, raw);
    }
  });

  test('reads a dot that cannot separate thousands as a decimal point', () => {
    assert.deepEqual(checkMoney('12.5'), { ok: true, value: 1250 });
    assert.deepEqual(checkMoney('12.50 €'), { ok: true, value: 1250 });
    assert.deepEqual(checkMoney('12.500'), { ok: true, value: 1250000 });
  });

  test('more than two decimals is a decimals problem', () => {
    assert.deepEqual(checkMoney('12,345'), { ok: false, problem: 'decimals' });
    assert.deepEqual(checkMoney('12,500'), { ok: false, problem: 'decimals' });
    assert.deepEqual(checkMoney('0.1234'), { ok: false, problem: 'decimals' });
  });

  test('anything else is a format problem', () => {
    for (const raw of [
      '',
      '€',
      'zwölf',
      '12,',
      '1,2,3',
      '1.23.456',
      '12.34.56',
      '1,234.56',
      '12 34',
      '12$',
      '$12',
      'USD 12',
      '1e3',
      '0x10',
      '12 € €',
      '--12',
      'Infinity',
    ]) {
      assert.deepEqual(checkMoney(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('negative amounts only where min is below zero', () => {
    assert.deepEqual(checkMoney('-12,50'), { ok: false, problem: 'negative' });
    assert.deepEqual(checkMoney('-12,50', { min: 0 }), { ok: false, problem: 'negative' });
    assert.deepEqual(checkMoney('-12,50', { min: -5000 }), { ok: true, value: -1250 });
    assert.deepEqual(checkMoney('− 12,50 €', { min: -5000 }), { ok: true, value: -1250 });
    assert.deepEqual(checkMoney('-€ 12,50', { min: -5000 }), { ok: true, value: -1250 });
    assert.deepEqual(checkMoney('-12,50', { min: -1000 }), { ok: false, problem: 'tooSmall' });
    assert.deepEqual(checkMoney('-0,00'), { ok: true, value: 0 });
    assert.ok(Object.is((checkMoney('-0') as { value: number }).value, 0));
    assert.deepEqual(checkMoney('+12'), { ok: true, value: 1200 });
  });

  test('min and max are in cents, inclusive', () => {
    const bounds = { min: 100, max: 50000 };
    assert.deepEqual(checkMoney('1,00', bounds), { ok: true, value: 100 });
    assert.deepEqual(checkMoney('500,00', bounds), { ok: true, value: 50000 });
    assert.deepEqual(checkMoney('0,99', bounds), { ok: false, problem: 'tooSmall' });
    assert.deepEqual(checkMoney('500,01', bounds), { ok: false, problem: 'tooLarge' });
  });

  test('amounts beyond what cents can hold exactly are too large', () => {
    assert.deepEqual(checkMoney('9.999.999.999.999,99'), { ok: true, value: 999999999999999 });
    assert.deepEqual(checkMoney('10.000.000.000.000'), { ok: false, problem: 'tooLarge' });
    assert.deepEqual(checkMoney('-10.000.000.000.000', anyAmount), { ok: false, problem: 'tooSmall' });
  });

  test('property: cents written with comma and optional grouping read back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.boolean(), (cents, grouped) => {
        const euros = String(Math.floor(cents / 100));
        const text = `${grouped ? euros.replace(/\B(?=(\d{3})+$)/g, '.') : euros},${String(cents % 100).padStart(2, '0')}`;
        assert.deepEqual(checkMoney(text), { ok: true, value: cents }, text);
      }),
    );
  });
});

describe('formatMoney', () => {
  test('formats cents as German euros with a no-break space before the sign', () => {
    assert.equal(formatMoney(123456), '1.234,56\u00a0€');
    assert.equal(formatMoney(0), '0,00\u00a0€');
    assert.equal(formatMoney(5), '0,05\u00a0€');
    assert.equal(formatMoney(-5), '-0,05\u00a0€');
    assert.equal(formatMoney(100000000), '1.000.000,00\u00a0€');
  });

  test('stays exact up to the largest safe integer', () => {
    assert.equal(formatMoney(Number.MAX_SAFE_INTEGER), '90.071.992.547.409,91\u00a0€');
    assert.equal(formatMoney(-Number.MAX_SAFE_INTEGER), '-90.071.992.547.409,91\u00a0€');
  });

  test('refuses fractions of a cent and unsafe numbers', () => {
    assert.throws(() => formatMoney(12.5), RangeError);
    assert.throws(() => formatMoney(Number.NaN), RangeError);
    assert.throws(() => formatMoney(2 ** 53), RangeError);
  });

  test('property: what formatMoney writes, checkMoney reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (cents) => {
        assert.deepEqual(checkMoney(formatMoney(cents), anyAmount), { ok: true, value: cents });
      }),
    );
  });
});
