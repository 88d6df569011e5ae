/** Service package versions per tenant: draft → published (immutable) → retired. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_packages')
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'published', 'retired')`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addPrimaryKeyConstraint('service_packages_pk', ['tenant_ars', 'id', 'version'])
    .execute();
  // A published version never changes: applications made with it must always show the same form.
  await sql`CREATE FUNCTION keep_published_package() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status <> 'draft' AND NEW.definition IS DISTINCT FROM OLD.definition THEN
        RAISE EXCEPTION 'service package %@% is % and cannot change', OLD.id, OLD.version, OLD.status;
      END IF;
      IF OLD.status = 'retired' AND NEW.status <> 'retired' THEN
        RAISE EXCEPTION 'service package %@% is retired', OLD.id, OLD.version;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER service_packages_immutable BEFORE UPDATE ON service_packages
    FOR EACH ROW EXECUTE FUNCTION keep_published_package()`.execute(db);
}
