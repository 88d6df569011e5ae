/**
 * A question that depends on an answer on its own page (the library card's guardian page asks whether the
 * applicant is a minor): shown with the page and a hint, decided by the server with the posted answers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, SAMPLE_PNG } from './helpers/client.ts';
import { loginCitizen } from './helpers/journey.ts';
import {
  MINOR_QUESTION,
  publishInto,
  publishSamePageLibraryCard,
  readShippedPackage,
} from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

const PAGE = '/dienste/bibliotheksausweis/formular/erziehungsberechtigte';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
  await publishSamePageLibraryCard(platform);
});
after(() => platform.close());

async function storedAnswers(): Promise<Record<string, unknown>> {
  const draft = await platform.db
    .selectFrom('drafts')
    .select('answers')
    .where('service_id', '=', 'bibliotheksausweis')
    .executeTakeFirstOrThrow();
  return draft.answers;
}

test('a question depending on an answer of its own page: shown with a hint, validated or dropped on posting', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-jana-kowalski');
  const shown = await citizen.get(PAGE);
  assert.equal(shown.statusCode, 200);
  // Without JavaScript everything is there, the dependent questions right after the one they depend on.
  const hint = `Nur ausfüllen, wenn Sie bei ‚${MINOR_QUESTION}‘ ‚Ja‘ gewählt haben.`;
  assert.ok(shown.body.includes(hint), 'the hint says when to fill in');
  assert.ok(shown.body.indexOf('name="minor"') < shown.body.indexOf('name="guardianName"'));
  assert.match(shown.body, /data-reveal-field="minor" data-reveal-states="\[\[&quot;yes&quot;\]\]"/);
  assert.match(shown.body, /<script src="\/assets\/reveal\.js" defer><\/script>/);
  const script = await citizen.get('/assets/reveal.js');
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);

  // "Ja" with the guardian's name left empty: an error linked to that field; what was typed stays.
  const missing = await citizen.post(PAGE, {
    minor: 'yes',
    guardianName: '',
    guardianPhone: '0123 4567890',
    guardianConsent: 'yes',
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /<a class="kern-link" href="#guardianName">/);
  assert.doesNotMatch(missing.body, /href="#guardianPhone"/);
  assert.match(missing.body, /value="0123 4567890"/);

  // "Ja" with everything: stored.
  const complete = await citizen.post(PAGE, {
    minor: 'yes',
    guardianName: 'Jana Kowalski',
    guardianPhone: '0123 4567890',
    guardianConsent: 'yes',
  });
  assert.equal(complete.statusCode, 303, complete.body);
  assert.equal((await storedAnswers()).guardianName, 'Jana Kowalski');

  // "Nein" with the guardian's fields still filled in: accepted, and they are not kept.
  const adult = await citizen.post(PAGE, {
    minor: 'no',
    guardianName: 'Jana Kowalski',
    guardianPhone: 'kein Telefon',
  });
  assert.equal(adult.statusCode, 303, adult.body);
  const answers = await storedAnswers();
  assert.equal(answers.minor, false);
  for (const name of ['guardianName', 'guardianPhone', 'guardianConsent'])
    assert.equal(name in answers, false, `${name} is not stored`);
});

test('a file refused for a question that no longer applies is no error; for one that applies it is', async () => {
  const pkg = await readShippedPackage('bibliotheksausweis');
  pkg.version = '1.7.0';
  const page = pkg.form.pages.find((p) => p.id === 'erziehungsberechtigte');
  if (!page) throw new Error('the library card has no guardian page');
  delete page.condition;
  page.fields = [
    { kind: 'yesNo', name: 'minor', label: { de: MINOR_QUESTION } },
    {
      kind: 'file',
      name: 'consentLetter',
      label: { de: 'Einverständniserklärung' },
      mediaTypes: ['application/pdf'],
      optional: true,
      condition: 'minor = true',
    },
  ];
  pkg.tests = [];
  await publishInto(platform, pkg);
  // A citizen without a draft yet, so the new version applies.
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-erika-mustermann');
  await citizen.get(PAGE);
  const picture = { name: 'brief.png', type: 'image/png', content: SAMPLE_PNG };

  const adult = await citizen.postMultipart(PAGE, { minor: 'no' }, { consentLetter: picture });
  assert.equal(adult.statusCode, 303, adult.body.slice(0, 300));

  await citizen.get(PAGE);
  const minor = await citizen.postMultipart(PAGE, { minor: 'yes' }, { consentLetter: picture });
  assert.equal(minor.statusCode, 400);
  assert.match(minor.body, /href="#consentLetter"/);
});
