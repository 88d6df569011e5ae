/**
 * A question that depends on an answer on its own page, in a real browser: with JavaScript it is revealed
 * only when "Ja" is chosen (by keyboard), without JavaScript it is shown with its hint; axe and CSP clean.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type BrowserPlatform,
  openScenario,
  type Scenario,
  startBrowserPlatform,
  tabTo,
} from './helpers/browser.ts';
import { activate, fillPage } from './helpers/form-filler.ts';
import { MINOR_QUESTION, publishSamePageLibraryCard } from './helpers/packages.ts';

const PAGE = '/dienste/bibliotheksausweis/formular/erziehungsberechtigte';
const GUARDIAN = 'Name der erziehungsberechtigten Person';
const HINT = `Nur ausfüllen, wenn Sie bei ‚${MINOR_QUESTION}‘ ‚Ja‘ gewählt haben.`;

let env: BrowserPlatform;
before(async () => {
  env = await startBrowserPlatform();
  await publishSamePageLibraryCard(env.platform);
});
after(() => env?.close());

/** Logs in on the development log-in and lands on the guardian page. */
async function openGuardianPage(s: Scenario): Promise<Page> {
  const { page } = s;
  await page.goto(`/anmelden?weiter=${encodeURIComponent(PAGE)}`);
  const login = page.locator('form').filter({ has: page.getByRole('button', { name: 'Anmelden' }) });
  await fillPage(page, { person: 'test-jana-kowalski', trustLevel: 'basic' }, { form: login });
  await activate(page, login.getByRole('button', { name: 'Anmelden' }));
  assert.equal(new URL(page.url()).pathname, PAGE);
  return page;
}

test('with JavaScript the guardian questions appear only after "Ja", chosen by keyboard', async () => {
  const s = await openScenario(env.browser, env.baseURL);
  try {
    const page = await openGuardianPage(s);
    const block = page.locator('#reveal-guardianName');
    const yes = page.locator('#minor');
    const no = page.locator('#minor-2');
    assert.equal(await block.isHidden(), true, 'hidden before an answer');
    assert.equal(await page.getByLabel(GUARDIAN).isHidden(), true);
    assert.match((await yes.getAttribute('aria-controls')) ?? '', /\breveal-guardianName\b/);
    assert.match((await no.getAttribute('aria-controls')) ?? '', /\breveal-guardianConsent\b/);
    await s.checkPage();

    await tabTo(page, yes);
    await page.keyboard.press('Space');
    await block.waitFor({ state: 'visible' });
    assert.equal(await page.locator('#reveal-guardianConsent').isVisible(), true);
    await s.checkPage();
    await tabTo(page, page.getByLabel(GUARDIAN));
    await page.keyboard.type('Jana Kowalski');

    // "Nein" (arrow key in the radio group) hides them again; the page is accepted without them.
    await yes.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await no.isChecked(), true);
    await block.waitFor({ state: 'hidden' });
    await s.checkPage();
    await activate(page, page.getByRole('button', { name: 'Weiter', exact: true }), true);
    assert.notEqual(new URL(page.url()).pathname, PAGE, 'the page is accepted');
    await s.checkPage();
  } finally {
    await s.close();
  }
});

test('without JavaScript the guardian questions are shown with their hint', async () => {
  const s = await openScenario(env.browser, env.baseURL, { javaScriptEnabled: false });
  try {
    const page = await openGuardianPage(s);
    assert.equal(await page.getByLabel(GUARDIAN).isVisible(), true);
    assert.equal(await page.getByText(HINT).first().isVisible(), true);
    await s.checkPage();
    // "Ja" without the name: the error links to the field.
    await page.getByLabel('Ja').check();
    await activate(page, page.getByRole('button', { name: 'Weiter', exact: true }));
    assert.equal(await page.locator('#error-summary a[href="#guardianName"]').count(), 1);
    await s.checkPage();
  } finally {
    await s.close();
  }
});
