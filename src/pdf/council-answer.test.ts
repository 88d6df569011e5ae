import assert from 'node:assert/strict';
import { test } from 'node:test';
import { councilFigures, totals } from '../catalog/council-figures.ts';
import { formatFigureValue } from '../catalog/figure.ts';
import {
  type CatalogEntry,
  leistungProgress,
  type MonthlyCount,
  type ProgressData,
  type StatusRecord,
  statusRecord,
} from '../catalog/progress.ts';
import type { DelayReason } from '../catalog/status.ts';
import { COUNCIL_ANSWER_SUBJECT, COUNCIL_QUESTIONS, renderCouncilAnswer } from './council-answer.ts';
import { extractPdfPages } from './extract-text.ts';

const TODAY = '2026-11-20';
const INTERNAL = 'INTERN: Anbieter des Fachverfahrens antwortet nicht';
const NAMES = [
  'Anmeldung einer Wohnung',
  'Anwohnerparkausweis',
  'Hundesteuer',
  'Gewerbeanmeldung',
  'Sondernutzungserlaubnis',
  'Wohngeld',
  'Elterngeld',
  'Führungszeugnis',
  'Baugenehmigung',
  'Fundsache melden',
  'Kita-Platz',
  'Personalausweis',
];
const REASONS: DelayReason[] = ['fachverfahren_interface', 'efa_service', 'budget', 'staff_capacity'];

const key = (i: number) => `99${String(i).padStart(12, '0')}`;
const status = (i: number, fields: Partial<StatusRecord> & Pick<StatusRecord, 'status'>) =>
  statusRecord(key(i), fields);

/**
 * A town's situation: 48 municipal Leistungen in 16 bundles and 2 non-municipal ones; 12 online elsewhere,
 * 6 through two Amtsweg packages, 1 elsewhere from next year, `planned` planned, 4 not relevant, the rest open.
 */
function townData(
  options: { planned?: number; countedServices?: number; name?: (i: number) => string } = {},
) {
  const planned = options.planned ?? 12;
  const size = 19 + planned + 4 + 13;
  const name =
    options.name ?? ((i: number) => `${NAMES[i % NAMES.length]}${i < NAMES.length ? '' : ` (${i})`}`);
  const catalog: CatalogEntry[] = Array.from({ length: size + 2 }, (_, i) => ({
    leikaKey: key(i),
    name: name(i),
    leikaType: '2/3',
    municipal: i < size,
    bundleId: `B${Math.floor(i / 3)}`,
    bundleName: `Bündel ${Math.floor(i / 3)}`,
    themenfeld: ['Familie & Kind', 'Bauen & Wohnen', 'Mobilität & Reisen'][i % 3] ?? null,
  }));
  const statuses: StatusRecord[] = [];
  for (let i = 0; i < 12; i++) {
    statuses.push(
      status(i, {
        status: 'elsewhere',
        provider: 'Onlinedienst des Landes (EfA)',
        onlineSince: `${2021 + (i % 5)}-0${(i % 9) + 1}-15`,
        maturity11: 2 + (i % 3),
        maturity20: i % 4 === 0 ? null : i % 6,
        annualCostCents: 120_000,
        internalNote: INTERNAL,
      }),
    );
  }
  statuses.push(status(18, { status: 'elsewhere', provider: 'Land', onlineSince: '2027-01-01' }));
  for (let i = 0; i < planned; i++) {
    const year = 2026 + Math.floor((i + 11) / 12);
    statuses.push(
      status(19 + i, {
        status: 'planned',
        targetDate: `${year}-${String(((i + 11) % 12) + 1).padStart(2, '0')}-01`,
        delayReason: REASONS[i % REASONS.length] ?? 'other',
        internalNote: INTERNAL,
      }),
    );
  }
  for (let i = 19 + planned; i < 23 + planned; i++) {
    statuses.push(status(i, { status: 'not_relevant', internalNote: INTERNAL }));
  }
  const counted = options.countedServices ?? 18;
  const counts: MonthlyCount[] = [];
  for (let i = 0; i < counted; i++) {
    for (let m = 0; m < 12; m++) {
      const month = m === 0 ? '2025-12' : `2026-${String(m).padStart(2, '0')}`;
      counts.push({ leikaKey: key(i), month, online: 10 + i, paper: 20 });
    }
  }
  const data: ProgressData = {
    catalog,
    statuses,
    packages: [
      {
        serviceId: 'anwohnerparken',
        title: 'Parken',
        leikaKeys: [key(12), key(13), key(14)],
        onlineSince: '2024-03-01',
        maturity11: 3,
        maturity20: 4,
        maturity20Provisional: false,
      },
      {
        serviceId: 'hundesteuer',
        title: 'Hunde',
        leikaKeys: [key(15), key(16), key(17)],
        onlineSince: '2025-06-15',
        maturity11: 4,
        maturity20: 5,
        maturity20Provisional: true,
      },
    ],
    counts,
    settings: {
      inhabitants: 220_000,
      platformFeeCentsPerYear: 1_500_000,
      centsPerInhabitantPerYear: 5,
      costModelName: 'Kostenmodell Amtsweg 2026',
      trendStart: '2021-01-01',
    },
  };
  return data;
}

