/**
 * Figures: the small tables behind every number on the OZG progress dashboard, their German display
 * and their CSV and JSON downloads.
 *
 * CSV convention (what "Als CSV herunterladen" delivers, and what `figureFromCsv` reads back):
 * - UTF-8 with a byte-order mark and `;` between fields, CRLF line ends, RFC 4180 quoting. This is
 *   what German Excel opens with a double click, umlauts and all (without the BOM it guesses
 *   Windows-1252; with `,` it puts every line into one cell).
 * - First line: the column labels.
 * - Numbers carry no unit and no thousands separator, and use a decimal comma: counts "1234",
 *   percent "12,5" (0–100, not 0–1), money in euros with exactly two decimals "1234,56" (the figure
 *   holds cents). German Excel reads these as numbers, whereas a decimal point would turn "12.5" into
 *   a date (12. Mai). Without grouping the comma is unambiguous; other tools read it with
 *   `sep=';', decimal=','` (pandas) or `dec = ","` (R).
 * - Dates "2025-03-05" and months "2025-03" stay ISO 8601, which every tool reads and sorts.
 * - No value (null) is an empty field; an empty text is a quoted empty field `""`.
 * - A text starting with = + - @ tab, CR or ' gets a leading ' so that a spreadsheet shows it as text
 *   instead of running it as a formula (OWASP "CSV injection"); the reader removes it again.
 * Written with csv-stringify and read with csv-parse, like the catalogue CSV (catalog-csv.ts).
 */

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { formatMoney } from '../forms/checks/money.ts';
import { formatIsoDate } from '../forms/display.ts';

export type FigureValue = string | number | null;

export interface FigureColumn {
  key: string;
  label: string;
  /** money: integer cents; percent: 0–100, at most one decimal; month: 'YYYY-MM'; date: 'YYYY-MM-DD'. */
  kind: 'text' | 'count' | 'percent' | 'money' | 'date' | 'month';
}

export interface Figure {
  id: string;
  title: string;
  /** One sentence that says what the figure shows, for screen readers and as the chart's title. */
  summary: string;
  columns: FigureColumn[];
  rows: Record<string, FigureValue>[];
}

/** A CSV download that does not fit the figure's columns (wrong header, a value in the wrong form). */
export class FigureCsvError extends Error {
  override readonly name = 'FigureCsvError';
  readonly code = 'CATALOG_FIGURE_CSV_INVALID';
}

