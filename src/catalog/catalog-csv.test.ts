import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CATALOG_CSV_COLUMNS,
  CatalogFileError,
  type CatalogRow,
  parseCatalogCsv,
  serializeCatalogCsv,
} from './catalog-csv.ts';

const HEADER = CATALOG_CSV_COLUMNS.join(',');
const PARKING =
  '99108001001000,Bewohnerparkausweis Erteilung,2/3,true,false,false,10173,Parkausweise und Zufahrtsberechtigungen,Kfz-Besitz,lebenslage,Mobilität & Reisen';

function problemsOf(text: string): readonly string[] {
  try {
    parseCatalogCsv(text, 'test.csv');
  } catch (error) {
    if (error instanceof CatalogFileError) return error.problems;
    throw error;
  }
  assert.fail('expected a CatalogFileError');
}

test('a valid line becomes a typed row', () => {
  const [row] = parseCatalogCsv(`${HEADER}\n${PARKING}\n`, 'test.csv');
  assert.deepEqual(row, {
    leikaKey: '99108001001000',
    leikaName: 'Bewohnerparkausweis Erteilung',
    leikaType: '2/3',
    municipal: true,
    sdgAnnex1: false,
    sdgAnnex2: false,
    bundle: {
      ozgId: '10173',
      name: 'Parkausweise und Zufahrtsberechtigungen',
      lage: 'Kfz-Besitz',
      lageKind: 'lebenslage',
      themenfeld: 'Mobilität & Reisen',
    },
  });
});

test('an empty municipal column is derived from the LeiKa-Typ; a byte order mark is ignored', () => {
  const rows = parseCatalogCsv(
    `\uFEFF${HEADER}\r\n99000000000001,A,1,,,,,,,,\r\n99000000000002,B,"1, 2/3",,true,,,,,,\r\n`,
    'excel.csv',
  );
  assert.deepEqual(
    rows.map((row) => [row.municipal, row.sdgAnnex1, row.bundle]),
    [
      [false, false, null],
      [true, true, null],
    ],
  );
});

test('a file saved by German Excel, with semicolons, is read as well', () => {
  const rows = parseCatalogCsv(
    `${HEADER.replaceAll(',', ';')}\n${PARKING.replaceAll(',', ';')}\n`,
    'excel.csv',
  );
  assert.equal(rows[0]?.bundle?.themenfeld, 'Mobilität & Reisen');
});

test('errors name the line and the column, in German', () => {
  const problems = problemsOf(`${HEADER}\n${PARKING}\n9910800100100,X,2,ja,false,false,10173,x,y,z,w\n`);
  assert.ok(
    problems.includes('Zeile 3, Spalte leika_key: „9910800100100“ muss 14 Ziffern haben'),
    String(problems),
  );
  assert.ok(problems.some((p) => p.startsWith('Zeile 3, Spalte municipal: „ja“ ist kein Wahrheitswert')));
  assert.ok(problems.some((p) => p.startsWith('Zeile 3, Spalte lage_kind:')));
  assert.ok(problems.some((p) => p.startsWith('Zeile 3, Spalte ozg_id: OZG-Leistung 10173 ist hier anders')));
});

test('a quoted field over several lines counts the line it starts on', () => {
  const problems = problemsOf(`${HEADER}\n99000000000001,"A\nB",2,,,,,,,,\nkaputt,C,2,,,,,,,,\n`);
  assert.deepEqual(problems, ['Zeile 4, Spalte leika_key: „kaputt“ muss 14 Ziffern haben']);
});

test('a LeiKa key listed twice is an error', () => {
  assert.deepEqual(problemsOf(`${HEADER}\n${PARKING}\n\n${PARKING}\n`), [
    'Zeile 4, Spalte leika_key: 99108001001000 steht schon in Zeile 2',
  ]);
});

test('a wrong header, a wrong column count and broken quotes are refused', () => {
  assert.match(problemsOf('leika_key,name\n')[0] ?? '', /^Zeile 1: Die Kopfzeile muss genau/);
  assert.match(problemsOf(`${HEADER}\n99000000000001,A,2\n`)[0] ?? '', /^Zeile 2: 3 Spalten statt 11/);
  assert.match(
    problemsOf(`${HEADER}\n99000000000001,"A"B,2,,,,,,,,\n`)[0] ?? '',
    /^Zeile 2: Die Datei ist kein/,
  );
  assert.deepEqual(problemsOf(''), ['Die Datei ist leer.']);
});

test('serialize → parse gives the same rows, with commas and quotes in names', () => {
  const [parking] = parseCatalogCsv(`${HEADER}\n${PARKING}\n`, 't');
  assert.ok(parking);
  const rows: CatalogRow[] = [
    { ...parking, leikaName: 'Name, mit "Zitat"' },
    {
      leikaKey: '99000000000001',
      leikaName: 'Ohne Bündel',
      leikaType: '',
      municipal: false,
      sdgAnnex1: true,
      sdgAnnex2: true,
      bundle: null,
    },
  ];
  const text = serializeCatalogCsv(rows);
  assert.ok(text.startsWith(`${HEADER}\n99108001001000,"Name, mit ""Zitat""",2/3,true,false,false,10173,`));
  assert.deepEqual(parseCatalogCsv(text, 'roundtrip.csv'), rows);
});
