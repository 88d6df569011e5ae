import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MEDIA_TYPES, type FieldContext, mapField } from './fields.ts';
import type { FimField } from './model.ts';
import { readPraezisierung } from './praezisierung.ts';
import { parseXml } from './xml.ts';

function field(overrides: Partial<FimField>): FimField {
  return {
    kind: 'field',
    id: 'F1',
    name: 'Feld',
    label: 'Feld',
    rules: [],
    feldart: 'input',
    datentyp: 'text',
    praezisierung: {},
    werte: [],
    mediaTypes: [],
    ...overrides,
  };
}

function map(overrides: Partial<FimField>, ctx: Partial<FieldContext> = {}) {
  const warnings: string[] = [];
  const mapped = mapField(field(overrides), {
    name: 'f1',
    optional: false,
    codeList: () => undefined,
    warn: (m) => warnings.push(m),
    ...ctx,
  });
  return { def: mapped?.def, kind: mapped?.kind, warnings };
}

test('datentyp picks the field kind', () => {
  const kinds = Object.fromEntries(
    ['text', 'text_latin', 'date', 'bool', 'num', 'num_int', 'num_currency', 'file'].map((d) => [
      d,
      map({ datentyp: d }).def?.kind,
    ]),
  );
  assert.deepEqual(kinds, {
    text: 'text',
    text_latin: 'text',
    date: 'date',
    bool: 'yesNo',
    num: 'number',
    num_int: 'number',
    num_currency: 'money',
    file: 'file',
  });
  assert.deepEqual(map({ datentyp: 'num_int', praezisierung: { minValue: 1, maxValue: 31 } }).def, {
    kind: 'number',
    name: 'f1',
    label: { de: 'Feld' },
    integer: true,
    min: 1,
    max: 31,
  });
  assert.deepEqual(map({ datentyp: 'num_currency', praezisierung: { minValue: 0.5 } }).def, {
    kind: 'money',
    name: 'f1',
    label: { de: 'Feld' },
    minCents: 50,
  });
});

test('obj and hidden are skipped, unknown types become text, all with a warning', () => {
  for (const overrides of [{ datentyp: 'obj' }, { feldart: 'hidden' }]) {
    const { def, warnings } = map(overrides);
    assert.equal(def, undefined);
    assert.equal(warnings.length, 1);
  }
  const datetime = map({ datentyp: 'datetime' });
  assert.equal(datetime.def?.kind, 'text');
  assert.match(datetime.warnings[0] ?? '', /datetime/);
});

test('texts take hint, summary label, optional and length limits', () => {
  const { def } = map(
    { hint: 'Wie im Ausweis', outputLabel: 'Nachname', praezisierung: { minLength: 1, maxLength: 120 } },
    { optional: true },
  );
  assert.deepEqual(def, {
    kind: 'text',
    name: 'f1',
    label: { de: 'Feld' },
    hint: { de: 'Wie im Ausweis' },
    summaryLabel: { de: 'Nachname' },
    optional: true,
    maxLength: 120,
  });
});

test('an XSD pattern is anchored and needs the u flag; prose and broken patterns are dropped', () => {
  const good = map({ praezisierung: { pattern: '[\\p{L}0-9. ]*' } }).def;
  assert.ok(good?.kind === 'text' && good.pattern);
  const regex = new RegExp(good.pattern.regex, 'u');
  assert.equal(regex.test('Ä1.'), true);
  assert.equal(regex.test('a!'), false);
  for (const pattern of ['Codeliste Regionalschlüssel', '([a-z']) {
    const { def, warnings } = map({ praezisierung: { pattern } });
    assert.ok(def?.kind === 'text' && !def.pattern);
    assert.equal(warnings.length, 1);
  }
});

