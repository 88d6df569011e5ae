/**
 * A dashboard figure: a heading, a one-sentence summary, an optional chart (charts.tsx), the data as a table and
 * CSV/JSON downloads.
 */
import type { VNode } from 'preact';
import { type Figure, formatFigureValue } from '../../catalog/figure.ts';
import { domId, EMPTY_TEXT } from './charts.tsx';
import { Table } from './table.tsx';

export interface FigureBlockProps {
  figure: Figure;
  /** A chart drawn from the same figure, e.g. <BarChart figure={figure} …/>. */
  chart?: VNode;
  /** Path without extension; the block links `${exportHref}.csv` and `${exportHref}.json`. */
  exportHref?: string;
  headingLevel?: 2 | 3;
}

/**
 * One figure as a <section>. With a chart, the table sits in a <details> (native, so it opens without
 * JavaScript and by keyboard); without one, the table is the figure and always shows.
 */
export function FigureBlock({ figure, chart, exportHref, headingLevel = 2 }: FigureBlockProps): VNode {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${domId(figure.id)}-heading`;
  const empty = figure.rows.length === 0;
  const table = <FigureTable figure={figure} />;
  return (
    // Unnamed, so not a landmark: the table's scroll region below is named after the same title
    // (axe landmark-unique), and a dashboard of regions would drown the landmark list anyway.
    <section class="app-figure">
      <Heading id={headingId} class={headingLevel === 2 ? 'kern-heading-medium' : 'kern-heading-small'}>
        {figure.title}
      </Heading>
      {empty ? (
        <p class="kern-body">{EMPTY_TEXT}</p>
      ) : (
        <>
          <p class="kern-body">{figure.summary}</p>
          {chart}
          {chart ? (
            <details class="kern-accordion">
              <summary class="kern-accordion__header">
                <span class="kern-title">Daten als Tabelle</span>
              </summary>
              <div class="kern-accordion__body">{table}</div>
            </details>
          ) : (
            table
          )}
        </>
      )}
      {exportHref !== undefined && (
        <ul class="kern-list app-figure__downloads">
          {(['CSV', 'JSON'] as const).map((format) => (
            <li>
              <a class="kern-link" href={`${exportHref}.${format.toLowerCase()}`}>
                Als {format} herunterladen<span class="kern-sr-only">: {figure.title}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FigureTable({ figure }: { figure: Figure }): VNode {
  const rows = figure.rows.map((row) =>
    figure.columns.map((column) => formatFigureValue(row[column.key] ?? null, column.kind)),
  );
  return <Table caption={figure.title} head={figure.columns.map((column) => column.label)} rows={rows} />;
}
