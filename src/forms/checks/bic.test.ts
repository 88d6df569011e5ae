import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkBic } from './bic.ts';
import { ISO_3166_ALPHA_2 } from './country-codes.ts';

describe('checkBic', () => {
  test('accepts 8- and 11-character BICs and keeps their length', () => {
    for (const bic of ['DEUTDEFF', 'DEUTDEFF500', 'COBADEFFXXX', 'MARKDEF1550', 'GENODEF1S04', 'BNPAFRPP']) {
      assert.deepEqual(checkBic(bic), { ok: true, value: bic });
    }
  });

  test('tolerates lower case and spaces of any kind', () => {
    assert.deepEqual(checkBic(' deut de ff 500 '), { ok: true, value: 'DEUTDEFF500' });
    assert.deepEqual(checkBic('MARK\u00a0DEF1\u00a0550'), { ok: true, value: 'MARKDEF1550' });
  });

  test('refuses other lengths and characters', () => {
    for (const raw of ['', 'DEUTDE', 'DEUTDEF', 'DEUTDEFF5', 'DEUTDEFF50', 'DEUTDEFF5000', 'DEUTDEFF-500']) {
      assert.deepEqual(checkBic(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('the institution code and the country are letters; location and branch may be digits', () => {
    assert.deepEqual(checkBic('DEU1DEFF'), { ok: false, problem: 'format' });
    assert.deepEqual(checkBic('DEUTD1FF'), { ok: false, problem: 'format' });
    assert.deepEqual(checkBic('DEUTDE12'), { ok: true, value: 'DEUTDE12' });
    assert.deepEqual(checkBic('DEUTDEFFÄ00'), { ok: false, problem: 'format' });
  });

  test('the country must be an assigned ISO 3166-1 code', () => {
    assert.deepEqual(checkBic('DEUTXXFF'), { ok: false, problem: 'country' });
    assert.deepEqual(checkBic('BARCUKLL'), { ok: false, problem: 'country' }); // the United Kingdom is GB
    assert.deepEqual(checkBic('BARCGB22'), { ok: true, value: 'BARCGB22' });
    assert.deepEqual(checkBic('RBKOXKPR'), { ok: true, value: 'RBKOXKPR' }); // Kosovo: SWIFT's XK
  });

  test('the country list holds the 249 assigned codes', () => {
    assert.equal(ISO_3166_ALPHA_2.size, 249);
    for (const code of ['DE', 'AT', 'CH', 'GB', 'SS', 'CW', 'SX', 'BQ'])
      assert.ok(ISO_3166_ALPHA_2.has(code), code);
    for (const code of ['UK', 'EU', 'AN', 'CS', 'YU', 'XK']) assert.ok(!ISO_3166_ALPHA_2.has(code), code);
  });

  const letters = (n: number) =>
    fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: n, maxLength: n });
  const alnum = (n: number) =>
    fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
      minLength: n,
      maxLength: n,
    });

  test('property: every well-formed BIC with an assigned country passes, in any case', () => {
    fc.assert(
      fc.property(
        letters(4),
        fc.constantFrom(...ISO_3166_ALPHA_2),
        alnum(2),
        fc.option(alnum(3)),
        (bank, country, location, branch) => {
          const bic = `${bank}${country}${location}${branch ?? ''}`;
          assert.deepEqual(checkBic(bic.toLowerCase()), { ok: true, value: bic });
        },
      ),
    );
  });

  test('property: a well-formed BIC with an unassigned country is a country problem', () => {
    fc.assert(
      fc.property(letters(4), letters(2), alnum(2), (bank, country, location) => {
        fc.pre(!ISO_3166_ALPHA_2.has(country) && country !== 'XK');
        assert.deepEqual(checkBic(`${bank}${country}${location}`), { ok: false, problem: 'country' });
      }),
    );
  });
});
