/** The save-and-return pages of a service without log-in, in a real browser: axe, no JavaScript, 320 px. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type BrowserPlatform,
  openScenario,
  type Scenario,
  startBrowserPlatform,
} from './helpers/browser.ts';
import { publishAnonymousLibraryCard } from './helpers/packages.ts';
import { eventually } from './helpers/platform.ts';

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
    await submitAndOpenCaseLink(elsewhere);
    await elsewhere.close();
  } finally {
    await scenario.close().catch(() => {});
  }
});

/** Finishes the application without log-in, then opens the e-mailed case link: every page accessible. */
async function submitAndOpenCaseLink(scenario: Scenario): Promise<void> {
  const { page } = scenario;
  await page.getByLabel('Straße').fill('Bahnhofstraße');
  await page.getByLabel('Hausnummer').fill('1');
  await page.getByLabel('Postleitzahl').fill('12345');
  await page.getByLabel('Ort', { exact: true }).fill('Musterstadt');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL(/\/formular\/ermaessigung$/);
  await page.getByLabel('Nein', { exact: true }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL(/\/formular\/pruefen$/);
  await page.getByRole('link', { name: 'Weiter zur Erklärung' }).click();
  await page.waitForURL(/\/formular\/erklaerung$/);
  await scenario.checkPage();
  await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
  await scenario.checkPage();
  assert.ok(await page.locator('#error-summary a[href="#deliveryEmail"]').count());
  await page.getByLabel('E-Mail-Adresse für Ihren Bescheid').fill('mia@example.org');
  await page.getByLabel(/Ich versichere/).check();
  await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();
  await page.waitForURL(/\/bestaetigung$/);
  await scenario.checkPage();
  const caseLink = await eventually(async () => {
    await page.goto('/entwicklung/postausgang');
    return (await page.locator('pre').first().textContent())?.match(/\/nachrichten\/[\w-]{43}/)?.[0];
  });
  await page.goto(caseLink);
  await page.getByText('Nachrichten zu Ihrem Antrag').first().waitFor();
  await scenario.checkPage();
  await page.goto(`/nachrichten/${'x'.repeat(43)}`);
  await page.getByText('Link ungültig').first().waitFor();
  await scenario.checkPage();
}
