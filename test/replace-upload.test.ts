/** Uploading again for the same field replaces the file: one record, the new answer, the old contents gone. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findDraft } from '../src/forms/drafts.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { Client, SAMPLE_PNG } from './helpers/client.ts';
import { FORM, fillApplication, loginCitizen } from './helpers/journey.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { storedFiles } from './helpers/stored-files.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

test('a second upload for a field replaces the first', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-ozan-yilmaz');
  await fillApplication(citizen);
  const key = {
    tenantArs: DEMO_TENANT.ars,
    service: { id: 'bewohnerparkausweis', version: '' },
    citizenId: 'test-ozan-yilmaz',
  };
  const first = (await findDraft(platform.db, key))?.answers.registrationCertificate as {
    documentId: string;
  };
  const filesBefore = await storedFiles(platform);

  await citizen.get(`${FORM}/fahrzeugschein`);
  const again = await citizen.upload(`${FORM}/fahrzeugschein`, 'registrationCertificate', {
    name: 'schein.png',
    type: 'image/png',
    content: SAMPLE_PNG,
  });
  assert.equal(again.statusCode, 303, again.body);
  const draft = await findDraft(platform.db, key);
  const answer = draft?.answers.registrationCertificate as { documentId: string; filename: string };
  assert.equal(answer.filename, 'schein.png');
  assert.notEqual(answer.documentId, first.documentId);
  const documents = await platform.db
    .selectFrom('documents')
    .select(['id', 'storage_key'])
    .where('draft_id', '=', draft?.id ?? '')
    .execute();
  assert.deepEqual(
    documents.map((d) => d.id),
    [answer.documentId],
  );
  const filesAfter = await storedFiles(platform);
  assert.equal(filesAfter.length, filesBefore.length, 'the first file’s contents were deleted');
  assert.ok(filesAfter.includes(documents[0]?.storage_key ?? ''));
});
