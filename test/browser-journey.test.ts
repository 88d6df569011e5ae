/**
 * The whole path in a real Chromium against a real server: a citizen applies, a caseworker decides, the
 * Bescheid arrives in the postbox. Every page is checked with axe-core (WCAG 2.2 AA), for server errors
 * and CSP violations; the citizen part runs again without JavaScript and at 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import {
  assertNoHorizontalScroll,
  type BrowserPlatform,
  download,
  openScenario,
  reloadUntilVisible,
  type Scenario,
  type ScenarioOptions,
  startBrowserPlatform,
  tabTo,
} from './helpers/browser.ts';

let env: BrowserPlatform;
let browser: Browser;
let baseURL: string;

before(async () => {
  env = await startBrowserPlatform();
  ({ browser, baseURL } = env);
});

after(() => env?.close());

async function scenario(options: ScenarioOptions = {}): Promise<Scenario> {
  return openScenario(browser, baseURL, options);
}

/** A small real PDF, as a scanned Fahrzeugschein would be. */
async function registrationCertificate(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Zulassungsbescheinigung Teil I', { x: 50, y: 780, size: 14, font });
  return Buffer.from(await pdf.save());
}

interface Applicant {
  person: string;
  givenName: string;
  familyName: string;
  vehicle: string;
  /** Also provoke the error summary, answer the name page by keyboard and change an answer. */
  thorough?: boolean;
}

/** From the home page to the confirmation; returns the reference shown there. */
async function apply(s: Scenario, applicant: Applicant): Promise<string> {
  const { page } = s;
  await page.goto('/');
  await s.checkPage();
  await page.getByRole('link', { name: 'Bewohnerparkausweis beantragen' }).click();
  await assertHeading(page, 'Bewohnerparkausweis beantragen');
  await s.checkPage();
  await page.getByRole('link', { name: 'Jetzt starten' }).click();

  await page.waitForURL(/\/anmelden\?weiter=/);
  await s.checkPage();
  await page.getByRole('radio', { name: applicant.person }).check();
  await page.getByRole('radio', { name: 'Substanziell' }).check();
  await page.getByRole('button', { name: 'Anmelden' }).click();

  await page.waitForURL(/\/formular\/name$/);
  await s.checkPage();
  if (applicant.thorough) await answerNamePageAfterErrorsByKeyboard(s, applicant);
  else await fillAndContinue(page, { Vorname: applicant.givenName, Nachname: applicant.familyName });

  await page.waitForURL(/\/formular\/anschrift$/);
  await s.checkPage();
  await fillAndContinue(page, {
    Straße: 'Heidestraße',
    Hausnummer: '17a',
    Postleitzahl: '12345',
    Ort: 'Musterstadt',
  });

  await page.waitForURL(/\/formular\/fahrzeug$/);
  await s.checkPage();
  await fillAndContinue(page, { Kennzeichen: applicant.vehicle });

  await page.waitForURL(/\/formular\/fahrzeugschein$/);
  await s.checkPage();
  await page.getByLabel('Fahrzeugschein').setInputFiles({
    name: 'fahrzeugschein.pdf',
    mimeType: 'application/pdf',
    buffer: await registrationCertificate(),
  });
  await page.getByRole('button', { name: 'Weiter' }).click();

  await page.waitForURL(/\/formular\/pruefen$/);
  await s.checkPage();
  await assertAnswer(page, 'Kennzeichen', applicant.vehicle);
  await assertAnswer(page, 'Fahrzeugschein', 'fahrzeugschein.pdf');
  if (applicant.thorough) await changeVehicle(s, 'MZ-XY 987');
  await page.getByRole('link', { name: 'Weiter zur Erklärung' }).click();

  await page.waitForURL(/\/formular\/erklaerung$/);
  await s.checkPage();
  await page.getByLabel('Ich versichere, dass meine Angaben richtig und vollständig sind.').check();
  await page.getByRole('button', { name: 'Antrag verbindlich absenden' }).click();

  await page.waitForURL(/\/antraege\/[^/]+\/bestaetigung$/);
  await s.checkPage();
  const reference = await page.locator('.app-reference').textContent();
  assert.match(reference ?? '', /^BPA-\d{4}-\d{6}$/);
  return reference ?? '';
}

