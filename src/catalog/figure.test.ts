import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  type Figure,
  type FigureColumn,
  FigureCsvError,
  type FigureValue,
  figureFromCsv,
  figureToCsv,
  figureToJson,
  formatFigureValue,
} from './figure.ts';

const online: Figure = {
  id: 'online-nach-themenfeld',
  title: 'Online-Leistungen nach Themenfeld',
  summary: 'Im Themenfeld „Familie & Kind“ sind 12 von 20 Leistungen online.',
  columns: [
    { key: 'field', label: 'Themenfeld', kind: 'text' },
    { key: 'online', label: 'Online', kind: 'count' },
    { key: 'share', label: 'Anteil in %', kind: 'percent' },
    { key: 'cost', label: 'Kosten in Euro', kind: 'money' },
    { key: 'since', label: 'Stand', kind: 'date' },
    { key: 'month', label: 'Monat', kind: 'month' },
  ],
  rows: [
    { field: 'Familie & Kind', online: 12, share: 60, cost: 123456, since: '2025-03-05', month: '2025-03' },
    { field: 'Bauen; "Wohnen"\nund mehr', online: 1234, share: 12.5, cost: -5, since: null, month: null },
    { field: '=HYPERLINK("x")', online: null, share: 0, cost: 0, since: '2024-12-31', month: '2024-12' },
  ],
};

describe('formatFigureValue', () => {
  it('writes numbers, money, dates and months the German way', () => {
    assert.equal(formatFigureValue(1234, 'count'), '1.234');
    assert.equal(formatFigureValue(12.5, 'percent'), '12,5\u00a0%');
    assert.equal(formatFigureValue(60, 'percent'), '60\u00a0%');
    assert.equal(formatFigureValue(123456, 'money'), '1.234,56\u00a0€');
    assert.equal(formatFigureValue('2025-03', 'month'), 'März 2025');
    assert.equal(formatFigureValue('2025-03-05', 'date'), '05.03.2025');
    assert.equal(formatFigureValue('Familie & Kind', 'text'), 'Familie & Kind');
  });

  it('shows a dash for a missing value', () => {
    for (const kind of ['text', 'count', 'percent', 'money', 'date', 'month'] as const) {
      assert.equal(formatFigureValue(null, kind), '–');
    }
  });
});

