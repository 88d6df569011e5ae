import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FimImportError } from './errors.ts';
import { idFromText, importGenericode } from './genericode.ts';

const list = (
  columns: string,
  rows: string,
  keys = '<Key Id="codeKey"><ColumnRef Ref="code"/></Key>',
) => `<?xml version="1.0"?>
<CodeList xmlns="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
  <Identification><ShortName>Geschlecht</ShortName><LongName></LongName><Version>2022-01-01</Version>
    <CanonicalUri>urn:de:example:geschlecht</CanonicalUri></Identification>
  <ColumnSet>${columns}${keys}</ColumnSet>
  <SimpleCodeList>${rows}</SimpleCodeList>
</CodeList>`;
const column = (id: string) =>
  `<Column Id="${id}" Use="required"><ShortName>${id}</ShortName><Data Type="string"/></Column>`;
const row = (...values: [string, string][]) =>
  `<Row>${values.map(([ref, v]) => `<Value ColumnRef="${ref}"><SimpleValue>${v}</SimpleValue></Value>`).join('')}</Row>`;

test('the key column gives the code and the name-like column the label', () => {
  const xml = list(
    column('code') + column('beschreibung'),
    row(['code', 'm'], ['beschreibung', 'männlich']) + row(['code', 'w'], ['beschreibung', 'weiblich']),
  );
  const { id, codeList } = importGenericode(xml);
  assert.equal(id, 'urn-de-example-geschlecht');
  assert.deepEqual(codeList.title, { de: 'Geschlecht' });
  assert.deepEqual(codeList.source, { canonicalUri: 'urn:de:example:geschlecht', version: '2022-01-01' });
  assert.deepEqual(codeList.entries, [
    { code: 'm', label: { de: 'männlich' } },
    { code: 'w', label: { de: 'weiblich' } },
  ]);
});

test('codeKey and nameKey pick the columns, by column id or by key id', () => {
  const xml = list(
    column('schluessel') + column('kurz') + column('lang'),
    row(['schluessel', '000'], ['kurz', 'DE'], ['lang', 'Deutschland']),
    '<Key Id="codeKey"><ColumnRef Ref="schluessel"/></Key><Key Id="langKey"><ColumnRef Ref="lang"/></Key>',
  );
  assert.equal(importGenericode(xml, { nameKey: 'kurz' }).codeList.entries[0]?.label.de, 'DE');
  assert.equal(importGenericode(xml, { nameKey: 'langKey' }).codeList.entries[0]?.label.de, 'Deutschland');
  assert.equal(importGenericode(xml, { codeKey: 'kurz', nameKey: 'lang' }).codeList.entries[0]?.code, 'DE');
});

test('values without ColumnRef follow the column order; rows without a code are left out', () => {
  const xml = list(
    column('code') + column('name'),
    '<Row><Value><SimpleValue>1</SimpleValue></Value><Value><SimpleValue>eins</SimpleValue></Value></Row>' +
      row(['name', 'ohne Code']) +
      row(['code', '1'], ['name', 'doppelt']),
  );
  assert.deepEqual(importGenericode(xml).codeList.entries, [{ code: '1', label: { de: 'eins' } }]);
});

test('a missing label falls back to the code', () => {
  const xml = list(column('code') + column('name'), row(['code', 'x']));
  assert.deepEqual(importGenericode(xml).codeList.entries, [{ code: 'x', label: { de: 'x' } }]);
});

test('broken code lists are rejected with a German and English message', () => {
  const cases: [string, RegExp][] = [
    ['<CodeList xmlns="urn:other"/>', /keine genericode-1.0-Codeliste.*not a genericode 1.0 code list/],
    [list(column('code'), ''), /enthält keine Einträge.*has no entries/],
    [
      list(column('code'), row(['code', '1'])).replace(
        '<CanonicalUri>urn:de:example:geschlecht</CanonicalUri>',
        '',
      ),
      /<CanonicalUri>/,
    ],
  ];
  for (const [xml, message] of cases) {
    assert.throws(
      () => importGenericode(xml),
      (e: unknown) => e instanceof FimImportError && message.test(e.message),
    );
  }
  const xml = list(column('code'), row(['code', '1']));
  assert.throws(() => importGenericode(xml, { nameKey: 'nope' }), /there is no column "nope"/);
});

test('ids are lower-cased, umlauts spelled out and everything else turned into dashes', () => {
  assert.equal(idFromText('Bestätigung'), 'bestaetigung');
  assert.equal(idFromText('Parkgenehmigung (Dauer)'), 'parkgenehmigung-dauer');
  assert.equal(idFromText('S05000058'), 's05000058');
  assert.equal(idFromText('–'), 'codeliste');
  assert.match(idFromText(`urn:${'x'.repeat(80)}`), /^[a-z0-9][a-z0-9-]{0,63}$/);
});