async function assertHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function fillAndContinue(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Weiter' }).click();
}

async function assertAnswer(page: Page, key: string, expected: string): Promise<void> {
  const row = page
    .locator('.kern-description-list-item')
    .filter({ has: page.getByText(key, { exact: true }) });
  const value = (await row.locator('dd').first().textContent()) ?? '';
  assert.ok(value.includes(expected), `${key} shows ${expected}, not ${value}`);
}

/** Sends the name page empty, then answers it by keyboard alone, starting from the error summary. */
async function answerNamePageAfterErrorsByKeyboard(s: Scenario, applicant: Applicant): Promise<void> {
  const { page } = s;
  await page.getByRole('button', { name: 'Weiter' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Es gibt ein Problem' });
  await summary.waitFor();
  assert.match(await page.title(), /^Fehler: /);
  await s.checkPage();
  const links = summary.getByRole('link');
  assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [
    '#givenName',
    '#familyName',
  ]);
  for (const id of ['givenName', 'familyName']) {
    const field = page.locator(`#${id}`);
    assert.equal(await field.evaluate((element) => element.tagName), 'INPUT');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
  }

  await tabTo(page, links.first());
  await page.keyboard.press('Enter');
  await page.locator('#givenName:focus').waitFor(); // the summary link moves the focus to its field
  await page.keyboard.type(applicant.givenName);
  await tabTo(page, page.locator('#familyName'));
  await page.keyboard.type(applicant.familyName);
  await tabTo(page, page.getByRole('button', { name: 'Weiter' }));
  await page.keyboard.press('Space');
}

/** Uses a change link on check-your-answers and comes back to it with the new value. */
async function changeVehicle(s: Scenario, vehicle: string): Promise<void> {
  const { page } = s;
  await page.getByRole('link', { name: 'Ändern Kennzeichen' }).click();
  await page.waitForURL(/\/formular\/fahrzeug\?von=pruefen$/);
  await s.checkPage();
  await fillAndContinue(page, { Kennzeichen: vehicle });
  await page.waitForURL(/\/formular\/pruefen$/);
  await s.checkPage();
  await assertAnswer(page, 'Kennzeichen', vehicle);
}

async function decideAsCaseworker(reference: string, reason: string): Promise<void> {
  const s = await scenario();
  try {
    const { page } = s;
    await page.goto('/verwaltung/anmelden');
    await s.checkPage();
    await page.getByRole('radio', { name: 'Sabine Meier' }).check();
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/verwaltung\/eingang$/);
    await s.checkPage();
    await page.getByRole('link', { name: reference }).click();
    await assertHeading(page, `Vorgang ${reference}`);
    await s.checkPage();
    await page.getByRole('radio', { name: 'Genehmigen' }).check();
    await page.getByLabel('Begründung').fill(reason);
    await page.getByRole('button', { name: 'Entscheidung speichern und Bescheid erstellen' }).click();
    await page.waitForURL(/\?entschieden=1$/);
    await page.getByText('Entscheidung gespeichert').waitFor();
    await s.checkPage();
  } finally {
    await s.close();
  }
}

