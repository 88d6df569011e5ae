/**
 * The tenant's OZG progress in the database: status per Leistung, monthly application counts and the cost
 * model. Changes need the role "coordinator" (OZG-Koordination), checked here and not only in the routes.
 */
import { sql } from 'kysely';
import { countSubmissionsByMonth } from '../cases/queries.ts';
import type { Db } from '../db/database.ts';
import { isoDateInBerlin } from '../forms/display.ts';
import type { StaffMember } from '../identity/types.ts';
import type { CompiledPackage } from '../packages/compile.ts';
import { listPackages } from '../packages/store.ts';
import { assertCoordinator } from './coordinator.ts';
import { packageMaturity } from './package-maturity.ts';
import type {
  CatalogEntry,
  CostSettings,
  MonthlyCount,
  PackageOffer,
  ProgressData,
  StatusRecord,
} from './progress.ts';
import type { DelayReason, StatusChange } from './status.ts';

/** Until a coordinator enters the town's own figures: the example of Rheinland-Pfalz's KomPrOZG model. */
export const DEFAULT_SETTINGS: CostSettings = {
  inhabitants: 0,
  platformFeeCentsPerYear: 120_000,
  centsPerInhabitantPerYear: 30,
  costModelName: 'Beispiel: 1.200 € im Jahr + 0,30 € je Einwohnerin und Einwohner',
  trendStart: '2020-01-01',
};

export async function loadSettings(db: Db, tenantArs: string): Promise<CostSettings> {
  const row = await db
    .selectFrom('dashboard_settings')
    .selectAll()
    .where('tenant_ars', '=', tenantArs)
    .executeTakeFirst();
  return row
    ? {
        inhabitants: row.inhabitants,
        platformFeeCentsPerYear: row.platform_fee_cents_per_year,
        centsPerInhabitantPerYear: row.cents_per_inhabitant_per_year,
        costModelName: row.cost_model_name,
        trendStart: row.trend_start,
        demoData: row.demo_data,
      }
    : DEFAULT_SETTINGS;
}

export async function saveSettings(db: Db, staff: StaffMember, settings: CostSettings): Promise<void> {
  assertCoordinator(staff);
  const values = {
    inhabitants: settings.inhabitants,
    platform_fee_cents_per_year: settings.platformFeeCentsPerYear,
    cents_per_inhabitant_per_year: settings.centsPerInhabitantPerYear,
    cost_model_name: settings.costModelName,
    trend_start: settings.trendStart,
    updated_by: staff.id,
    updated_at: new Date(),
  };
  await db
    .insertInto('dashboard_settings')
    .values({ tenant_ars: staff.tenantArs, ...values })
    .onConflict((oc) => oc.column('tenant_ars').doUpdateSet(values))
    .execute();
}

const ENTRY_COLUMNS = [
  'l.leika_key as leikaKey',
  'l.name as name',
  'l.leika_type as leikaType',
  'l.municipal as municipal',
  'l.bundle_ozg_id as bundleId',
  'b.name as bundleName',
  'b.themenfeld as themenfeld',
] as const;

/** One Leistung with the Lage of its bundle, for its page. */
export async function findCatalogEntry(
  db: Db,
  leikaKey: string,
): Promise<(CatalogEntry & { lage: string | null; lageKind: string | null }) | undefined> {
  if (!/^\d{14}$/.test(leikaKey)) return undefined;
  return db
    .selectFrom('catalog_leistungen as l')
    .leftJoin('catalog_bundles as b', 'b.ozg_id', 'l.bundle_ozg_id')
    .select([...ENTRY_COLUMNS, 'b.lage as lage', 'b.lage_kind as lageKind'])
    .where('l.leika_key', '=', leikaKey)
    .executeTakeFirst();
}

/** The statuses of the given Leistungen (all of the tenant's when no keys are given). */
export async function findStatuses(
  db: Db,
  tenantArs: string,
  leikaKeys?: readonly string[],
): Promise<Map<string, StatusRecord>> {
  const statuses = await loadStatuses(db, tenantArs, leikaKeys);
  return new Map(statuses.map((s) => [s.leikaKey, s]));
}

