import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Figure } from '../../catalog/figure.ts';
import { BarChart, LineChart, StackedBarChart } from './charts.tsx';
import { FigureBlock } from './figure-block.tsx';

const html = (vnode: VNode): string => renderToString(vnode);

const byField: Figure = {
  id: 'online-nach-themenfeld',
  title: 'Online-Leistungen nach Themenfeld',
  summary: 'Die meisten Leistungen sind im Themenfeld Familie und Kind online.',
  columns: [
    { key: 'field', label: 'Themenfeld', kind: 'text' },
    { key: 'online', label: 'Online', kind: 'count' },
    { key: 'paper', label: 'Nur auf Papier', kind: 'count' },
  ],
  rows: [
    { field: 'Familie und Kind', online: 40, paper: 10 },
    { field: 'Unternehmensführung und -entwicklung in der Gemeinde', online: 10, paper: 30 },
    { field: 'Bauen und Wohnen', online: 1234, paper: null },
  ],
};

const trend: Figure = {
  id: 'antraege-pro-monat',
  title: 'Online-Anträge pro Monat',
  summary: 'Die Zahl der Online-Anträge ist von Januar bis April gestiegen.',
  columns: [
    { key: 'month', label: 'Monat', kind: 'month' },
    { key: 'count', label: 'Anträge', kind: 'count' },
  ],
  rows: [
    { month: '2025-01', count: 12 },
    { month: '2025-02', count: null },
    { month: '2025-03', count: 30 },
    { month: '2025-04', count: 45 },
  ],
};

const empty: Figure = { ...byField, id: 'leer', rows: [] };

