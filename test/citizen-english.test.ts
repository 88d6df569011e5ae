/** English as the second language of the citizen pages: chosen by a link, kept in a cookie; staff stays German. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from './helpers/client.ts';
import {
  FORM,
  fillApplication,
  loginCaseworker,
  loginCitizen,
  submitApplication,
} from './helpers/journey.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

const htmlLang = (body: string) => body.match(/<html lang="(\w+)"/)?.[1];

test('German is the default and the header offers English for the same page', async () => {
  const client = new Client(platform.app);
  const home = await client.get('/dienste/bewohnerparkausweis');
  assert.equal(htmlLang(home.body), 'de');
  assert.match(home.body, /<h1 class="kern-heading-large">Bewohnerparkausweis beantragen<\/h1>/);
  assert.match(home.body, /Jetzt starten/);
  assert.match(
    home.body,
    /<a class="kern-link" href="\/dienste\/bewohnerparkausweis\?lang=en" hreflang="en" lang="en">English<\/a>/,
  );
  assert.doesNotMatch(
    String(home.headers['set-cookie']),
    /amtsweg_lang/,
    'no language cookie without a choice',
  );
});

test('a citizen switches to English and applies for a resident parking permit in English', async () => {
  const citizen = new Client(platform.app);
  const switched = await citizen.get('/?lang=en');
  assert.equal(htmlLang(switched.body), 'en');
  assert.match(String(switched.headers['set-cookie']), /amtsweg_lang=en;.*Secure; SameSite=Lax/);
  assert.match(switched.body, /Online services of /);
  assert.match(switched.body, /href="\/\?lang=de" hreflang="de" lang="de">Deutsch<\/a>/);

  // The cookie keeps the choice on pages without the query.
  const start = await citizen.get('/dienste/bewohnerparkausweis');
  assert.equal(htmlLang(start.body), 'en');
  assert.match(start.body, /<h1 class="kern-heading-large">Apply for a resident parking permit<\/h1>/);
  assert.match(start.body, /What you need/);
  assert.match(start.body, /Start now/);

  await loginCitizen(citizen);
  const name = await citizen.get(`${FORM}/name`);
  assert.equal(htmlLang(name.body), 'en');
  assert.match(name.body, /What is your name\?/);
  assert.match(name.body, />Continue</);
  assert.match(name.body, /Back<\/a>/);
  assert.match(name.body, /Log out/);

  const invalid = await citizen.post(`${FORM}/name`, { givenName: '', familyName: 'Müller' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /<title>Error: What is your name\?/);
  assert.match(invalid.body, /There is a problem/);
  assert.match(invalid.body, /Please fill in “Given name”\./);
  assert.match(invalid.body, /<span class="kern-sr-only">Error: <\/span>/);
  assert.doesNotMatch(invalid.body, /Bitte füllen Sie/);

  await fillApplication(citizen);
  const summary = await citizen.get(`${FORM}/pruefen`);
  assert.equal(htmlLang(summary.body), 'en');
  assert.match(summary.body, /<h1 class="kern-heading-large">Check your answers<\/h1>/);
  assert.match(summary.body, /Given name/);
  assert.match(summary.body, /Change/);
  assert.match(summary.body, /Continue to the declaration/);

  await citizen.get(`${FORM}/erklaerung`);
  assert.match(citizen.lastPage, /Declaration and sending/);
  assert.match(citizen.lastPage, /Send application/);
  const undeclared = await citizen.post(`${FORM}/erklaerung`, {});
  assert.equal(undeclared.statusCode, 400);
  assert.match(undeclared.body, /Confirm the declaration to send your application\./);

  const { reference } = await submitApplication(citizen);
  assert.equal(htmlLang(citizen.lastPage), 'en');
  assert.match(citizen.lastPage, /Your application has been sent/);
  assert.match(citizen.lastPage, /Apply for a resident parking permit: application sent/);
  assert.match(citizen.lastPage, /Received on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\./, 'en-GB date');

  const postbox = await citizen.get('/postfach');
  assert.match(postbox.body, /Your postbox/);
  assert.match(postbox.body, new RegExp(`Apply for a resident parking permit \\(${reference}\\)`));
  assert.match(postbox.body, /Being processed/);

  // Back to German with the link in the header.
  const german = await citizen.get('/postfach?lang=de');
  assert.equal(htmlLang(german.body), 'de');
  assert.match(german.body, /Ihr Postfach/);
  assert.equal(htmlLang((await citizen.get('/')).body), 'de');
});

test('staff pages stay German for a browser that chose English', async () => {
  const client = new Client(platform.app);
  await client.get('/?lang=en');
  await loginCaseworker(client);
  const inbox = await client.get('/verwaltung/eingang?lang=en');
  assert.equal(inbox.statusCode, 200);
  assert.equal(htmlLang(inbox.body), 'de');
  assert.doesNotMatch(inbox.body, /hreflang/);
});

test('error pages and legal pages follow the chosen language', async () => {
  const client = new Client(platform.app);
  await client.get('/?lang=en');
  const missing = await client.get('/gibt-es-nicht');
  assert.equal(missing.statusCode, 404);
  assert.equal(htmlLang(missing.body), 'en');
  assert.match(missing.body, /<h1 class="kern-heading-large">Page not found<\/h1>/);
  const privacy = await client.get('/datenschutz');
  assert.equal(htmlLang(privacy.body), 'en');
  assert.match(privacy.body, /<h1 class="kern-heading-large">Privacy<\/h1>/);
  assert.match(privacy.body, /a cookie that remembers it/);
  const staffMissing = await client.get('/verwaltung/gibt-es-nicht');
  assert.equal(htmlLang(staffMissing.body), 'de');
});
