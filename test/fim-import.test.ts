/**
 * FIM import against real public schemas (see test/fixtures/fim/README.md for their sources and licences):
 * Bewohnerparken S05000058 and Gewerbeanmeldung S00000009 (XDatenfelder 2.0), S00000000364 and
 * S00000000373 (XDatenfelder 3.0.0, fimportal.de exports), and the parser test files of xdatenfelder-ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Value } from 'typebox/value';
import { FimImportError } from '../src/packages/fim/errors.ts';
import { type FimImportResult, importFim } from '../src/packages/fim/import-fim.ts';
import { loadPackage } from '../src/packages/load.ts';
import { type ServicePackage, ServicePackageSchema } from '../src/packages/schema.ts';

const FIXTURES = new URL('./fixtures/fim/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');
const BEWOHNERPARKEN = 'glykon/examples/2.0/bewohnerparken/';
const GEWERBE = 'glykon/examples/2.0/gewerbeanmeldung/S00000009_xdatenfelder.xml';
const XDF3_364 = 'bund-t-prototype/fim_data/S00000000364/schema.xdf.xml';
const XDF3_373 = 'bund-t-prototype/fim_data/S00000000373/schema.xdf.xml';
const FLXBE = 'xdatenfelder-ts/modules/xdatenfelder-xml/tests/';

/** The genericode files next to the schema, keyed by file name: the importer matches them by content. */
function bewohnerparkenCodeLists(): Map<string, string> {
  const files = readdirSync(new URL(BEWOHNERPARKEN, FIXTURES)).filter((f) => f.endsWith('_genericode.xml'));
  return new Map(files.map((f) => [f, read(BEWOHNERPARKEN + f)]));
}

const count = (xml: string, element: string) => xml.split(`<xdf:${element}>`).length - 1;
const items = (pkg: ServicePackage) => pkg.form.pages.flatMap((p) => p.fields);
const valueFields = (pkg: ServicePackage) =>
  items(pkg).flatMap((i) => (i.kind === 'repeat' ? i.fields : i.kind === 'info' ? [] : [i]));
const find = (pkg: ServicePackage, name: string) => valueFields(pkg).find((f) => f.name === name);
const kinds = (pkg: ServicePackage) => Object.groupBy(valueFields(pkg), (f) => f.kind);

/** The result is a package by the schema and passes the loader's consistency and FEEL checks. */
function assertUsable({ package: pkg }: FimImportResult): void {
  const errors = [...Value.Errors(ServicePackageSchema, pkg)].map((e) => `${e.instancePath}: ${e.message}`);
  assert.deepEqual(errors, []);
  assert.equal(Value.Check(ServicePackageSchema, pkg), true);
  assert.doesNotThrow(() => loadPackage(pkg, pkg.id));
}

test('Bewohnerparken (XDF 2.0): the file holds 33 Datenfelder, 8 Gruppen, 2 Regeln and 7 code-list references', () => {
  const xml = read(`${BEWOHNERPARKEN}S05000058V1.0_xdf2.xml`);
  assert.deepEqual(
    ['datenfeld', 'datenfeldgruppe', 'regel', 'codelisteReferenz'].map((e) => count(xml, e)),
    [33, 8, 2, 7],
  );
});

test('Bewohnerparken (XDF 2.0) imports as a valid package with its code lists', () => {
  const result = importFim(read(`${BEWOHNERPARKEN}S05000058V1.0_xdf2.xml`), {
    codeLists: bewohnerparkenCodeLists(),
  });
  assertUsable(result);
  const pkg = result.package;
  assert.equal(pkg.id, 's05000058');
  assert.equal(pkg.version, '1.0.0');
  assert.equal(pkg.metadata.title.de, 'Antrag auf Erteilung / Verlängerung Bewohnerparkausweis');
  assert.deepEqual(pkg.metadata.leikaKeys, ['99108001001000', '99108001020000']);
  assert.equal(pkg.metadata.legalBasis.length, 1);
  assert.equal(pkg.metadata.referencePrefix, 'FIM');
  assert.equal(pkg.metadata.requiredTrustLevel, 'basic');
  assert.deepEqual(
    pkg.form.pages.map((p) => p.id),
    ['allgemeine-angaben', 'g05000496', 'g05000493', 'g05000477', 'g05000499'],
  );
  // Every one of the 33 Datenfelder is an answer; "Vorname 1:*" is the only repeat.
  assert.equal(Object.keys(result.fieldMap).length, 33);
  assert.equal(valueFields(pkg).length, 33);
  const repeats = items(pkg).filter((i) => i.kind === 'repeat');
  assert.deepEqual(
    repeats.map((r) => [r.name, r.min, r.max]),
    [['f05000060', 1, 20]],
  );
  assert.equal(result.fieldMap['G05000496/F05000060'], 'f05000060.wert');
  const counts = Object.fromEntries(Object.entries(kinds(pkg)).map(([k, v]) => [k, v?.length]));
  assert.deepEqual(counts, { codeList: 7, text: 19, date: 3, number: 2, file: 2 });
  assert.equal(pkg.form.applicantName, 'f05000059');
});

