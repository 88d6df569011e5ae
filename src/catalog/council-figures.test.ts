import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { councilFigures, totals } from './council-figures.ts';
import type { Figure } from './figure.ts';
import { monthsBetween } from './figure-math.ts';
import {
  type CatalogEntry,
  type LeistungProgress,
  leistungProgress,
  type MonthlyCount,
  type ProgressData,
  type StatusRecord,
  statusRecord,
} from './progress.ts';

const TODAY = '2025-06-15';
const FAMILIE = 'Familie & Kind';
const BAUEN = 'Bauen & Wohnen';

const NOTE_OVERRIDDEN = 'GEHEIM-Notiz-Paket';
const NOTE_OVERDUE = 'GEHEIM-Notiz-Personal';
const NOTE_LATER = 'GEHEIM-Notiz-September';
const NOTE_NOT_RELEVANT = 'GEHEIM-Notiz-kein-Hafen';
const NOTES = [NOTE_OVERRIDDEN, NOTE_OVERDUE, NOTE_LATER, NOTE_NOT_RELEVANT];

function entry(
  leikaKey: string,
  name: string,
  bundleId: string,
  themenfeld: string,
  municipal = true,
): CatalogEntry {
  return {
    leikaKey,
    name,
    leikaType: municipal ? '2/3' : '1',
    municipal,
    bundleId,
    bundleName: `Bündel ${bundleId}`,
    themenfeld,
  };
}

const row = statusRecord;

/*
 * Bundle B1 (Familie): K1 online via an Amtsweg package since 2024-11-20, K2 planned (overdue), K3 open.
 * Bundle B2 (Familie): K5 elsewhere but only from 2025-07-01 (not online yet), K6 and K9 planned.
 * Bundle B3 (Bauen):   K4 elsewhere since 2025-06-01, K7 not relevant, K8 (not municipal) elsewhere since
 *                      2023-05-01, K10 (not municipal) planned.
 * Required: all but K7 = 9; online: K1, K4, K8 = 3; online bundles: B1 and B3 = 2 of 3.
 */
const catalog: CatalogEntry[] = [
  entry('K6', 'Kita-Platz', 'B2', FAMILIE),
  entry('K1', 'Wohngeld', 'B1', FAMILIE),
  entry('K2', 'Elterngeld', 'B1', FAMILIE),
  entry('K3', 'Kindergeld-Bescheinigung', 'B1', FAMILIE),
  entry('K4', 'Anwohnerparkausweis', 'B3', BAUEN),
  entry('K5', 'Familienpass', 'B2', FAMILIE),
  entry('K7', 'Hafengebühr', 'B3', BAUEN),
  entry('K8', 'Baugenehmigung', 'B3', BAUEN, false),
  entry('K9', 'Schülerfahrkarte', 'B2', FAMILIE),
  entry('K10', 'Bauvoranfrage', 'B3', BAUEN, false),
];

const statuses: StatusRecord[] = [
  // Overridden by the package: the plan, its reason and the maturity no longer count, the cost does.
  row('K1', {
    status: 'planned',
    targetDate: '2026-01-01',
    delayReason: 'procurement',
    maturity11: 1,
    annualCostCents: 10000,
    internalNote: NOTE_OVERRIDDEN,
  }),
  row('K2', {
    status: 'planned',
    targetDate: '2025-03-01',
    delayReason: 'staff_capacity',
    internalNote: NOTE_OVERDUE,
  }),
  row('K4', {
    status: 'elsewhere',
    provider: 'Kreis',
    onlineSince: '2025-06-01',
    maturity11: 3,
    annualCostCents: 24000,
  }),
  row('K5', {
    status: 'elsewhere',
    provider: 'Land',
    onlineSince: '2025-07-01',
    maturity11: 4,
    maturity20: 7,
    annualCostCents: 99900,
  }),
  row('K6', {
    status: 'planned',
    targetDate: '2025-09-15',
    delayReason: 'staff_capacity',
    annualCostCents: 50000,
    internalNote: NOTE_LATER,
  }),
  row('K7', { status: 'not_relevant', internalNote: NOTE_NOT_RELEVANT }),
  row('K8', {
    status: 'elsewhere',
    provider: 'EfA-Dienst des Landes',
    onlineSince: '2023-05-01',
    maturity20: 6,
  }),
  row('K9', { status: 'planned', targetDate: TODAY, delayReason: 'budget' }),
  row('K10', { status: 'planned', targetDate: '2025-09-30', delayReason: 'staff_capacity' }),
];

