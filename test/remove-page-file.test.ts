/**
 * A file field of the page itself (not in a repeating group) has a "Datei entfernen" button once a file is
 * uploaded, without JavaScript: the file leaves the draft and the store at once and a notice says so; a
 * required file is then asked for again, an optional one may stay out. The button names the file it shows:
 * a page left open removes no file uploaded since in another tab. Enter in a text field still saves the page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findDraft } from '../src/forms/drafts.ts';
import type { FileAnswer } from '../src/forms/types.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { Client, SAMPLE_PDF, SAMPLE_PNG } from './helpers/client.ts';
import {
  INSTITUTION_LABEL,
  OPTIONAL_PROOF_SERVICE,
  publishOptionalProofCard,
  toProofPage,
} from './helpers/optional-proof.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { failDeletes, storedFiles } from './helpers/stored-files.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
  await publishOptionalProofCard(platform);
});
after(() => platform?.close());

const PROOF = { name: 'proof.pdf', type: 'application/pdf', content: SAMPLE_PDF };
const LABEL = 'Nachweis für die Ermäßigung';

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
    .select(['id', 'filename', 'storage_key'])
    .where('draft_id', '=', draft?.id ?? '00000000-0000-4000-8000-000000000000')
    .execute();
};

const proofAnswer = async (service: string, citizenId: string) =>
  (await findDraft(platform.db, keyOf(service, citizenId)))?.answers.reductionProof as FileAnswer | undefined;

/** What the page's "Datei entfernen" button posts: the field and the id of the file the page shows. */
function removeAction(body: string): string {
  const action = body.match(/name="_action" value="(remove-file:reductionProof:[0-9a-f-]{36})"/)?.[1];
  assert.ok(action, 'the page has a button to remove the file');
  return action;
}

/** The first submit button of the question form: the one Enter in a text field presses. */
function firstButton(body: string, action: string): string {
  const form = body.slice(body.indexOf(`action="${action}"`));
  return form.match(/<button[^>]*>[^<]*/)?.[0] ?? '';
}

test('a required file removed with its button is gone at once and asked for again on Weiter', async () => {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, 'test-jana-kowalski');
  assert.doesNotMatch(citizen.lastPage, /Datei entfernen/, 'no button before a file is uploaded');
  assert.equal((await citizen.upload(page, 'reductionProof', PROOF)).statusCode, 303);
  const [upload] = await uploadsOf('bibliotheksausweis', 'test-jana-kowalski');
  assert.ok(upload);

  const shown = await citizen.get(page);
  assert.match(shown.body, /Bereits hochgeladen: proof\.pdf/);
  // Its name names the question and the file, as an item's file button does ("… von Hund 1 entfernen").
  assert.match(
    shown.body,
    new RegExp(
      `<button class="kern-btn kern-btn--secondary" type="submit" name="_action" value="remove-file:reductionProof:${upload.id}">` +
        `<span class="kern-label">Datei entfernen<span class="kern-sr-only"> – ${LABEL} \\(„proof\\.pdf“\\)</span></span></button>`,
    ),
  );
  assert.equal(firstButton(shown.body, page), '<button type="submit" hidden>Weiter');

  const removed = await citizen.postMultipart(page, { _action: removeAction(shown.body) }, {});
  assert.equal(removed.statusCode, 200, removed.body);
  assert.match(
    removed.body,
    /role="status"><div class="kern-alert__header">.*Die Datei „proof\.pdf“ wurde entfernt\./,
  );
  assert.doesNotMatch(removed.body, /Bereits hochgeladen|Datei entfernen/);
  assert.deepEqual(await uploadsOf('bibliotheksausweis', 'test-jana-kowalski'), []);
  assert.ok(!(await storedFiles(platform)).includes(upload.storage_key), 'its contents are deleted');
  assert.equal(await proofAnswer('bibliotheksausweis', 'test-jana-kowalski'), undefined);

  const next = await citizen.postMultipart(page, {}, {});
  assert.equal(next.statusCode, 400);
  assert.match(next.body, /Wählen Sie eine Datei für „Nachweis für die Ermäßigung“ aus\./);
  assert.match(next.body, /href="#reductionProof"/);
  assert.doesNotMatch(next.body, /wurde entfernt/, 'the notice is shown once');
});