function inputFor(data: ProgressData, audience: 'public' | 'staff' = 'public') {
  const list = leistungProgress(data, TODAY);
  return {
    letterhead: {
      name: 'Stadt Musterstadt',
      department: 'Hauptamt – Digitalisierung',
      street: 'Rathausplatz 1',
      postalCode: '55116',
      city: 'Musterstadt',
      email: 'digital@musterstadt.de',
    },
    tenantName: 'Stadt Musterstadt',
    date: new Date('2026-11-20T09:00:00Z'),
    figures: councilFigures(list, data, TODAY, audience),
    totals: totals(list, data, TODAY),
    inquiry: 'Anfrage der Fraktion Bürgerliste vom 02.10.2026 (Vorlage 1234/2026)',
  };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

test('answers every question, in order, with the figures as computed', async () => {
  const input = inputFor(townData());
  const t = input.totals;
  assert.deepEqual(
    [t.required, t.online, t.planned, t.open, t.notRelevant, t.requiredBundles, t.onlineBundles],
    [44, 18, 12, 13, 4, 16, 6],
  );
  const pages = await extractPdfPages(await renderCouncilAnswer(input));
  const text = flat(pages.join('\n'));
  const positions = COUNCIL_QUESTIONS.map((question, i) => text.indexOf(`${i + 1}. ${question}`));
  assert.ok(
    positions.every((p) => p >= 0),
    `missing question: ${positions}`,
  );
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
  );
  for (const expected of [
    COUNCIL_ANSWER_SUBJECT,
    'Die Verwaltung beantwortet die Anfrage wie folgt. Alle Zahlen sind am 20.11.2026 aus Amtsweg erzeugt.',
    'Vorlage 1234/2026',
    'Nach dem OZG sind 44 Leistungen (LeiKa) in 16 OZG-Leistungsbündeln online anzubieten.',
    'Heute sind 18 Leistungen online, das sind 40,9 % der anzubietenden Leistungen; sie gehören zu 6 von 16',
    '12 geplant und 13 noch nicht bewertet',
    'Kosten pro Jahr (Kostenmodell Amtsweg 2026)',
    'zum Teil vorläufig',
    'Ende 2021',
    'November 2026 (aktuell)',
    ...(
      [
        'headline',
        'trend',
        'maturity11',
        'maturity20',
        'costs',
        'delayReasons',
        'plannedByMonth',
        'digitalShare',
      ] as const
    ).map((name) => input.figures[name].summary),
  ]) {
    assert.ok(text.includes(flat(expected)), `missing "${expected}"`);
  }
  assert.ok(t.costPerOnlineApplicationCents !== null);
  const perApplication = formatFigureValue(t.costPerOnlineApplicationCents, 'money');
  assert.match(perApplication, /^\d+,\d\d\s€$/);
  assert.ok(text.includes(flat(`${perApplication} je Antrag`)), `missing ${perApplication}`);
  for (const [i, page] of pages.entries()) assert.ok(page.includes(`Seite ${i + 1} von ${pages.length}`));
});

test('shows the trend by year end only, not every month', async () => {
  const text = flat((await extractPdfPages(await renderCouncilAnswer(inputFor(townData())))).join('\n'));
  assert.ok(text.includes('Ende 2025'));
  assert.ok(!text.includes('Juni 2024'), 'a single month of the trend is listed');
});

test('is a public document: no internal note, and staff figures are refused', async () => {
  const data = townData();
  const text = (await extractPdfPages(await renderCouncilAnswer(inputFor(data)))).join('\n');
  assert.ok(!text.includes('INTERN'));
  assert.ok(!text.includes('Interne Notiz'));
  await assert.rejects(renderCouncilAnswer(inputFor(data, 'staff')), /internal notes/);
});

test('cuts the applications table to the 25 services with the most applications', async () => {
  const input = inputFor(townData({ planned: 30, countedServices: 40 }));
  assert.equal(input.figures.digitalShare.rows.length, 40);
  const text = flat((await extractPdfPages(await renderCouncilAnswer(input))).join('\n'));
  assert.ok(
    text.includes(
      'Die Tabelle zeigt die 25 Leistungen mit den meisten Anträgen; Zahlen liegen für 40 Leistungen vor.',
    ),
  );
  assert.ok(text.includes('Kita-Platz (34)'), 'busiest service listed');
  assert.ok(text.includes('Gewerbeanmeldung (15)'), 'the 25th service missing');
  assert.ok(!text.includes('Hundesteuer (14)'), 'the 26th service listed');
});

test('a long list of planned go-lives continues on further pages under a repeated header', async () => {
  const input = inputFor(townData({ planned: 150 }));
  assert.ok(input.figures.plannedByMonth.rows.length > 100);
  const pages = await extractPdfPages(await renderCouncilAnswer(input));
  assert.ok(pages.length >= 5, `only ${pages.length} pages`);
  const withHeader = pages.filter((page) => page.includes('Geplant ab'));
  assert.ok(withHeader.length >= 2, 'header not repeated');
  const text = flat(pages.join('\n'));
  for (const row of input.figures.plannedByMonth.rows) {
    assert.ok(text.includes(formatFigureValue(row.month ?? null, 'month')), `missing ${row.month}`);
  }
  assert.ok(text.indexOf('Geplante Starts nach Monat') < text.indexOf('6. Wie viele Anträge'));
  for (const [i, page] of pages.entries()) assert.ok(page.includes(`Seite ${i + 1} von ${pages.length}`));
});

test('hostile and unencodable text renders', async () => {
  const input = inputFor(
    townData({ name: (i) => (i === 0 ? '😀 <script>alert(1)</script> Łódź 漢字' : `Leistung ${i}`) }),
  );
  input.letterhead.name = 'Stadt 🏛 <script>x</script>';
  input.tenantName = '漢字市 \u202e';
  input.inquiry = 'Anfrage\u0000 mit ✓ und "<b>"\r\nzweite Zeile';
  const text = flat((await extractPdfPages(await renderCouncilAnswer(input))).join('\n'));
  assert.ok(text.includes('? <script>alert(1)</script> Lódz ??'));
  assert.ok(text.includes('Stadt ? <script>x</script>'));
  assert.ok(text.includes('Anfrage mit ? und "<b>" zweite Zeile'));
});