test('a select with werte is a choice: radios up to six options, a select above', () => {
  const werte = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `0${i}`, name: `Wert ${i}` }));
  const small = map({ feldart: 'select', werte: werte(6) }).def;
  const large = map({ feldart: 'select', werte: werte(7) }).def;
  assert.ok(small?.kind === 'choice' && large?.kind === 'choice');
  assert.equal(small.display, 'radios');
  assert.equal(large.display, 'select');
  assert.deepEqual(small.options[0], { value: '00', label: { de: 'Wert 0' } });
  const multi = map({ feldart: 'select', werte: werte(3) }, { multiple: { min: 1, max: 2 } }).def;
  assert.ok(multi?.kind === 'multiChoice');
  assert.equal(multi.maxSelected, 2);
});

test('a select uses the supplied code list, and is a text field with a warning without it', () => {
  const codeList = { entries: [{ code: '01', label: { de: 'Ich stimme zu.' } }] };
  const ref = { canonicalId: 'urn:de:fim:codeliste:zustimmung' };
  const found = map(
    { feldart: 'select', codeList: ref },
    { codeList: () => ({ id: 'zustimmung', codeList }) },
  ).def;
  assert.deepEqual(found, {
    kind: 'codeList',
    name: 'f1',
    label: { de: 'Feld' },
    codeList: 'zustimmung',
    display: 'radios',
  });
  const missing = map({ feldart: 'select', codeList: ref });
  assert.equal(missing.def?.kind, 'text');
  assert.match(missing.warnings[0] ?? '', /urn:de:fim:codeliste:zustimmung" was not supplied/);
  const mehrfach = map(
    { feldart: 'select', codeList: ref, praezisierung: { pattern: 'Mehrfachauswahl' } },
    { codeList: () => ({ id: 'zustimmung', codeList }) },
  );
  assert.equal(mehrfach.def?.kind, 'multiChoice');
});

test('labels and locked fields are info blocks', () => {
  assert.deepEqual(map({ feldart: 'label', inhalt: 'Bitte beachten Sie …' }).def, {
    kind: 'info',
    text: { de: 'Bitte beachten Sie …' },
  });
  assert.deepEqual(map({ feldart: 'locked', label: 'Behörde', inhalt: 'Stadt X' }).def, {
    kind: 'info',
    text: { de: 'Behörde: Stadt X' },
  });
  assert.equal(map({ feldart: 'locked' }).def, undefined);
});

test('files take their media types and size, or PDF/JPEG/PNG', () => {
  assert.deepEqual(map({ datentyp: 'file', mediaTypes: ['application/pdf'], maxSize: 1000 }).def, {
    kind: 'file',
    name: 'f1',
    label: { de: 'Feld' },
    mediaTypes: ['application/pdf'],
    maxBytes: 1000,
  });
  const wildcard = map({ datentyp: 'file', mediaTypes: ['image/*'] });
  assert.ok(wildcard.def?.kind === 'file');
  assert.deepEqual(wildcard.def.mediaTypes, DEFAULT_MEDIA_TYPES);
  assert.equal(wildcard.warnings.length, 1);
});

test('praezisierung: 3.0 attributes, 2.0 JSON, ranges and lengths', () => {
  const read = (xml: string) => readPraezisierung(parseXml(xml));
  assert.deepEqual(read('<p minLength="1" maxLength="55" pattern="[0-9]*">Text</p>'), {
    minLength: 1,
    maxLength: 55,
    pattern: '[0-9]*',
  });
  assert.deepEqual(read('<p>{"minLength":"5","pattern":"[0-9]{5}"}</p>'), {
    minLength: 5,
    pattern: '[0-9]{5}',
  });
  assert.deepEqual(read('<p>1..31</p>'), { minLength: 1, maxLength: 31, minValue: 1, maxValue: 31 });
  assert.deepEqual(read('<p>5</p>'), { maxLength: 5 });
  assert.deepEqual(read('<p>irgendwas</p>'), { unparsed: 'irgendwas' });
  assert.deepEqual(readPraezisierung(undefined), {});
});
