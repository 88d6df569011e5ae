import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bewohnerparkausweis } from '../../services/bewohnerparkausweis/service.ts';
import type { PageDef } from './types.ts';
import { normalizeText, validateTextFields } from './validate.ts';

function pageOf(id: string): PageDef {
  const page = bewohnerparkausweis.pages.find((p) => p.id === id);
  assert.ok(page, `sample service has page ${id}`);
  return page;
}

const namePage = pageOf('name');
const addressPage = pageOf('anschrift');
const vehiclePage = pageOf('fahrzeug');

const validAddress = { street: 'Heidestraße', houseNumber: '17', postalCode: '55116', city: 'Mainz' };

/** The error messages per field, so a test reads like the page the citizen sees. */
function errorsOf(page: PageDef, body: Record<string, unknown>, locale: 'de' | 'en' = 'de') {
  return Object.fromEntries(validateTextFields(page, body, locale).errors.map((e) => [e.field, e.message]));
}

describe('normalizeText', () => {
  test('trims and folds runs of white space into one space', () => {
    assert.equal(normalizeText('  Erika \t  Maria\n\nMustermann  '), 'Erika Maria Mustermann');
  });

  test('removes NUL and other control characters, which jsonb and logs cannot take', () => {
    assert.equal(normalizeText('Erika\u0000'), 'Erika');
    assert.equal(normalizeText('Er\u0000ika'), 'Er ika');
    assert.equal(normalizeText('\u0007Mainz\u001b\u007f'), 'Mainz');
    assert.equal(normalizeText('a\u0001\u0002\u001fb'), 'a b');
  });

  test('keeps umlauts and other letters as they are', () => {
    assert.equal(normalizeText('Müller-Lüdenscheidt Yılmaz ß'), 'Müller-Lüdenscheidt Yılmaz ß');
  });

  test('turns anything that is not a string into the empty string', () => {
    for (const raw of [undefined, null, 42, ['Erika'], { value: 'Erika' }])
      assert.equal(normalizeText(raw), '');
  });
});

describe('validateTextFields: required and optional fields', () => {
  test('an empty page names every missing required field, in page order', () => {
    const result = validateTextFields(namePage, {}, 'de');
    assert.deepEqual(result.errors, [
      { field: 'givenName', message: 'Bitte füllen Sie das Feld „Vorname“ aus.' },
      { field: 'familyName', message: 'Bitte füllen Sie das Feld „Nachname“ aus.' },
    ]);
  });

  test('a value of only spaces or control characters counts as missing', () => {
    const errors = errorsOf(namePage, { givenName: '   ', familyName: '\u0000\t' });
    assert.deepEqual(Object.keys(errors), ['givenName', 'familyName']);
  });

  test('returns the normalised values for the page to store', () => {
    const result = validateTextFields(
      namePage,
      { givenName: ' Erika ', familyName: 'Mustermann\u0000' },
      'de',
    );
    assert.deepEqual(result, { values: { givenName: 'Erika', familyName: 'Mustermann' }, errors: [] });
  });

  test('ignores posted names that are not fields of the page', () => {
    const result = validateTextFields(namePage, { givenName: 'E', familyName: 'M', admin: 'yes' }, 'de');
    assert.deepEqual(Object.keys(result.values), ['givenName', 'familyName']);
  });

  test('an optional field may stay empty but is still checked when filled', () => {
    const page: PageDef = {
      id: 'extra',
      title: { de: 'Zusatz', en: 'Extra' },
      fields: [
        {
          kind: 'text',
          name: 'postalCode2',
          label: { de: 'Zweite Postleitzahl', en: 'Second postcode' },
          maxLength: 5,
          format: 'postalCode',
          optional: true,
        },
      ],
    };
    assert.deepEqual(validateTextFields(page, {}, 'de'), { values: { postalCode2: '' }, errors: [] });
    assert.match(errorsOf(page, { postalCode2: '123' }).postalCode2 ?? '', /„Zweite Postleitzahl“/);
  });
});

