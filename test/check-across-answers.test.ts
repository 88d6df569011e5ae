/**
 * A page's check across answers (the library card's contact page refuses an e-mail address that cannot be
 * reached): a false check is an error linked to its field; the package's own test cases see it too.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from './helpers/client.ts';
import { loginCitizen } from './helpers/journey.ts';
import { publishInto, readShippedPackage } from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

const FORM = '/dienste/bibliotheksausweis/formular';
const UNREACHABLE = 'Unter dieser E-Mail-Adresse erreichen wir Sie nicht. Geben Sie eine andere an.';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
  const pkg = await readShippedPackage('bibliotheksausweis');
  pkg.version = '1.7.0';
  const kontakt = pkg.form.pages.find((page) => page.id === 'kontakt');
  if (!kontakt) throw new Error('the library card has no contact page');
  kontakt.checks = [
    {
      expression: 'not(ends with(email, ".invalid"))',
      field: 'email',
      message: { de: UNREACHABLE, en: 'We cannot reach you at this email address. Enter another one.' },
    },
  ];
  const adult = pkg.tests[0] ?? assert.fail('the library card has test cases');
  // Publishing runs the test cases: this one only passes if the check's error reaches them.
  pkg.tests.push({
    name: 'an e-mail address that cannot be reached is refused',
    answers: { ...adult.answers, email: 'jana@example.invalid' },
    expect: { errors: ['email'] },
  });
  await publishInto(platform, pkg);
});
after(() => platform.close());

const address = {
  'address.street': 'Bahnhofstraße',
  'address.houseNumber': '101',
  'address.postalCode': '12345',
  'address.city': 'Musterstadt',
};

test('a contact page failing its check shows the message linked to the field; a valid one goes on', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-jana-kowalski');
  await citizen.get(`${FORM}/person`);
  const person = await citizen.post(`${FORM}/person`, {
    givenName: 'Jana',
    familyName: 'Kowalski',
    birthDate: '14.02.1990',
  });
  assert.equal(person.headers.location, `${FORM}/kontakt`);
  await citizen.get(`${FORM}/kontakt`);

  const refused = await citizen.post(`${FORM}/kontakt`, { ...address, email: 'jana@example.invalid' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, new RegExp(`<a class="kern-link" href="#email">\\s*${UNREACHABLE}\\s*</a>`));
  assert.match(refused.body, /value="jana@example\.invalid"/);

  // Left empty, the optional address is no value to check: the check does not fail.
  const empty = await citizen.post(`${FORM}/kontakt`, { ...address, email: '' });
  assert.equal(empty.statusCode, 303, empty.body);

  const valid = await citizen.post(`${FORM}/kontakt`, { ...address, email: 'jana@example.org' });
  assert.equal(valid.statusCode, 303, valid.body);
  assert.equal(valid.headers.location, `${FORM}/ermaessigung`);
});
