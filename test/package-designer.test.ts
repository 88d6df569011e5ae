/** The service designers' staff area: package versions, test results, a preview that stores nothing, publishing. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { importPackage } from '../src/packages/store.ts';
import { Client } from './helpers/client.ts';
import { loginStaff } from './helpers/journey.ts';
import { readShippedPackage } from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
let designer: Client;
before(async () => {
  platform = await startTestPlatform();
  designer = new Client(platform.app);
  await loginStaff(designer, 'Dana Schmidt');
});
after(() => platform.close());

test('the designer sees every package version and its test cases run green', async () => {
  const list = await designer.get('/verwaltung/pakete');
  assert.equal(list.statusCode, 200);
  for (const title of [
    'Bewohnerparkausweis beantragen',
    'Bibliotheksausweis beantragen',
    'Hund zur Hundesteuer an- oder abmelden',
  ])
    assert.match(list.body, new RegExp(title));
  const version = await designer.get('/verwaltung/pakete/hundesteuer/1.0.0');
  assert.match(version.body, /Testfälle: 12 bestanden, 0 fehlgeschlagen/);
  assert.match(version.body, /Diese Version zurückziehen/);
});

test('the preview checks input like the citizen form but stores nothing', async () => {
  const url = '/verwaltung/pakete/hundesteuer/1.0.0/vorschau/konto';
  const page = await designer.get(url);
  assert.match(page.body, /Vorschau/);
  const invalid = await designer.post(url, { accountHolder: 'Erika', iban: 'DE00 1234', sepaMandate: 'yes' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /href="#iban"/);
  const valid = await designer.post(url, {
    accountHolder: 'Erika',
    iban: 'DE89 3704 0044 0532 0130 00',
    sepaMandate: 'yes',
  });
  assert.equal(valid.statusCode, 200);
  assert.match(valid.body, /Alle Eingaben sind gültig/);
  assert.equal((await platform.db.selectFrom('drafts').select('id').execute()).length, 0);
});

test('a caseworker may look but not publish; the designer publishes and citizens get the new version', async () => {
  const pkg = await readShippedPackage('hundesteuer');
  pkg.version = '1.1.0';
  pkg.metadata.title.de = 'Hundesteuer an- oder abmelden (neu)';
  await importPackage(platform.db, DEMO_TENANT.ars, pkg, 'h 1.1.0');

  const caseworker = new Client(platform.app);
  await loginStaff(caseworker, 'Sabine Meier');
  const view = await caseworker.get('/verwaltung/pakete/hundesteuer/1.1.0');
  assert.doesNotMatch(view.body, /veröffentlichen/);
  assert.equal(
    (await caseworker.post('/verwaltung/pakete/hundesteuer/1.1.0/veroeffentlichen', {})).statusCode,
    403,
  );

  await designer.get('/verwaltung/pakete/hundesteuer/1.1.0');
  const published = await designer.post('/verwaltung/pakete/hundesteuer/1.1.0/veroeffentlichen', {});
  assert.equal(published.statusCode, 303);
  assert.match((await new Client(platform.app).get('/')).body, /Hundesteuer an- oder abmelden \(neu\)/);
});
