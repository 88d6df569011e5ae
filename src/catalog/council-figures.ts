/**
 * The figures that answer a council's questions about the OZG: how many Leistungen must we offer, how many
 * are online and since when, at what maturity, at what cost, and why are the others not online yet.
 * Pure: computed from `leistungProgress`; the same figures feed the dashboard, its downloads and the PDF.
 */
import { formatMoney } from '../forms/checks/money.ts';
import type { Figure, FigureValue } from './figure.ts';
import {
  count,
  distinctBundles,
  formatMonth,
  formatPercent,
  lastTwelveMonths,
  monthOf,
  monthsBetween,
  percent,
} from './figure-math.ts';
import { delayReasonFigure, plannedByMonthFigure, plannedServicesFigure } from './plan-figures.ts';
import type { LeistungProgress, MonthlyCount, ProgressData } from './progress.ts';

export type Audience = 'staff' | 'public';

export const MATURITY_11_NAMES = [
  'Offline',
  'Information',
  'Formular-Assistent',
  'Online-Leistung',
  'Online-Transaktion',
];

export interface CouncilFigures {
  headline: Figure;
  themenfelder: Figure;
  trend: Figure;
  maturity11: Figure;
  maturity20: Figure;
  plannedByMonth: Figure;
  delayReasons: Figure;
  digitalShare: Figure;
  costs: Figure;
  onlineServices: Figure;
  plannedServices: Figure;
}

export interface Totals {
  required: number;
  online: number;
  planned: number;
  open: number;
  notRelevant: number;
  requiredBundles: number;
  onlineBundles: number;
  onlineApplications12Months: number;
  paperApplications12Months: number;
  annualCostCents: number;
  costPerOnlineApplicationCents: number | null;
}

export function totals(list: LeistungProgress[], data: ProgressData, today: string): Totals {
  const required = list.filter((l) => l.required);
  const online = required.filter((l) => l.online);
  const recent = lastTwelveMonths(today);
  const counts = data.counts.filter((c) => recent.has(c.month));
  const onlineApplications = counts.reduce((sum, c) => sum + c.online, 0);
  const annualCostCents = platformCostCents(data) + serviceCostCents(list);
  return {
    required: required.length,
    online: online.length,
    planned: required.filter((l) => l.status === 'planned').length,
    open: required.filter((l) => l.status === 'open').length,
    notRelevant: list.filter((l) => l.status === 'not_relevant').length,
    requiredBundles: distinctBundles(required),
    onlineBundles: distinctBundles(online),
    onlineApplications12Months: onlineApplications,
    paperApplications12Months: counts.reduce((sum, c) => sum + c.paper, 0),
    annualCostCents,
    costPerOnlineApplicationCents:
      onlineApplications === 0 ? null : Math.round(annualCostCents / onlineApplications),
  };
}

function platformCostCents(data: ProgressData): number {
  const s = data.settings;
  return s.platformFeeCentsPerYear + s.inhabitants * s.centsPerInhabitantPerYear;
}

function serviceCostCents(list: LeistungProgress[]): number {
  return list.reduce((sum, l) => sum + (l.online ? (l.annualCostCents ?? 0) : 0), 0);
}

export function councilFigures(
  list: LeistungProgress[],
  data: ProgressData,
  today: string,
  audience: Audience,
): CouncilFigures {
  const t = totals(list, data, today);
  const required = list.filter((l) => l.required);
  const online = required.filter((l) => l.online);
  const planned = required.filter((l) => l.status === 'planned');
  return {
    headline: {
      id: 'ueberblick',
      title: 'Anzubietende und online verfügbare Leistungen',
      summary: `Von ${count(t.required)} Leistungen, die die Verwaltung anbieten muss, sind ${count(t.online)} online (${formatPercent(percent(t.online, t.required))}); sie gehören zu ${count(t.onlineBundles)} von ${count(t.requiredBundles)} OZG-Leistungsbündeln.`,
      columns: [
        { key: 'measure', label: 'Kennzahl', kind: 'text' },
        { key: 'leistungen', label: 'Leistungen (LeiKa)', kind: 'count' },
        { key: 'bundles', label: 'OZG-Leistungsbündel', kind: 'count' },
      ],
      rows: [
        { measure: 'Anzubieten', leistungen: t.required, bundles: t.requiredBundles },
        { measure: 'Online', leistungen: t.online, bundles: t.onlineBundles },
        { measure: 'Geplant', leistungen: t.planned, bundles: distinctBundles(planned) },
        { measure: 'Noch nicht bewertet', leistungen: t.open, bundles: null },
      ],
    },
    themenfelder: themenfeldFigure(required),
    trend: trendFigure(online, data.settings.trendStart, today),
    maturity11: maturityFigure(online, 'maturity11', '1.1', MATURITY_11_NAMES),
    maturity20: maturityFigure(online, 'maturity20', '2.0', ['0', '1', '2', '3', '4', '5', '6', '7']),
    plannedByMonth: plannedByMonthFigure(planned, today),
    delayReasons: delayReasonFigure(planned),
    digitalShare: digitalShareFigure(list, data.counts, today),
    costs: costFigure(list, data, t),
    onlineServices: onlineServicesFigure(online),
    plannedServices: plannedServicesFigure(planned, audience),
  };
}

