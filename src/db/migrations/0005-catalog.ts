/**
 * The OZG catalogue (LeiKa Leistungen in OZG bundles, shared by all tenants) and each tenant's progress on it:
 * status per Leistung, staff answers to maturity criteria, application counts per month, cost model.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_bundles')
    .addColumn('ozg_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('themenfeld', 'text', (c) => c.notNull())
    .addColumn('lage', 'text', (c) => c.notNull())
    .addColumn('lage_kind', 'text', (c) => c.check(sql`lage_kind IN ('lebenslage', 'unternehmenslage')`))
    .execute();
  await db.schema
    .createTable('catalog_leistungen')
    .addColumn('leika_key', 'char(14)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leika_type', 'text', (c) => c.notNull())
    .addColumn('bundle_ozg_id', 'text', (c) => c.references('catalog_bundles.ozg_id'))
    .addColumn('municipal', 'boolean', (c) => c.notNull())
    .addColumn('sdg_annex1', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sdg_annex2', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('catalog_leistungen_bundle')
    .on('catalog_leistungen')
    .column('bundle_ozg_id')
    .execute();
  await db.schema
    .createTable('catalog_imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('leistungen', 'integer', (c) => c.notNull())
    .addColumn('bundles', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('leistung_statuses')
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('leika_key', 'char(14)', (c) => c.notNull().references('catalog_leistungen.leika_key'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('amtsweg', 'elsewhere', 'planned', 'not_relevant')`),
    )
    .addColumn('service_id', 'text')
    .addColumn('provider', 'text')
    .addColumn('url', 'text')
    .addColumn('maturity_11', 'integer', (c) => c.check(sql`maturity_11 BETWEEN 0 AND 4`))
    .addColumn('maturity_20', 'integer', (c) => c.check(sql`maturity_20 BETWEEN 0 AND 7`))
    .addColumn('online_since', 'date')
    .addColumn('target_date', 'date')
    .addColumn('delay_reason', 'text')
    .addColumn('internal_note', 'text')
    .addColumn('annual_cost_cents', 'bigint', (c) => c.check(sql`annual_cost_cents >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('leistung_statuses_pk', ['tenant_ars', 'leika_key'])
    .execute();
  await db.schema
    .createTable('maturity_answers')
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('leika_key', 'char(14)', (c) => c.notNull().references('catalog_leistungen.leika_key'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('option', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('maturity_answers_pk', ['tenant_ars', 'leika_key', 'model', 'criterion'])
    .execute();
  await db.schema
    .createTable('application_counts')
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('leika_key', 'char(14)', (c) => c.notNull().references('catalog_leistungen.leika_key'))
    .addColumn('month', 'date', (c) => c.notNull().check(sql`extract(day FROM month) = 1`))
    .addColumn('online', 'integer', (c) => c.notNull().check(sql`online >= 0`))
    .addColumn('paper', 'integer', (c) => c.notNull().check(sql`paper >= 0`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_counts_pk', ['tenant_ars', 'leika_key', 'month'])
    .execute();
  await db.schema
    .createTable('dashboard_settings')
    .addColumn('tenant_ars', 'char(12)', (c) => c.primaryKey().references('tenants.ars'))
    .addColumn('inhabitants', 'integer', (c) => c.notNull().check(sql`inhabitants >= 0`))
    .addColumn('platform_fee_cents_per_year', 'bigint', (c) =>
      c.notNull().check(sql`platform_fee_cents_per_year >= 0`),
    )
    .addColumn('cents_per_inhabitant_per_year', 'integer', (c) =>
      c.notNull().check(sql`cents_per_inhabitant_per_year >= 0`),
    )
    .addColumn('cost_model_name', 'text', (c) => c.notNull())
    .addColumn('trend_start', 'date', (c) => c.notNull())
    // Set only by the development demo seed, so the dashboard can say that its figures are demo data.
    .addColumn('demo_data', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
