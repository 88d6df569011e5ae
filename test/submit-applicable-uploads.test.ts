/**
 * A case gets only the files of the answers it keeps: a proof uploaded for a question that no longer applies
 * (the citizen changed an earlier answer) is deleted at submission, its record and its contents; a proof
 * that still applies reaches the case.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Client, SAMPLE_PDF } from './helpers/client.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform?.close());

const FORM = '/dienste/bibliotheksausweis/formular';

async function storedFiles(): Promise<string[]> {
  const root = join(platform.dataDir, 'files');
  const folders = await readdir(root).catch(() => []);
  return (await Promise.all(folders.map((folder) => readdir(join(root, folder))))).flat();
}

/** An adult student's library card up to check-your-answers, with `proof.pdf` as proof for the reduction. */
async function studentWithProof(person: string): Promise<{ citizen: Client; storageKey: string }> {
  const citizen = new Client(platform.app);
  await citizen.get(`/anmelden?weiter=${encodeURIComponent(FORM)}`);
  await citizen.post(`/anmelden?weiter=${encodeURIComponent(FORM)}`, { person, trustLevel: 'basic' });
  const steps: [string, Record<string, string>, string][] = [
    ['person', { givenName: 'Jana', familyName: 'Kowalski', birthDate: '14.02.1990' }, 'kontakt'],
    [
      'kontakt',
      {
        'address.street': 'Bahnhofstraße',
        'address.houseNumber': '101',
        'address.postalCode': '12345',
        'address.city': 'Musterstadt',
      },
      'ermaessigung',
    ],
    ['ermaessigung', { reduction: 'ausbildung' }, 'nachweis'],
  ];
  for (const [page, fields, next] of steps) {
    await citizen.get(`${FORM}/${page}`);
    const saved = await citizen.post(`${FORM}/${page}`, fields);
    assert.equal(saved.headers.location, `${FORM}/${next}`, saved.body);
  }
  await citizen.get(`${FORM}/nachweis`);
  const uploaded = await citizen.upload(`${FORM}/nachweis`, 'reductionProof', {
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
  assert.ok((await storedFiles()).includes(proof.storage_key));
  return { citizen, storageKey: proof.storage_key };
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
  await citizen.get(`${FORM}/ermaessigung?von=pruefen`);
  const changed = await citizen.post(`${FORM}/ermaessigung?von=pruefen`, { reduction: 'keine' });
  assert.equal(changed.headers.location, `${FORM}/pruefen`, changed.body);
  assert.doesNotMatch((await citizen.get(`${FORM}/pruefen`)).body, /proof\.pdf/);

  const caseId = await submit(citizen);
  assert.deepEqual(await documentsOf(caseId), []);
  const left = await platform.db.selectFrom('documents').select('id').where('filename', '=', 'proof.pdf');
  assert.deepEqual(await left.where('storage_key', '=', storageKey).execute(), [], 'its record is gone');
  assert.ok(!(await storedFiles()).includes(storageKey), 'its contents are gone from the store');
  const [stored] = await platform.db.selectFrom('cases').select('answers').where('id', '=', caseId).execute();
  assert.equal(stored?.answers.reductionProof, undefined);
});

test('a proof that still applies reaches the case', async () => {
  const { citizen, storageKey } = await studentWithProof('test-erika-mustermann');
  const caseId = await submit(citizen);
  assert.deepEqual(await documentsOf(caseId), [{ filename: 'proof.pdf', storage_key: storageKey }]);
  assert.ok((await storedFiles()).includes(storageKey));
});