test('Bewohnerparken: 6 code lists (7 references, Staat used twice) with their entries', () => {
  const { package: pkg } = importFim(read(`${BEWOHNERPARKEN}S05000058V1.0_xdf2.xml`), {
    codeLists: bewohnerparkenCodeLists(),
  });
  const sizes = Object.fromEntries(
    Object.entries(pkg.codeLists ?? {}).map(([id, list]) => [id, list.entries.length]),
  );
  assert.deepEqual(sizes, {
    'urn-de-fim-codeliste-zustimmung': 1,
    bestaetigung: 1,
    'urn-de-bund-destatis-bevoelkerungsstatistik-schluessel-staat': 197,
    'parkgenehmigung-dauer': 2,
    'art-des-antrags-kurz': 2,
    halterdaten: 2,
  });
  const land = find(pkg, 'f05000523');
  assert.ok(land?.kind === 'codeList');
  assert.equal(land.display, 'select');
  assert.deepEqual(pkg.codeLists?.[land.codeList]?.entries[0], { code: '000', label: { de: 'Deutschland' } });
  const halter = find(pkg, 'f05001047');
  assert.ok(halter?.kind === 'codeList');
  assert.equal(halter.display, 'radios');
});

test('Bewohnerparken: fields keep their type, limits and help; reused fields get distinct names', () => {
  const { package: pkg, fieldMap } = importFim(read(`${BEWOHNERPARKEN}S05000058V1.0_xdf2.xml`), {
    codeLists: bewohnerparkenCodeLists(),
  });
  assert.equal(find(pkg, 'f05000351')?.kind, 'date');
  const family = find(pkg, 'f05000059');
  assert.ok(family?.kind === 'text');
  assert.equal(family.maxLength, 120);
  assert.equal(find(pkg, 'f05000067')?.optional, true);
  const upload = find(pkg, 'f05001045');
  assert.ok(upload?.kind === 'file');
  assert.deepEqual(upload.mediaTypes, ['application/pdf', 'image/jpeg', 'image/png']);
  assert.deepEqual(pkg.metadata.whatYouNeed, [
    { de: 'Nutzungsüberlassung' },
    { de: 'Zulassungsbescheinigung Teil I (Fahrzeugschein)' },
  ]);
  // F00000054 (Postleitzahl) sits in the applicant's and in the holder's address.
  assert.equal(fieldMap['G05000496/G00000113/F00000054'], 'g00000113_f00000054');
  assert.equal(fieldMap['G05000499/G05000554/F00000054'], 'g05000554_f00000054');
  const postcode = find(pkg, 'g00000113_f00000054');
  assert.ok(postcode?.kind === 'text' && postcode.pattern);
  const regex = new RegExp(postcode.pattern.regex, 'u');
  assert.deepEqual(
    ['12345', '01234', '00123', '123456'].map((v) => regex.test(v)),
    [true, true, false, false],
  );
});

test('Bewohnerparken: both rules become conditions, and say so in a warning', () => {
  const { package: pkg, warnings } = importFim(read(`${BEWOHNERPARKEN}S05000058V1.0_xdf2.xml`), {
    codeLists: bewohnerparkenCodeLists(),
  });
  const holderPage = pkg.form.pages.find((p) => p.id === 'g05000499');
  assert.equal(holderPage?.condition, 'f05001047 = "02"');
  assert.equal(find(pkg, 'f05001346')?.condition, 'f05001347 = "02"');
  assert.equal(find(pkg, 'f05001345')?.condition, 'f05001347 = "02"');
  assert.equal(find(pkg, 'f05001348')?.condition, undefined);
  assert.ok(warnings.some((w) => w.startsWith('Regel R05000281') && w.includes('translated')));
  assert.ok(warnings.some((w) => w.startsWith('Regel R05000334') && w.includes('translated')));
  assert.ok(warnings.some((w) => w.includes('F05000060') && w.includes('limited to 20')));
});

