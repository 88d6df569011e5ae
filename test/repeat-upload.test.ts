/**
 * A file per item of a repeating group, over HTTP and without JavaScript: Hundesteuer with a proof of
 * liability insurance per dog. Uploads are streamed, sniffed and scanned (a protocol-level clamd here) like
 * any other; removing an item or a file deletes its upload, a remaining item's upload stays, and the case
 * gets exactly the files of its answers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClamdScanner } from '../src/documents/clamd.ts';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import { Client, SAMPLE_PDF, type UploadFile } from './helpers/client.ts';
import { carriedInsurance as carried, dog, dogTaxForm, postedDogs, toDogsPage } from './helpers/dog-tax.ts';
import { EICAR, type FakeClamd, startFakeClamd } from './helpers/fake-clamd.ts';
import { loginCaseworker } from './helpers/journey.ts';
import { publishDogTaxWithInsurance } from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { storedFiles } from './helpers/stored-files.ts';

let clamd: FakeClamd;
let platform: TestPlatform;
before(async () => {
  clamd = await startFakeClamd();
  platform = await startTestPlatform({
    scanner: createClamdScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 }),
  });
  await publishDogTaxWithInsurance(platform);
});
after(async () => {
  await platform?.close();
  await clamd?.close();
});

const FORM = dogTaxForm();
const DOGS = `${FORM}/hunde`;
const LABEL = 'Nachweis der Haftpflichtversicherung';

const pdf = (name: string, content = SAMPLE_PDF): UploadFile => ({ name, type: 'application/pdf', content });

/** Signs in, chooses "register", answers the holder page and opens the dogs page, a multipart form. */
async function start(person: string): Promise<Client> {
  const client = await toDogsPage(platform.app, person);
  assert.match(client.lastPage, /enctype="multipart\/form-data"/);
  assert.match(client.lastPage, /<input[^>]*id="dogs\.0\.insurance"[^>]*type="file"/);
  return client;
}

const documentsOf = async (ids: string[]) =>
  ids.length === 0
    ? []
    : platform.db
        .selectFrom('documents')
        .select(['id', 'filename', 'draft_id', 'case_id'])
        .where('id', 'in', ids)
        .execute();

test('files of two dogs; removing dog 1 deletes its file, dog 2’s file reaches the case', async () => {
  const citizen = await start('test-erika-mustermann');
  const filesBefore = (await storedFiles(platform)).length;

  const added = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '1', ...dog(0, 'Bello'), _action: 'add:dogs' },
    { 'dogs.0.insurance': pdf('bello.pdf') },
  );
  assert.equal(added.statusCode, 200, added.body);
  assert.match(added.body, /Hund 2/);
  assert.match(added.body, /Bereits hochgeladen: bello\.pdf \(1 kB\)/);
  assert.match(added.body, new RegExp(`${LABEL} von Hund 1 entfernen`));
  const bello = carried(added.body, 0);

  const saved = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '2', ...dog(0, 'Bello'), 'dogs.0.insurance._document': bello, ...dog(1, 'Rex') },
    { 'dogs.1.insurance': pdf('rex.pdf') },
  );
  assert.equal(saved.headers.location, `${FORM}/lastschrift`, saved.body);
  const again = await citizen.get(DOGS);
  assert.equal(carried(again.body, 0), bello);
  const rex = carried(again.body, 1);
  assert.equal((await storedFiles(platform)).length, filesBefore + 2);

  // Dog 1 goes: the page shown next has only Rex; Bello's file stays until the page is saved.
  const removed = await citizen.postMultipart(
    DOGS,
    { ...postedDogs(['Bello', bello], ['Rex', rex]), _action: 'remove:dogs:0' },
    {},
  );
  assert.equal(removed.statusCode, 200);
  assert.doesNotMatch(removed.body, /bello\.pdf/);
  assert.match(removed.body, /Bereits hochgeladen: rex\.pdf/);
  assert.equal(carried(removed.body, 0), rex);
  assert.equal((await documentsOf([bello])).length, 1, 'the saved answers still have Bello');

  // A third dog with a file, removed again before the page is saved: its file goes at once.
  const third = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '1', ...dog(0, 'Rex'), 'dogs.0.insurance._document': rex, _action: 'add:dogs' },
    {},
  );
  assert.match(third.body, /Hund 2/);
  const withThird = await citizen.postMultipart(
    DOGS,
    {
      'dogs._count': '2',
      ...dog(0, 'Rex'),
      'dogs.0.insurance._document': rex,
      ...dog(1, 'Struppi'),
      _action: 'remove:dogs:1',
    },
    { 'dogs.1.insurance': pdf('struppi.pdf') },
  );
  assert.equal(withThird.statusCode, 200);
  assert.doesNotMatch(withThird.body, /struppi\.pdf|Hund 2/);
  const struppi = await platform.db
    .selectFrom('documents')
    .select('id')
    .where('filename', '=', 'struppi.pdf')
    .execute();
  assert.deepEqual(struppi, [], 'the removed dog’s upload is deleted at once');

  const next = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '1', ...dog(0, 'Rex'), 'dogs.0.insurance._document': rex },
    {},
  );
  assert.equal(next.headers.location, `${FORM}/lastschrift`, next.body);
  assert.deepEqual(await documentsOf([bello]), [], 'Bello’s file is deleted with the saved page');
  assert.equal((await storedFiles(platform)).length, filesBefore + 1);

  await citizen.get(`${FORM}/lastschrift`);
  assert.equal(
    (await citizen.post(`${FORM}/lastschrift`, { directDebit: 'no' })).headers.location,
    `${FORM}/pruefen`,
  );
  const summary = await citizen.get(`${FORM}/pruefen`);
  assert.match(summary.body, new RegExp(`Hund 1: ${LABEL}`));
  assert.match(summary.body, /rex\.pdf \(1 kB\)/);
  assert.doesNotMatch(summary.body, /bello\.pdf|Hund 2/);
  assert.match(summary.body, /href="\/dienste\/hundesteuer\/formular\/hunde\?von=pruefen"/);

  await citizen.get(`${FORM}/erklaerung`);
  const submitted = await citizen.post(`${FORM}/erklaerung`, { declaration: 'yes' });
  assert.equal(submitted.statusCode, 303, submitted.body);
  const caseId = submitted.headers.location?.match(/\/antraege\/([^/]+)\/bestaetigung/)?.[1];
  assert.ok(caseId);
  const caseDocuments = await platform.db
    .selectFrom('documents')
    .select(['id', 'filename', 'draft_id'])
    .where('case_id', '=', caseId)
    .execute();
  assert.deepEqual(caseDocuments, [{ id: rex, filename: 'rex.pdf', draft_id: null }]);
  assert.equal((await storedFiles(platform)).length, filesBefore + 1);

  const receipt = await citizen.get(`/antraege/${caseId}/eingangsbestaetigung.pdf`);
  const receiptText = await extractPdfText(receipt.rawPayload);
  assert.ok(receiptText.includes('rex.pdf'), 'the receipt lists dog 1’s file');
  assert.ok(!receiptText.includes('bello.pdf'));

  const caseworker = new Client(platform.app);
  await loginCaseworker(caseworker);
  const casePage = await caseworker.get(`/verwaltung/vorgaenge/${caseId}`);
  assert.match(
    casePage.body,
    new RegExp(
      `Hund 1: ${LABEL}</dt>\\s*<dd[^>]*>\\s*<a class="kern-link" href="/verwaltung/dokumente/${rex}">`,
    ),
  );
  const file = await caseworker.get(`/verwaltung/dokumente/${rex}`);
  assert.deepEqual(file.rawPayload, SAMPLE_PDF);
});

