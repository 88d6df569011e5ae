/**
 * The administration's answer to a council inquiry about the OZG, as a PDF: six questions, each answered
 * with the live council figures (the same ones the public dashboard shows). Public document: figures
 * meant for staff are refused.
 */
import type { CouncilFigures, Totals } from '../catalog/council-figures.ts';
import { type Figure, type FigureColumn, type FigureValue, formatFigureValue } from '../catalog/figure.ts';
import { formatDate } from './format-date.ts';
import { CONTENT_WIDTH, GREY, Layout, lineHeight, TABLE_GAP, type TableColumn } from './layout.ts';
import { drawLetterhead } from './letterhead.ts';
import type { Letterhead } from './types.ts';

export interface CouncilAnswerInput {
  letterhead: Letterhead;
  tenantName: string;
  date: Date;
  /** Figures of the 'public' audience. */
  figures: CouncilFigures;
  totals: Totals;
  /** The inquiry answered, e.g. "Anfrage der Fraktion X vom 12.03.2024 (Vorlage 0815/2024)". */
  inquiry?: string;
}

export const COUNCIL_ANSWER_SUBJECT =
  'Antwort der Verwaltung: Stand der Umsetzung des Onlinezugangsgesetzes (OZG)';

export const COUNCIL_QUESTIONS = [
  'Wie viele Verwaltungsleistungen muss die Stadt nach dem OZG online anbieten?',
  'Wie viele sind bereits online, und seit wann?',
  'Welchen Reifegrad haben die Online-Leistungen?',
  'Was kosten die Online-Leistungen?',
  'Warum sind die übrigen Leistungen noch nicht online, und wann kommen sie?',
  'Wie viele Anträge gehen online ein?',
] as const;

/** The per-service table of applications is cut to the services with the most applications beyond this. */
export const MAX_SERVICE_ROWS = 25;

type Answer = (layout: Layout, figures: CouncilFigures, t: Totals) => void;

/** Renders the answer: letterhead, date, subject, intro, then each question with its answer. */
export async function renderCouncilAnswer(input: CouncilAnswerInput): Promise<Uint8Array> {
  assertPublic(input.figures);
  const date = formatDate(input.date);
  const layout = await Layout.create({
    title: COUNCIL_ANSWER_SUBJECT,
    author: input.letterhead.name,
    subject: `${input.tenantName}: Stand der OZG-Umsetzung am ${date}`,
    createdAt: input.date,
    runningHeader: `${input.letterhead.name} · Antwort der Verwaltung zur OZG-Umsetzung · ${date}`,
  });
  drawLetterhead(layout, input.letterhead);
  const info = [{ label: 'Datum:', value: date }];
  if (input.inquiry) info.push({ label: 'Bezug:', value: input.inquiry });
  layout.table(info, CONTENT_WIDTH * 0.2, 11);
  layout.space(6);
  layout.paragraph(COUNCIL_ANSWER_SUBJECT, { size: 12, bold: true });
  layout.space(8);
  layout.paragraph(
    `Die Verwaltung beantwortet die Anfrage wie folgt. Alle Zahlen sind am ${date} aus Amtsweg erzeugt.`,
  );
  const answers: Answer[] = [required, online, maturity, costs, notYetOnline, applications];
  answers.forEach((answer, index) => {
    layout.heading(`${index + 1}. ${COUNCIL_QUESTIONS[index]}`, 12);
    answer(layout, input.figures, input.totals);
  });
  return layout.finish();
}

/** Staff figures carry a column with internal notes (plannedServices); they never go into this document. */
function assertPublic(figures: CouncilFigures): void {
  const all = (Object.keys(figures) as (keyof CouncilFigures)[]).map((name) => figures[name]);
  const internal = all.some((figure) => figure.columns.some((column) => column.key === 'note'));
  if (internal) throw new Error('council answer: figures contain internal notes; use the public audience');
}

const count = (n: number) => formatFigureValue(n, 'count');
const share = (part: number, whole: number) =>
  whole === 0 ? 'kein Anteil' : formatFigureValue(Math.round((part / whole) * 1000) / 10, 'percent');

const required: Answer = (layout, f, t) => {
  layout.paragraph(f.headline.summary);
  const notRelevant =
    t.notRelevant === 0
      ? ''
      : ` ${count(t.notRelevant)} weitere Leistungen des Katalogs hat die Verwaltung als nicht relevant eingestuft; sie sind nicht mitgezählt.`;
  layout.paragraph(
    `Nach dem OZG sind ${count(t.required)} Leistungen (LeiKa) in ${count(t.requiredBundles)} OZG-Leistungsbündeln online anzubieten.${notRelevant}`,
  );
  figureTable(layout, f.headline);
};

const online: Answer = (layout, f, t) => {
  layout.paragraph(f.trend.summary);
  layout.paragraph(
    `Heute sind ${count(t.online)} Leistungen online, das sind ${share(t.online, t.required)} der anzubietenden Leistungen; sie gehören zu ${count(t.onlineBundles)} von ${count(t.requiredBundles)} OZG-Leistungsbündeln. Die Tabelle zeigt den Stand jeweils am Jahresende.`,
  );
  figureTable(layout, f.trend, trendByYearEnd(f.trend), [
    { key: 'month', label: 'Stand', kind: 'text' },
    ...f.trend.columns.filter((column) => column.key !== 'month'),
  ]);
};

