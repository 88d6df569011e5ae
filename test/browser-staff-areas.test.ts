/** The designers' area and the incident list in a real browser: axe on every page, including an error state. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recordIncident } from '../src/jobs/incidents.ts';
import { type BrowserPlatform, openScenario, startBrowserPlatform } from './helpers/browser.ts';

let env: BrowserPlatform;
before(async () => {
  env = await startBrowserPlatform();
});
after(() => env?.close());

test('package list, version with test results, preview with errors, and incidents pass axe', async () => {
  await recordIncident(env.platform.db, {
    id: 'job-1',
    queue: 'render-decision-letter',
    data: { caseId: 'x' },
  });
  const scenario = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = scenario;
    await page.goto(`${env.baseURL}/verwaltung/anmelden`);
    await page.getByLabel('Dana Schmidt').check();
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/verwaltung\/eingang$/);
    await page.getByRole('link', { name: 'Leistungspakete' }).click();
    await scenario.checkPage();
    await page.getByRole('link', { name: 'Hund zur Hundesteuer an- oder abmelden' }).click();
    await page.getByText('Testfälle: 12 bestanden, 0 fehlgeschlagen').waitFor();
    await scenario.checkPage();
    await page.getByRole('link', { name: 'Ihr Konto für die Lastschrift' }).click();
    await scenario.checkPage();
    await page.getByLabel('IBAN').fill('DE00 0000');
    await page.getByRole('button', { name: 'Eingaben prüfen' }).click();
    assert.ok(await page.locator('#error-summary a[href="#iban"]').count());
    await scenario.checkPage();
    await page.getByRole('link', { name: 'Störungen' }).click();
    await page.getByText('Bescheid erstellen und zustellen').waitFor();
    await scenario.checkPage();
  } finally {
    await scenario.close();
  }
});
