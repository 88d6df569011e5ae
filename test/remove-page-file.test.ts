/**
 * A file field of the page itself (not in a repeating group) has a "Datei entfernen" button once a file is
 * uploaded, without JavaScript: the file leaves the draft and the store at once; a required file is then
 * asked for again, an optional one may stay out. Enter in a text field still saves the page.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findDraft } from '../src/forms/drafts.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { Client, SAMPLE_PDF } from './helpers/client.ts';
import {
  INSTITUTION_LABEL,
  OPTIONAL_PROOF_SERVICE,
  publishOptionalProofCard,
} from './helpers/optional-proof.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
  await publishOptionalProofCard(platform);
});
after(() => platform?.close());

const PROOF = { name: 'proof.pdf', type: 'application/pdf', content: SAMPLE_PDF };
const REMOVE = 'remove-file:reductionProof';

async function storedFiles(): Promise<string[]> {
  const root = join(platform.dataDir, 'files');
  const folders = await readdir(root).catch(() => []);
  return (await Promise.all(folders.map((folder) => readdir(join(root, folder))))).flat();
}

/** Signs in and answers the library card up to its proof page (an adult student); returns the page's URL. */
async function toProofPage(citizen: Client, service: string, person: string): Promise<string> {
  const form = `/dienste/${service}/formular`;
  await citizen.get(`/anmelden?weiter=${encodeURIComponent(form)}`);
  await citizen.post(`/anmelden?weiter=${encodeURIComponent(form)}`, { person, trustLevel: 'basic' });
  const steps: [string, Record<string, string>][] = [
    ['person', { givenName: 'Jana', familyName: 'Kowalski', birthDate: '14.02.1990' }],
    [
      'kontakt',
      {
        'address.street': 'Bahnhofstraße',
        'address.houseNumber': '101',
        'address.postalCode': '12345',
        'address.city': 'Musterstadt',
      },
    ],
    ['ermaessigung', { reduction: 'ausbildung' }],
  ];
  for (const [page, fields] of steps) {
    await citizen.get(`${form}/${page}`);
    assert.equal((await citizen.post(`${form}/${page}`, fields)).statusCode, 303);
  }
  await citizen.get(`${form}/nachweis`);
  return `${form}/nachweis`;
}

const keyOf = (service: string, citizenId: string) => ({
  tenantArs: DEMO_TENANT.ars,
  service: { id: service, version: '' },
  citizenId,
});

/** The draft's uploads with their contents' keys. */
const uploadsOf = async (service: string, citizenId: string) => {
  const draft = await findDraft(platform.db, keyOf(service, citizenId));
  return platform.db
    .selectFrom('documents')
    .select(['filename', 'storage_key'])
    .where('draft_id', '=', draft?.id ?? '00000000-0000-4000-8000-000000000000')
    .execute();
};

/** The first submit button of the question form: the one Enter in a text field presses. */
function firstButton(body: string, action: string): string {
  const form = body.slice(body.indexOf(`action="${action}"`));
  return form.match(/<button[^>]*>[^<]*/)?.[0] ?? '';
}

test('a required file removed with its button is gone at once and asked for again on Weiter', async () => {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, 'bibliotheksausweis', 'test-jana-kowalski');
  assert.doesNotMatch(citizen.lastPage, /Datei entfernen/, 'no button before a file is uploaded');
  assert.equal((await citizen.upload(page, 'reductionProof', PROOF)).statusCode, 303);
  const [upload] = await uploadsOf('bibliotheksausweis', 'test-jana-kowalski');
  assert.ok(upload);

  const shown = await citizen.get(page);
  assert.match(shown.body, /Bereits hochgeladen: proof\.pdf/);
  assert.match(
    shown.body,
    new RegExp(
      `<button class="kern-btn kern-btn--secondary" type="submit" name="_action" value="${REMOVE}">` +
        '<span class="kern-label">Datei entfernen<span class="kern-sr-only"> „proof\\.pdf“</span></span></button>',
    ),
  );
  assert.equal(firstButton(shown.body, page), '<button type="submit" hidden>Weiter');

  const removed = await citizen.postMultipart(page, { _action: REMOVE }, {});
  assert.equal(removed.statusCode, 200, removed.body);
  assert.doesNotMatch(removed.body, /proof\.pdf|Datei entfernen/);
  assert.deepEqual(await uploadsOf('bibliotheksausweis', 'test-jana-kowalski'), []);
  assert.ok(!(await storedFiles()).includes(upload.storage_key), 'its contents are deleted');
  const answers = (await findDraft(platform.db, keyOf('bibliotheksausweis', 'test-jana-kowalski')))?.answers;
  assert.equal(answers?.reductionProof, undefined);

  const next = await citizen.postMultipart(page, {}, {});
  assert.equal(next.statusCode, 400);
  assert.match(next.body, /Wählen Sie eine Datei für „Nachweis für die Ermäßigung“ aus\./);
  assert.match(next.body, /href="#reductionProof"/);
});

test('an optional file can be removed and the page saved without it; the case gets no file', async () => {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, OPTIONAL_PROOF_SERVICE, 'test-ozan-yilmaz');
  const form = `/dienste/${OPTIONAL_PROOF_SERVICE}/formular`;
  const institution = { institution: 'Universität Musterstadt' };
  const uploaded = await citizen.postMultipart(page, institution, { reductionProof: PROOF });
  assert.equal(uploaded.headers.location, `${form}/pruefen`, uploaded.body);

  const english = await citizen.get(`${page}?lang=en`);
  assert.match(english.body, /Remove file<span class="kern-sr-only"> “proof\.pdf”<\/span>/);
  assert.equal(firstButton(english.body, page), '<button type="submit" hidden>Continue');
  await citizen.get(`${page}?lang=de`);

  // Another field's name, a made-up one or a malformed action removes nothing.
  for (const action of ['remove-file:institution', 'remove-file:nothing', 'remove-file:reductionProof:0']) {
    const ignored = await citizen.postMultipart(page, { ...institution, _action: action }, {});
    assert.ok([200, 303].includes(ignored.statusCode), action);
    assert.equal((await uploadsOf(OPTIONAL_PROOF_SERVICE, 'test-ozan-yilmaz')).length, 1, action);
    await citizen.get(page);
  }

  const removed = await citizen.postMultipart(page, { ...institution, _action: REMOVE }, {});
  assert.equal(removed.statusCode, 200);
  assert.match(removed.body, /value="Universität Musterstadt"/, 'the other inputs stay');
  assert.doesNotMatch(removed.body, /proof\.pdf/);
  assert.match(removed.body, new RegExp(INSTITUTION_LABEL));
  assert.deepEqual(await uploadsOf(OPTIONAL_PROOF_SERVICE, 'test-ozan-yilmaz'), []);

  const saved = await citizen.postMultipart(page, institution, {});
  assert.equal(saved.headers.location, `${form}/pruefen`, saved.body);
  assert.doesNotMatch((await citizen.get(`${form}/pruefen`)).body, /proof\.pdf/);
  await citizen.get(`${form}/erklaerung`);
  const submitted = await citizen.post(`${form}/erklaerung`, { declaration: 'yes' });
  const caseId = submitted.headers.location?.match(/\/antraege\/([^/]+)\/bestaetigung/)?.[1];
  assert.ok(caseId, submitted.body);
  const documents = await platform.db.selectFrom('documents').select('id').where('case_id', '=', caseId);
  assert.deepEqual(await documents.execute(), []);
});
