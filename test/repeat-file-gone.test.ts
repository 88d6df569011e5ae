/**
 * A dog's file that a page still shows but whose upload is gone (another tab removed the dog and saved, or
 * the upload was cleaned up an hour after it was stored) is never silently dropped: the page says the file
 * is no longer there and asks for it again, at the dog's input, whether the file is required or optional and
 * whether the citizen presses Weiter or a button of the group.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, SAMPLE_PDF } from './helpers/client.ts';
import { carriedInsurance, dog, dogTaxForm, postedDogs, toDogsPage } from './helpers/dog-tax.ts';
import { DOG_TAX_OPTIONAL_INSURANCE, publishDogTaxWithInsurance } from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
  await publishDogTaxWithInsurance(platform);
  await publishDogTaxWithInsurance(platform, { optional: true });
});
after(() => platform?.close());

const GONE =
  '„Nachweis der Haftpflichtversicherung“: Die Datei ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.';
const pdf = (name: string) => ({ name, type: 'application/pdf', content: SAMPLE_PDF });

/**
 * Saves Bello and Rex with their files; then another tab saves the page with Bello only, which deletes Rex's
 * upload. Returns this tab's client, the dogs page's URL, Bello's file and what this tab's page (still with
 * Rex) posts.
 */
async function rexGoneInAnotherTab(person: string, service?: string) {
  const dogs = `${dogTaxForm(service)}/hunde`;
  const citizen: Client = await toDogsPage(platform.app, person, service);
  const saved = await citizen.postMultipart(
    dogs,
    { 'dogs._count': '2', ...dog(0, 'Bello'), ...dog(1, 'Rex') },
    { 'dogs.0.insurance': pdf('bello.pdf'), 'dogs.1.insurance': pdf('rex.pdf') },
  );
  assert.equal(saved.statusCode, 303, saved.body);
  const shown = await citizen.get(dogs);
  const bello = carriedInsurance(shown.body, 0);
  const rex = carriedInsurance(shown.body, 1);

  const otherTab = await citizen.postMultipart(dogs, postedDogs(['Bello', bello]), {});
  assert.equal(otherTab.statusCode, 303, otherTab.body);
  const left = platform.db.selectFrom('documents').select('id').where('id', '=', rex);
  assert.deepEqual(await left.execute(), [], 'Rex’s upload is gone');

  return { citizen, dogs, bello, thisTab: postedDogs(['Bello', bello], ['Rex', rex]) };
}

test('a required file gone meanwhile is asked for again with the reason, not as never chosen', async () => {
  const { citizen, dogs, thisTab } = await rexGoneInAnotherTab('test-erika-mustermann');
  const response = await citizen.postMultipart(dogs, thisTab, {});
  assert.equal(response.statusCode, 400, response.body);
  assert.match(response.body, new RegExp(`<a class="kern-link" href="#dogs\\.1\\.insurance">${GONE}</a>`));
  assert.doesNotMatch(response.body, /Wählen Sie eine Datei/);
  assert.doesNotMatch(response.body, /name="dogs\.1\.insurance\._document"/);
  assert.match(response.body, /Bereits hochgeladen: bello\.pdf/);
});

test('an optional file gone meanwhile is not saved as left out: the page says so', async () => {
  const service = DOG_TAX_OPTIONAL_INSURANCE;
  const { citizen, dogs, bello, thisTab } = await rexGoneInAnotherTab('test-ozan-yilmaz', service);
  const response = await citizen.postMultipart(dogs, thisTab, {});
  assert.equal(response.statusCode, 400, response.body);
  assert.match(response.body, new RegExp(`href="#dogs\\.1\\.insurance">${GONE}<`));

  // Told, the citizen may go on without it.
  const saved = await citizen.postMultipart(dogs, postedDogs(['Bello', bello], ['Rex']), {});
  assert.equal(saved.headers.location, `${dogTaxForm(service)}/lastschrift`, saved.body);
});

test('a file gone meanwhile is reported at its item’s new place when a group button is pressed', async () => {
  const { citizen, dogs, thisTab } = await rexGoneInAnotherTab('test-jana-kowalski');
  const response = await citizen.postMultipart(dogs, { ...thisTab, _action: 'remove:dogs:0' }, {});
  assert.equal(response.statusCode, 400, response.body);
  assert.match(response.body, /value="Rex"/);
  assert.doesNotMatch(response.body, /value="Bello"/);
  assert.match(response.body, new RegExp(`href="#dogs\\.0\\.insurance">${GONE}<`));

  // Removing the file's own item, or the file, leaves nothing to report.
  for (const action of ['remove:dogs:1', 'remove-file:dogs:1:insurance']) {
    const quiet = await citizen.postMultipart(dogs, { ...thisTab, _action: action }, {});
    assert.equal(quiet.statusCode, 200, action);
    assert.doesNotMatch(quiet.body, /nicht mehr vorhanden/, action);
  }
});