test('a missing file in dog 2 is an error at its input; a file can be removed; foreign ids count as none', async () => {
  const citizen = await start('test-ozan-yilmaz');
  const missing = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '2', ...dog(0, 'Bello'), ...dog(1, 'Rex') },
    { 'dogs.0.insurance': pdf('bello.pdf') },
  );
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /href="#dogs\.1\.insurance"/);
  assert.match(missing.body, new RegExp(`Wählen Sie eine Datei für „${LABEL}“ aus`));
  assert.doesNotMatch(missing.body, /href="#dogs\.0\.insurance"/);
  const bello = carried(missing.body, 0);

  // An id that is not one of this draft's uploads is no file.
  const foreign = await citizen.postMultipart(
    DOGS,
    {
      'dogs._count': '2',
      ...dog(0, 'Bello'),
      'dogs.0.insurance._document': bello,
      ...dog(1, 'Rex'),
      'dogs.1.insurance._document': '00000000-0000-4000-8000-000000000000',
    },
    {},
  );
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /href="#dogs\.1\.insurance"/);

  const removedFile = await citizen.postMultipart(
    DOGS,
    {
      'dogs._count': '2',
      ...dog(0, 'Bello'),
      'dogs.0.insurance._document': bello,
      ...dog(1, 'Rex'),
      _action: 'remove-file:dogs:0:insurance',
    },
    {},
  );
  assert.equal(removedFile.statusCode, 200);
  assert.doesNotMatch(removedFile.body, /bello\.pdf|insurance\._document/);
  assert.match(removedFile.body, /value="Rex"/, 'the other inputs stay');
  assert.deepEqual(await documentsOf([bello]), []);

  const complete = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '2', ...dog(0, 'Bello'), ...dog(1, 'Rex') },
    { 'dogs.0.insurance': pdf('bello-2.pdf'), 'dogs.1.insurance': pdf('rex.pdf') },
  );
  assert.equal(complete.headers.location, `${FORM}/lastschrift`, complete.body);
});

test('an infected or too large file in dog 2 is refused and not stored; dog 1’s file stays', async () => {
  const citizen = await start('test-jana-kowalski');
  const filesBefore = (await storedFiles(platform)).length;
  const infected = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR), Buffer.from('\n%%EOF\n')]);
  const refused = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '2', ...dog(0, 'Bello'), ...dog(1, 'Rex') },
    { 'dogs.0.insurance': pdf('bello.pdf'), 'dogs.1.insurance': pdf('infected.pdf', infected) },
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /enthält Schadsoftware und wurde nicht gespeichert/);
  assert.match(refused.body, /href="#dogs\.1\.insurance"/);
  const bello = carried(refused.body, 0);
  assert.equal((await storedFiles(platform)).length, filesBefore + 1);
  const kept = await platform.db.selectFrom('documents').select('id').where('filename', '=', 'infected.pdf');
  assert.deepEqual(await kept.execute(), []);

  // The field allows 2 kB: a larger PDF is refused by the field's own limit.
  const large = Buffer.concat([SAMPLE_PDF, Buffer.alloc(4096, 0x20)]);
  const tooLarge = await citizen.postMultipart(
    DOGS,
    { 'dogs._count': '2', ...dog(0, 'Bello'), 'dogs.0.insurance._document': bello, ...dog(1, 'Rex') },
    { 'dogs.1.insurance': pdf('rex.pdf', large) },
  );
  assert.equal(tooLarge.statusCode, 400);
  assert.match(tooLarge.body, /Die Datei ist größer als 2 kB/);
  assert.equal(carried(tooLarge.body, 0), bello);
  assert.equal((await storedFiles(platform)).length, filesBefore + 1);
});