const count = (leikaKey: string, month: string, online: number, paper: number): MonthlyCount => ({
  leikaKey,
  month,
  online,
  paper,
});

const counts: MonthlyCount[] = [
  count('K1', '2024-06', 1000, 1000), // twelve months ago: outside the window
  count('K1', '2024-07', 30, 10), // eleven months ago: inside
  count('K1', '2025-06', 10, 0), // the current month: inside
  count('K4', '2025-05', 20, 30),
  count('K1', '2025-07', 500, 0), // next month: outside
];

function progressData(overrides: Partial<ProgressData> = {}): ProgressData {
  return {
    catalog,
    statuses,
    packages: [
      {
        serviceId: 'wohngeld',
        title: 'Wohngeld beantragen',
        leikaKeys: ['K1'],
        onlineSince: '2024-11-20',
        maturity11: 4,
        maturity20: 5,
        maturity20Provisional: false,
      },
    ],
    counts,
    settings: {
      inhabitants: 12345,
      platformFeeCentsPerYear: 100000,
      centsPerInhabitantPerYear: 10,
      costModelName: 'Kommunal-Tarif',
      trendStart: '2024-10-01',
    },
    ...overrides,
  };
}

function compute(audience: 'staff' | 'public' = 'staff', data = progressData()) {
  const list: LeistungProgress[] = leistungProgress(data, TODAY);
  return { list, data, figures: councilFigures(list, data, TODAY, audience) };
}

const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const column = (figure: Figure, key: string) => figure.rows.map((r) => r[key]);

