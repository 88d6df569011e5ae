/**
 * Charts for the dashboard's figures (see figure-block.tsx for the heading, summary, table and downloads around
 * them). Charts are server-rendered SVG with role="img" named by their <title> (the
 * summary); the table carries the detail for screen readers and for anyone who cannot see colours.
 *
 * Sizes are in viewBox units on a 320-unit-wide canvas, which charts.css scales to the content width
 * (at most 30rem), so 14-unit text stays about 12 px on a 320 px screen (273 px of content). Labels sit on their own
 * line above each bar and wrap, so long Themenfeld names never shrink the plot.
 */
import type { ComponentChildren, VNode } from 'preact';
import { type Figure, type FigureColumn, type FigureValue, formatFigureValue } from '../../catalog/figure.ts';

const WIDTH = 320;
const FONT = 14;
const LINE = 18;
const BAR = 18;
const GAP = 14;
// Fira Sans averages about 0.55 em (7.7 units) per character; 9 leaves room for wider fallback fonts.
const CHAR = 9;
export const EMPTY_TEXT = 'Für diese Abbildung liegen noch keine Daten vor.';

/** KERN's 700 shades (≥ 8:1 against white); charts.css sets them via classes, these are the fallback. */
const SERIES_FALLBACK = ['#2044aa', '#005741', '#734000', '#7e01a8'];

export interface BarChartProps {
  figure: Figure;
  /** The column whose values name the bars (e.g. the Themenfeld). */
  labelKey: string;
  /** One bar per row and key; several keys give grouped bars with a legend. */
  valueKeys: string[];
  /** The value of a full-width bar; by default the largest value (e.g. pass 100 for percent). */
  max?: number;
}

/** Horizontal bars with the label above and the value after each bar, for long German labels. */
export function BarChart({ figure, labelKey, valueKeys, max }: BarChartProps): VNode {
  if (figure.rows.length === 0) return <EmptyNote />;
  const series = seriesOf(figure, valueKeys);
  const values = figure.rows.flatMap((row) => series.map((column) => numeric(row[column.key])));
  const texts = figure.rows.flatMap((row) => series.map((column) => display(row, column)));
  const plot = WIDTH - Math.max(...texts.map((text) => text.length)) * CHAR - 6;
  const scale = barScale(max ?? Math.max(...values), plot);
  const chart = new Canvas(figure, series);
  for (const row of figure.rows) {
    chart.label(String(row[labelKey] ?? ''));
    for (const [i, column] of series.entries()) {
      const width = scale(numeric(row[column.key]));
      chart.add(<rect x={0} y={chart.y} width={width} height={BAR} fill={`url(#${chart.id}-s${i})`} />);
      chart.add(<ChartText x={width + 6} y={chart.y + BAR / 2} text={display(row, column)} middle />);
      chart.y += BAR + 4;
    }
    chart.y += GAP;
  }
  return chart.render();
}

/** One bar per row, split into segments (e.g. online and on paper), with the values written below. */
export function StackedBarChart({ figure, labelKey, valueKeys, max }: BarChartProps): VNode {
  if (figure.rows.length === 0) return <EmptyNote />;
  const series = seriesOf(figure, valueKeys);
  const total = (row: Record<string, FigureValue>) =>
    series.reduce((sum, column) => sum + numeric(row[column.key]), 0);
  const scale = barScale(max ?? Math.max(...figure.rows.map(total)), WIDTH);
  const chart = new Canvas(figure, series);
  for (const row of figure.rows) {
    chart.label(String(row[labelKey] ?? ''));
    let x = 0;
    for (const [i, column] of series.entries()) {
      const width = scale(numeric(row[column.key]));
      const fill = `url(#${chart.id}-s${i})`;
      chart.add(<rect class="app-chart__segment" x={x} y={chart.y} width={width} height={BAR} fill={fill} />);
      x = round(x + width);
    }
    chart.y += BAR + 4;
    chart.label(series.map((column) => `${column.label}: ${display(row, column)}`).join(' · '));
    chart.y += GAP;
  }
  return chart.render();
}

export interface LineChartProps {
  figure: Figure;
  /** Usually a 'month' column, rows in time order. */
  xKey: string;
  yKey: string;
}

