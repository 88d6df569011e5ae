/** Reference numbers: unique per tenant, prefix and year, never waiting for another submit, continuing old counters. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { ensureReferenceSequence, nextReference, referenceSequence } from '../src/cases/queries.ts';
import { createDatabase, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import { DEMO_TENANT, seedDemoTenant } from '../src/identity/tenants.ts';
import { freePort } from './helpers/platform.ts';

async function database(t: { after: (fn: () => Promise<void>) => void }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'amtsweg-references-'));
  const postgres = await startEmbeddedPostgres(dataDir, await freePort());
  const dbs: Db[] = [];
  t.after(async () => {
    for (const db of dbs) await db.destroy();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  /** A new connection pool, as another process of the platform would have. */
  const open = () => {
    const db = createDatabase(postgres.url);
    dbs.push(db);
    return db;
  };
  return open;
}

const ars = DEMO_TENANT.ars;

async function take(db: Db, prefix: string, year: number): Promise<string> {
  const sequence = referenceSequence(ars, prefix, year);
  await ensureReferenceSequence(db, sequence);
  return db.transaction().execute((trx) => nextReference(trx, sequence, prefix, year));
}

test('numbers count per prefix and year, and two processes share them without duplicates', async (t) => {
  const open = await database(t);
  const [one, two] = [open(), open()];
  await migrateToLatest(one);
  await seedDemoTenant(one);
  // Both processes create the sequence at once on its first use.
  const first = await Promise.all([take(one, 'BPA', 2026), take(two, 'BPA', 2026)]);
  assert.deepEqual(first.toSorted(), ['BPA-2026-000001', 'BPA-2026-000002']);
  const many = await Promise.all(Array.from({ length: 20 }, (_, i) => take(i % 2 ? one : two, 'BPA', 2026)));
  assert.equal(new Set([...first, ...many]).size, 22);
  assert.equal(await take(one, 'BPA', 2027), 'BPA-2027-000001');
  assert.equal(await take(two, 'HST', 2026), 'HST-2026-000001');
});

test('a submit takes its number while another submit’s transaction is still open', async (t) => {
  const open = await database(t);
  const db = open();
  await migrateToLatest(db);
  await seedDemoTenant(db);
  const sequence = referenceSequence(ars, 'BPA', 2026);
  await ensureReferenceSequence(db, sequence);
  // With a counter row the inner transaction would wait for the outer one's commit: this test would hang.
  const references = await db.transaction().execute(async (outer) => {
    const a = await nextReference(outer, sequence, 'BPA', 2026);
    const b = await db.transaction().execute((inner) => nextReference(inner, sequence, 'BPA', 2026));
    return [a, b];
  });
  assert.deepEqual(references, ['BPA-2026-000001', 'BPA-2026-000002']);
});

test('an installation’s counters continue after their last number', async (t) => {
  const open = await database(t);
  const db = open();
  await migrateTo(db, '0004-incidents');
  await seedDemoTenant(db);
  await sql`insert into reference_counters (tenant_ars, prefix, year, last)
            values (${ars}, 'BPA', 2026, 41), (${ars}, 'HST', 2025, 7)`.execute(db);
  await migrateToLatest(db);
  assert.equal(await take(db, 'BPA', 2026), 'BPA-2026-000042');
  assert.equal(await take(db, 'HST', 2025), 'HST-2025-000008');
  assert.equal(await take(db, 'HST', 2026), 'HST-2026-000001');
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_tables
                                             where tablename = 'reference_counters'`.execute(db);
  assert.equal(rows[0]?.n, 0);
});