describe('monthsBetween', () => {
  it('runs across a year boundary, both ends included', () => {
    assert.deepEqual(monthsBetween('2024-11', '2025-02'), ['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('gives one month when start and end are equal, none when start is after end', () => {
    assert.deepEqual(monthsBetween('2025-03', '2025-03'), ['2025-03']);
    assert.deepEqual(monthsBetween('2025-04', '2025-03'), []);
  });

  it('covers a full year from January to December', () => {
    const months = monthsBetween('2023-01', '2023-12');
    assert.equal(months.length, 12);
    assert.equal(months[9], '2023-10');
  });
});

describe('totals', () => {
  it('counts required and online Leistungen and bundles by the OZG bundle rule', () => {
    const { list, data } = compute();
    const t = totals(list, data, TODAY);
    assert.equal(t.required, 9);
    assert.equal(t.online, 3);
    assert.equal(t.planned, 4);
    assert.equal(t.open, 1);
    assert.equal(t.notRelevant, 1);
    assert.equal(t.requiredBundles, 3);
    // B1 has one of three Leistungen online and counts; B2 has none online yet.
    assert.equal(t.onlineBundles, 2);
  });

  it('sums applications of the last twelve months including the current one', () => {
    const { list, data } = compute();
    const t = totals(list, data, TODAY);
    assert.equal(t.onlineApplications12Months, 30 + 10 + 20);
    assert.equal(t.paperApplications12Months, 10 + 0 + 30);
  });

  it('costs are the platform fee, inhabitants × rate and the costs of online Leistungen only', () => {
    const { list, data } = compute();
    const t = totals(list, data, TODAY);
    // K5 (not online yet) and K6 (planned) have costs that must not count.
    const expected = 100000 + 12345 * 10 + 10000 + 24000;
    assert.equal(t.annualCostCents, expected);
    // 257450 / 60 = 4290.83… cents: rounded, not cut off.
    assert.equal(t.costPerOnlineApplicationCents, 4291);
  });

  it('cost per application is null without applications, and no division by zero', () => {
    const { list, data } = compute('staff', progressData({ counts: [count('K1', '2024-01', 50, 5)] }));
    const t = totals(list, data, TODAY);
    assert.equal(t.onlineApplications12Months, 0);
    assert.equal(t.costPerOnlineApplicationCents, null);
  });

  it('a window ending in December starts in January of the same year', () => {
    const data = progressData({
      counts: [count('K1', '2024-12', 1, 0), count('K1', '2025-01', 2, 0), count('K1', '2025-12', 4, 0)],
    });
    const list = leistungProgress(data, '2025-12-31');
    assert.equal(totals(list, data, '2025-12-31').onlineApplications12Months, 6);
  });
});

describe('councilFigures', () => {
  it('headline: required, online, planned and open, with bundles', () => {
    const { headline } = compute().figures;
    assert.deepEqual(headline.rows, [
      { measure: 'Anzubieten', leistungen: 9, bundles: 3 },
      { measure: 'Online', leistungen: 3, bundles: 2 },
      { measure: 'Geplant', leistungen: 4, bundles: 3 },
      { measure: 'Noch nicht bewertet', leistungen: 1, bundles: null },
    ]);
    assert.equal(
      headline.summary,
      'Von 9 Leistungen, die die Verwaltung anbieten muss, sind 3 online (33,3 %); sie gehören zu 2 von 3 OZG-Leistungsbündeln.',
    );
  });

  it('themenfelder: required Leistungen only, sorted by name, the furthest named', () => {
    const { themenfelder } = compute().figures;
    assert.deepEqual(themenfelder.rows, [
      // K7 is not relevant and does not count.
      // Bundles by the OZG rule: B3 is online through K4 and K8; of Familie's B1 and B2 only B1 (K1).
      { themenfeld: BAUEN, required: 3, online: 2, share: 66.7, requiredBundles: 1, onlineBundles: 1 },
      { themenfeld: FAMILIE, required: 6, online: 1, share: 16.7, requiredBundles: 2, onlineBundles: 1 },
    ]);
    assert.match(themenfelder.summary, /„Bauen & Wohnen“ mit 66,7 %/);
  });

  it('trend: one row per month from trendStart to today, cumulative, the month of onlineSince counting', () => {
    const { trend } = compute().figures;
    assert.deepEqual(column(trend, 'month'), monthsBetween('2024-10', '2025-06'));
    assert.equal(trend.rows.length, 9);
    // K8 (online since 2023) is there from the first month; K1 from 2024-11 (the 20th);
    // K4 from 2025-06 (today's month); K5 (from 2025-07) never.
    assert.deepEqual(column(trend, 'leistungen'), [1, 2, 2, 2, 2, 2, 2, 2, 3]);
    // K4 adds a Leistung but no bundle: B3 is already online through K8.
    assert.deepEqual(column(trend, 'bundles'), [1, 2, 2, 2, 2, 2, 2, 2, 2]);
    assert.equal(
      trend.summary,
      'Die Zahl der online verfügbaren Leistungen stieg von 1 (Oktober 2024) auf 3 (Juni 2025).',
    );
    // Cumulative: never falls.
    const values = column(trend, 'leistungen') as number[];
    assert.ok(values.every((v, i) => i === 0 || v >= (values[i - 1] ?? 0)));
  });

  it('maturity: online Leistungen only, per level, with "Nicht bewertet"', () => {
    const { maturity11, maturity20 } = compute().figures;
    // K1: package 4 (the row's 1 is overridden); K4: 3; K8: not rated. K5 (4) is not online yet.
    assert.deepEqual(maturity11.rows, [
      { level: '0 – Offline', count: 0 },
      { level: '1 – Information', count: 0 },
      { level: '2 – Formular-Assistent', count: 0 },
      { level: '3 – Online-Leistung', count: 1 },
      { level: '4 – Online-Transaktion', count: 1 },
      { level: 'Nicht bewertet', count: 1 },
    ]);
    assert.match(
      maturity11.summary,
      /^2 von 3 Online-Leistungen erreichen mindestens Reifegrad 3 .*; 1 sind nicht bewertet\.$/,
    );
    // K1: 5; K8: 6; K4: not rated. K5 (7) is not online yet.
    assert.equal(maturity20.rows.length, 9);
    assert.deepEqual(maturity20.rows.at(-1), { level: 'Nicht bewertet', count: 1 });
    assert.deepEqual(
      maturity20.rows.filter((r) => r.count !== 0),
      [
        { level: 'Stufe 5', count: 1 },
        { level: 'Stufe 6', count: 1 },
        { level: 'Nicht bewertet', count: 1 },
      ],
    );
    // Every online Leistung appears exactly once.
    for (const figure of [maturity11, maturity20]) {
      assert.equal(
        figure.rows.reduce((sum, r) => sum + Number(r.count), 0),
        3,
      );
    }
  });

  it('planned by month: ascending months, and the overdue plans named', () => {
    const { plannedByMonth } = compute().figures;
    assert.deepEqual(plannedByMonth.rows, [
      { month: '2025-03', count: 1 },
      { month: '2025-06', count: 1 },
      { month: '2025-09', count: 2 },
    ]);
    // K2 (2025-03-01) is overdue; K9 is due today, which is not overdue.
    assert.equal(
      plannedByMonth.summary,
      '4 Leistungen sind geplant; bei 1 ist der geplante Termin schon vorbei.',
    );
  });

  it('planned by month: no overdue wording when no date has passed', () => {
    const data = progressData({ statuses: statuses.filter((s) => s.leikaKey !== 'K2') });
    const { plannedByMonth } = compute('staff', data).figures;
    assert.equal(plannedByMonth.summary, '3 Leistungen sind geplant.');
  });

  it('delay reasons: counted over planned Leistungen only, most frequent first', () => {
    const { delayReasons } = compute().figures;
    // K1's "procurement" belongs to a plan the package fulfilled and does not count.
    assert.deepEqual(delayReasons.rows, [
      { reason: 'Zu wenig Personal', count: 3 },
      { reason: 'Keine Haushaltsmittel', count: 1 },
    ]);
    assert.equal(delayReasons.summary, 'Der häufigste Grund ist „Zu wenig Personal“ (3 Leistungen).');
  });

  it('digital share: the last twelve months including this one, per Leistung by name', () => {
    const { digitalShare } = compute().figures;
    assert.deepEqual(digitalShare.rows, [
      { leistung: 'Anwohnerparkausweis', online: 20, paper: 30, share: 40 },
      // 2024-07 (eleven months ago) and 2025-06 count; 2024-06 (twelve months ago) and 2025-07 do not.
      { leistung: 'Wohngeld', online: 40, paper: 10, share: 80 },
    ]);
    assert.equal(
      digitalShare.summary,
      '60 % der 100 gezählten Anträge kamen online (2 Leistungen mit Zahlen).',
    );
  });

  it('digital share: says so when there are no counts', () => {
    const { digitalShare } = compute('staff', progressData({ counts: [] })).figures;
    assert.deepEqual(digitalShare.rows, []);
    assert.equal(digitalShare.summary, 'Für die letzten zwölf Monate sind keine Antragszahlen erfasst.');
  });

  it('costs: the items add up to the sum, and the cost per application', () => {
    const { costs } = compute().figures;
    assert.equal(costs.title, 'Kosten pro Jahr (Kommunal-Tarif)');
    const amounts = column(costs, 'amount');
    assert.deepEqual(amounts, [100000, 123450, 34000, 257450, 4291]);
    assert.equal((amounts[0] as number) + (amounts[1] as number) + (amounts[2] as number), amounts[3]);
    assert.match(
      plain(String(costs.rows[1]?.item)),
      /^Plattform: 12\.345 Einwohnerinnen und Einwohner × 0,10 €$/,
    );
    assert.equal(
      plain(costs.summary),
      'Die Online-Leistungen kosten 2.574,50 € im Jahr, bei 60 Online-Anträgen in zwölf Monaten sind das 42,91 € je Antrag.',
    );
  });

  it('costs: without applications the cost per application is empty and explained', () => {
    const { costs } = compute('staff', progressData({ counts: [] })).figures;
    assert.equal(costs.rows.at(-1)?.amount, null);
    assert.match(costs.summary, /ohne Antragszahlen nicht berechnen/);
  });

  it('online services: sorted by name with since and provider', () => {
    const { onlineServices } = compute().figures;
    assert.deepEqual(
      onlineServices.rows.map((r) => [r.leistung, r.since, r.provider]),
      [
        ['Anwohnerparkausweis', '2025-06-01', 'Kreis'],
        ['Baugenehmigung', '2023-05-01', 'EfA-Dienst des Landes'],
        ['Wohngeld', '2024-11-20', 'Amtsweg (eigene Plattform)'],
      ],
    );
  });

  it('planned services for staff: earliest first, with the internal note', () => {
    const { plannedServices } = compute('staff').figures;
    assert.deepEqual(
      plannedServices.rows.map((r) => [r.leikaKey, r.target, r.note]),
      [
        ['K2', '2025-03-01', NOTE_OVERDUE],
        ['K9', TODAY, null],
        ['K6', '2025-09-15', NOTE_LATER],
        ['K10', '2025-09-30', null],
      ],
    );
    assert.ok(plannedServices.columns.some((c) => c.key === 'note'));
  });

  it('the public figures have no note column and no internal note anywhere', () => {
    const { figures } = compute('public');
    assert.equal(
      figures.plannedServices.columns.some((c) => c.key === 'note'),
      false,
    );
    for (const r of figures.plannedServices.rows) assert.equal('note' in r, false);
    const json = JSON.stringify(figures);
    for (const note of NOTES) assert.equal(json.includes(note), false, note);
    // Apart from the note, public and staff see the same figures.
    const staff = compute('staff').figures;
    assert.deepEqual(
      figures.plannedServices.rows,
      staff.plannedServices.rows.map(({ note: _note, ...rest }) => rest),
    );
    assert.deepEqual({ ...figures, plannedServices: null }, { ...staff, plannedServices: null });
  });

  it('the staff figures do show the notes of planned Leistungen', () => {
    const json = JSON.stringify(compute('staff').figures);
    assert.ok(json.includes(NOTE_OVERDUE));
    assert.ok(json.includes(NOTE_LATER));
  });

  it('every column key of every figure matches its rows', () => {
    for (const audience of ['staff', 'public'] as const) {
      const all: Figure[] = Object.values(compute(audience).figures);
      for (const figure of all) {
        const keys = figure.columns.map((c) => c.key).sort();
        for (const r of figure.rows)
          assert.deepEqual(Object.keys(r).sort(), keys, `${audience} ${figure.id}`);
      }
    }
  });

  it('works for a municipality without any Leistungen', () => {
    const data = progressData({ catalog: [], statuses: [], packages: [], counts: [] });
    const { figures } = compute('public', data);
    assert.deepEqual(figures.headline.rows[0], { measure: 'Anzubieten', leistungen: 0, bundles: 0 });
    assert.match(figures.headline.summary, /kein Anteil/);
    assert.equal(figures.themenfelder.summary, 'Es gibt noch keine anzubietenden Leistungen.');
    assert.deepEqual(column(figures.trend, 'leistungen'), Array(9).fill(0));
  });
});