test('an optional file can be removed and the page saved without it; the case gets no file', async () => {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, 'test-ozan-yilmaz', OPTIONAL_PROOF_SERVICE);
  const form = `/dienste/${OPTIONAL_PROOF_SERVICE}/formular`;
  const institution = { institution: 'Universität Musterstadt' };
  const uploaded = await citizen.postMultipart(page, institution, { reductionProof: PROOF });
  assert.equal(uploaded.headers.location, `${form}/pruefen`, uploaded.body);
  const [upload] = await uploadsOf(OPTIONAL_PROOF_SERVICE, 'test-ozan-yilmaz');
  assert.ok(upload);

  const english = await citizen.get(`${page}?lang=en`);
  assert.match(
    english.body,
    /Remove file<span class="kern-sr-only"> – Proof for the reduced fee \(“proof\.pdf”\)<\/span>/,
  );
  assert.equal(firstButton(english.body, page), '<button type="submit" hidden>Continue');
  await citizen.get(`${page}?lang=de`);

  // Another field's name or a made-up one shows the page again and removes nothing; a button value that is
  // no action (without the file's id, or with an index in its place) saves the page as "Weiter" does.
  const ignored: [string, number][] = [
    [`remove-file:institution:${upload.id}`, 200],
    [`remove-file:nothing:${upload.id}`, 200],
    ['remove-file:reductionProof', 303],
    ['remove-file:reductionProof:0', 303],
  ];
  for (const [action, status] of ignored) {
    const response = await citizen.postMultipart(page, { ...institution, _action: action }, {});
    assert.equal(response.statusCode, status, action);
    assert.equal((await uploadsOf(OPTIONAL_PROOF_SERVICE, 'test-ozan-yilmaz')).length, 1, action);
    await citizen.get(page);
  }

  const removed = await citizen.postMultipart(
    page,
    { ...institution, _action: removeAction(citizen.lastPage) },
    {},
  );
  assert.equal(removed.statusCode, 200);
  assert.match(removed.body, /value="Universität Musterstadt"/, 'the other inputs stay');
  assert.match(removed.body, /Die Datei „proof\.pdf“ wurde entfernt\./);
  assert.doesNotMatch(removed.body, /Bereits hochgeladen/);
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

test('a page left open removes nothing when the file was replaced meanwhile in another tab', async () => {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, 'test-erika-mustermann');
  await citizen.upload(page, 'reductionProof', PROOF);
  const stale = (await citizen.get(page)).body;

  // Another tab replaces the file.
  const png = { name: 'ausweis.png', type: 'image/png', content: SAMPLE_PNG };
  assert.equal((await citizen.upload(page, 'reductionProof', png)).statusCode, 303);
  const [replacement] = await uploadsOf('bibliotheksausweis', 'test-erika-mustermann');
  assert.equal(replacement?.filename, 'ausweis.png');

  // The first tab still shows proof.pdf and presses its button.
  const response = await citizen.postMultipart(page, { _action: removeAction(stale) }, {});
  assert.equal(response.statusCode, 200, response.body);
  assert.match(response.body, /Bereits hochgeladen: ausweis\.png/, 'the page shows the draft’s file');
  assert.doesNotMatch(response.body, /wurde entfernt/);
  assert.deepEqual(await uploadsOf('bibliotheksausweis', 'test-erika-mustermann'), [replacement]);
  assert.equal(
    (await proofAnswer('bibliotheksausweis', 'test-erika-mustermann'))?.documentId,
    replacement.id,
  );
  assert.ok((await storedFiles(platform)).includes(replacement.storage_key));
});

test('a removal without the form’s CSRF token is refused and removes nothing', async () => {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, 'test-jana-kowalski', OPTIONAL_PROOF_SERVICE);
  await citizen.upload(page, 'reductionProof', PROOF);
  const action = removeAction((await citizen.get(page)).body);
  const refused = await citizen.postMultipart(page, { _action: action }, {}, { csrf: null });
  assert.equal(refused.statusCode, 403);
  const [upload] = await uploadsOf(OPTIONAL_PROOF_SERVICE, 'test-jana-kowalski');
  assert.equal(upload?.filename, 'proof.pdf');
  assert.equal((await proofAnswer(OPTIONAL_PROOF_SERVICE, 'test-jana-kowalski'))?.documentId, upload.id);
  assert.ok((await storedFiles(platform)).includes(upload.storage_key));
});

test('a store that fails to delete the contents does not fail the removal: the file is gone from the draft', async () => {
  const citizen = new Client(platform.app);
  const page = await toProofPage(citizen, 'test-ozan-yilmaz');
  await citizen.upload(page, 'reductionProof', PROOF);
  const [upload] = await uploadsOf('bibliotheksausweis', 'test-ozan-yilmaz');
  assert.ok(upload);
  const action = removeAction((await citizen.get(page)).body);
  const broken = failDeletes(platform.store);
  try {
    const removed = await citizen.postMultipart(page, { _action: action }, {});
    assert.equal(removed.statusCode, 200, removed.body);
    assert.match(removed.body, /Die Datei „proof\.pdf“ wurde entfernt\./);
  } finally {
    broken.restore();
  }
  assert.deepEqual(broken.attempted, [upload.storage_key]);
  assert.deepEqual(await uploadsOf('bibliotheksausweis', 'test-ozan-yilmaz'), []);
  assert.equal(await proofAnswer('bibliotheksausweis', 'test-ozan-yilmaz'), undefined);
  assert.ok((await storedFiles(platform)).includes(upload.storage_key), 'its contents are left orphaned');
});