/** The width attributes of the bars (rects drawn with a series pattern, not the legend swatches). */
function barWidths(markup: string): number[] {
  const body = markup.replace(/<defs>.*<\/defs>/s, '');
  return [...body.matchAll(/<rect x="0" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
}

describe('BarChart', () => {
  it('is an image named by its summary, with every label and value written out', () => {
    const out = html(<BarChart figure={byField} labelKey="field" valueKeys={['online']} />);
    assert.match(out, /<svg [^>]*role="img"[^>]*aria-labelledby="figure-online-nach-themenfeld-chart-title"/);
    assert.match(out, /viewBox="0 0 320 \d+"/);
    assert.match(out, /<title id="figure-online-nach-themenfeld-chart-title">Die meisten Leistungen/);
    for (const text of ['Familie und Kind', 'Bauen und Wohnen', '>40<', '>10<', '>1.234<']) {
      assert.ok(out.includes(text), `${text} missing`);
    }
  });

  it('draws bars in proportion, the largest at full plot width', () => {
    const out = html(<BarChart figure={byField} labelKey="field" valueKeys={['online']} />);
    const [a = 0, b = 0, c = 0] = barWidths(out);
    // Values 40, 10, 1234; the value text of the largest bar ends at the right edge of the canvas.
    assert.ok(c > a && a > b);
    assert.ok(Math.abs(a / c - 40 / 1234) < 0.001);
    assert.ok(Math.abs(b / c - 10 / 1234) < 0.001);
    assert.equal(c, 320 - '1.234'.length * 9 - 6);
    const halved = barWidths(
      html(<BarChart figure={byField} labelKey="field" valueKeys={['online']} max={2468} />),
    );
    assert.equal(halved[2], c / 2);
  });

  it('wraps a long label onto several lines inside the canvas', () => {
    const out = html(<BarChart figure={byField} labelKey="field" valueKeys={['online']} />);
    assert.ok(out.includes('>Unternehmensführung und<'));
    assert.ok(out.includes('>-entwicklung in der Gemeinde<'));
  });

  it('shows a legend with patterns when there are several series', () => {
    const out = html(<BarChart figure={byField} labelKey="field" valueKeys={['online', 'paper']} />);
    assert.ok(out.includes('>Nur auf Papier<'));
    assert.equal(out.match(/<pattern /g)?.length, 2);
    assert.ok(out.includes('fill="url(#figure-online-nach-themenfeld-chart-s1)"'));
    assert.ok(out.includes('>–<'), 'a missing value reads as a dash');
  });
});

describe('StackedBarChart', () => {
  it('puts the segments of one row side by side and writes the values below', () => {
    const out = html(
      <StackedBarChart figure={byField} labelKey="field" valueKeys={['online', 'paper']} max={50} />,
    );
    const segments = [
      ...out.matchAll(/class="app-chart__segment" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g),
    ];
    const [online, paper] = segments.map((m) => ({ x: Number(m[1]), y: m[2], width: Number(m[3]) }));
    assert.deepEqual([online?.x, online?.width, paper?.x, paper?.width], [0, 256, 256, 64]);
    assert.equal(online?.y, paper?.y);
    assert.ok(out.includes('>Online: 40 · Nur auf Papier: 10<'));
  });
});

describe('LineChart', () => {
  it('draws the trend, breaks the line at a missing month and labels the ends', () => {
    const out = html(<LineChart figure={trend} xKey="month" yKey="count" />);
    assert.match(out, /role="img"/);
    const d = out.match(/<path class="app-chart__line" d="([^"]+)"/)?.[1] ?? '';
    assert.equal(d.match(/M/g)?.length, 2, `two pieces: ${d}`);
    assert.equal(out.match(/<circle class="app-chart__point"/g)?.length, 3);
    for (const text of ['>Januar 2025<', '>April 2025<', '>45<', '>50<', '>25<', '>0<']) {
      assert.ok(out.includes(text), `${text} missing`);
    }
  });
});

describe('FigureBlock', () => {
  it('has a heading, the summary, the chart, the table in a disclosure and the downloads', () => {
    const out = html(
      <FigureBlock
        figure={byField}
        headingLevel={3}
        exportHref="/verwaltung/dashboard/online-nach-themenfeld"
        chart={<BarChart figure={byField} labelKey="field" valueKeys={['online']} />}
      />,
    );
    assert.match(out, /^<section class="app-figure">/);
    assert.match(
      out,
      /<h3 id="figure-online-nach-themenfeld-heading"[^>]*>Online-Leistungen nach Themenfeld<\/h3>/,
    );
    assert.match(out, /<details class="kern-accordion">.*<table/s);
    assert.ok(out.indexOf('<svg') < out.indexOf('<details'));
    assert.ok(out.includes('<th class="kern-table__header" scope="col">Nur auf Papier</th>'));
    assert.ok(out.includes('<td class="kern-table__cell">1.234</td>'));
    assert.ok(out.includes('href="/verwaltung/dashboard/online-nach-themenfeld.csv"'));
    assert.ok(out.includes('href="/verwaltung/dashboard/online-nach-themenfeld.json"'));
    assert.match(out, /Als CSV herunterladen<span class="kern-sr-only">: Online-Leistungen nach Themenfeld/);
  });

  it('shows the table itself when there is no chart', () => {
    const out = html(<FigureBlock figure={byField} />);
    assert.match(out, /<h2 /);
    assert.ok(!out.includes('<details'));
    assert.ok(out.includes('<table'));
    assert.ok(!out.includes('herunterladen'));
  });

  it('explains an empty figure instead of drawing an empty chart or table', () => {
    const chart = <BarChart figure={empty} labelKey="field" valueKeys={['online']} />;
    const out = html(<FigureBlock figure={empty} chart={chart} />);
    assert.ok(out.includes('Für diese Abbildung liegen noch keine Daten vor.'));
    assert.ok(!out.includes('<svg') && !out.includes('<table'));
    for (const component of [
      chart,
      <StackedBarChart figure={empty} labelKey="field" valueKeys={['online']} />,
      <LineChart figure={empty} xKey="field" yKey="online" />,
    ]) {
      assert.equal(
        html(component),
        '<p class="kern-body">Für diese Abbildung liegen noch keine Daten vor.</p>',
      );
    }
  });
});

describe('every chart', () => {
  const hostile: Figure = {
    ...byField,
    id: 'x" onload="alert(1)',
    summary: '<script>alert(1)</script>',
    columns: byField.columns.map((c) => ({ ...c, label: `<img src=x onerror=alert(1)> ${c.label}` })),
    rows: [{ field: '<script>alert("x")</script>', online: 3, paper: 4 }],
  };
  const outputs = [
    html(<BarChart figure={byField} labelKey="field" valueKeys={['online', 'paper']} />),
    html(<StackedBarChart figure={byField} labelKey="field" valueKeys={['online', 'paper']} />),
    html(<LineChart figure={trend} xKey="month" yKey="count" />),
    html(
      <FigureBlock
        figure={hostile}
        exportHref="/x"
        chart={<StackedBarChart figure={hostile} labelKey="field" valueKeys={['online', 'paper']} />}
      />,
    ),
  ];

  it('escapes hostile labels and ids', () => {
    const out = outputs[3] ?? '';
    assert.ok(!out.includes('<script>') && !out.includes('<img'));
    assert.ok(out.includes('&lt;script>alert(&quot;x&quot;)&lt;/script>'));
    assert.ok(!out.includes('onload="'));
  });

  it('has no style attribute anywhere (CSP style-src without unsafe-inline)', () => {
    for (const out of outputs) assert.ok(!/\sstyle=/.test(out), out);
  });

  it('has unique ids and every aria-labelledby points at one of them', () => {
    for (const out of outputs) {
      const ids = [...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '');
      assert.equal(new Set(ids).size, ids.length);
      for (const [, ref = ''] of out.matchAll(/aria-labelledby="([^"]+)"/g))
        assert.ok(ids.includes(ref), ref);
    }
  });
});