test('Bewohnerparken without its code-list files: selects become text fields with a warning, still valid', () => {
  const result = importFim(read(`${BEWOHNERPARKEN}S05000058V1.0_xdf2.xml`));
  assertUsable(result);
  assert.equal(result.package.codeLists, undefined);
  assert.equal(result.warnings.filter((w) => w.includes('was not supplied')).length, 7);
  // Without the code lists the rules' values cannot be checked, so they stay untranslated.
  assert.equal(result.warnings.filter((w) => w.includes('not translated')).length, 2);
});

test('Gewerbeanmeldung (XDF 2.0, 132 Datenfelder, 54 Gruppen) imports with repeats and info blocks', () => {
  const xml = read(GEWERBE);
  assert.deepEqual(
    [count(xml, 'datenfeld'), count(xml, 'datenfeldgruppe'), count(xml, 'codelisteReferenz')],
    [132, 54, 15],
  );
  const result = importFim(xml);
  assertUsable(result);
  const pkg = result.package;
  assert.equal(pkg.id, 's00000009');
  assert.deepEqual(
    pkg.form.pages.map((p) => p.id),
    [
      'allgemeine-angaben',
      'g00000246',
      'weitere-angaben',
      'g00000091',
      'g00000095',
      'g00000109',
      'weitere-angaben-2',
    ],
  );
  // 127 input/select fields are answers, plus the two repeats; the 5 label fields are info blocks.
  assert.equal(Object.keys(result.fieldMap).length, 129);
  assert.equal(valueFields(pkg).length, 127);
  assert.equal(items(pkg).filter((i) => i.kind === 'info').length, 5);
  const repeats = items(pkg).filter((i) => i.kind === 'repeat');
  assert.deepEqual(
    repeats.map((r) => [r.name, r.min, r.max, r.fields.length]),
    [
      ['g00000091', 1, 20, 77],
      ['g00000097', 0, 20, 3],
    ],
  );
  assert.equal(find(pkg, 'f00000008')?.kind, 'date');
  assert.equal(find(pkg, 'f00000458')?.kind, 'yesNo');
  // The applicant is inside the repeated "Betriebsinhaber": no single name to show.
  assert.equal(pkg.form.applicantName, '"Antragsteller/in"');
  assert.ok(result.warnings.some((w) => w.includes('G00000247') && w.includes('inside a repeated group')));
  assert.equal(result.warnings.filter((w) => w.includes('was not supplied')).length, 9);
});

test('S00000000364 (XDF 3.0.0): a rule "WENN … = JA, DANN aktiviere Datenfeldgruppe" becomes a page condition', () => {
  const result = importFim(read(XDF3_364));
  assertUsable(result);
  const pkg = result.package;
  assert.equal(pkg.metadata.title.de, 'Anzeige der erstmaligen Ausgabe von Heimarbeit');
  assert.deepEqual(pkg.metadata.leikaKeys, ['99006047261000']);
  assert.deepEqual(
    pkg.metadata.legalBasis.map((t) => t.de),
    ['§ 7 HAG vom 23.10.2024', '§ 6 HAG vom 23.10.2024', '§ 15 HAG vom 23.10.2024'],
  );
  assert.deepEqual(
    pkg.form.pages.map((p) => [p.id, p.condition]),
    [
      ['allgemeine-angaben', undefined],
      ['g60000000086', undefined],
      ['weitere-angaben', undefined],
      ['g00000002211', 'f00000003445 = true'],
    ],
  );
  assert.equal(find(pkg, 'f00000003445')?.kind, 'yesNo');
  assert.equal(Object.keys(result.fieldMap).length, 14);
  assert.equal(pkg.form.applicantName, 'f60000000319');
});

test('S00000000373 (XDF 3.0.0): inline werte, nested repeats flattened, a rule inside a repeat left to people', () => {
  const result = importFim(read(XDF3_373));
  assertUsable(result);
  const pkg = result.package;
  const repeat = items(pkg).find((i) => i.kind === 'repeat');
  assert.ok(repeat?.kind === 'repeat');
  assert.deepEqual([repeat.name, repeat.min, repeat.max, repeat.fields.length], ['g00000002237', 1, 20, 9]);
  const art = repeat.fields.find((f) => f.name === 'f00000003430');
  assert.ok(art?.kind === 'multiChoice');
  assert.deepEqual(
    art.options.map((o) => o.value),
    ['001', '002'],
  );
  assert.equal(art.maxSelected, 2);
  assert.equal(repeat.fields.find((f) => f.name === 'f00000003450')?.kind, 'choice');
  assert.equal(repeat.fields.find((f) => f.name === 'f60000000296')?.kind, 'file');
  // 15 Datenfelder and the repeat.
  assert.equal(Object.keys(result.fieldMap).length, 16);
  assert.equal(result.fieldMap['G00000002237/G00000002238/F60000000227'], 'g00000002237.f60000000227');
  assert.ok(result.warnings.some((w) => w.startsWith('Regel R00000002588') && w.includes('not translated')));
  assert.ok(result.warnings.some((w) => w.includes('G00000002238') && w.includes('inside a repeated group')));
});