/** One row per year end, and the latest month; the full monthly series is on the dashboard. */
function trendByYearEnd(trend: Figure): Record<string, FigureValue>[] {
  const last = trend.rows.at(-1);
  return trend.rows
    .filter((row) => row === last || String(row.month).endsWith('-12'))
    .map((row) => ({
      ...row,
      month:
        row === last
          ? `${formatFigureValue(row.month ?? null, 'month')} (aktuell)`
          : `Ende ${String(row.month).slice(0, 4)}`,
    }));
}

const maturity: Answer = (layout, f) => {
  layout.paragraph(f.maturity11.summary);
  figureTable(layout, f.maturity11);
  layout.space(6);
  layout.paragraph(f.maturity20.summary);
  layout.paragraph(
    'Die Stufen nach dem Modell 2.0 sind zum Teil vorläufig: Bei einigen Leistungen sind noch nicht alle 13 Kriterien abschließend bewertet.',
  );
  figureTable(layout, f.maturity20);
};

const costs: Answer = (layout, f) => {
  layout.paragraph(f.costs.summary);
  layout.paragraph(
    'Die Kosten je Antrag sind die Kosten eines Jahres geteilt durch die Online-Anträge der letzten zwölf Monate.',
  );
  figureTable(layout, f.costs);
};

const notYetOnline: Answer = (layout, f, t) => {
  layout.paragraph(f.delayReasons.summary);
  layout.paragraph(
    `Von den ${count(t.required - t.online)} Leistungen, die noch nicht online sind, sind ${count(t.planned)} geplant und ${count(t.open)} noch nicht bewertet.`,
  );
  figureTable(layout, f.delayReasons);
  layout.space(6);
  layout.paragraph(f.plannedByMonth.summary);
  figureTable(layout, f.plannedByMonth);
  layout.space(6);
  layout.paragraph(
    t.open === 0
      ? 'Alle anzubietenden Leistungen sind bewertet.'
      : `Für ${count(t.open)} Leistungen hat die Verwaltung noch nicht bewertet, ob und wann sie online angeboten werden.`,
  );
};

const applications: Answer = (layout, f, t) => {
  const figure = f.digitalShare;
  layout.paragraph(figure.summary);
  layout.paragraph(
    `In den letzten zwölf Monaten gingen ${count(t.onlineApplications12Months)} Anträge online und ${count(t.paperApplications12Months)} auf Papier ein.`,
  );
  let rows = figure.rows;
  if (rows.length > MAX_SERVICE_ROWS) {
    const volume = (row: Record<string, FigureValue>) => Number(row.online ?? 0) + Number(row.paper ?? 0);
    rows = [...rows].sort((a, b) => volume(b) - volume(a)).slice(0, MAX_SERVICE_ROWS);
    layout.paragraph(
      `Die Tabelle zeigt die ${MAX_SERVICE_ROWS} Leistungen mit den meisten Anträgen; Zahlen liegen für ${count(figure.rows.length)} Leistungen vor.`,
    );
  }
  figureTable(layout, figure, rows);
};

const TABLE_SIZE = 9.5;
const NARROW: Partial<Record<FigureColumn['kind'], number>> = {
  count: 0.16,
  percent: 0.16,
  money: 0.2,
  date: 0.16,
  month: 0.22,
};

/** The figure's title as a caption, then its rows formatted the German way; nothing if it has no rows. */
function figureTable(
  layout: Layout,
  figure: Figure,
  rows = figure.rows,
  columns: FigureColumn[] = figure.columns,
): void {
  if (rows.length === 0) return;
  layout.space(6);
  // Keeps the caption with the table's header and first row.
  layout.ensureSpace(lineHeight(10) + 3 * lineHeight(TABLE_SIZE) + 12);
  layout.paragraph(figure.title, { size: 10, bold: true, color: GREY });
  layout.space(3);
  const widths = columns.map((column) => narrowWidth(layout, column));
  const fixed = widths.reduce((sum: number, width) => sum + (width ?? 0), 0);
  const textColumns = widths.filter((width) => width === undefined).length;
  const tableColumns: TableColumn[] = columns.map((column, i) => ({
    label: column.label,
    width: widths[i] ?? (1 - fixed) / textColumns,
    align: ['count', 'percent', 'money'].includes(column.kind) ? 'right' : 'left',
  }));
  layout.dataTable(
    tableColumns,
    rows.map((row) => columns.map((column) => formatFigureValue(row[column.key] ?? null, column.kind))),
    TABLE_SIZE,
  );
}

/** A number or date column's share of the width: wide enough that no word of its label is split. */
function narrowWidth(layout: Layout, column: FigureColumn): number | undefined {
  const base = NARROW[column.kind];
  if (base === undefined) return undefined;
  const font = layout.font(true);
  const words = layout.sanitize(column.label).split(' ');
  const widest = Math.max(...words.map((word) => font.widthOfTextAtSize(word, TABLE_SIZE)));
  return Math.max(base, (widest + TABLE_GAP + 1) / CONTENT_WIDTH);
}
