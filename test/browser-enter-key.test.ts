/**
 * Enter in a text field on a page with repeating groups saves the page, as "Weiter" does; it must not press
 * the first submit button in the form, which there is "Hund 1 entfernen".
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type BrowserPlatform, openScenario, startBrowserPlatform } from './helpers/browser.ts';
import { activate, fillPage } from './helpers/form-filler.ts';

const FORM = '/dienste/hundesteuer/formular';

let env: BrowserPlatform;
before(async () => {
  env = await startBrowserPlatform();
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
