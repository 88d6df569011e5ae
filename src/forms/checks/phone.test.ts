import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkPhone } from './phone.ts';

describe('checkPhone', () => {
  test('German numbers in the usual spellings become E.164 with +49', () => {
    for (const raw of [
      '06131 123456',
      '06131123456',
      '06131/123456',
      '06131-123456',
      '(06131) 12 34 56',
      '06131 12 34 56',
      '+49 6131 123456',
      '+496131123456',
      '0049 6131 123456',
      '+49 (0)6131 123456',
      '+49 (0) 6131 123456',
      '0049 (0)6131 123456',
      '+49 06131 123456', // trunk 0 typed after the country code by mistake
      ' 06131\u00a0123456 ',
      '06131 – 123456',
    ]) {
      assert.deepEqual(checkPhone(raw), { ok: true, value: '+496131123456' }, raw);
    }
    assert.deepEqual(checkPhone('0171 1234567'), { ok: true, value: '+491711234567' });
    assert.deepEqual(checkPhone('030 1234567'), { ok: true, value: '+49301234567' });
  });

  test('international numbers keep their country code', () => {
    assert.deepEqual(checkPhone('+43 1 5151 0'), { ok: true, value: '+43151510' });
    assert.deepEqual(checkPhone('0033 1 23 45 67 89'), { ok: true, value: '+33123456789' });
    assert.deepEqual(checkPhone('+44 (0)20 7946 0958'), { ok: true, value: '+442079460958' });
    assert.deepEqual(checkPhone('+1 (202) 555-0143'), { ok: true, value: '+12025550143' });
  });

  test('a leading 0 after a foreign country code is refused, not dropped (Italy keeps it: +39 06 …)', () => {
    assert.deepEqual(checkPhone('+39 06 1234 5678'), { ok: true, value: '+390612345678' });
    assert.deepEqual(checkPhone('+0 6131 123456'), { ok: false, problem: 'format' });
    assert.deepEqual(checkPhone('000 6131 123456'), { ok: false, problem: 'format' });
  });

  test('a number without a 0, 00 or + in front lacks its area code', () => {
    assert.deepEqual(checkPhone('123456'), { ok: false, problem: 'noAreaCode' });
    assert.deepEqual(checkPhone('6131 123456'), { ok: false, problem: 'noAreaCode' });
  });

  test('letters, other symbols, a "+" inside and unpaired brackets are format problems', () => {
    for (const raw of [
      '',
      '   ',
      '06131 12345a',
      '0800-FLOWERS',
      '06131.123456',
      '06131 +123456',
      '++49 6131 123456',
      '(06131 123456',
      '06131) 123456',
      '((06131)) 123456',
      '+49 6131 123456 ext. 12',
    ]) {
      assert.deepEqual(checkPhone(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('from 6 to 15 digits in E.164 (ITU-T E.164 § 6.1)', () => {
    assert.deepEqual(checkPhone('0123'), { ok: false, problem: 'tooShort' }); // +49123
    assert.deepEqual(checkPhone('01234'), { ok: true, value: '+491234' });
    assert.deepEqual(checkPhone('+49'), { ok: false, problem: 'tooShort' });
    assert.deepEqual(checkPhone('0 1234 5678 901'), { ok: true, value: '+4912345678901' });
    assert.deepEqual(checkPhone('0 1234 5678 9012 3'), { ok: true, value: '+491234567890123' });
    assert.deepEqual(checkPhone('0 1234 5678 9012 34'), { ok: false, problem: 'tooLong' });
    assert.deepEqual(checkPhone('+12 3456 7890 1234 5'), { ok: true, value: '+123456789012345' });
    assert.deepEqual(checkPhone('+12 3456 7890 1234 56'), { ok: false, problem: 'tooLong' });
  });

  test('property: any German number, in any of the spellings, gives the same E.164 value', () => {
    const areaCode = fc.stringMatching(/^[1-9]\d{1,4}$/);
    const subscriber = fc.stringMatching(/^[1-9]\d{2,7}$/);
    const spelling = fc.constantFrom(
      (a: string, s: string) => `0${a} ${s}`,
      (a: string, s: string) => `0${a}/${s}`,
      (a: string, s: string) => `(0${a}) ${s}`,
      (a: string, s: string) => `+49 ${a} ${s}`,
      (a: string, s: string) => `+49 (0)${a}-${s}`,
      (a: string, s: string) => `0049${a}${s}`,
    );
    fc.assert(
      fc.property(areaCode, subscriber, spelling, (a, s, spell) => {
        assert.deepEqual(checkPhone(spell(a, s)), { ok: true, value: `+49${a}${s}` });
      }),
    );
  });

  test('property: the value is always "+" and 6 to 15 digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 +-/()'), maxLength: 24 }), (raw) => {
        const result = checkPhone(raw);
        if (result.ok) assert.match(result.value, /^\+[1-9]\d{5,14}$/);
      }),
    );
  });
});
