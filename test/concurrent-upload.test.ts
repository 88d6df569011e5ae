/**
 * Two requests of one draft at once (the same citizen in two tabs): a post of one tab does not delete the
 * upload another tab has just stored for an item it has not saved yet, and an answer is never saved for an
 * upload that is gone; the race is made explicit by storing an upload directly and by a row lock.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { createNoopScanner } from '../src/documents/virus-scan.ts';
import { findDraft } from '../src/forms/drafts.ts';
import type { FileAnswer } from '../src/forms/types.ts';
import { storeDraftUpload } from '../src/forms/uploads.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { Client, type Response, SAMPLE_PDF } from './helpers/client.ts';
import { carriedInsurance, dog, dogTaxForm, postedDogs, toDogsPage } from './helpers/dog-tax.ts';
import { fillApplication, loginCitizen, FORM as PARKING } from './helpers/journey.ts';
import { DOG_INSURANCE, publishDogTaxWithInsurance } from './helpers/packages.ts';
import { eventually, startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { storedFiles, storeUpload } from './helpers/stored-files.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
  await publishDogTaxWithInsurance(platform);
});
after(() => platform?.close());

const FORM = dogTaxForm();
const DOGS = `${FORM}/hunde`;
const keyOf = (citizenId: string) => ({
  tenantArs: DEMO_TENANT.ars,
  service: { id: 'hundesteuer', version: '1.1.0' },
  citizenId,
});

const documentOf = (id: string) =>
  platform.db.selectFrom('documents').select('storage_key').where('id', '=', id).executeTakeFirst();

/** Signs in, registers a dog holder and saves Bello with his proof; returns the client and Bello's file. */
async function withBello(person: string): Promise<{ citizen: Client; bello: string }> {
  const citizen = await toDogsPage(platform.app, person);
  const saved = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '1', ...dog(0, 'Bello') },
    { 'dogs.0.insurance': { name: 'bello.pdf', type: 'application/pdf', content: SAMPLE_PDF } },
  );
  assert.equal(saved.headers.location, `${FORM}/lastschrift`, saved.body);
  const answers = (await findDraft(platform.db, keyOf(person)))?.answers;
  const bello = (answers?.dogs as { insurance: FileAnswer }[] | undefined)?.[0]?.insurance.documentId;
  assert.ok(bello);
  await citizen.get(DOGS);
  return { citizen, bello };
}

/** What a post of the other tab does first: it stores the file for a new second dog, not saved yet. */
async function otherTabStores(person: string, filename: string): Promise<string> {
  const outcome = await storeDraftUpload(
    { db: platform.db, store: platform.store, maxBytes: 10_000, scanner: createNoopScanner() },
    keyOf(person),
    { field: DOG_INSURANCE, path: 'dogs.1.insurance', inRepeat: true },
    { stream: Readable.from([SAMPLE_PDF]), filename },
    'de',
  );
  assert.ok('answer' in outcome);
  return outcome.answer.documentId;
}

test('a post in one tab keeps the upload another tab has just stored for its new item', async () => {
  const { citizen, bello } = await withBello('test-erika-mustermann');
  const rex = await otherTabStores('test-erika-mustermann', 'rex.pdf');

  // This tab saves its page (one dog) while the other tab's page with Rex is still being posted.
  const thisTab = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '1', ...dog(0, 'Bello'), 'dogs.0.insurance._document': bello },
    {},
  );
  assert.equal(thisTab.headers.location, `${FORM}/lastschrift`, thisTab.body);
  const stored = await documentOf(rex);
  assert.ok(stored, 'the other tab’s upload is kept');
  assert.ok((await storedFiles(platform)).includes(stored.storage_key));

  // The other tab's post goes on and saves both dogs with Rex's file.
  await citizen.get(DOGS);
  const otherTab = await citizen.postMultipart(DOGS, postedDogs(['Bello', bello], ['Rex', rex]), {});
  assert.equal(otherTab.headers.location, `${FORM}/lastschrift`, otherTab.body);
  const dogs = (await findDraft(platform.db, keyOf('test-erika-mustermann')))?.answers.dogs;
  assert.deepEqual(
    (dogs as { insurance: FileAnswer }[]).map((d) => d.insurance.documentId),
    [bello, rex],
  );
});

test('an upload no page has referred to for an hour is deleted by the next post', async () => {
  const { citizen, bello } = await withBello('test-ozan-yilmaz');
  const left = await otherTabStores('test-ozan-yilmaz', 'left.pdf');
  const post = () =>
    citizen.postMultipart(
      DOGS,
      { 'dogs._count': '1', ...dog(0, 'Bello'), 'dogs.0.insurance._document': bello, _action: 'add:dogs' },
      {},
    );
  assert.equal((await post()).statusCode, 200);
  const stored = await documentOf(left);
  assert.ok(stored, 'fresh, it may still be saved by its own request');

  await sql`UPDATE documents SET created_at = now() - interval '61 minutes' WHERE id = ${left}`.execute(
    platform.db,
  );
  assert.equal((await post()).statusCode, 200);
  assert.equal(await documentOf(left), undefined);
  assert.ok(!(await storedFiles(platform)).includes(stored.storage_key));
  assert.ok(await documentOf(bello), 'the saved answer’s file stays');
});

