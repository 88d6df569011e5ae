/** The app's statements are prepared once per connection, and a migration adding a column breaks none of them. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { findDraft, saveAnswers } from '../src/forms/drafts.ts';
import { DEMO_TENANT, seedDemoTenant } from '../src/identity/tenants.ts';
import { freePort } from './helpers/platform.ts';

test('draft reads run as a prepared statement and survive a column added by a newer version', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'amtsweg-prepared-'));
  const postgres = await startEmbeddedPostgres(dataDir, await freePort());
  // One connection, so the statements this test sees are the ones its queries prepared.
  const db = createDatabase(postgres.url, 1);
  t.after(async () => {
    await db.destroy();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  await migrateToLatest(db);
  await seedDemoTenant(db);
  const key = { tenantArs: DEMO_TENANT.ars, service: { id: 'svc', version: '1.0.0' }, citizenId: 'c-1' };
  await saveAnswers(db, key, { givenName: 'Erika' }, 'name');
  assert.deepEqual((await findDraft(db, key))?.answers, { givenName: 'Erika' });

  const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
  assert.ok(
    prepared.rows.some((r) => r.statement.startsWith('select "id", "service_version", "answers"')),
    'the draft read is prepared',
  );

  const allCases = () => db.selectFrom('cases').selectAll().execute();
  assert.deepEqual(await allCases(), []);

  // What a rolling update does: a newer process migrates while this one keeps its prepared statements.
  await sql`alter table drafts add column comment text`.execute(db);
  await sql`alter table cases add column comment text`.execute(db);
  await saveAnswers(db, key, { familyName: 'Mustermann' }, 'name');
  assert.deepEqual((await findDraft(db, key))?.answers, { givenName: 'Erika', familyName: 'Mustermann' });
  assert.deepEqual(await allCases(), []);
});
