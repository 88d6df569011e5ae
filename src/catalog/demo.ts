/**
 * Demo data for a development start: the situation Mainz reported to its council in 2024, 120 LeiKa
 * Leistungen in 50 OZG bundles online, placed on the demo tenant so a newcomer sees a living dashboard.
 * The choice of bundles resembles a city's typical online offer; dates, providers, maturity levels and
 * application counts are invented and labelled as demo data in the UI. Deterministic: the same catalogue
 * always yields the same figures.
 */
import type { Db } from '../db/database.ts';
import { isoDateInBerlin } from '../forms/display.ts';
import type { StaffMember } from '../identity/types.ts';
import type { CompiledPackage } from '../packages/compile.ts';
import { monthsBetween } from './figure-math.ts';
import { saveMonthlyCounts, saveSettings, saveStatuses } from './progress-store.ts';
import type { DelayReason, StatusChange } from './status.ts';

export const DEMO_ONLINE_LEISTUNGEN = 120;
export const DEMO_ONLINE_BUNDLES = 50;

/** OZG-IDs of bundles a city typically has online first (Melde-, Pass-, Personenstands-, Kfz-Wesen …). */
const ONLINE_BUNDLES = [
  '10173',
  '10559',
  '10111',
  '10337',
  '10136',
  '10092',
  '10446',
  '10564',
  '10364',
  '10160',
  '10519',
  '10169',
  '10439',
  '10459',
  '10000',
  '10119',
  '10177',
  '10003',
  '10557',
  '10025',
  '10026',
  '10235',
  '10237',
  '10148',
  '10348',
  '10014',
  '10058',
  '10110',
  '10154',
  '10349',
  '10244',
  '10257',
  '10596',
  '10035',
  '10214',
  '10149',
  '10117',
  '10145',
  '10144',
  '10143',
  '10571',
  '10028',
  '10041',
  '10023',
  '10088',
  '10522',
  '10569',
  '10287',
  '10345',
  '10344',
];
/** Bundles a city does not execute itself (stock exchange, universities). */
const NOT_RELEVANT_BUNDLES = ['10416', '10060'];
const PLANNED_LEISTUNGEN = 45;

const PROVIDERS = [
  'Onlinedienst des Landes (EfA)',
  'Eigener Onlinedienst der Stadt',
  'EfA-Dienst eines anderen Landes',
];
const DELAYS: DelayReason[] = [
  'fachverfahren_interface',
  'efa_service',
  'staff_capacity',
  'standard_interface',
  'state_infrastructure',
  'procurement',
];

/** Leaves a tenant that already has statuses alone. */
export async function seedDemoProgress(
  db: Db,
  coordinator: StaffMember,
  offered: readonly CompiledPackage[],
  now: Date,
): Promise<boolean> {
  const existing = await db
    .selectFrom('leistung_statuses')
    .select('leika_key')
    .where('tenant_ars', '=', coordinator.tenantArs)
    .limit(1)
    .executeTakeFirst();
  if (existing) return false;
  const entries = await db
    .selectFrom('catalog_leistungen')
    .select(['leika_key', 'bundle_ozg_id'])
    .where('municipal', '=', true)
    .where('bundle_ozg_id', 'in', [...ONLINE_BUNDLES, ...NOT_RELEVANT_BUNDLES])
    .orderBy('leika_key')
    .execute();
  if (entries.length === 0) return false;
  const byBundle = new Map<string, string[]>(ONLINE_BUNDLES.map((id) => [id, []]));
  for (const e of entries) byBundle.get(e.bundle_ozg_id ?? '')?.push(e.leika_key);

  // Leistungen that a published Amtsweg package already puts online count towards the 120.
  const viaAmtsweg = new Set(offered.flatMap((pkg) => pkg.definition.metadata.leikaKeys));
  const queue = roundRobin(
    ONLINE_BUNDLES.map((id) => (byBundle.get(id) ?? []).filter((k) => !viaAmtsweg.has(k))),
  );
  const onlineViaAmtsweg = entries.filter((e) => viaAmtsweg.has(e.leika_key)).length;
  const online = queue.slice(0, DEMO_ONLINE_LEISTUNGEN - onlineViaAmtsweg);
  const planned = queue.slice(online.length, online.length + PLANNED_LEISTUNGEN);
  const today = isoDateInBerlin(now);

  const statuses: [string, StatusChange][] = [
    ...online.map((key, i): [string, StatusChange] => [
      key,
      {
        status: 'elsewhere',
        provider: PROVIDERS[i % PROVIDERS.length] as string,
        url: null,
        onlineSince: spreadDate('2019-06-01', '2024-05-31', i, online.length),
        maturity11: i % 10 === 9 ? null : ([3, 2, 3, 3, 4, 2, 3, 3, 2][i % 9] as number),
        maturity20: i % 3 === 0 ? ([2, 3, 4][i % 9 === 0 ? 0 : i % 2] as number) : null,
        annualCostCents: i % 4 === 0 ? 50_000 + (i % 7) * 25_000 : null,
        internalNote: null,
      },
    ]),
    ...planned.map((key, i): [string, StatusChange] => [
      key,
      {
        status: 'planned',
        targetDate: spreadDate('2025-09-01', '2027-12-01', i, planned.length),
        delayReason: DELAYS[(i * 7) % DELAYS.length] as DelayReason,
        annualCostCents: null,
        internalNote: i % 5 === 0 ? 'Demodaten: Abstimmung mit dem Fachamt läuft.' : null,
      },
    ]),
    ...entries
      .filter((e) => NOT_RELEVANT_BUNDLES.includes(e.bundle_ozg_id ?? ''))
      .map((e): [string, StatusChange] => [
        e.leika_key,
        { status: 'not_relevant', internalNote: 'Demodaten: Zuständig ist nicht die Stadt.' },
      ]),
  ];
  const months = monthsBetween(
    `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}`,
    today.slice(0, 7),
  ).slice(1);
  const counts = online.slice(0, 15).flatMap((key, i) =>
    months.map((month, m) => ({
      leikaKey: key,
      month: `${month}-01`,
      online: 20 + ((i * 37 + m * 11) % 60) + m * 2,
      paper: Math.max(0, 40 - i * 2 - m),
    })),
  );
  // One transaction: a start interrupted half-way leaves no half demo behind (the next start seeds it whole).
  await db.transaction().execute(async (trx) => {
    await saveStatuses(trx, coordinator, statuses);
    await saveMonthlyCounts(trx, coordinator, counts);
    await saveSettings(trx, coordinator, {
      inhabitants: 220_000,
      platformFeeCentsPerYear: 120_000,
      centsPerInhabitantPerYear: 30,
      costModelName: 'Beispiel: 1.200 € im Jahr + 0,30 € je Einwohnerin und Einwohner',
      trendStart: '2019-01-01',
    });
    await trx
      .updateTable('dashboard_settings')
      .set({ demo_data: true })
      .where('tenant_ars', '=', coordinator.tenantArs)
      .execute();
  });
  return true;
}

/** Takes the first item of each list, then the second of each, and so on. */
function roundRobin(lists: string[][]): string[] {
  const out: string[] = [];
  for (let round = 0; lists.some((list) => list.length > round); round++) {
    for (const list of lists) if (list[round] !== undefined) out.push(list[round] as string);
  }
  return out;
}

/** The i-th of n dates spread evenly between two days. */
function spreadDate(from: string, to: string, i: number, n: number): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Date.parse(`${to}T00:00:00Z`) - start;
  return new Date(start + Math.floor((span * i) / Math.max(1, n - 1))).toISOString().slice(0, 10);
}