test('small valid XDatenfelder files of xdatenfelder-ts import; free-text rules give warnings', () => {
  for (const file of ['simple.xml', 'data-field-rule.xml']) {
    const result = importFim(read(`${FLXBE}v2-data/${file}`));
    assertUsable(result);
    assert.ok(
      result.warnings.some((w) => w.startsWith('Regel R60000037') && w.includes('not translated')),
      file,
    );
  }
  const label = importFim(read(`${FLXBE}v2-data/label.xml`));
  assert.deepEqual(label.package.form.pages[0]?.fields, [{ kind: 'info', text: { de: 'Hinweis Inhalt' } }]);
  const group3 = importFim(read(`${FLXBE}v3-data/simple.xml`));
  assertUsable(group3);
  assert.ok(
    group3.warnings.some((w) => w.startsWith('Regel R60000000019') && w.includes('Es muss entweder')),
  );
  const select = importFim(read(`${FLXBE}v2-data/select.xml`));
  assert.deepEqual(select.warnings, [
    'Datenfeld F123 "Hinweis": select shown as a text field because code list "urn:de:example" was not supplied.',
  ]);
});

test('invalid files are refused with a German and English message naming the problem', () => {
  const cases: [string, string, RegExp][] = [
    [
      'v2-data/unknown-namespace.xml',
      'FIM_UNKNOWN_NAMESPACE',
      /Unbekannter Namensraum "urn:xoev-de:fim:standard:xdatenfelder_unknown".*Unknown namespace/,
    ],
    ['v3-data/unknown-namespace.xml', 'FIM_UNKNOWN_NAMESPACE', /xdatenfelder_unknown/],
    [
      'v3-data/missing-id-node.xml',
      'FIM_MISSING_ELEMENT',
      /Pflichtelement <id> fehlt in <identifikation>.*required element <id> is missing/,
    ],
    [
      'v3-data/duplicate-id-node.xml',
      'FIM_DUPLICATE_ELEMENT',
      /<id> kommt in <identifikation> mehrfach vor.*<id> occurs more than once/,
    ],
    ['v3-data/empty-id-node.xml', 'FIM_EMPTY_ELEMENT', /<id> in <identifikation> ist leer/],
    [
      'v2-data/duplicate-required-value.xml',
      'FIM_DUPLICATE_ELEMENT',
      /<name> kommt in <stammdatenschema> mehrfach vor/,
    ],
    [
      'v2-data/duplicate-optional-value.xml',
      'FIM_DUPLICATE_ELEMENT',
      /<beschreibung> kommt in <stammdatenschema> mehrfach vor/,
    ],
    ['v3-data/input.xml', 'FIM_DUPLICATE_ELEMENT', /<inhalt> kommt in <datenfeld> mehrfach vor/],
    ['v2-data/minimal.xml', 'FIM_NO_FIELDS', /keine Felder.*no fields/],
    ['v2-data/rule.xml', 'FIM_NO_FIELDS', /T1234/],
    ['v2-data/data-group-rule.xml', 'FIM_NO_FIELDS', /T1234/],
  ];
  for (const [file, code, message] of cases) {
    assert.throws(
      () => importFim(read(FLXBE + file)),
      (e: unknown) => e instanceof FimImportError && e.code === code && message.test(e.message),
      file,
    );
  }
  const notXml = (e: unknown) => e instanceof FimImportError && e.code === 'FIM_NOT_XML';
  assert.throws(() => importFim('<xdf:x xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">'), notXml);
  const fieldMessage =
    '<xdf:xdatenfelder.datenfeld.0104 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2"/>';
  assert.throws(
    () => importFim(fieldMessage),
    (e: unknown) => e instanceof FimImportError && e.code === 'FIM_UNSUPPORTED_MESSAGE',
  );
  // A code list is no schema.
  assert.throws(
    () => importFim(read(`${BEWOHNERPARKEN}C05000073_genericode.xml`)),
    /Unknown namespace "http:\/\/docs.oasis-open.org/,
  );
});