/** A trend over time: a line with points, the first and last x value, and the latest value labelled. */
export function LineChart({ figure, xKey, yKey }: LineChartProps): VNode {
  const points = figure.rows.filter((row) => typeof row[yKey] === 'number');
  if (points.length === 0) return <EmptyNote />;
  const [xColumn, yColumn] = [column(figure, xKey), column(figure, yKey)];
  const top = niceCeiling(Math.max(...points.map((row) => numeric(row[yKey]))));
  // A middle gridline only where its label is exact ("2,5" Anträge would read as 3).
  const middle = yColumn.kind !== 'count' || Number.isInteger(top / 2) ? [top / 2] : [];
  const ticks = [top, ...middle, 0].map((value) => ({ value, text: formatFigureValue(value, yColumn.kind) }));
  const left = Math.max(...ticks.map((tick) => tick.text.length)) * CHAR + 8;
  const [plotTop, height] = [LINE * 2, 140];
  const chart = new Canvas(figure, []);
  const xOf = (i: number) =>
    round(left + (figure.rows.length === 1 ? 0 : (i / (figure.rows.length - 1)) * (WIDTH - left - 8)));
  const yOf = (value: number) => round(plotTop + height - (value / top) * height);
  for (const tick of ticks) {
    const y = yOf(tick.value);
    chart.add(<line class="app-chart__grid" x1={left} x2={WIDTH} y1={y} y2={y} stroke="#6e7597" />);
    chart.add(<ChartText x={left - 6} y={y} text={tick.text} middle end />);
  }
  // One path; a missing month starts a new piece ("M") instead of bridging the gap. Dots go on top.
  let d = '';
  const dots: VNode[] = [];
  figure.rows.forEach((row, i) => {
    const value = row[yKey];
    if (typeof value !== 'number') return;
    d += `${typeof figure.rows[i - 1]?.[yKey] === 'number' ? 'L' : 'M'}${xOf(i)},${yOf(value)} `;
    dots.push(
      <circle class="app-chart__point" cx={xOf(i)} cy={yOf(value)} r={4} fill={SERIES_FALLBACK[0]} />,
    );
  });
  chart.add(
    <path class="app-chart__line" d={d.trim()} fill="none" stroke={SERIES_FALLBACK[0]} stroke-width={3} />,
  );
  chart.add(dots);
  const last = points.at(-1) ?? {};
  const lastIndex = figure.rows.lastIndexOf(last);
  chart.add(
    <ChartText
      x={xOf(lastIndex)}
      y={yOf(numeric(last[yKey])) - 12}
      text={display(last, yColumn)}
      end={lastIndex > 0}
    />,
  );
  const axisY = plotTop + height + LINE + 4;
  const first = figure.rows[0] ?? {};
  chart.add(<ChartText x={left} y={axisY} text={display(first, xColumn)} />);
  if (figure.rows.length > 1)
    chart.add(<ChartText x={WIDTH} y={axisY} text={display(figure.rows.at(-1) ?? {}, xColumn)} end />);
  chart.y = axisY + 8;
  return chart.render();
}

/** Collects the parts of one chart top to bottom and wraps them in the accessible <svg>. */
class Canvas {
  readonly id: string;
  y = 0;
  private readonly parts: ComponentChildren[] = [];

  constructor(
    private readonly figure: Figure,
    private readonly series: FigureColumn[],
  ) {
    this.id = `${domId(figure.id)}-chart`;
    // A legend only when colours and patterns tell several series apart.
    if (series.length > 1) {
      for (const [i, column] of series.entries()) {
        this.add(<rect x={0} y={this.y + 2} width={BAR} height={BAR - 4} fill={`url(#${this.id}-s${i})`} />);
        this.add(<ChartText x={BAR + 6} y={this.y + BAR / 2} text={column.label} middle />);
        this.y += LINE + 4;
      }
      this.y += GAP;
    }
  }

  add(part: ComponentChildren): void {
    this.parts.push(part);
  }

  /** Text on as many lines as it needs; the next part goes below it. */
  label(text: string): void {
    for (const line of wrap(text, Math.floor(WIDTH / CHAR))) {
      this.y += LINE;
      this.add(<ChartText x={0} y={this.y - 4} text={line} />);
    }
    this.y += 4;
  }

  render(): VNode {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        class="app-chart"
        viewBox={`0 0 ${WIDTH} ${Math.ceil(this.y)}`}
        role="img"
        aria-labelledby={`${this.id}-title`}
        font-size={FONT}
      >
        <title id={`${this.id}-title`}>{this.figure.summary}</title>
        <defs>
          {this.series.map((_, i) => (
            <SeriesPattern id={`${this.id}-s${i}`} index={i} />
          ))}
        </defs>
        {this.parts}
      </svg>
    );
  }
}

/**
 * Each series has its own colour and its own texture (solid, stripes, dots, cross-hatch), so series
 * differ without colour vision and in print.
 */
function SeriesPattern({ id, index }: { id: string; index: number }): VNode {
  const texture = [
    null,
    <path d="M0 8 L8 0" stroke="#fff" stroke-width={2} />,
    <circle cx={4} cy={4} r={1.6} fill="#fff" />,
    <path d="M0 0 L8 8 M0 8 L8 0" stroke="#fff" stroke-width={1.5} />,
  ][index % 4];
  return (
    <pattern id={id} width={8} height={8} patternUnits="userSpaceOnUse">
      <rect class={`app-chart__fill-${index % 4}`} width={8} height={8} fill={SERIES_FALLBACK[index % 4]} />
      {texture}
    </pattern>
  );
}

function ChartText(props: { x: number; y: number; text: string; middle?: boolean; end?: boolean }): VNode {
  return (
    <text
      x={props.x}
      y={props.y}
      fill="currentColor"
      dominant-baseline={props.middle ? 'central' : undefined}
      text-anchor={props.end ? 'end' : undefined}
    >
      {props.text}
    </text>
  );
}

function EmptyNote(): VNode {
  return <p class="kern-body">{EMPTY_TEXT}</p>;
}

function column(figure: Figure, key: string): FigureColumn {
  const found = figure.columns.find((candidate) => candidate.key === key);
  if (!found) throw new RangeError(`figure ${figure.id} has no column ${key}`);
  return found;
}

function seriesOf(figure: Figure, keys: string[]): FigureColumn[] {
  return keys.map((key) => column(figure, key));
}

function display(row: Record<string, FigureValue>, of: FigureColumn): string {
  return formatFigureValue(row[of.key] ?? null, of.kind);
}

function numeric(value: FigureValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** value → bar width in units: the maximum fills `full`, negative values get no bar. */
function barScale(max: number, full: number): (value: number) => number {
  return (value) => (max > 0 ? round((Math.max(0, Math.min(value, max)) / max) * full) : 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** 1, 2 or 5 times a power of ten at or above `value`, for a readable top gridline. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/** Greedy word wrap; a word longer than a line is cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length <= width) {
      line = `${line} ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    for (; rest.length > width; rest = rest.slice(width)) lines.push(rest.slice(0, width));
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A figure id as a safe HTML id (ids are ours, but a stray space or quote must not break the markup). */
export function domId(id: string): string {
  return `figure-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
