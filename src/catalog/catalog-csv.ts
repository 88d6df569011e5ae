/**
 * Amtsweg's catalogue CSV (docs/catalog-format.md): one LeiKa Leistung per line with its OZG bundle, Lage and
 * Themenfeld. Parsing reports every problem with its line and column, so a file is fixed in one go.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { replaceControlCharacters } from '../text.ts';
import { isMunicipal, leikaTypeParts } from './relevance.ts';

export type LageKind = 'lebenslage' | 'unternehmenslage';

/** An OZG-Leistung (Leistungsbündel) with its place in the OZG-Umsetzungskatalog. */
export interface CatalogBundle {
  ozgId: string;
  name: string;
  lage: string;
  lageKind: LageKind | null;
  themenfeld: string;
}

/** One LeiKa Leistung of the catalogue, the unit of the CSV, the KDN dump import and the database. */
export interface CatalogRow {
  leikaKey: string;
  leikaName: string;
  leikaType: string;
  municipal: boolean;
  sdgAnnex1: boolean;
  sdgAnnex2: boolean;
  bundle: CatalogBundle | null;
}

export const CATALOG_CSV_COLUMNS = [
  'leika_key',
  'leika_name',
  'leika_type',
  'municipal',
  'sdg_annex1',
  'sdg_annex2',
  'ozg_id',
  'ozg_name',
  'lage',
  'lage_kind',
  'themenfeld',
] as const;
type Column = (typeof CATALOG_CSV_COLUMNS)[number];

/** A catalogue file that cannot be imported, with every problem found (German, for the person importing). */
export class CatalogFileError extends Error {
  override name = 'CatalogFileError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length} Fehler\n- ${problems.join('\n- ')}`);
  }
}

export const LEIKA_KEY = /^\d{14}$/;
const OZG_ID = /^\d+$/;
// One part of a LeiKa-Typ: 1…12, optionally a/b, optionally combined with a slash (2/3, 2/3b).
const LEIKA_TYPE_PART = /^\d{1,2}[ab]?(\/\d{1,2}[ab]?)?$/;

interface CsvRecord {
  fields: string[];
  line: number;
}

/** Comma, or semicolon when the header has no comma: German Excel saves "CSV" with semicolons. */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r|\n|$/));
  return !header.includes(',') && header.includes(';') ? ';' : ',';
}

function readRecords(text: string, source: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  try {
    parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], context) => {
        // csv-parse counts the line a record ends on; a quoted field may span lines, we name the first.
        const breaks = fields.reduce((sum, field) => sum + (field.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
        records.push({ fields, line: context.lines - breaks });
        return null;
      },
    });
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const where = typeof line === 'number' ? `Zeile ${line}: ` : '';
    throw new CatalogFileError(source, [
      `${where}Die Datei ist kein gültiges CSV (Anführungszeichen prüfen): ${(error as Error).message}`,
    ]);
  }
  return records;
}

/** Reads one field, cleaned: control characters become spaces, surrounding spaces go. */
function fieldReader(record: CsvRecord, problems: string[]) {
  const value = (column: Column) =>
    replaceControlCharacters(record.fields[CATALOG_CSV_COLUMNS.indexOf(column)] ?? '').trim();
  const problem = (column: Column, message: string) =>
    problems.push(`Zeile ${record.line}, Spalte ${column}: ${message}`);
  const boolean = (column: Column): boolean | undefined => {
    const text = value(column).toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text !== '')
      problem(column, `„${value(column)}“ ist kein Wahrheitswert; erlaubt sind true, false oder leer`);
    return undefined;
  };
  const required = (column: Column, what: string): string => {
    const text = value(column);
    if (text === '') problem(column, `${what} fehlt`);
    return text;
  };
  return { value, problem, boolean, required };
}

function readBundle(read: ReturnType<typeof fieldReader>): CatalogBundle | null {
  const ozgId = read.value('ozg_id');
  if (ozgId === '') {
    for (const column of ['ozg_name', 'lage', 'lage_kind', 'themenfeld'] as const) {
      if (read.value(column) !== '') read.problem(column, 'muss leer sein, wenn ozg_id leer ist');
    }
    return null;
  }
  if (!OZG_ID.test(ozgId)) read.problem('ozg_id', `„${ozgId}“ ist keine OZG-ID; sie besteht nur aus Ziffern`);
  const lageKind = read.value('lage_kind');
  if (lageKind !== '' && lageKind !== 'lebenslage' && lageKind !== 'unternehmenslage') {
    read.problem(
      'lage_kind',
      `„${lageKind}“ ist nicht erlaubt; erlaubt sind lebenslage, unternehmenslage oder leer`,
    );
  }
  return {
    ozgId,
    name: read.required('ozg_name', 'Der Name der OZG-Leistung'),
    lage: read.required('lage', 'Die Lage'),
    lageKind: lageKind === 'lebenslage' || lageKind === 'unternehmenslage' ? lageKind : null,
    themenfeld: read.required('themenfeld', 'Das Themenfeld'),
  };
}

