/**
 * The OZG progress dashboard in a real browser: the public page (axe with every table opened, 320 px,
 * without JavaScript, downloads), a coordinator keeping a Leistung up to date by keyboard alone, the
 * maturity answers of a Leistung offered by an Amtsweg package, the cost model, and a caseworker who may
 * only look.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  type BrowserPlatform,
  openScenario,
  type Scenario,
  startBrowserPlatform,
  tabTo,
} from './helpers/browser.ts';

// Not yet assessed in the demo data (its bundle Hundehaltung is online, so the bundle count stays 50);
// "Hundesteuer Festsetzung" (99102013002000) is already online there.
const HUNDEHALTUNG = { key: '99110009014000', name: 'Hundehaltung Meldung' };
const BEWOHNERPARKEN = { key: '99108001001000', name: 'Bewohnerparkausweis Erteilung' };

let env: BrowserPlatform;
before(async () => {
  env = await startBrowserPlatform({ catalog: 'demo' });
});
after(() => env?.close());

/** The big number next to a unit on the dashboard, e.g. "120" for "Leistungen online". */
async function keyNumber(page: Page, unit: string): Promise<string> {
  const number = page.locator('.app-key-number').filter({ hasText: unit }).locator('.app-key-number__value');
  return ((await number.textContent()) ?? '').trim();
}

/** Opens every <details> on the page by its summary (native, so it also works with JavaScript off). */
async function openAllDetails(page: Page): Promise<number> {
  const details = page.locator('details');
  const count = await details.count();
  for (let i = 0; i < count; i++) {
    const summary = details.nth(i).locator('summary');
    await summary.click();
    assert.equal(await details.nth(i).getAttribute('open'), '', `<details> ${i} opens`);
  }
  return count;
}

/** What has the focus, as far as a form is concerned. */
function focused(page: Page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement
      ? { id: e.id, name: e.name, value: e.value, checked: e instanceof HTMLInputElement && e.checked }
      : undefined;
  });
}

/** Tabs into a radio group, then moves with the arrow keys to the radio labelled `label` and selects it. */
async function chooseRadioByKeyboard(page: Page, name: string, target: Locator): Promise<void> {
  const value = await target.getAttribute('value');
  let current = await focused(page);
  for (let presses = 0; current?.name !== name; presses++) {
    assert.ok(presses < 60, `Tab never reached the radios ${name} on ${page.url()}`);
    await page.keyboard.press('Tab');
    current = await focused(page);
  }
  for (let moves = 0; current?.value !== value; moves++) {
    assert.ok(moves < 20, `the arrow keys never reached ${name}=${value}`);
    await page.keyboard.press('ArrowDown');
    current = await focused(page);
  }
  if (!current.checked) await page.keyboard.press('Space');
  assert.ok(await target.isChecked(), `${name}=${value} chosen by keyboard`);
}

/** Tabs to a text field, replaces its text by typing. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field, 60);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  assert.equal(await field.inputValue(), text);
}

/** Tabs to a closed <select> and moves through its options with the arrow keys until `value`. */
async function selectByKeyboard(page: Page, select: Locator, value: string): Promise<void> {
  await tabTo(page, select, 60);
  const options = await select.locator('option').count();
  for (let i = 0; i <= options && (await select.inputValue()) !== value; i++)
    await page.keyboard.press('ArrowDown');
  assert.equal(await select.inputValue(), value, `${await select.getAttribute('name')} by keyboard`);
}

/** Tabs to a button or link and presses Enter, then waits for the page that follows. */
async function activateByKeyboard(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target, 80);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

async function logIn(scenario: Scenario, name: string): Promise<void> {
  const { page } = scenario;
  await page.goto('/verwaltung/anmelden');
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/verwaltung\/eingang$/);
}

/** The error summary at the top and the link in it to `field`, which must exist on the page. */
async function assertSummaryLinksTo(page: Page, field: string, message: RegExp): Promise<void> {
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  const link = summary.locator(`a[href="#${field}"]`);
  assert.equal(await link.count(), 1, `the error summary links to #${field}`);
  assert.match((await link.textContent()) ?? '', message);
  assert.equal(await page.locator(`[id="${field}"]`).count(), 1, `#${field} is on the page`);
  assert.match(await page.title(), /^Fehler: /);
}

