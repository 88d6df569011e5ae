import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ValueFieldDef } from '../packages/schema.ts';
import { type FieldEnv, parseField } from './fields.ts';

const env: FieldEnv = {
  locale: 'de',
  today: '2026-11-25',
  codeLists: { land: { entries: [{ code: '07', label: { de: 'Rheinland-Pfalz' } }] } },
};
const text = (extra: Partial<Extract<ValueFieldDef, { kind: 'text' }>> = {}): ValueFieldDef => ({
  kind: 'text',
  name: 'vorname',
  label: { de: 'Vorname', en: 'Given name' },
  ...extra,
});

test('a required field left empty names the field', () => {
  assert.deepEqual(parseField(text(), '  ', env).errors, [
    { field: 'vorname', message: 'Bitte füllen Sie das Feld „Vorname“ aus.' },
  ]);
  assert.match(parseField(text(), '', { ...env, locale: 'en' }).errors[0]?.message ?? '', /Given name/);
});

test('an optional field may stay empty', () => {
  assert.deepEqual(parseField(text({ optional: true }), '', env), { value: undefined, errors: [] });
});

test('text is trimmed and bounded by maxLength, counted after trimming', () => {
  assert.equal(parseField(text({ maxLength: 3 }), '  abc ', env).value, 'abc');
  assert.match(
    parseField(text({ maxLength: 3 }), 'abcd', env).errors[0]?.message ?? '',
    /höchstens 3 Zeichen/,
  );
});

test('a package pattern is checked and its message shown with the field name', () => {
  const field = text({ pattern: { regex: '^[0-9]+$', message: { de: 'Nur Ziffern.' } } });
  assert.equal(parseField(field, '123', env).value, '123');
  assert.equal(parseField(field, '12a', env).errors[0]?.message, '„Vorname“: Nur Ziffern.');
});

test('an address reports each wrong part at its own input', () => {
  const address: ValueFieldDef = { kind: 'address', name: 'anschrift', label: { de: 'Anschrift' } };
  const result = parseField(address, { street: 'Markt', houseNumber: 'x', postalCode: '123', city: '' }, env);
  assert.deepEqual(
    result.errors.map((e) => e.field),
    ['anschrift.houseNumber', 'anschrift.postalCode', 'anschrift.city'],
  );
  const ok = parseField(
    address,
    { street: 'Markt', houseNumber: '1 a', postalCode: '12345', city: 'Musterstadt' },
    env,
  );
  assert.deepEqual(ok.value, {
    street: 'Markt',
    houseNumber: '1a',
    postalCode: '12345',
    city: 'Musterstadt',
  });
});

test('yes/no becomes a boolean; anything else is asked again', () => {
  const field: ValueFieldDef = { kind: 'yesNo', name: 'hund', label: { de: 'Hund?' } };
  assert.equal(parseField(field, 'yes', env).value, true);
  assert.equal(parseField(field, 'no', env).value, false);
  assert.match(parseField(field, 'vielleicht', env).errors[0]?.message ?? '', /Ja oder Nein/);
});

test('choices and code lists accept only their own codes', () => {
  const codeList: ValueFieldDef = { kind: 'codeList', name: 'land', label: { de: 'Land' }, codeList: 'land' };
  assert.equal(parseField(codeList, '07', env).value, '07');
  assert.equal(parseField(codeList, '99', env).errors.length, 1);
  const multi: ValueFieldDef = {
    kind: 'multiChoice',
    name: 'm',
    label: { de: 'M' },
    options: [
      { value: 'a', label: { de: 'A' } },
      { value: 'b', label: { de: 'B' } },
    ],
    maxSelected: 1,
  };
  assert.deepEqual(parseField(multi, ['a'], env).value, ['a']);
  assert.equal(parseField(multi, ['a', 'b'], env).errors.length, 1);
});

test('dates respect "past" including today, and report impossible dates', () => {
  const field: ValueFieldDef = { kind: 'date', name: 'geboren', label: { de: 'Geburtsdatum' }, past: true };
  assert.equal(parseField(field, '25.11.2026', env).value, '2026-11-25');
  assert.match(parseField(field, '26.11.2026', env).errors[0]?.message ?? '', /nicht in der Zukunft/);
  assert.match(parseField(field, '30.02.2000', env).errors[0]?.message ?? '', /gibt es nicht/);
});

test('money becomes cents', () => {
  const field: ValueFieldDef = { kind: 'money', name: 'betrag', label: { de: 'Betrag' } };
  assert.equal(parseField(field, '1.234,50 €', env).value, 123450);
});

test('a file answer must have an accepted media type', () => {
  const field: ValueFieldDef = {
    kind: 'file',
    name: 'nachweis',
    label: { de: 'Nachweis' },
    mediaTypes: ['application/pdf'],
  };
  const file = { documentId: 'x', filename: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 1 };
  assert.deepEqual(parseField(field, file, env).value, file);
  assert.equal(parseField(field, { ...file, mediaType: 'image/png' }, env).errors.length, 1);
  assert.match(parseField(field, null, env).errors[0]?.message ?? '', /Wählen Sie eine Datei/);
});

test('text shorter than its minimum says so, not that it is missing', () => {
  assert.equal(
    parseField(text({ minLength: 5 }), '1234', env).errors[0]?.message,
    '„Vorname“ muss mindestens 5 Zeichen lang sein.',
  );
});
