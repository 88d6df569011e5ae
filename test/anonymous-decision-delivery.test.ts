/**
 * A service without log-in: the applicant gives an e-mail address, every message about the case is
 * announced there with a link, and the link opens the case's messages and the Bescheid without an account.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { caseEffectHandlers } from '../src/cases/effects.ts';
import { EFFECTS } from '../src/cases/service.ts';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import { Client } from './helpers/client.ts';
import { loginCaseworker } from './helpers/journey.ts';
import { publishAnonymousLibraryCard } from './helpers/packages.ts';
import { eventually, startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
const FORM = '/dienste/bibliotheksausweis/formular';

before(async () => {
  platform = await startTestPlatform();
  await publishAnonymousLibraryCard(platform);
});
after(() => platform.close());

/** Answers every page of the library card as an adult without reduction; ends on the declaration page. */
async function applyWithoutLogIn(visitor: Client, familyName: string, formEmail = '') {
  await visitor.get(`${FORM}/person`);
  await visitor.post(`${FORM}/person`, { givenName: 'Mia', familyName, birthDate: '01.02.1990' });
  await visitor.get(`${FORM}/kontakt`);
  await visitor.post(`${FORM}/kontakt`, {
    'address.street': 'Bahnhofstraße',
    'address.houseNumber': '1',
    'address.postalCode': '12345',
    'address.city': 'Musterstadt',
    email: formEmail,
  });
  await visitor.get(`${FORM}/ermaessigung`);
  const last = await visitor.post(`${FORM}/ermaessigung`, { reduction: 'keine' });
  assert.equal(last.headers.location, `${FORM}/pruefen`);
  return visitor.get(`${FORM}/erklaerung`);
}

async function submit(
  visitor: Client,
  deliveryEmail: string,
): Promise<{ caseId: string; reference: string }> {
  const submitted = await visitor.post(`${FORM}/erklaerung`, { declaration: 'yes', deliveryEmail });
  assert.equal(submitted.statusCode, 303, submitted.body);
  const confirmation = await visitor.follow(submitted);
  assert.equal(confirmation.statusCode, 200, 'the confirmation opens without log-in');
  const reference = confirmation.body.match(/BIB-\d{4}-\d{6}/)?.[0];
  assert.ok(reference);
  const caseId = submitted.headers.location?.match(/\/antraege\/([^/]+)\//)?.[1];
  assert.ok(caseId);
  return { caseId, reference };
}

const mailsTo = (recipient: string) =>
  platform.db
    .selectFrom('outbound_mail')
    .select(['subject', 'body'])
    .where('recipient', '=', recipient)
    .orderBy('created_at')
    .execute();

/** Waits for the `count`-th mail to `recipient` and returns the case link in it. */
async function linkInMail(recipient: string, count: number): Promise<{ link: string; body: string }> {
  const mails = await eventually(async () => {
    const found = await mailsTo(recipient);
    return found.length >= count ? found : undefined;
  });
  const body = mails[count - 1]?.body ?? '';
  const link = body.match(/http:\/\/localhost:3000(\/nachrichten\/[\w-]{43})$/m)?.[1];
  assert.ok(link, body);
  return { link, body };
}

async function decide(caseId: string, decision: 'approved' | 'rejected', reason: string) {
  const caseworker = new Client(platform.app);
  await loginCaseworker(caseworker);
  const caseUrl = `/verwaltung/vorgaenge/${caseId}`;
  await caseworker.get(caseUrl);
  const decided = await caseworker.post(`${caseUrl}/entscheidung`, { decision, reason, version: '1' });
  assert.equal(decided.statusCode, 303, decided.body);
}

let first: { caseId: string; reference: string; link: string; letterUrl: string };

test('an applicant without log-in gets the Bescheid through an e-mailed link', async () => {
  const visitor = new Client(platform.app);
  const declaration = await applyWithoutLogIn(visitor, 'Ohnekonto', 'mia@example.org');
  assert.match(declaration.body, /E-Mail-Adresse für Ihren Bescheid/);
  assert.match(declaration.body, /value="mia@example.org"/, 'the form’s own address is offered');

  const wrong = await visitor.post(`${FORM}/erklaerung`, {
    declaration: 'yes',
    deliveryEmail: 'mia.example.org',
  });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /href="#deliveryEmail"/);
  const empty = await visitor.post(`${FORM}/erklaerung`, { declaration: 'yes', deliveryEmail: ' ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Bitte füllen Sie das Feld „E-Mail-Adresse für Ihren Bescheid“ aus/);

  const { caseId, reference } = await submit(visitor, 'mia@example.org');
  assert.match(visitor.lastPage, /mia@example\.org/, 'the confirmation names the address');
  const receiptUrl = visitor.lastPage.match(/href="(\/antraege\/[^"]+\/eingangsbestaetigung\.pdf)"/)?.[1];
  assert.ok(receiptUrl);
  assert.equal((await visitor.get(receiptUrl)).headers['content-type'], 'application/pdf');
  assert.equal((await new Client(platform.app).get(receiptUrl)).statusCode, 303, 'others must log in');

  // The receipt notice comes by e-mail at once, with a link that already shows the case.
  const receipt = await linkInMail('mia@example.org', 1);
  assert.match(receipt.body, new RegExp(reference));
  const early = await new Client(platform.app).get(receipt.link);
  assert.equal(early.statusCode, 200);
  assert.match(early.body, /In Bearbeitung/);
  assert.match(early.body, /Ihr Antrag ist eingegangen/);

  const reason = 'Sie wohnen in Musterstadt und haben alle Angaben gemacht.';
  await decide(caseId, 'approved', reason);
  const decision = await linkInMail('mia@example.org', 2);
  assert.doesNotMatch(decision.body, /genehmigt/i, 'the e-mail does not tell the outcome');
  assert.notEqual(decision.link, receipt.link, 'each message comes with its own link');

  // Another browser, no session, no log-in: only the link.
  const elsewhere = new Client(platform.app);
  const page = await elsewhere.get(decision.link);
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.match(page.headers['x-robots-tag'] ?? '', /noindex/);
  assert.match(page.body, new RegExp(reference));
  assert.match(page.body, /Genehmigt/);
  const letterUrl = page.body.match(/href="(\/nachrichten\/[\w-]+\/dokumente\/[^"]+)"/)?.[1];
  assert.ok(letterUrl, page.body);
  const letter = await elsewhere.get(letterUrl);
  assert.equal(letter.statusCode, 200);
  assert.equal(letter.headers['content-type'], 'application/pdf');
  const text = await extractPdfText(letter.rawPayload);
  assert.ok(text.includes(reference), 'the Bescheid carries the reference');
  assert.ok(text.includes('wird ausgestellt'), 'the Bescheid has the tenor');
  assert.ok(text.includes('alle Angaben gemacht'), 'the Bescheid has the reason');

  // Only hashes of the tokens are stored; the address is kept once, beside the case, not in its events.
  const token = decision.link.split('/').at(-1) ?? '';
  const stored = await platform.db.selectFrom('case_links').select('token_hash').execute();
  assert.ok(stored.every((row) => row.token_hash !== token));
  assert.ok(stored.some((row) => row.token_hash === createHash('sha256').update(token).digest('hex')));
  const events = await platform.db
    .selectFrom('case_events')
    .select('data')
    .where('case_id', '=', caseId)
    .execute();
  assert.ok(!JSON.stringify(events).includes('mia@example.org'), 'the address is not in the event log');

  first = { caseId, reference, link: decision.link, letterUrl };
});