test('public dashboard: key numbers, axe with every table open, 320 px, no JavaScript, downloads', async () => {
  for (const options of [{}, { viewport: { width: 320, height: 640 }, javaScriptEnabled: false }]) {
    const scenario = await openScenario(env.browser, env.baseURL, options);
    try {
      const { page } = scenario;
      const response = await page.goto('/ozg-stand');
      assert.equal(response?.status(), 200);
      await page.getByRole('heading', { level: 1, name: /^Stand der OZG-Umsetzung in / }).waitFor();
      assert.equal(await keyNumber(page, 'Leistungen online'), '120');
      assert.equal(await keyNumber(page, 'OZG-Leistungsbündel online'), '50');
      assert.ok(await page.locator('svg.app-chart').count(), 'the figures have SVG charts');
      await scenario.checkPage();
      assert.ok((await openAllDetails(page)) >= 5, 'the charts have their data tables in <details>');
      await scenario.checkPage();

      const csv = page.getByRole('link', { name: /^Als CSV herunterladen/ }).first();
      const csvResponse = await page.request.get((await csv.getAttribute('href')) ?? '');
      assert.equal(csvResponse.status(), 200);
      assert.match(csvResponse.headers()['content-type'] ?? '', /^text\/csv/);
      assert.ok((await csvResponse.text()).length > 0);
      const pdf = page.getByRole('link', { name: /Zusammenfassung als PDF/ });
      assert.equal(await pdf.getAttribute('href'), '/ozg-stand/antwort.pdf');
      const pdfResponse = await page.request.get('/ozg-stand/antwort.pdf');
      assert.equal(pdfResponse.status(), 200);
      assert.match(pdfResponse.headers()['content-type'] ?? '', /^application\/pdf/);
      assert.equal(
        Buffer.from(await pdfResponse.body())
          .subarray(0, 5)
          .toString(),
        '%PDF-',
      );
    } finally {
      await scenario.close();
    }
  }
});

test('coordinator by keyboard alone: puts a Leistung online, then an invalid date is named', async () => {
  const scenario = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = scenario;
    // Log in by keyboard: the radio of Jana Becker, then the button.
    await page.goto('/verwaltung/anmelden');
    await chooseRadioByKeyboard(page, 'staffId', page.getByRole('radio', { name: 'Jana Becker' }));
    await activateByKeyboard(page, page.getByRole('button', { name: 'Anmelden' }));
    await page.waitForURL(/\/verwaltung\/eingang$/);

    await activateByKeyboard(page, page.getByRole('link', { name: 'OZG-Stand' }));
    await page.waitForURL(/\/verwaltung\/ozg$/);
    assert.equal(await keyNumber(page, 'Leistungen online'), '120');
    await scenario.checkPage();

    await activateByKeyboard(page, page.getByRole('link', { name: 'Leistungen bearbeiten' }));
    await page.waitForURL(/\/verwaltung\/ozg\/leistungen$/);
    await scenario.checkPage();
    await typeInto(
      page,
      page.getByLabel('Suche nach Name, LeiKa-Schlüssel oder Leistungsbündel'),
      HUNDEHALTUNG.name,
    );
    await activateByKeyboard(page, page.getByRole('button', { name: 'Suchen' }));
    await page.waitForURL(/\?suche=Hundehaltung\+Meldung/);
    const row = page.getByRole('row').filter({ hasText: HUNDEHALTUNG.key });
    assert.ok(
      await row.getByText('Noch nicht bewertet').isVisible(),
      `${HUNDEHALTUNG.name} is not yet assessed`,
    );
    await scenario.checkPage();

    await activateByKeyboard(page, row.getByRole('link', { name: HUNDEHALTUNG.name }));
    await page.waitForURL(new RegExp(`/verwaltung/ozg/leistungen/${HUNDEHALTUNG.key}$`));
    await scenario.checkPage();

    await chooseRadioByKeyboard(
      page,
      'status',
      page.getByRole('radio', { name: 'Online über einen anderen Dienst' }),
    );
    await typeInto(page, page.getByLabel('Anbieter'), 'Onlinedienst des Landes (EfA)');
    await typeInto(page, page.getByLabel('Online seit'), '01.03.2024');
    await selectByKeyboard(page, page.getByLabel('Reifegrad nach Modell 1.1 (optional)'), '3');
    await selectByKeyboard(page, page.getByLabel('Reifegrad nach Modell 2.0 (optional)'), '2');
    await activateByKeyboard(page, page.getByRole('button', { name: 'Stand speichern' }));
    await page.waitForURL(/\?erledigt=stand$/);
    await page.getByText('Stand gespeichert').waitFor();
    assert.ok(await page.getByRole('radio', { name: 'Online über einen anderen Dienst' }).isChecked());
    await scenario.checkPage();

    await page.goto('/verwaltung/ozg');
    assert.equal(await keyNumber(page, 'Leistungen online'), '121');

    // Back to the Leistung: an impossible date is named in the error summary, linked to its field.
    await page.goto(`/verwaltung/ozg/leistungen/${HUNDEHALTUNG.key}`);
    await typeInto(page, page.getByLabel('Online seit'), '31.02.2024');
    await activateByKeyboard(page, page.getByRole('button', { name: 'Stand speichern' }));
    await assertSummaryLinksTo(page, 'onlineSince', /„Online seit“ muss ein echtes Datum/);
    assert.equal(await page.locator('#onlineSince').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#onlineSince').inputValue(), '31.02.2024', 'the typed date is kept');
    await scenario.checkPage();
    // The summary's link takes the keyboard to the field.
    await tabTo(page, page.locator('#error-summary a[href="#onlineSince"]'), 80);
    await page.keyboard.press('Enter');
    await page.locator('#onlineSince:focus').waitFor();
  } finally {
    await scenario.close();
  }
});