describe('validateTextFields: maximum length', () => {
  test('accepts exactly the maximum and refuses one character more, naming the field', () => {
    assert.deepEqual(errorsOf(namePage, { givenName: 'a'.repeat(100), familyName: 'M' }), {});
    assert.deepEqual(errorsOf(namePage, { givenName: 'a'.repeat(101), familyName: 'M' }), {
      givenName: '„Vorname“ darf höchstens 100 Zeichen lang sein.',
    });
  });

  test('counts the length after trimming', () => {
    assert.deepEqual(errorsOf(namePage, { givenName: `  ${'a'.repeat(100)}  `, familyName: 'M' }), {});
  });
});

describe('validateTextFields: formats', () => {
  test('postal code: exactly five digits', () => {
    assert.deepEqual(errorsOf(addressPage, validAddress), {});
    for (const postalCode of ['1234', '5511a', 'abcde', '1 234']) {
      const errors = errorsOf(addressPage, { ...validAddress, postalCode });
      assert.match(errors.postalCode ?? '', /„Postleitzahl“.*5 Ziffern/, postalCode);
    }
  });

  test('house number: 12, 12a, 12-14 and similar pass; words do not', () => {
    for (const houseNumber of ['12', '12a', '12 a', '12-14', '12/14', '3A']) {
      assert.deepEqual(errorsOf(addressPage, { ...validAddress, houseNumber }), {}, houseNumber);
    }
    for (const houseNumber of ['abc', 'a12', '12abc', '12-', '-12']) {
      const errors = errorsOf(addressPage, { ...validAddress, houseNumber });
      assert.match(errors.houseNumber ?? '', /„Hausnummer“/, houseNumber);
    }
  });

  test('vehicle registration: German plates pass and are stored upper case', () => {
    const cases: [string, string][] = [
      ['MZ-AB 123', 'MZ-AB 123'],
      ['M-A 1', 'M-A 1'],
      ['B AB 1234E', 'B AB 1234E'],
      ['mz-ab 123', 'MZ-AB 123'],
      ['mz - ab 123', 'MZ-AB 123'],
      ['bö-x 7h', 'BÖ-X 7H'],
    ];
    for (const [input, stored] of cases) {
      const result = validateTextFields(vehiclePage, { vehicleRegistration: input }, 'de');
      assert.deepEqual(result.errors, [], input);
      assert.equal(result.values.vehicleRegistration, stored);
    }
  });

  test('vehicle registration: digits only, a leading zero or too many letters are refused', () => {
    for (const vehicleRegistration of ['12345', 'MZ-AB 0123', 'MZ-ABC 123', 'ABCD-A 1', 'MZ-AB 12345']) {
      const errors = errorsOf(vehiclePage, { vehicleRegistration });
      assert.equal(
        errors.vehicleRegistration,
        '„Kennzeichen“: Geben Sie ein deutsches Kennzeichen ein, zum Beispiel MZ-AB 123.',
        vehicleRegistration,
      );
    }
  });

  test('a too long value gets the length message, not the format message', () => {
    const errors = errorsOf(addressPage, { ...validAddress, postalCode: '5511655116' });
    assert.equal(errors.postalCode, '„Postleitzahl“ darf höchstens 5 Zeichen lang sein.');
  });
});

describe('validateTextFields: every message names its field', () => {
  test('German messages quote the German label', () => {
    const errors = errorsOf(addressPage, { street: '', houseNumber: 'abc', postalCode: '1234', city: '' });
    assert.match(errors.street ?? '', /„Straße“/);
    assert.match(errors.houseNumber ?? '', /„Hausnummer“/);
    assert.match(errors.postalCode ?? '', /„Postleitzahl“/);
    assert.match(errors.city ?? '', /„Ort“/);
  });

  test('English messages use the English label', () => {
    assert.deepEqual(errorsOf(namePage, { givenName: 'a'.repeat(101) }, 'en'), {
      givenName: '“Given name” must be 100 characters or fewer.',
      familyName: 'Please fill in “Family name”.',
    });
    const address = errorsOf(addressPage, { ...validAddress, houseNumber: 'abc', postalCode: '1234' }, 'en');
    assert.equal(address.houseNumber, '“House number”: enter a house number, for example 12 or 12a.');
    assert.equal(address.postalCode, '“Postcode”: enter exactly 5 digits, for example 55116.');
    assert.equal(
      errorsOf(vehiclePage, { vehicleRegistration: '12345' }, 'en').vehicleRegistration,
      '“Registration number”: enter a German registration number, for example MZ-AB 123.',
    );
  });
});
