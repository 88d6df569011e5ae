/**
 * The caseworker's case page says how the applicant gets the Bescheid: by e-mailed link to the address an
 * applicant without log-in gave, or into the postbox of a signed-in citizen. Showing the address is a read
 * of personal data, audited with the case.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from './helpers/client.ts';
import { fillApplication, loginCaseworker, loginCitizen, submitApplication } from './helpers/journey.ts';
import { publishAnonymousLibraryCard } from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
const FORM = '/dienste/bibliotheksausweis/formular';

before(async () => {
  platform = await startTestPlatform();
  await publishAnonymousLibraryCard(platform);
});
after(() => platform.close());

/** Applies for the library card without log-in; returns the new case's id. */
async function applyWithoutLogIn(deliveryEmail: string): Promise<string> {
  const visitor = new Client(platform.app);
  await visitor.get(`${FORM}/person`);
  await visitor.post(`${FORM}/person`, {
    givenName: 'Mia',
    familyName: 'Ohnekonto',
    birthDate: '01.02.1990',
  });
  await visitor.get(`${FORM}/kontakt`);
  await visitor.post(`${FORM}/kontakt`, {
    'address.street': 'Bahnhofstraße',
    'address.houseNumber': '1',
    'address.postalCode': '12345',
    'address.city': 'Musterstadt',
  });
  await visitor.get(`${FORM}/ermaessigung`);
  await visitor.post(`${FORM}/ermaessigung`, { reduction: 'keine' });
  await visitor.get(`${FORM}/erklaerung`);
  const submitted = await visitor.post(`${FORM}/erklaerung`, { declaration: 'yes', deliveryEmail });
  assert.equal(submitted.statusCode, 303, submitted.body);
  const caseId = submitted.headers.location?.match(/\/antraege\/([^/]+)\//)?.[1];
  assert.ok(caseId);
  return caseId;
}

const caseReads = (caseId: string) =>
  platform.db
    .selectFrom('audit_log')
    .select(['actor', 'action'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('action', '=', 'case.read')
    .execute();

test('a case of an applicant without log-in shows that the Bescheid goes out by e-mail link, and to whom', async () => {
  const caseId = await applyWithoutLogIn('mia@example.org');
  const caseworker = new Client(platform.app);
  await loginCaseworker(caseworker);
  const caseUrl = `/verwaltung/vorgaenge/${caseId}`;
  const page = await caseworker.get(caseUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Zustellung: per E-Mail-Link an mia@example\.org/);
  assert.doesNotMatch(page.body, /Zustellung: in das Postfach/);

  const reads = await caseReads(caseId);
  assert.equal(reads.length, 1, 'the page read, address included, is audited once');
  assert.match(reads[0]?.actor ?? '', /^[0-9a-f-]{36}$/, 'by the caseworker');

  const decided = await caseworker.post(`${caseUrl}/entscheidung`, {
    decision: 'approved',
    reason: 'Alle Angaben sind vollständig.',
    version: '1',
  });
  assert.equal(decided.statusCode, 303, decided.body);
  const confirmation = await caseworker.follow(decided);
  assert.match(
    confirmation.body,
    /Der Bescheid wird erstellt und per E-Mail-Link an mia@example\.org zugestellt/,
  );
});

test('a case of a signed-in citizen shows delivery into the postbox and no address', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen);
  await fillApplication(citizen);
  const { reference } = await submitApplication(citizen);
  const found = await platform.db
    .selectFrom('cases')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const caseworker = new Client(platform.app);
  await loginCaseworker(caseworker);
  const page = await caseworker.get(`/verwaltung/vorgaenge/${found.id}`);
  assert.match(page.body, /Zustellung: in das Postfach des Nutzerkontos/);
  assert.doesNotMatch(page.body, /E-Mail-Link/);
});