const SEPARATOR = ';';
const FORMULA_START = /^[=+\-@\t\r']/;

// ---- German display ------------------------------------------------------------------------------

const countFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const monthFormat = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A value as it reads on the page: "1.234", "12,5 %", "1.234,56 €", "März 2025", "05.03.2025"; no
 * value reads "–". Spaces before units are no-break spaces (U+00A0), as in `formatMoney`.
 */
export function formatFigureValue(value: FigureValue, kind: FigureColumn['kind']): string {
  if (value === null) return '–';
  if (typeof value === 'number') {
    if (kind === 'money') return formatMoney(value);
    if (kind === 'percent') return `${percentFormat.format(value)}\u00a0%`;
    if (kind === 'count') return countFormat.format(value);
    return String(value);
  }
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  if (kind === 'month' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    return monthFormat.format(new Date(`${value}-01T00:00:00Z`));
  }
  return value;
}

// ---- CSV writing ---------------------------------------------------------------------------------

/** The figure as a CSV file for German Excel; see the convention at the top of this file. */
export function figureToCsv(figure: Figure): string {
  const header = figure.columns.map((column) => column.label);
  const rows = figure.rows.map((row) =>
    figure.columns.map((column) => csvField(row[column.key] ?? null, column)),
  );
  return stringify([header, ...rows], {
    delimiter: SEPARATOR,
    record_delimiter: 'windows',
    // With a record delimiter given, csv-stringify quotes line breaks only when asked to.
    quote_record_delimiter: true,
    bom: true,
    // null stays an empty field, an empty text becomes "" (see the convention above).
    cast: { string: (value) => (value === '' ? { value, quoted_empty: true } : value) },
  });
}

function csvField(value: FigureValue, column: FigureColumn): string | null {
  if (value === null) return null;
  if (typeof value === 'string')
    return column.kind === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
  if (!Number.isFinite(value)) throw new RangeError(`${column.key}: not a finite number: ${value}`);
  if (column.kind === 'money') return centsToEuros(value);
  return plainNumber(value).replace('.', ',');
}

/** 123456 → "1234,56", -5 → "-0,05": string arithmetic, so no amount ever meets a binary fraction. */
function centsToEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)},${digits.slice(-2)}`;
}

// Shortest round-trip digits like String(n), but never an exponent ("1e21" is no number to Excel).
const plainFormat = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

function plainNumber(value: number): string {
  return Object.is(value, -0) ? '0' : plainFormat.format(value);
}

// ---- CSV reading ---------------------------------------------------------------------------------

interface CsvField {
  text: string;
  quoted: boolean;
}

/** Reads a CSV file written by `figureToCsv` (or saved back from Excel in the same form) into rows. */
export function figureFromCsv(csv: string, columns: FigureColumn[]): Record<string, FigureValue>[] {
  const [header, ...records] = parseCsv(csv);
  const labels = header?.map((field) => field.text) ?? [];
  if (labels.length !== columns.length || labels.some((label, i) => label !== columns[i]?.label)) {
    throw new FigureCsvError(`header does not match the columns: ${JSON.stringify(labels)}`);
  }
  return records.map((record, line) => {
    if (record.length !== columns.length) {
      throw new FigureCsvError(`line ${line + 2}: ${record.length} fields, expected ${columns.length}`);
    }
    // fromEntries defines own properties, so even a column key "__proto__" stays a plain value.
    return Object.fromEntries(
      columns.map((column, i) => [column.key, readField(record[i] ?? EMPTY, column, line + 2)]),
    );
  });
}

function parseCsv(csv: string): CsvField[][] {
  let records: string[][];
  try {
    records = parse(csv, {
      delimiter: SEPARATOR,
      bom: true,
      skip_empty_lines: false,
      // Counted in figureFromCsv, for a message that names the line.
      relax_column_count: true,
      // Whether a field was quoted tells "" (an empty text) from an empty field (no value); the flag
      // rides along as the first character, so the result stays the string[][] csv-parse declares.
      cast: (text, context) => `${context.quoting ? 'q' : 'u'}${text}`,
    });
  } catch (error) {
    throw new FigureCsvError(`not a readable CSV file: ${error instanceof Error ? error.message : error}`);
  }
  return records.map((record) => record.map((field) => ({ text: field.slice(1), quoted: field[0] === 'q' })));
}

const EMPTY: CsvField = { text: '', quoted: false };
const DECIMAL = /^-?\d+(,\d+)?$/;
const MONEY = /^(-?)(\d+),(\d{2})$/;

function readField(field: CsvField, column: FigureColumn, line: number): FigureValue {
  const { text } = field;
  if (text === '' && !field.quoted) return null;
  const invalid = () => new FigureCsvError(`line ${line}, ${column.label}: not a ${column.kind}: ${text}`);
  switch (column.kind) {
    case 'text':
      return text.startsWith("'") ? text.slice(1) : text;
    case 'date':
    case 'month':
      return text;
    case 'money': {
      const match = MONEY.exec(text);
      if (!match) throw invalid();
      const cents = Number(match[2]) * 100 + Number(match[3]);
      if (!Number.isSafeInteger(cents)) throw invalid();
      return match[1] === '-' && cents !== 0 ? -cents : cents;
    }
    default:
      if (!DECIMAL.test(text)) throw invalid();
      return Number(text.replace(',', '.'));
  }
}

// ---- JSON ----------------------------------------------------------------------------------------

/**
 * The figure as JSON text with a fixed key order (id, title, summary, columns, rows; row keys in
 * column order, missing values as null), so downloads diff cleanly. Money stays integer cents and
 * percent 0–100, as each column's `kind` says.
 */
export function figureToJson(figure: Figure): string {
  const document = {
    id: figure.id,
    title: figure.title,
    summary: figure.summary,
    columns: figure.columns.map(({ key, label, kind }) => ({ key, label, kind })),
    rows: figure.rows.map((row) =>
      Object.fromEntries(figure.columns.map((column) => [column.key, row[column.key] ?? null])),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
