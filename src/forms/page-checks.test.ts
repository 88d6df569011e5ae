import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPackage, parsePackageText } from '../packages/load.ts';
import type { ServicePackage } from '../packages/schema.ts';
import { runTestCase } from '../packages/test-runner.ts';
import { validateJourney } from './engine.ts';
import type { Locale } from './types.ts';

const NOT_INVALID = {
  de: 'Die E-Mail-Adresse ist nicht erreichbar.',
  en: 'The email address cannot be reached.',
};
const PHONE_OR_EMAIL = { de: 'Geben Sie eine Telefonnummer oder eine E-Mail-Adresse an.' };

/** The library card whose contact page asks for a phone number too and checks across the two answers. */
async function libraryCardWithChecks() {
  const path = join(import.meta.dirname, '..', '..', 'services', 'bibliotheksausweis', 'package.yaml');
  const data = parsePackageText(await readFile(path, 'utf8'), 'bibliotheksausweis') as ServicePackage;
  const kontakt = data.form.pages.find((page) => page.id === 'kontakt') ?? assert.fail('page "kontakt"');
  kontakt.fields.push({ kind: 'phone', name: 'phone', label: { de: 'Telefonnummer' }, optional: true });
  kontakt.checks = [
    { expression: 'not(ends with(email, ".invalid"))', field: 'email', message: NOT_INVALID },
    { expression: 'email != null or phone != null', field: 'phone', message: PHONE_OR_EMAIL },
  ];
  data.tests = [];
  return loadPackage(data, 'bibliotheksausweis');
}

const pkg = await libraryCardWithChecks();
const adult = {
  givenName: 'Jana',
  familyName: 'Kowalski',
  birthDate: '14.02.1990',
  address: { street: 'Bahnhofstraße', houseNumber: '101', postalCode: '12345', city: 'Musterstadt' },
  email: 'jana@example.org',
  reduction: 'keine',
};
const validate = (answers: Record<string, unknown>, locale: Locale = 'de') =>
  validateJourney(pkg, answers, { locale, today: '2026-03-02', codeLists: {} }).errors;

test('valid answers pass every check', () => {
  assert.deepEqual(validate(adult), []);
  assert.deepEqual(validate({ ...adult, phone: '0123 4567890' }), []);
});

test('a check that is false is an error at its field, in the citizen’s language', () => {
  const invalid = { ...adult, email: 'jana@example.invalid' };
  assert.deepEqual(validate(invalid), [{ field: 'email', message: NOT_INVALID.de }]);
  assert.deepEqual(validate(invalid, 'en'), [{ field: 'email', message: NOT_INVALID.en }]);
});

test('a message without English is shown in German', () => {
  const neither = { ...adult, email: '' };
  assert.deepEqual(validate(neither, 'en'), [{ field: 'phone', message: PHONE_OR_EMAIL.de }]);
});

test('a check that is null — an optional answer left empty — does not fail', () => {
  // not(ends with(null, ".invalid")) is null; the second check holds through the phone number.
  assert.deepEqual(validate({ ...adult, email: '', phone: '0123 4567890' }), []);
});

test('a check waits for its fields’ own errors, which come first', () => {
  const errors = validate({ ...adult, email: 'jana@' });
  assert.deepEqual(
    errors.map((e) => e.field),
    ['email'],
  );
  assert.notEqual(errors[0]?.message, NOT_INVALID.de);
  const withoutStreet = { ...adult, address: { ...adult.address, street: '' }, email: 'a@b.invalid' };
  assert.deepEqual(
    validate(withoutStreet).map((e) => e.field),
    ['address.street', 'email'],
  );
});

test('a package’s test cases see the errors of its checks', () => {
  const testCase = { name: 'unreachable', answers: { ...adult, email: 'a@b.invalid' }, expect: {} };
  assert.equal(runTestCase(pkg, { ...testCase, expect: { errors: ['email'] } }, new Date()).passed, true);
  assert.deepEqual(runTestCase(pkg, { ...testCase, expect: { valid: true } }, new Date()).failures, [
    `expected no errors, got: email (${NOT_INVALID.de})`,
  ]);
});
