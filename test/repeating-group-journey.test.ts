/** Hundesteuer over HTTP: several dogs as a repeating group without JavaScript, the fee per dog, a branch. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from './helpers/client.ts';
import { dog, DOG_HOLDER as holder } from './helpers/dog-tax.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

const FORM = '/dienste/hundesteuer/formular';

async function start(person: string): Promise<Client> {
  const client = new Client(platform.app);
  await client.get(`/anmelden?weiter=${encodeURIComponent(FORM)}`);
  await client.post(`/anmelden?weiter=${encodeURIComponent(FORM)}`, { person, trustLevel: 'basic' });
  await client.get(`${FORM}/vorgang`);
  return client;
}

test('two dogs are added without JavaScript, one removed and added again; the fee counts the listed dog', async () => {
  const citizen = await start('test-erika-mustermann');
  assert.equal(
    (await citizen.post(`${FORM}/vorgang`, { action: 'anmeldung' })).headers.location,
    `${FORM}/halter`,
  );
  await citizen.get(`${FORM}/halter`);
  assert.equal((await citizen.post(`${FORM}/halter`, holder)).headers.location, `${FORM}/hunde`);

  const first = await citizen.get(`${FORM}/hunde`);
  assert.match(first.body, /Hund 1/);
  assert.match(first.body, /name="dogs\._count" value="1"/);
  const added = await citizen.post(`${FORM}/hunde`, {
    'dogs._count': '1',
    ...dog(0, 'Bello', 'no'),
    _action: 'add:dogs',
  });
  assert.equal(added.statusCode, 200);
  assert.match(added.body, /Hund 2/);
  assert.match(added.body, /value="Bello"/, 'what was typed for dog 1 stays');
  const removed = await citizen.post(`${FORM}/hunde`, {
    'dogs._count': '2',
    ...dog(0, 'Bello', 'no'),
    ...dog(1, 'Rex', 'yes'),
    _action: 'remove:dogs:0',
  });
  assert.match(removed.body, /value="Rex"/);
  assert.doesNotMatch(removed.body, /value="Bello"/);

  const missingBreed = await citizen.post(`${FORM}/hunde`, {
    'dogs._count': '2',
    ...dog(0, 'Bello', 'no'),
    ...dog(1, 'Rex', 'yes'),
    'dogs.1.breed': '',
  });
  assert.equal(missingBreed.statusCode, 400);
  assert.match(missingBreed.body, /href="#dogs\.1\.breed"/);

  const saved = await citizen.post(`${FORM}/hunde`, {
    'dogs._count': '2',
    ...dog(0, 'Bello', 'no'),
    ...dog(1, 'Rex', 'yes'),
  });
  assert.equal(saved.headers.location, `${FORM}/lastschrift`);
  await citizen.get(`${FORM}/lastschrift`);
  assert.equal(
    (await citizen.post(`${FORM}/lastschrift`, { directDebit: 'yes' })).headers.location,
    `${FORM}/konto`,
  );
  await citizen.get(`${FORM}/konto`);
  const wrongIban = await citizen.post(`${FORM}/konto`, {
    accountHolder: 'Erika Mustermann',
    iban: 'DE88 3704 0044 0532 0130 00',
    sepaMandate: 'yes',
  });
  assert.equal(wrongIban.statusCode, 400);
  assert.match(wrongIban.body, /Tippfehler/);
  const account = await citizen.post(`${FORM}/konto`, {
    accountHolder: 'Erika Mustermann',
    iban: 'de89370400440532013000',
    sepaMandate: 'yes',
  });
  assert.equal(account.headers.location, `${FORM}/pruefen`);

  const summary = await citizen.get(`${FORM}/pruefen`);
  assert.match(summary.body, /Hund 2: Name des Hundes/);
  assert.match(summary.body, /DE89 3704 0044 0532 0130 00/);
  // 90 € for the first dog, 600 € for the listed second one.
  assert.match(summary.body, /690,00\s€/);
});

test('deregistering asks for the tag number, not for dogs or an account', async () => {
  const citizen = await start('test-jana-kowalski');
  await citizen.post(`${FORM}/vorgang`, { action: 'abmeldung' });
  await citizen.get(`${FORM}/halter`);
  assert.equal((await citizen.post(`${FORM}/halter`, holder)).headers.location, `${FORM}/abmeldung`);
  // A page of the other branch is not shown: the journey resumes where it belongs.
  assert.equal((await citizen.get(`${FORM}/hunde`)).headers.location, FORM);
});