function readRow(record: CsvRecord, problems: string[]): CatalogRow {
  const read = fieldReader(record, problems);
  if (record.fields.length !== CATALOG_CSV_COLUMNS.length) {
    problems.push(
      `Zeile ${record.line}: ${record.fields.length} Spalten statt ${CATALOG_CSV_COLUMNS.length} (Kommas in Texten in Anführungszeichen setzen)`,
    );
  }
  const leikaKey = read.value('leika_key');
  if (!LEIKA_KEY.test(leikaKey)) read.problem('leika_key', `„${leikaKey}“ muss 14 Ziffern haben`);
  const leikaType = read.value('leika_type');
  const badPart = leikaTypeParts(leikaType).find((part) => !LEIKA_TYPE_PART.test(part));
  if (badPart !== undefined)
    read.problem('leika_type', `„${leikaType}“ ist kein LeiKa-Typ (z. B. 1, 2/3, 4b, 5)`);
  let municipal = read.boolean('municipal');
  if (municipal === undefined && read.value('municipal') === '') {
    if (leikaType === '')
      read.problem('municipal', 'ist leer und der LeiKa-Typ auch; bitte true oder false angeben');
    municipal = isMunicipal(leikaType);
  }
  return {
    leikaKey,
    leikaName: read.required('leika_name', 'Die LeiKa-Bezeichnung'),
    leikaType,
    municipal: municipal ?? false,
    sdgAnnex1: read.boolean('sdg_annex1') ?? false,
    sdgAnnex2: read.boolean('sdg_annex2') ?? false,
    bundle: readBundle(read),
  };
}

function sameBundle(a: CatalogBundle, b: CatalogBundle): boolean {
  return a.name === b.name && a.lage === b.lage && a.lageKind === b.lageKind && a.themenfeld === b.themenfeld;
}

/** Finds LeiKa keys listed twice and bundles described differently on different lines. */
function checkConsistency(rows: readonly CatalogRow[], lines: readonly number[], problems: string[]): void {
  const keyLines = new Map<string, number>();
  const bundles = new Map<string, { bundle: CatalogBundle; line: number }>();
  rows.forEach((row, index) => {
    const line = lines[index] ?? 0;
    const earlier = keyLines.get(row.leikaKey);
    if (!LEIKA_KEY.test(row.leikaKey)) {
      // Already reported as malformed; a second message per line would only be noise.
    } else if (earlier !== undefined) {
      problems.push(`Zeile ${line}, Spalte leika_key: ${row.leikaKey} steht schon in Zeile ${earlier}`);
    } else keyLines.set(row.leikaKey, line);
    if (!row.bundle) return;
    const first = bundles.get(row.bundle.ozgId);
    if (!first) bundles.set(row.bundle.ozgId, { bundle: row.bundle, line });
    else if (!sameBundle(first.bundle, row.bundle)) {
      problems.push(
        `Zeile ${line}, Spalte ozg_id: OZG-Leistung ${row.bundle.ozgId} ist hier anders beschrieben als in Zeile ${first.line} (Name, Lage, Art der Lage und Themenfeld müssen gleich sein)`,
      );
    }
  });
}

/** Parses a catalogue CSV; throws a CatalogFileError listing every problem, so nothing half-valid is imported. */
export function parseCatalogCsv(text: string, source: string): CatalogRow[] {
  const [header, ...records] = readRecords(text, source);
  if (!header) throw new CatalogFileError(source, ['Die Datei ist leer.']);
  const headerText = header.fields.map((field) => field.trim()).join(',');
  if (headerText !== CATALOG_CSV_COLUMNS.join(',')) {
    throw new CatalogFileError(source, [
      `Zeile ${header.line}: Die Kopfzeile muss genau „${CATALOG_CSV_COLUMNS.join(',')}“ lauten, sie lautet „${headerText}“`,
    ]);
  }
  const problems: string[] = [];
  const rows = records.map((record) => readRow(record, problems));
  checkConsistency(
    rows,
    records.map((record) => record.line),
    problems,
  );
  if (problems.length > 0) throw new CatalogFileError(source, problems);
  return rows;
}

/** Writes rows as catalogue CSV (header first, `\n` line ends, quotes only where RFC 4180 needs them). */
export function serializeCatalogCsv(rows: readonly CatalogRow[]): string {
  const records = rows.map((row) => [
    row.leikaKey,
    row.leikaName,
    row.leikaType,
    String(row.municipal),
    String(row.sdgAnnex1),
    String(row.sdgAnnex2),
    row.bundle?.ozgId ?? '',
    row.bundle?.name ?? '',
    row.bundle?.lage ?? '',
    row.bundle?.lageKind ?? '',
    row.bundle?.themenfeld ?? '',
  ]);
  return stringify([[...CATALOG_CSV_COLUMNS], ...records]);
}
