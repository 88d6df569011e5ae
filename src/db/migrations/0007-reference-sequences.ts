/**
 * Reference numbers move from a counter row (locked by each submit until its commit) to one sequence per
 * tenant, prefix and year (docs/decisions/006-reference-number-sequences.md). Each counter becomes a
 * sequence that continues after its last number; names as referenceSequence() in src/cases/queries.ts.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DO $$
    DECLARE counter record;
    BEGIN
      FOR counter IN SELECT tenant_ars, prefix, year, last FROM reference_counters LOOP
        EXECUTE format(
          'CREATE SEQUENCE %I START WITH %s',
          'reference_' || counter.tenant_ars || '_' || lower(counter.prefix) || '_' || counter.year,
          counter.last + 1
        );
      END LOOP;
    END $$`.execute(db);
  await db.schema.dropTable('reference_counters').execute();
}