function themenfeldFigure(required: LeistungProgress[]): Figure {
  const groups = new Map<string, LeistungProgress[]>();
  for (const l of required) {
    const name = l.themenfeld ?? 'Ohne Themenfeld';
    groups.set(name, [...(groups.get(name) ?? []), l]);
  }
  const rows = [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'de'))
    .map(([themenfeld, list]) => {
      const online = list.filter((l) => l.online);
      return {
        themenfeld,
        required: list.length,
        online: online.length,
        share: percent(online.length, list.length),
        requiredBundles: distinctBundles(list),
        onlineBundles: distinctBundles(online),
      };
    });
  const best = [...rows].sort((a, b) => (b.share ?? 0) - (a.share ?? 0))[0];
  return {
    id: 'themenfelder',
    title: 'Leistungen nach Themenfeld',
    summary: best
      ? `Am weitesten ist das Themenfeld „${best.themenfeld}“ mit ${formatPercent(best.share)} der Leistungen online.`
      : 'Es gibt noch keine anzubietenden Leistungen.',
    columns: [
      { key: 'themenfeld', label: 'Themenfeld', kind: 'text' },
      { key: 'required', label: 'Anzubieten', kind: 'count' },
      { key: 'online', label: 'Online', kind: 'count' },
      { key: 'share', label: 'Anteil online', kind: 'percent' },
      { key: 'requiredBundles', label: 'Bündel anzubieten', kind: 'count' },
      { key: 'onlineBundles', label: 'Bündel online', kind: 'count' },
    ],
    rows,
  };
}

function trendFigure(online: LeistungProgress[], trendStart: string, today: string): Figure {
  const months = monthsBetween(monthOf(trendStart), monthOf(today));
  const rows = months.map((month) => {
    const until = online.filter((l) => l.onlineSince !== null && monthOf(l.onlineSince) <= month);
    return { month, leistungen: until.length, bundles: distinctBundles(until) };
  });
  const first = rows[0];
  const last = rows.at(-1);
  return {
    id: 'verlauf',
    title: 'Online verfügbare Leistungen im Zeitverlauf',
    summary:
      first && last
        ? `Die Zahl der online verfügbaren Leistungen stieg von ${count(first.leistungen)} (${formatMonth(first.month)}) auf ${count(last.leistungen)} (${formatMonth(last.month)}).`
        : 'Für diesen Zeitraum gibt es keine Werte.',
    columns: [
      { key: 'month', label: 'Monat', kind: 'month' },
      { key: 'leistungen', label: 'Leistungen online', kind: 'count' },
      { key: 'bundles', label: 'Leistungsbündel online', kind: 'count' },
    ],
    rows,
  };
}

function maturityFigure(
  online: LeistungProgress[],
  key: 'maturity11' | 'maturity20',
  model: string,
  names: string[],
): Figure {
  const rows: Record<string, FigureValue>[] = names.map((name, level) => ({
    level: model === '1.1' ? `${level} – ${name}` : `Stufe ${level}`,
    count: online.filter((l) => l[key] === level).length,
  }));
  const unrated = online.filter((l) => l[key] === null).length;
  rows.push({ level: 'Nicht bewertet', count: unrated });
  const atLeast3 = online.filter((l) => (l[key] ?? -1) >= 3).length;
  return {
    id: `reifegrad-${model.replace('.', '-')}`,
    title: `Reifegrad der Online-Leistungen (Modell ${model})`,
    summary:
      model === '1.1'
        ? `${count(atLeast3)} von ${count(online.length)} Online-Leistungen erreichen mindestens Reifegrad 3 (Online-Leistung), ab dem das OZG als erfüllt gilt; ${count(unrated)} sind nicht bewertet.`
        : `${count(atLeast3)} von ${count(online.length)} Online-Leistungen erreichen nach Modell 2.0 mindestens Stufe 3; ${count(unrated)} sind nicht bewertet.`,
    columns: [
      { key: 'level', label: 'Reifegrad', kind: 'text' },
      { key: 'count', label: 'Leistungen', kind: 'count' },
    ],
    rows,
  };
}