test('a retried delivery sends no second e-mail', async () => {
  const before = (await mailsTo('mia@example.org')).length;
  const handlers = caseEffectHandlers({
    db: platform.db,
    store: platform.store,
    services: platform.services,
    jobs: platform.jobs,
    caseLinks: { publicUrl: 'http://localhost:3000', validDays: 90 },
    now: () => new Date(),
  });
  await handlers[EFFECTS.notifySubmitted]?.({ caseId: first.caseId });
  await handlers[EFFECTS.renderDecisionLetter]?.({ caseId: first.caseId, version: 2 });
  assert.equal((await mailsTo('mia@example.org')).length, before);
});

test('a tampered or unknown link opens nothing and does not tell whether a case exists', async () => {
  const stranger = new Client(platform.app);
  const token = first.link.split('/').at(-1) ?? '';
  const tampered = `/nachrichten/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  for (const url of [
    tampered,
    '/nachrichten/kurz',
    `${tampered}${first.letterUrl.slice(first.link.length)}`,
  ]) {
    const response = await stranger.get(url);
    assert.equal(response.statusCode, 404, url);
    assert.match(response.body, /Link ungültig/);
    assert.doesNotMatch(response.body, new RegExp(first.reference));
  }
});

test('another applicant’s link does not open this case or its Bescheid', async () => {
  const other = new Client(platform.app);
  await applyWithoutLogIn(other, 'Andere');
  const { caseId } = await submit(other, 'ben@example.org');
  const { link } = await linkInMail('ben@example.org', 1);
  const page = await other.get(link);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, new RegExp(first.reference));
  const documentId = first.letterUrl.split('/').at(-1);
  assert.equal((await other.get(`${link}/dokumente/${documentId}`)).statusCode, 404);
  // One address per case of an applicant without log-in, none for anyone else.
  const addresses = await platform.db.selectFrom('case_delivery_addresses').select('case_id').execute();
  assert.deepEqual(addresses.map((a) => a.case_id).sort(), [first.caseId, caseId].sort());
});

test('an expired link is refused with its own message', async () => {
  const token = first.link.split('/').at(-1) ?? '';
  await platform.db
    .updateTable('case_links')
    .set({ expires_at: new Date(Date.now() - 60_000) })
    .where('token_hash', '=', createHash('sha256').update(token).digest('hex'))
    .execute();
  const stranger = new Client(platform.app);
  for (const url of [first.link, first.letterUrl]) {
    const response = await stranger.get(url);
    assert.equal(response.statusCode, 410, url);
    assert.match(response.body, /Link abgelaufen/);
    assert.match(response.body, /90 Tage/);
  }
});
