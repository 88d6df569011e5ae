/** Expired drafts are deleted with their uploaded files; recent ones stay. The page tells the citizen the date. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { deleteExpiredDrafts } from '../src/forms/draft-expiry.ts';
import { Client } from './helpers/client.ts';
import { answerNamePage, FORM, fillApplication, loginCitizen } from './helpers/journey.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { failDeletes, storedFiles } from './helpers/stored-files.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

test('a draft untouched for longer than the retention period goes, with its upload; a fresh one stays', async () => {
  const old = new Client(platform.app);
  await loginCitizen(old);
  await fillApplication(old);
  const fresh = new Client(platform.app);
  await loginCitizen(fresh, 'test-jana-kowalski');
  await answerNamePage(fresh);
  assert.equal((await storedFiles(platform)).length, 1);
  await sql`UPDATE drafts SET updated_at = now() - interval '31 days' WHERE citizen_id = 'test-erika-mustermann'`.execute(
    platform.db,
  );

  assert.equal(await deleteExpiredDrafts(platform.db, platform.store, new Date(), 30), 1);
  const left = await platform.db.selectFrom('drafts').select('citizen_id').execute();
  assert.deepEqual(left, [{ citizen_id: 'test-jana-kowalski' }]);
  assert.equal((await platform.db.selectFrom('documents').select('id').execute()).length, 0);
  assert.deepEqual(await storedFiles(platform), []);
  // The citizen starts afresh.
  assert.equal((await old.get(FORM)).headers.location, `${FORM}/name`);
});

test('every question page says until when the answers are kept', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-ozan-yilmaz');
  const page = await citizen.get(`${FORM}/name`);
  assert.match(page.body, /löschen wir sie nach dem \d{1,2}\. \p{L}+ \d{4}/u);
});

test('expired drafts go even when the store fails to delete their files: those are reported as orphaned', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-erika-mustermann');
  await fillApplication(citizen);
  const [upload] = await platform.db.selectFrom('documents').select('storage_key').execute();
  assert.ok(upload);
  await sql`UPDATE drafts SET updated_at = now() - interval '31 days' WHERE citizen_id = 'test-erika-mustermann'`.execute(
    platform.db,
  );

  const orphaned: string[] = [];
  const broken = failDeletes(platform.store);
  try {
    const expired = await deleteExpiredDrafts(platform.db, platform.store, new Date(), 30, (_error, key) =>
      orphaned.push(key),
    );
    assert.equal(expired, 1);
  } finally {
    broken.restore();
  }
  assert.deepEqual(orphaned, [upload.storage_key]);
  const left = await platform.db.selectFrom('drafts').select('citizen_id').execute();
  assert.ok(!left.some((draft) => draft.citizen_id === 'test-erika-mustermann'));
  assert.deepEqual(await platform.db.selectFrom('documents').select('id').execute(), []);
  assert.deepEqual(
    await storedFiles(platform),
    [upload.storage_key],
    'the file is left, no record refers to it',
  );
});
