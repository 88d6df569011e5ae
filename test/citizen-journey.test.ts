/** The whole path over HTTP against a real PostgreSQL: apply, decide, find the Bescheid in the postbox. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import { Client, SAMPLE_PDF } from './helpers/client.ts';
import {
  FORM,
  fillApplication,
  loginCaseworker,
  loginCitizen,
  submitApplication,
} from './helpers/journey.ts';
import { eventually, startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

test('a citizen applies, a caseworker decides, the Bescheid reaches the postbox', async () => {
  const citizen = new Client(platform.app);
  assert.equal((await citizen.get(FORM)).headers.location, `/anmelden?weiter=${encodeURIComponent(FORM)}`);
  const login = await loginCitizen(citizen);
  assert.equal(login.headers.location, FORM);
  assert.equal((await citizen.get(FORM)).headers.location, `${FORM}/name`);
  await fillApplication(citizen);

  const summary = await citizen.get(`${FORM}/pruefen`);
  assert.equal(summary.statusCode, 200);
  for (const text of ['Müller-Lüdenscheidt', 'Heidestraße', '17a', 'MS-AB 123', 'schein.pdf'])
    assert.match(summary.body, new RegExp(text));
  assert.match(summary.body, /href="\/dienste\/bewohnerparkausweis\/formular\/anschrift\?von=pruefen"/);

  const { reference } = await submitApplication(citizen);
  const confirmation = { body: citizen.lastPage };

  const receiptUrl = confirmation.body.match(/href="(\/antraege\/[^"]+\/eingangsbestaetigung\.pdf)"/)?.[1];
  assert.ok(receiptUrl);
  const receipt = await citizen.get(receiptUrl);
  assert.equal(receipt.headers['content-type'], 'application/pdf');
  const receiptText = await extractPdfText(receipt.rawPayload);
  for (const text of [reference, 'Müller-Lüdenscheidt', 'MS-AB 123', 'schein.pdf'])
    assert.ok(receiptText.includes(text), `receipt has ${text}`);

  // The draft is gone: starting again begins a new application.
  assert.equal((await citizen.get(FORM)).headers.location, `${FORM}/name`);

  const caseworker = new Client(platform.app);
  await loginCaseworker(caseworker);
  const inbox = await caseworker.get('/verwaltung/eingang');
  assert.match(inbox.body, new RegExp(reference));
  const caseUrl = inbox.body.match(/href="(\/verwaltung\/vorgaenge\/[^"]+)"/)?.[1];
  assert.ok(caseUrl);
  const casePage = await caseworker.get(caseUrl);
  assert.match(casePage.body, /Müller-Lüdenscheidt/);
  assert.match(casePage.body, /Antrag eingegangen/);
  const uploadUrl = casePage.body.match(/href="(\/verwaltung\/dokumente\/[^"]+)"/)?.[1];
  assert.ok(uploadUrl);
  const upload = await caseworker.get(uploadUrl);
  assert.deepEqual(upload.rawPayload, SAMPLE_PDF);

  const reason = 'Sie wohnen in der Bewohnerparkzone A und das Fahrzeug ist auf Sie zugelassen.';
  const decided = await caseworker.post(`${caseUrl}/entscheidung`, {
    decision: 'approved',
    reason,
    version: '1',
  });
  assert.equal(decided.statusCode, 303, decided.body);

  // A second decision on the same version is refused: the case moved on.
  const again = await caseworker.post(`${caseUrl}/entscheidung`, {
    decision: 'rejected',
    reason: 'Doch nicht.',
    version: '1',
  });
  assert.equal(again.statusCode, 409);

  const postbox = await eventually(async () => {
    const page = await citizen.get('/postfach');
    return page.body.includes('Bescheid herunterladen') ? page : undefined;
  });
  assert.match(postbox.body, /Genehmigt/);
  const letterUrl = postbox.body.match(/href="(\/postfach\/dokumente\/[^"]+)"/)?.[1];
  assert.ok(letterUrl);
  const letter = await citizen.get(letterUrl);
  assert.equal(letter.statusCode, 200);
  const letterText = await extractPdfText(letter.rawPayload);
  assert.ok(letterText.includes('wird genehmigt'), 'Bescheid has the tenor');
  assert.ok(letterText.includes('Bewohnerparkzone A'), 'Bescheid has the reason');
  assert.ok(letterText.includes('Widerspruch'), 'Bescheid has the Rechtsbehelfsbelehrung');
  assert.ok(letterText.includes(reference));

  // Another citizen can neither see the case nor open the Bescheid.
  const stranger = new Client(platform.app);
  await loginCitizen(stranger, 'test-ozan-yilmaz');
  assert.equal((await stranger.get(letterUrl)).statusCode, 404);
  assert.equal((await stranger.get(receiptUrl)).statusCode, 404);

  const events = await platform.db
    .selectFrom('case_events')
    .select(['type', 'case_version'])
    .orderBy('id')
    .execute();
  assert.deepEqual(events, [
    { type: 'submitted', case_version: 1 },
    { type: 'decided', case_version: 2 },
  ]);
  const audits = await platform.db.selectFrom('audit_log').select('action').execute();
  const actions = new Set(audits.map((a) => a.action));
  for (const action of ['inbox.list', 'case.read', 'document.read', 'case.decide'])
    assert.ok(actions.has(action), action);
});

test('a draft resumes after logging out and in again', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-jana-kowalski');
  await citizen.get(`${FORM}/name`);
  await citizen.post(`${FORM}/name`, { givenName: 'Jana', familyName: 'Kowalski' });
  await citizen.post('/abmelden', {});
  const again = new Client(platform.app);
  await loginCitizen(again, 'test-jana-kowalski');
  assert.equal((await again.get(FORM)).headers.location, `${FORM}/anschrift`);
  const namePage = await again.get(`${FORM}/name`);
  assert.match(namePage.body, /value="Kowalski"/);
});

test('a basic log-in is not enough for a service that needs substantial', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-ozan-yilmaz', 'basic');
  const page = await citizen.get(`${FORM}/name`);
  assert.equal(page.statusCode, 403);
  assert.match(page.body, /Höheres Vertrauensniveau nötig/);
});

test('the footer links lead to the tenant’s Impressum, Datenschutz and Barrierefreiheit pages', async () => {
  const visitor = new Client(platform.app);
  const home = await visitor.get('/');
  for (const path of ['/impressum', '/datenschutz', '/barrierefreiheit']) {
    assert.match(home.body, new RegExp(`href="${path}"`));
    const page = await visitor.get(path);
    assert.equal(page.statusCode, 200, path);
    assert.match(page.body, /Stadt Musterstadt/);
  }
});

test('every page carries a strict CSP without inline script, HSTS and no framing', async () => {
  const page = await new Client(platform.app).get('/dienste/bewohnerparkausweis');
  const csp = page.headers['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(page.headers['strict-transport-security'] ?? '', /max-age=31536000/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
});