test('Bewohnerparkausweis: maturity section, a staff answer saved, a missing justification named', async () => {
  const scenario = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = scenario;
    await logIn(scenario, 'Jana Becker');
    await page.goto(`/verwaltung/ozg/leistungen/${BEWOHNERPARKEN.key}`);
    await page.getByRole('heading', { level: 1, name: BEWOHNERPARKEN.name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Reifegrad' }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Stand speichern' }).count(),
      0,
      'derived from the package',
    );
    await scenario.checkPage();

    const form = (criterion: string) =>
      page.locator('form').filter({ has: page.locator(`input[name="criterion"][value="${criterion}"]`) });
    const konto = form('organisationskonto').filter({
      has: page.locator('input[name="model"][value="2.0"]'),
    });
    await konto.getByRole('radio', { name: 'Für diese Leistung nicht nötig (nur Privatpersonen)' }).check();
    await konto.getByLabel('Begründung').fill('Den Bewohnerparkausweis beantragen nur Privatpersonen.');
    await konto.getByRole('button', { name: 'Antwort speichern' }).click();
    await page.waitForURL(/\?erledigt=reifegrad$/);
    await page.getByText('Antwort zum Reifegrad gespeichert').waitFor();
    await page
      .getByRole('cell', { name: 'Den Bewohnerparkausweis beantragen nur Privatpersonen.', exact: true })
      .waitFor();
    await scenario.checkPage();

    const fachverfahren = form('fachverfahren').filter({
      has: page.locator('input[name="model"][value="2.0"]'),
    });
    await fachverfahren
      .getByRole('radio', { name: 'Bearbeitung in Amtsweg oder automatische Übergabe' })
      .check();
    await fachverfahren.getByRole('button', { name: 'Antwort speichern' }).click();
    await assertSummaryLinksTo(page, 'r20-fachverfahren-begruendung', /^Begründen Sie die Antwort zu „/);
    assert.equal(await page.locator('#r20-fachverfahren-begruendung').getAttribute('aria-invalid'), 'true');
    await scenario.checkPage();
    assert.ok(
      await fachverfahren
        .getByRole('radio', { name: 'Bearbeitung in Amtsweg oder automatische Übergabe' })
        .isChecked(),
      'the chosen answer is shown again with the error',
    );
  } finally {
    await scenario.close();
  }
});

test('cost model: passes axe, an invalid amount is named in German', async () => {
  const scenario = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = scenario;
    await logIn(scenario, 'Jana Becker');
    await page.goto('/verwaltung/ozg');
    await page.getByRole('link', { name: 'Kostenmodell' }).click();
    await page.waitForURL(/\/verwaltung\/ozg\/kosten$/);
    await page.getByRole('heading', { level: 1, name: 'Kostenmodell' }).waitFor();
    await scenario.checkPage();
    await page.getByLabel('Feste Gebühr pro Jahr in Euro').fill('zwölfhundert');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await assertSummaryLinksTo(page, 'platformFee', /^„Feste Gebühr pro Jahr“ muss ein Betrag in Euro sein/);
    await scenario.checkPage();
  } finally {
    await scenario.close();
  }
});

test('caseworker sees a Leistung without the forms to change it', async () => {
  const scenario = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = scenario;
    await logIn(scenario, 'Sabine Meier');
    for (const { key, name } of [HUNDEHALTUNG, BEWOHNERPARKEN]) {
      await page.goto(`/verwaltung/ozg/leistungen/${key}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByText('Ändern dürfen diese Angaben nur Mitarbeitende der OZG-Koordination.').waitFor();
      assert.equal(await page.locator('main form').count(), 0, `no form on ${name}`);
      await scenario.checkPage();
    }
    await page.goto('/verwaltung/ozg/kosten');
    await page.getByText('Ändern dürfen diese Angaben nur Mitarbeitende der OZG-Koordination.').waitFor();
    assert.equal(await page.locator('main form').count(), 0, 'no cost model form');
    await scenario.checkPage();
  } finally {
    await scenario.close();
  }
});

test('Bewohnerparkausweis: an answer sent without a choice is linked to its radios', async () => {
  const scenario = await openScenario(env.browser, env.baseURL);
  try {
    const { page } = scenario;
    await logIn(scenario, 'Jana Becker');
    await page.goto(`/verwaltung/ozg/leistungen/${BEWOHNERPARKEN.key}`);
    const fachverfahren = page
      .locator('form')
      .filter({ has: page.locator('input[name="criterion"][value="fachverfahren"]') })
      .filter({ has: page.locator('input[name="model"][value="2.0"]') });
    await fachverfahren.getByLabel('Begründung').fill('Die Anträge bearbeitet das Amt in Amtsweg.');
    await fachverfahren.getByRole('button', { name: 'Antwort speichern' }).click();
    await assertSummaryLinksTo(page, 'r20-fachverfahren', /^Wählen Sie eine Antwort zu „/);
    assert.equal(
      await fachverfahren.getByLabel('Begründung').inputValue(),
      'Die Anträge bearbeitet das Amt in Amtsweg.',
      'the typed justification is shown again with the error',
    );
    await scenario.checkPage();
  } finally {
    await scenario.close();
  }
});
