/**
 * Enter in a text field on a page with repeating groups or an uploaded file saves the page, as "Weiter"
 * does; it must not press the first submit button in the form, which there is "Hund 1 entfernen" or
 * "Datei entfernen".
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type BrowserPlatform, openScenario, startBrowserPlatform } from './helpers/browser.ts';
import { activate, fillPage } from './helpers/form-filler.ts';
import { OPTIONAL_PROOF_SERVICE, publishOptionalProofCard } from './helpers/optional-proof.ts';

const FORM = '/dienste/hundesteuer/formular';

let env: BrowserPlatform;
before(async () => {
  env = await startBrowserPlatform();
  await publishOptionalProofCard(env.platform);
});
after(() => env?.close());

test("Enter in a dog's name field saves the page and keeps both dogs", async () => {
  const s = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = s;
    await page.goto(`/anmelden?weiter=${encodeURIComponent(FORM)}`);
    const login = page.locator('form').filter({ has: page.getByRole('button', { name: 'Anmelden' }) });
    await fillPage(page, { person: 'test-jana-kowalski', trustLevel: 'basic' }, { form: login });
    await activate(page, login.getByRole('button', { name: 'Anmelden' }));
    await page.getByLabel('Hund anmelden').check();
    await activate(page, page.getByRole('button', { name: 'Weiter' }));
    await fillPage(page, {
      givenName: 'Jana',
      familyName: 'Kowalski',
      address: { street: 'Heidestraße', houseNumber: '17', postalCode: '12345', city: 'Musterstadt' },
    });
    await activate(page, page.getByRole('button', { name: 'Weiter' }));
    await activate(page, page.getByRole('button', { name: 'Hund hinzufügen' }));
    assert.equal(await page.getByRole('button', { name: /^Hund \d entfernen$/ }).count(), 2);

    const name = page.locator('[name="dogs.0.name"]');
    await name.fill('Bello');
    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForEvent('framenavigated'),
      name.press('Enter'),
    ]);

    // Saved like "Weiter": both dogs are still there, the missing answers are listed, Bello is kept.
    await page.locator('#error-summary').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Hund \d entfernen$/ }).count(), 2);
    assert.equal(await page.locator('[name="dogs.0.name"]').inputValue(), 'Bello');
    await s.checkPage();
  } finally {
    await s.close();
  }
});

test('Enter in a text field beside an uploaded file saves the page and keeps the file', async () => {
  const form = `/dienste/${OPTIONAL_PROOF_SERVICE}/formular`;
  const s = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = s;
    const next = () => activate(page, page.getByRole('button', { name: 'Weiter' }));
    await page.goto(`/anmelden?weiter=${encodeURIComponent(form)}`);
    const login = page.locator('form').filter({ has: page.getByRole('button', { name: 'Anmelden' }) });
    await fillPage(page, { person: 'test-ozan-yilmaz', trustLevel: 'basic' }, { form: login });
    await activate(page, login.getByRole('button', { name: 'Anmelden' }));
    await fillPage(page, { givenName: 'Ozan', familyName: 'Yılmaz', birthDate: '14.02.1990' });
    await next();
    await fillPage(page, {
      address: { street: 'Heidestraße', houseNumber: '17', postalCode: '12345', city: 'Musterstadt' },
    });
    await next();
    await fillPage(page, { reduction: 'ausbildung' });
    await next();
    const proof = { filename: 'ausweis.pdf', mediaType: 'application/pdf' };
    await fillPage(page, { institution: 'Hochschule Musterstadt', reductionProof: proof });
    await next();
    assert.equal(new URL(page.url()).pathname, `${form}/pruefen`);

    await page.goto(`${form}/nachweis`);
    const remove = page.getByRole('button', {
      name: 'Datei entfernen – Nachweis für die Ermäßigung („ausweis.pdf“)',
      exact: true,
    });
    assert.equal(await remove.count(), 1);
    await s.checkPage();
    const institution = page.locator('[name="institution"]');
    await institution.fill('Universität Musterstadt');
    await Promise.all([
      page.waitForURL(`**${form}/pruefen`),
      page.waitForLoadState('load'),
      institution.press('Enter'),
    ]);
    const summary = (await page.locator('main').textContent()) ?? '';
    assert.match(summary, /Universität Musterstadt/);
    assert.match(summary, /ausweis\.pdf/, 'the file is kept');

    await page.goto(`${form}/nachweis`);
    await activate(page, remove);
    assert.equal(await page.getByRole('status').textContent(), 'Die Datei „ausweis.pdf“ wurde entfernt.');
    assert.equal(await page.getByText(/Bereits hochgeladen/).count(), 0);
    assert.equal(await remove.count(), 0);
    await s.checkPage();
  } finally {
    await s.close();
  }
});
