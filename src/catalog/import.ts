/** Storing the OZG catalogue: import (upsert, never delete), export, and the shipped 2019 catalogue at start. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { type CatalogBundle, type CatalogRow, parseCatalogCsv } from './catalog-csv.ts';

export const SHIPPED_CATALOG = join(
  import.meta.dirname,
  '..',
  '..',
  'vendor',
  'ozg-katalog',
  'ozg-umsetzungskatalog-2019.csv',
);

export interface CatalogImportCounts {
  /** LeiKa Leistungen in the file. */
  leistungen: number;
  /** Distinct OZG-Leistungen (bundles) in the file. */
  bundles: number;
  /** Leistungen that were new. */
  inserted: number;
  /** Leistungen that existed and changed (name, type, bundle, flags); unchanged ones count in neither. */
  updated: number;
}

export interface CatalogImportOptions {
  /** Where the rows came from (a file name), recorded in catalog_imports. */
  source: string;
  format: 'csv' | 'kdn-sql';
}

// 1,000 rows × 7 columns stays far below PostgreSQL's 65,535 parameters per statement.
const BATCH = 1000;

function batches<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH) result.push(items.slice(start, start + BATCH));
  return result;
}

function distinctBundles(rows: readonly CatalogRow[]): CatalogBundle[] {
  const bundles = new Map<string, CatalogBundle>();
  for (const row of rows) if (row.bundle) bundles.set(row.bundle.ozgId, row.bundle);
  return [...bundles.values()];
}

async function upsertBundles(db: Db, bundles: readonly CatalogBundle[]): Promise<void> {
  for (const batch of batches(bundles)) {
    await db
      .insertInto('catalog_bundles')
      .values(
        batch.map((b) => ({
          ozg_id: b.ozgId,
          name: b.name,
          themenfeld: b.themenfeld,
          lage: b.lage,
          lage_kind: b.lageKind,
        })),
      )
      .onConflict((oc) =>
        oc.column('ozg_id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          themenfeld: eb.ref('excluded.themenfeld'),
          lage: eb.ref('excluded.lage'),
          lage_kind: eb.ref('excluded.lage_kind'),
        })),
      )
      .execute();
  }
}

/** Upserts Leistungen; returns how many were inserted and how many really changed. */
async function upsertLeistungen(
  db: Db,
  rows: readonly CatalogRow[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  for (const batch of batches(rows)) {
    const result = await db
      .insertInto('catalog_leistungen')
      .values(
        batch.map((row) => ({
          leika_key: row.leikaKey,
          name: row.leikaName,
          leika_type: row.leikaType,
          bundle_ozg_id: row.bundle?.ozgId ?? null,
          municipal: row.municipal,
          sdg_annex1: row.sdgAnnex1,
          sdg_annex2: row.sdgAnnex2,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('leika_key')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            leika_type: eb.ref('excluded.leika_type'),
            bundle_ozg_id: eb.ref('excluded.bundle_ozg_id'),
            municipal: eb.ref('excluded.municipal'),
            sdg_annex1: eb.ref('excluded.sdg_annex1'),
            sdg_annex2: eb.ref('excluded.sdg_annex2'),
          }))
          // Unchanged rows are not rewritten, so `updated` counts real changes and no dead tuples pile up.
          .where(
            sql<boolean>`(catalog_leistungen.name, catalog_leistungen.leika_type, catalog_leistungen.bundle_ozg_id,
              catalog_leistungen.municipal, catalog_leistungen.sdg_annex1, catalog_leistungen.sdg_annex2)
              IS DISTINCT FROM (excluded.name, excluded.leika_type, excluded.bundle_ozg_id,
              excluded.municipal, excluded.sdg_annex1, excluded.sdg_annex2)`,
          ),
      )
      // xmax is 0 for a freshly inserted row version, non-zero for one written by ON CONFLICT DO UPDATE.
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .execute();
    for (const row of result) row.inserted ? inserted++ : updated++;
  }
  return { inserted, updated };
}

/** The import itself, inside the caller's transaction. */
async function importRows(trx: Db, rows: readonly CatalogRow[], options: CatalogImportOptions) {
  const bundles = distinctBundles(rows);
  await upsertBundles(trx, bundles);
  const { inserted, updated } = await upsertLeistungen(trx, rows);
  const counts = { leistungen: rows.length, bundles: bundles.length, inserted, updated };
  await trx
    .insertInto('catalog_imports')
    .values({
      source: options.source,
      format: options.format,
      leistungen: rows.length,
      bundles: bundles.length,
    })
    .execute();
  return counts;
}

/**
 * Imports catalogue rows in one transaction: bundles and Leistungen are inserted or updated, none are deleted
 * (tenants' statuses, answers and counts refer to them, and a Leistung missing from a newer file stays).
 */
export async function importCatalog(
  db: Db,
  rows: readonly CatalogRow[],
  options: CatalogImportOptions,
): Promise<CatalogImportCounts> {
  return db.transaction().execute((trx) => importRows(trx, rows, options));
}

export async function catalogIsEmpty(db: Db): Promise<boolean> {
  const any = await db.selectFrom('catalog_leistungen').select('leika_key').limit(1).executeTakeFirst();
  return any === undefined;
}

/** The whole catalogue as rows, ordered by LeiKa key (the shape `catalog export` writes). */
export async function exportCatalog(db: Db): Promise<CatalogRow[]> {
  const rows = await db
    .selectFrom('catalog_leistungen as l')
    .leftJoin('catalog_bundles as b', 'b.ozg_id', 'l.bundle_ozg_id')
    .select([
      'l.leika_key',
      'l.name',
      'l.leika_type',
      'l.municipal',
      'l.sdg_annex1',
      'l.sdg_annex2',
      'b.ozg_id',
      'b.name as bundle_name',
      'b.lage',
      'b.lage_kind',
      'b.themenfeld',
    ])
    .orderBy('l.leika_key')
    .execute();
  return rows.map((row) => ({
    leikaKey: row.leika_key,
    leikaName: row.name,
    leikaType: row.leika_type,
    municipal: row.municipal,
    sdgAnnex1: row.sdg_annex1,
    sdgAnnex2: row.sdg_annex2,
    bundle:
      row.ozg_id === null
        ? null
        : {
            ozgId: row.ozg_id,
            name: row.bundle_name ?? '',
            lage: row.lage ?? '',
            lageKind: row.lage_kind,
            themenfeld: row.themenfeld ?? '',
          },
  }));
}

/**
 * At server start: imports the shipped 2019 catalogue (vendor/ozg-katalog) into an empty catalogue. An advisory
 * lock makes app processes that start together import it once; returns undefined when there was a catalogue.
 */
export async function loadShippedCatalog(db: Db): Promise<CatalogImportCounts | undefined> {
  if (!(await catalogIsEmpty(db))) return undefined;
  const rows = parseCatalogCsv(await readFile(SHIPPED_CATALOG, 'utf8'), SHIPPED_CATALOG);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('amtsweg.catalog.shipped'))`.execute(trx);
    if (!(await catalogIsEmpty(trx))) return undefined;
    return importRows(trx, rows, {
      source: 'vendor/ozg-katalog/ozg-umsetzungskatalog-2019.csv',
      format: 'csv',
    });
  });
}