function digitalShareFigure(list: LeistungProgress[], counts: MonthlyCount[], today: string): Figure {
  const recent = lastTwelveMonths(today);
  const names = new Map(list.map((l) => [l.leikaKey, l.name]));
  const sums = new Map<string, { online: number; paper: number }>();
  for (const c of counts) {
    if (!recent.has(c.month)) continue;
    const sum = sums.get(c.leikaKey) ?? { online: 0, paper: 0 };
    sum.online += c.online;
    sum.paper += c.paper;
    sums.set(c.leikaKey, sum);
  }
  const rows = [...sums]
    .map(([key, s]) => ({
      leistung: names.get(key) ?? key,
      online: s.online,
      paper: s.paper,
      share: percent(s.online, s.online + s.paper),
    }))
    .sort((a, b) => a.leistung.localeCompare(b.leistung, 'de'));
  const online = rows.reduce((sum, r) => sum + r.online, 0);
  const all = rows.reduce((sum, r) => sum + r.online + r.paper, 0);
  return {
    id: 'digitalquote',
    title: 'Anträge online und auf Papier in den letzten zwölf Monaten',
    summary: all
      ? `${formatPercent(percent(online, all))} der ${count(all)} gezählten Anträge kamen online (${rows.length} Leistungen mit Zahlen).`
      : 'Für die letzten zwölf Monate sind keine Antragszahlen erfasst.',
    columns: [
      { key: 'leistung', label: 'Leistung', kind: 'text' },
      { key: 'online', label: 'Online', kind: 'count' },
      { key: 'paper', label: 'Papier', kind: 'count' },
      { key: 'share', label: 'Anteil online', kind: 'percent' },
    ],
    rows,
  };
}

function costFigure(list: LeistungProgress[], data: ProgressData, t: Totals): Figure {
  const s = data.settings;
  const perInhabitant = s.inhabitants * s.centsPerInhabitantPerYear;
  return {
    id: 'kosten',
    title: `Kosten pro Jahr (${s.costModelName})`,
    summary:
      t.costPerOnlineApplicationCents === null
        ? `Die Online-Leistungen kosten ${formatMoney(t.annualCostCents)} im Jahr; Kosten je Online-Antrag lassen sich ohne Antragszahlen nicht berechnen.`
        : `Die Online-Leistungen kosten ${formatMoney(t.annualCostCents)} im Jahr, bei ${count(t.onlineApplications12Months)} Online-Anträgen in zwölf Monaten sind das ${formatMoney(t.costPerOnlineApplicationCents)} je Antrag.`,
    columns: [
      { key: 'item', label: 'Posten', kind: 'text' },
      { key: 'amount', label: 'Betrag', kind: 'money' },
    ],
    rows: [
      { item: 'Plattform: feste Jahresgebühr', amount: s.platformFeeCentsPerYear },
      {
        item: `Plattform: ${count(s.inhabitants)} Einwohnerinnen und Einwohner × ${formatMoney(s.centsPerInhabitantPerYear)}`,
        amount: perInhabitant,
      },
      { item: 'Einzelne Online-Dienste', amount: serviceCostCents(list) },
      { item: 'Summe pro Jahr', amount: t.annualCostCents },
      { item: 'Je Online-Antrag (letzte zwölf Monate)', amount: t.costPerOnlineApplicationCents },
    ],
  };
}

function onlineServicesFigure(online: LeistungProgress[]): Figure {
  const rows = [...online]
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map((l) => ({
      leistung: l.name,
      leikaKey: l.leikaKey,
      bundle: l.bundleName,
      themenfeld: l.themenfeld,
      since: l.onlineSince,
      provider: l.provider,
      maturity11: l.maturity11,
      maturity20: l.maturity20,
    }));
  return {
    id: 'online-leistungen',
    title: 'Online verfügbare Leistungen',
    summary: `${count(rows.length)} Leistungen sind online verfügbar.`,
    columns: [
      { key: 'leistung', label: 'Leistung', kind: 'text' },
      { key: 'leikaKey', label: 'LeiKa-Schlüssel', kind: 'text' },
      { key: 'bundle', label: 'OZG-Leistungsbündel', kind: 'text' },
      { key: 'themenfeld', label: 'Themenfeld', kind: 'text' },
      { key: 'since', label: 'Online seit', kind: 'date' },
      { key: 'provider', label: 'Angeboten über', kind: 'text' },
      { key: 'maturity11', label: 'Reifegrad 1.1', kind: 'count' },
      { key: 'maturity20', label: 'Reifegrad 2.0', kind: 'count' },
    ],
    rows,
  };
}