test('the checks can fail: CSP violations, axe violations and sideways scrolling are caught', async () => {
  const s = await scenario();
  try {
    await s.page.goto('/');
    const reported = s.page.waitForEvent('console', (m) => m.text().includes('Content Security Policy'));
    await assert.rejects(s.page.addScriptTag({ content: 'window.injected = true;' }));
    await reported;
    assert.equal(await s.page.evaluate(() => 'injected' in window), false);
    await assert.rejects(s.checkPage(), /CSP: Executing inline script violates/);
    await s.page.evaluate(() => document.documentElement.removeAttribute('lang'));
    await assert.rejects(s.checkPage(), /html-has-lang/);
    await s.page.setViewportSize({ width: 320, height: 800 });
    await s.page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('pre'), { textContent: 'x'.repeat(200) })),
    );
    await assert.rejects(assertNoHorizontalScroll(s.page), /scrolls sideways/);
  } finally {
    await s.close();
  }
});

test('a citizen applies with JavaScript, a caseworker decides, the Bescheid arrives', async () => {
  const citizen = await scenario();
  try {
    const { page } = citizen;
    const reference = await apply(citizen, {
      person: 'Erika Mustermann',
      givenName: 'Erika',
      familyName: 'Mustermann',
      vehicle: 'MZ-AB 123',
      thorough: true,
    });
    const receipt = await download(
      page,
      page.getByRole('link', { name: /Eingangsbestätigung herunterladen/ }),
    );
    const receiptText = await extractPdfText(receipt);
    for (const text of [reference, 'Mustermann', 'MZ-XY 987', 'fahrzeugschein.pdf'])
      assert.ok(receiptText.includes(text), `the receipt has ${text}`);

    const reason = 'Sie wohnen in der Bewohnerparkzone B und das Fahrzeug ist auf Sie zugelassen.';
    await decideAsCaseworker(reference, reason);

    await page.goto('/postfach');
    await citizen.checkPage();
    const letterLink = page.getByRole('link', { name: 'Bescheid herunterladen (PDF)' });
    await reloadUntilVisible(page, letterLink);
    await citizen.checkPage();
    const letterText = (await extractPdfText(await download(page, letterLink))).replace(/\s+/g, ' ');
    for (const text of ['wird genehmigt', reason, reference])
      assert.ok(letterText.includes(text), `the Bescheid has ${text}`);
  } finally {
    await citizen.close();
  }
});

test('a citizen applies without JavaScript', async () => {
  const citizen = await scenario({ javaScriptEnabled: false });
  try {
    await apply(citizen, {
      person: 'Ozan Yılmaz',
      givenName: 'Ozan',
      familyName: 'Yılmaz',
      vehicle: 'MZ-OY 42',
    });
  } finally {
    await citizen.close();
  }
});

test('a citizen applies on a 320 px wide screen without scrolling sideways', async () => {
  const citizen = await scenario({ viewport: { width: 320, height: 800 } });
  try {
    await apply(citizen, {
      person: 'Jana Kowalski',
      givenName: 'Jana',
      familyName: 'Kowalski',
      vehicle: 'MZ-JK 7',
    });
  } finally {
    await citizen.close();
  }
});

test('the English pages pass axe too: switching language, a form page and its error state', async () => {
  const citizen = await scenario();
  const { page } = citizen;
  try {
    await page.goto('/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\?lang=en$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await citizen.checkPage();
    await page.getByRole('link', { name: 'Apply for a resident parking permit' }).click();
    await assertHeading(page, 'Apply for a resident parking permit');
    await citizen.checkPage();
    await page.getByRole('link', { name: 'Start now' }).click();

    await page.waitForURL(/\/anmelden\?weiter=/);
    await citizen.checkPage();
    await page.getByRole('radio', { name: 'Jana Kowalski' }).check();
    await page.getByRole('radio', { name: 'Substantial' }).check();
    await page.getByRole('button', { name: 'Log in' }).click();

    await page.waitForURL(/\/formular\/name$/);
    await assertHeading(page, 'What is your name?');
    await citizen.checkPage();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('link', { name: 'Please fill in “Given name”.' }).waitFor();
    await citizen.checkPage();
    await page.getByRole('link', { name: 'Deutsch' }).click();
    await assertHeading(page, 'Wie heißen Sie?');
    await citizen.checkPage();
  } finally {
    await citizen.close();
  }
});