test('a file this tab replaces before its page is saved is deleted at once', async () => {
  const { citizen, bello } = await withBello('test-jana-kowalski');
  const pdf = (name: string) => ({ name, type: 'application/pdf', content: SAMPLE_PDF });
  const fields = {
    'dogs._count': '2',
    ...dog(0, 'Bello'),
    'dogs.0.insurance._document': bello,
    ...dog(1, 'Rex'),
  };
  const first = await citizen.postMultipart(
    DOGS,
    { ...fields, _action: 'add:dogs' },
    { 'dogs.1.insurance': pdf('first.pdf') },
  );
  assert.equal(first.statusCode, 200);
  const carried = carriedInsurance(first.body, 1);
  const replaced = await citizen.postMultipart(
    DOGS,
    { ...fields, 'dogs.1.insurance._document': carried, _action: 'add:dogs' },
    { 'dogs.1.insurance': pdf('second.pdf') },
  );
  assert.equal(replaced.statusCode, 200);
  assert.match(replaced.body, /second\.pdf/);
  assert.equal(await documentOf(carried), undefined);
});

/** A parking permit up to check-your-answers with `schein.pdf`, its certificate page open again. */
async function parkingPermitWithCertificate(person: string) {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, person);
  await fillApplication(citizen);
  const key = {
    tenantArs: DEMO_TENANT.ars,
    service: { id: 'bewohnerparkausweis', version: '' },
    citizenId: person,
  };
  const draft = await findDraft(platform.db, key);
  const certificate = draft?.answers.registrationCertificate as FileAnswer | undefined;
  assert.ok(draft && certificate);
  await citizen.get(`${PARKING}/fahrzeugschein`);
  return { citizen, key, draftId: draft.id, certificate };
}

/**
 * Posts the certificate page (no new file) so that it has read the draft and waits for the draft's lock
 * while `otherTab` changes the draft under that lock; returns the post's response.
 */
async function postWhileOtherTab(
  citizen: Client,
  draftId: string,
  otherTab: (trx: Transaction<Database>) => Promise<void>,
): Promise<Response> {
  const posted = await platform.db.transaction().execute(async (trx) => {
    await trx.selectFrom('drafts').select('id').where('id', '=', draftId).forUpdate().execute();
    const response = citizen.postMultipart(`${PARKING}/fahrzeugschein`, {}, {});
    await eventually(async () => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND query LIKE '%"drafts"%'`.execute(platform.db);
      return rows[0]?.n ? true : undefined;
    });
    await otherTab(trx);
    // Wrapped: a promise returned as such would be awaited before the commit it waits for.
    return { response };
  });
  return posted.response;
}

test('a page is not saved with a file removed meanwhile: the citizen is asked to upload it again', async () => {
  const { citizen, key, draftId, certificate } = await parkingPermitWithCertificate('test-jana-kowalski');
  const response = await postWhileOtherTab(citizen, draftId, async (trx) => {
    await trx.deleteFrom('documents').where('id', '=', certificate.documentId).execute();
    await trx
      .updateTable('drafts')
      .set({ answers: sql`answers - 'registrationCertificate'` })
      .where('id', '=', draftId)
      .execute();
  });
  assert.equal(response.statusCode, 400, response.body);
  assert.match(
    response.body,
    /„Fahrzeugschein“: Die Datei „schein\.pdf“ ist nicht mehr vorhanden\. Bitte laden Sie sie erneut hoch\./,
  );
  assert.match(response.body, /href="#registrationCertificate"/);
  const answers = (await findDraft(platform.db, key))?.answers;
  assert.equal(answers?.registrationCertificate, undefined, 'no answer points at the missing file');
});

test('a page saved while another tab replaced its file is saved with the new file', async () => {
  const { citizen, key, draftId, certificate } = await parkingPermitWithCertificate('test-erika-mustermann');
  let replacement = '';
  // What another tab's upload does (see storeDraftUpload): the old record goes, the new one is the answer.
  const response = await postWhileOtherTab(citizen, draftId, async (trx) => {
    await trx.deleteFrom('documents').where('id', '=', certificate.documentId).execute();
    const upload = { draftId, field: 'registrationCertificate', filename: 'neu.pdf' };
    const file = await storeUpload(trx, platform.store, upload);
    replacement = file.documentId;
    const answer = JSON.stringify({ registrationCertificate: file });
    await trx
      .updateTable('drafts')
      .set({ answers: sql`answers || ${answer}::jsonb` })
      .where('id', '=', draftId)
      .execute();
  });
  assert.equal(response.headers.location, `${PARKING}/pruefen`, response.body);
  const answer = (await findDraft(platform.db, key))?.answers.registrationCertificate as FileAnswer;
  assert.equal(answer.documentId, replacement);
  assert.equal(answer.filename, 'neu.pdf');
});
