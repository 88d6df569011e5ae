/** The save-and-return pages of a service without log-in, in a real browser: axe, no JavaScript, 320 px. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type BrowserPlatform, openScenario, startBrowserPlatform } from './helpers/browser.ts';
import { publishAnonymousLibraryCard } from './helpers/packages.ts';

let env: BrowserPlatform;
before(async () => {
  env = await startBrowserPlatform();
  await publishAnonymousLibraryCard(env.platform);
});
after(() => env?.close());

test('save and return later without JavaScript at 320 px, accessible on every page', async () => {
  const scenario = await openScenario(env.browser, env.baseURL, {
    javaScriptEnabled: false,
    viewport: { width: 320, height: 800 },
  });
  try {
    const { page } = scenario;
    await page.goto(`${env.baseURL}/dienste/bibliotheksausweis/formular`);
    await page.waitForURL(/\/formular\/person$/);
    await scenario.checkPage();
    await page.getByLabel('Vorname').fill('Mia');
    await page.getByLabel('Nachname').fill('Anonym');
    await page.getByLabel('Geburtsdatum').fill('01.02.1990');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.waitForURL(/\/formular\/kontakt$/);
    await page.getByRole('link', { name: 'Speichern und später weitermachen' }).click();
    await scenario.checkPage();
    await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
    await page.getByRole('button', { name: 'Link schicken' }).click();
    await scenario.checkPage();
    assert.ok(await page.locator('#error-summary a[href="#email"]').count());
    await page.getByLabel('E-Mail-Adresse').fill('mia@example.org');
    await page.getByRole('button', { name: 'Link schicken' }).click();
    await page.getByText('Link verschickt').waitFor();
    await scenario.checkPage();
    await page.goto(`${env.baseURL}/entwicklung/postausgang`);
    await scenario.checkPage();
    const link = (await page.locator('pre').first().textContent())?.match(/\/weitermachen\/[\w-]+/)?.[0];
    assert.ok(link);
    await scenario.close();

    const elsewhere = await openScenario(env.browser, env.baseURL, {
      javaScriptEnabled: false,
      viewport: { width: 320, height: 800 },
    });
    await elsewhere.page.goto(`${env.baseURL}${link}`);
    await elsewhere.page.waitForURL(/\/formular\/kontakt$/);
    await elsewhere.checkPage();
    await elsewhere.close();
  } finally {
    await scenario.close().catch(() => {});
  }
});