async function loadStatuses(
  db: Db,
  tenantArs: string,
  leikaKeys?: readonly string[],
): Promise<StatusRecord[]> {
  if (leikaKeys?.length === 0) return [];
  let query = db.selectFrom('leistung_statuses').selectAll().where('tenant_ars', '=', tenantArs);
  if (leikaKeys) query = query.where('leika_key', 'in', leikaKeys);
  const rows = await query.execute();
  return rows.map((r) => ({
    leikaKey: r.leika_key,
    status: r.status,
    provider: r.provider,
    url: r.url,
    maturity11: r.maturity_11,
    maturity20: r.maturity_20,
    onlineSince: r.online_since,
    targetDate: r.target_date,
    delayReason: r.delay_reason as DelayReason | null,
    internalNote: r.internal_note,
    annualCostCents: r.annual_cost_cents,
  }));
}

/** Saves what a coordinator entered; 'open' removes the status again. */
export async function saveStatus(
  db: Db,
  staff: StaffMember,
  leikaKey: string,
  change: StatusChange,
): Promise<void> {
  await saveStatuses(db, staff, [[leikaKey, change]]);
}

/** Several changes in one statement each for deletions and upserts (the demo seed sets a few hundred). */
export async function saveStatuses(
  db: Db,
  staff: StaffMember,
  changes: readonly (readonly [leikaKey: string, change: StatusChange])[],
): Promise<void> {
  assertCoordinator(staff);
  const cleared = changes.filter(([, change]) => change.status === 'open').map(([key]) => key);
  const rows = changes.flatMap(([leikaKey, change]) =>
    change.status === 'open'
      ? []
      : [
          {
            tenant_ars: staff.tenantArs,
            leika_key: leikaKey,
            status: change.status,
            provider: change.status === 'elsewhere' ? change.provider : null,
            url: change.status === 'elsewhere' ? change.url : null,
            maturity_11: change.status === 'elsewhere' ? change.maturity11 : null,
            maturity_20: change.status === 'elsewhere' ? change.maturity20 : null,
            online_since: change.status === 'elsewhere' ? change.onlineSince : null,
            target_date: change.status === 'planned' ? change.targetDate : null,
            delay_reason: change.status === 'planned' ? change.delayReason : null,
            annual_cost_cents: change.status === 'not_relevant' ? null : change.annualCostCents,
            internal_note: change.internalNote,
            updated_by: staff.id,
            updated_at: new Date(),
          },
        ],
  );
  if (cleared.length) {
    await db
      .deleteFrom('leistung_statuses')
      .where('tenant_ars', '=', staff.tenantArs)
      .where('leika_key', 'in', cleared)
      .execute();
  }
  if (rows.length === 0) return;
  await db
    .insertInto('leistung_statuses')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['tenant_ars', 'leika_key']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        provider: eb.ref('excluded.provider'),
        url: eb.ref('excluded.url'),
        maturity_11: eb.ref('excluded.maturity_11'),
        maturity_20: eb.ref('excluded.maturity_20'),
        online_since: eb.ref('excluded.online_since'),
        target_date: eb.ref('excluded.target_date'),
        delay_reason: eb.ref('excluded.delay_reason'),
        annual_cost_cents: eb.ref('excluded.annual_cost_cents'),
        internal_note: eb.ref('excluded.internal_note'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Enters the applications of one month; online counts of Amtsweg services come from the cases instead. */
export async function saveMonthlyCounts(
  db: Db,
  staff: StaffMember,
  counts: readonly { leikaKey: string; month: string; online: number; paper: number }[],
): Promise<void> {
  assertCoordinator(staff);
  if (counts.length === 0) return;
  await db
    .insertInto('application_counts')
    .values(
      counts.map((c) => ({
        tenant_ars: staff.tenantArs,
        leika_key: c.leikaKey,
        month: c.month,
        online: c.online,
        paper: c.paper,
        updated_by: staff.id,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_ars', 'leika_key', 'month']).doUpdateSet((eb) => ({
        online: eb.ref('excluded.online'),
        paper: eb.ref('excluded.paper'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
}

export interface CatalogSearch {
  text?: string;
  themenfeld?: string;
  limit: number;
  offset: number;
}

/** Leistungen of the catalogue for the staff list: municipal ones and any with a status, by name. */
export async function searchCatalog(
  db: Db,
  tenantArs: string,
  search: CatalogSearch,
): Promise<{ total: number; entries: CatalogEntry[] }> {
  let query = db
    .selectFrom('catalog_leistungen as l')
    .leftJoin('catalog_bundles as b', 'b.ozg_id', 'l.bundle_ozg_id')
    .where((eb) =>
      eb.or([
        eb('l.municipal', '=', true),
        eb.exists(
          eb
            .selectFrom('leistung_statuses as s')
            .select(sql`1`.as('one'))
            .whereRef('s.leika_key', '=', 'l.leika_key')
            .where('s.tenant_ars', '=', tenantArs),
        ),
      ]),
    );
  if (search.text) {
    const pattern = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('l.name', 'ilike', pattern),
        eb('l.leika_key', 'like', pattern),
        eb('b.name', 'ilike', pattern),
      ]),
    );
  }
  if (search.themenfeld) query = query.where('b.themenfeld', '=', search.themenfeld);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const entries = await query
    .select(ENTRY_COLUMNS)
    .orderBy('l.name')
    .orderBy('l.leika_key')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
  return { total: Number(total.n), entries };
}

export async function listThemenfelder(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('catalog_bundles')
    .select('themenfeld')
    .distinct()
    .orderBy('themenfeld')
    .execute();
  return rows.map((r) => r.themenfeld);
}

/** Everything the council figures need, read in a handful of queries. */
export async function loadProgressData(
  db: Db,
  tenantArs: string,
  offered: readonly CompiledPackage[],
): Promise<ProgressData> {
  const [statuses, settings, stored, answers, counts, submissions] = await Promise.all([
    loadStatuses(db, tenantArs),
    loadSettings(db, tenantArs),
    listPackages(db, tenantArs),
    db.selectFrom('maturity_answers').selectAll().where('tenant_ars', '=', tenantArs).execute(),
    db.selectFrom('application_counts').selectAll().where('tenant_ars', '=', tenantArs).execute(),
    countSubmissionsByMonth(db, tenantArs),
  ]);
  const packages: PackageOffer[] = offered.map((pkg) => {
    const { id, metadata } = pkg.definition;
    const firstPublished = stored
      .filter((s) => s.id === id && s.publishedAt)
      .map((s) => s.publishedAt as Date)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const maturity = packageMaturity(
      pkg.definition,
      answers.filter((a) => metadata.leikaKeys.includes(a.leika_key)),
    );
    return {
      serviceId: id,
      title: metadata.title.de,
      leikaKeys: metadata.leikaKeys,
      onlineSince: isoDateInBerlin(firstPublished ?? new Date()),
      ...maturity,
    };
  });
  const keys = [...new Set([...statuses.map((s) => s.leikaKey), ...packages.flatMap((p) => p.leikaKeys)])];
  const catalog = await db
    .selectFrom('catalog_leistungen as l')
    .leftJoin('catalog_bundles as b', 'b.ozg_id', 'l.bundle_ozg_id')
    .select(ENTRY_COLUMNS)
    .where((eb) =>
      keys.length
        ? eb.or([eb('l.municipal', '=', true), eb('l.leika_key', 'in', keys)])
        : eb('l.municipal', '=', true),
    )
    .orderBy('l.leika_key')
    .execute();
  return { catalog, statuses, packages, settings, counts: mergeCounts(counts, submissions, packages) };
}

/** Entered counts, with the online figure of Amtsweg services taken from the applications actually received. */
function mergeCounts(
  entered: { leika_key: string; month: string; online: number; paper: number }[],
  submissions: { serviceId: string; month: string; count: number }[],
  packages: PackageOffer[],
): MonthlyCount[] {
  const counted = new Map<string, MonthlyCount>();
  const keyOf = new Map(packages.map((p) => [p.serviceId, p.leikaKeys[0]]));
  const amtswegKeys = new Set(keyOf.values());
  for (const row of entered) {
    const month = row.month.slice(0, 7);
    counted.set(`${row.leika_key} ${month}`, {
      leikaKey: row.leika_key,
      month,
      online: amtswegKeys.has(row.leika_key) ? 0 : row.online,
      paper: row.paper,
    });
  }
  for (const s of submissions) {
    const leikaKey = keyOf.get(s.serviceId);
    if (!leikaKey) continue;
    const id = `${leikaKey} ${s.month}`;
    const count = counted.get(id) ?? { leikaKey, month: s.month, online: 0, paper: 0 };
    count.online += s.count;
    counted.set(id, count);
  }
  return [...counted.values()];
}