describe('figureToCsv', () => {
  it('writes a BOM, labels, semicolons, decimal commas, ISO dates and CRLF', () => {
    const csv = figureToCsv(online);
    assert.ok(csv.startsWith('\ufeffThemenfeld;Online;Anteil in %;Kosten in Euro;Stand;Monat\r\n'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines[1], 'Familie & Kind;12;60;1234,56;2025-03-05;2025-03');
    assert.equal(lines[2], '"Bauen; ""Wohnen""\nund mehr";1234;12,5;-0,05;;');
    assert.equal(lines.at(-1), '', 'ends with a line break');
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    const lines = figureToCsv(online).split('\r\n');
    assert.equal(lines[3], '"\'=HYPERLINK(""x"")";;0;0,00;2024-12-31;2024-12');
  });

  it('tells an empty text from a missing one', () => {
    const columns: FigureColumn[] = [{ key: 'a', label: 'A', kind: 'text' }];
    const csv = figureToCsv({ ...online, columns, rows: [{ a: '' }, { a: null }] });
    assert.equal(csv, '\ufeffA\r\n""\r\n\r\n');
    assert.deepEqual(figureFromCsv(csv, columns), [{ a: '' }, { a: null }]);
  });
});

describe('figureFromCsv', () => {
  it('reads back what figureToCsv wrote', () => {
    assert.deepEqual(figureFromCsv(figureToCsv(online), online.columns), online.rows);
  });

  it('reads a file without BOM and without a final line break, as editors save it', () => {
    const columns: FigureColumn[] = [
      { key: 'a', label: 'A', kind: 'text' },
      { key: 'b', label: 'B', kind: 'money' },
    ];
    assert.deepEqual(figureFromCsv('A;B\nx;1,50\ny;', columns), [
      { a: 'x', b: 150 },
      { a: 'y', b: null },
    ]);
  });

  it('refuses a header that does not match and values of the wrong kind', () => {
    assert.throws(() => figureFromCsv('Falsch\r\n', online.columns), FigureCsvError);
    const money: FigureColumn[] = [{ key: 'b', label: 'B', kind: 'money' }];
    assert.throws(() => figureFromCsv('B\r\n1.234,56\r\n', money), FigureCsvError);
    assert.throws(() => figureFromCsv('B\r\n12,5\r\n', money), FigureCsvError);
    assert.throws(() => figureFromCsv('B\r\n"12,50\r\n', money), FigureCsvError);
    const count: FigureColumn[] = [{ key: 'n', label: 'N', kind: 'count' }];
    assert.throws(() => figureFromCsv('N\r\n1e3\r\n', count), FigureCsvError);
    assert.throws(() => figureFromCsv('N\r\n1;2\r\n', count), FigureCsvError);
  });
});

// Texts that break naive CSV: separators, quotes, line breaks of every kind, umlauts, formula starts.
const trickyText = fc.oneof(
  fc.string({ maxLength: 20, unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    ';',
    '"',
    '""',
    "'",
    "'=1",
    '=SUMME(A1:A9)',
    '+49 30 123',
    '-',
    '@x',
    '\t',
    '\r',
    '\n',
    '\r\n',
    'Müller; "Äpfel"\r\nÖl, Größe ß',
    '\ufeffBOM',
    '<script>alert(1)</script>',
    '1.234,56',
  ),
  fc
    .array(fc.constantFrom('a', 'Ä', 'ß', ';', '"', '\n', '\r', ',', ' ', "'", '='), { maxLength: 12 })
    .map((chars) => chars.join('')),
);

const VALUES: Record<FigureColumn['kind'], fc.Arbitrary<FigureValue>> = {
  text: trickyText,
  count: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  percent: fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
  money: fc.oneof(
    fc.integer({ min: -100_000, max: 100_000 }),
    fc.maxSafeInteger(),
    // -0 is no amount of cents; the writer prints it as 0,00 and reads back 0.
    fc.maxSafeInteger().map((n) => (n === 0 ? 0 : -n)),
  ),
  date: fc
    .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  month: fc
    .tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }))
    .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`),
};

const columnsArbitrary: fc.Arbitrary<FigureColumn[]> = fc.uniqueArray(
  fc.record({
    key: fc.string({ minLength: 1, maxLength: 8 }),
    label: fc.oneof(fc.constantFrom('Themenfeld', 'Anteil in %'), trickyText),
    kind: fc.constantFrom('text', 'count', 'percent', 'money', 'date', 'month'),
  }),
  { minLength: 1, maxLength: 5, selector: (column) => column.key },
);

const figureArbitrary: fc.Arbitrary<Figure> = columnsArbitrary.chain((columns) =>
  fc
    .array(
      fc.record(Object.fromEntries(columns.map((column) => [column.key, fc.option(VALUES[column.kind])]))),
      { maxLength: 6 },
    )
    .map((rows) => ({
      id: 'f',
      title: 'T',
      summary: 'S',
      columns,
      // fast-check's records have no prototype; the reader returns plain objects.
      rows: rows.map((row) => ({ ...row })),
    })),
);

describe('CSV round trip', () => {
  it('figureFromCsv(figureToCsv(f)) gives back the rows, whatever the texts and numbers', () => {
    fc.assert(
      fc.property(figureArbitrary, (figure) => {
        assert.deepEqual(figureFromCsv(figureToCsv(figure), figure.columns), figure.rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('figureToJson', () => {
  it('writes id, title, summary, columns and rows in a fixed key order', () => {
    const shuffled: Figure = {
      rows: [{ month: '2025-03', field: 'x' }],
      columns: online.columns,
      summary: online.summary,
      title: online.title,
      id: online.id,
    };
    const json = JSON.parse(figureToJson(shuffled));
    assert.deepEqual(Object.keys(json), ['id', 'title', 'summary', 'columns', 'rows']);
    assert.deepEqual(Object.keys(json.rows[0]), ['field', 'online', 'share', 'cost', 'since', 'month']);
    assert.equal(json.rows[0].online, null);
    assert.deepEqual(JSON.parse(figureToJson(online)).rows, online.rows);
  });
});
