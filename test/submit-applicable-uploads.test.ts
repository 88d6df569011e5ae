/**
 * A case gets only the files of the answers it keeps: a proof uploaded for a question that no longer applies
 * (the citizen changed an earlier answer) is deleted at submission, its record and its contents; a proof
 * that still applies reaches the case.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findDraft } from '../src/forms/drafts.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { Client, SAMPLE_PDF } from './helpers/client.ts';
import { toProofPage } from './helpers/optional-proof.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { failDeletes, storedFiles } from './helpers/stored-files.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform?.close());

const FORM = '/dienste/bibliotheksausweis/formular';

/** An adult student's library card up to check-your-answers, with `proof.pdf` as proof for the reduction. */
async function studentWithProof(person: string): Promise<{ citizen: Client; storageKey: string }> {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, person);
  const uploaded = await citizen.upload(page, 'reductionProof', {
    name: 'proof.pdf',
    type: 'application/pdf',
    content: SAMPLE_PDF,
  });
  assert.equal(uploaded.headers.location, `${FORM}/pruefen`, uploaded.body);
  const [proof] = await platform.db
    .selectFrom('documents')
    .innerJoin('drafts', 'drafts.id', 'documents.draft_id')
    .select('documents.storage_key')
    .where('drafts.citizen_id', '=', person)
    .execute();
  assert.ok(proof, 'the proof is stored with the draft');
  assert.ok((await storedFiles(platform)).includes(proof.storage_key));
  return { citizen, storageKey: proof.storage_key };
}

/** Changes the reduction to none: the proof no longer applies. */
async function withoutReduction(citizen: Client): Promise<void> {
  await citizen.get(`${FORM}/ermaessigung?von=pruefen`);
  const changed = await citizen.post(`${FORM}/ermaessigung?von=pruefen`, { reduction: 'keine' });
  assert.equal(changed.headers.location, `${FORM}/pruefen`, changed.body);
}

async function submit(citizen: Client): Promise<string> {
  await citizen.get(`${FORM}/erklaerung`);
  const submitted = await citizen.post(`${FORM}/erklaerung`, { declaration: 'yes' });
  assert.equal(submitted.statusCode, 303, submitted.body);
  const caseId = submitted.headers.location?.match(/\/antraege\/([^/]+)\/bestaetigung/)?.[1];
  assert.ok(caseId);
  return caseId;
}

const documentsOf = (caseId: string) =>
  platform.db
    .selectFrom('documents')
    .select(['filename', 'storage_key'])
    .where('case_id', '=', caseId)
    .execute();

test('a proof for a reduction no longer asked for is deleted at submission, not given to the case', async () => {
  const { citizen, storageKey } = await studentWithProof('test-jana-kowalski');
  await withoutReduction(citizen);
  assert.doesNotMatch((await citizen.get(`${FORM}/pruefen`)).body, /proof\.pdf/);

  const caseId = await submit(citizen);
  assert.deepEqual(await documentsOf(caseId), []);
  const left = await platform.db.selectFrom('documents').select('id').where('filename', '=', 'proof.pdf');
  assert.deepEqual(await left.where('storage_key', '=', storageKey).execute(), [], 'its record is gone');
  assert.ok(!(await storedFiles(platform)).includes(storageKey), 'its contents are gone from the store');
  const [stored] = await platform.db.selectFrom('cases').select('answers').where('id', '=', caseId).execute();
  assert.equal(stored?.answers.reductionProof, undefined);
});

test('a proof that still applies reaches the case', async () => {
  const { citizen, storageKey } = await studentWithProof('test-erika-mustermann');
  const caseId = await submit(citizen);
  assert.deepEqual(await documentsOf(caseId), [{ filename: 'proof.pdf', storage_key: storageKey }]);
  assert.ok((await storedFiles(platform)).includes(storageKey));
});

test('a store that fails to delete a dropped proof does not fail the submission', async () => {
  const { citizen, storageKey } = await studentWithProof('test-ozan-yilmaz');
  await withoutReduction(citizen);
  await citizen.get(`${FORM}/erklaerung`);
  const broken = failDeletes(platform.store);
  let submitted: Awaited<ReturnType<Client['post']>>;
  try {
    submitted = await citizen.post(`${FORM}/erklaerung`, { declaration: 'yes' });
  } finally {
    broken.restore();
  }
  assert.deepEqual(broken.attempted, [storageKey]);
  assert.equal(submitted.statusCode, 303, submitted.body);
  const caseId = submitted.headers.location?.match(/\/antraege\/([^/]+)\/bestaetigung/)?.[1];
  assert.ok(caseId);
  assert.equal((await citizen.get(`/antraege/${caseId}/bestaetigung`)).statusCode, 200);
  assert.deepEqual(await documentsOf(caseId), []);
  const left = platform.db.selectFrom('documents').select('id').where('storage_key', '=', storageKey);
  assert.deepEqual(await left.execute(), [], 'its record is gone');
  assert.ok((await storedFiles(platform)).includes(storageKey), 'its contents are left orphaned');
});

test('a draft naming a file that is gone is not submitted: the citizen is asked to upload it again', async () => {
  // Jana's first application is sent (the first test): this is her second.
  const person = 'test-jana-kowalski';
  const { citizen, storageKey } = await studentWithProof(person);
  const cases = platform.db.selectFrom('cases').select('id').where('citizen_id', '=', person);
  const casesBefore = await cases.execute();
  // A draft saved before pages checked their files could still name an upload deleted since.
  await platform.db.deleteFrom('documents').where('storage_key', '=', storageKey).execute();
  await platform.store.delete(storageKey);

  await citizen.get(`${FORM}/erklaerung`);
  const refused = await citizen.post(`${FORM}/erklaerung`, { declaration: 'yes' });
  assert.equal(refused.statusCode, 409, refused.body);
  assert.match(
    refused.body,
    /Ihr Antrag wurde nicht abgeschickt: Die Datei „proof\.pdf“ ist nicht mehr vorhanden\. Bitte laden Sie sie erneut hoch/,
  );
  assert.deepEqual(await cases.execute(), casesBefore, 'no case was created');
  const key = {
    tenantArs: DEMO_TENANT.ars,
    service: { id: 'bibliotheksausweis', version: '' },
    citizenId: person,
  };
  const draft = await findDraft(platform.db, key);
  assert.ok(draft, 'the draft stays');
  assert.equal(draft.answers.reductionProof, undefined, 'and no longer names the file');
  assert.equal(draft.answers.reduction, 'ausbildung');

  // Check your answers leads to the question, which asks for a file again; then the application goes.
  const check = await citizen.get(`${FORM}/pruefen`);
  assert.equal(check.headers.location, `${FORM}/nachweis`);
  await citizen.get(`${FORM}/nachweis`);
  const again = await citizen.upload(`${FORM}/nachweis`, 'reductionProof', {
    name: 'proof-2.pdf',
    type: 'application/pdf',
    content: SAMPLE_PDF,
  });
  assert.equal(again.headers.location, `${FORM}/pruefen`, again.body);
  const caseId = await submit(citizen);
  assert.deepEqual(
    (await documentsOf(caseId)).map((doc) => doc.filename),
    ['proof-2.pdf'],
  );
});
