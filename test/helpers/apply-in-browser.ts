/**
 * One application in the browser, from a service's start page to the confirmation: log in as a test
 * person, answer each question page the app shows from raw answers, check the answers, declare, submit.
 * Every page shown is checked with the scenario's checks (axe, CSP, server errors, reflow when narrow).
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { plainMoney } from '../../src/forms/display.ts';
import {
  evaluationContext,
  summaryRows,
  validateJourney,
  validatePage,
  visiblePages,
} from '../../src/forms/engine.ts';
import type { CompiledPackage } from '../../src/packages/compile.ts';
import type { Scenario } from './browser.ts';
import { activate, fillPage, questionForm, type RawAnswers } from './form-filler.ts';

export interface Application {
  serviceId: string;
  /** A test person's id from src/identity/test-persons.ts. */
  person: string;
  answers: RawAnswers;
  /** Everything by keyboard alone: Tab, typing, Space, arrow keys, Enter. */
  keyboard?: boolean;
  /** See FillOptions. */
  addOneTooMany?: boolean;
  /** Extra checks on check-your-answers. */
  onCheckAnswers?: (page: Page) => Promise<void>;
}

export interface Submitted {
  reference: string;
  /** The ids of the question pages shown, in order. */
  pages: string[];
}

const formByButton = (page: Page, name: string) =>
  page.locator('form').filter({ has: page.getByRole('button', { name, exact: true }) });

async function problems(page: Page): Promise<string> {
  const texts = await page.locator('.kern-error, [role="alert"]').allInnerTexts();
  return texts.join(' | ').replace(/\s+/g, ' ');
}

export async function applyInBrowser(s: Scenario, application: Application): Promise<Submitted> {
  const { page } = s;
  const { keyboard = false, addOneTooMany, serviceId } = application;
  await page.goto(`/dienste/${serviceId}`);
  await s.checkPage();
  await activate(page, page.getByRole('link', { name: 'Jetzt starten' }), keyboard);

  assert.match(page.url(), /\/anmelden\?weiter=/);
  await s.checkPage();
  const login = formByButton(page, 'Anmelden');
  await fillPage(page, { person: application.person, trustLevel: 'high' }, { keyboard, form: login });
  await activate(page, login.getByRole('button', { name: 'Anmelden' }), keyboard);

  const formPath = `/dienste/${serviceId}/formular/`;
  const pages: string[] = [];
  for (;;) {
    const path = new URL(page.url()).pathname;
    assert.ok(path.startsWith(formPath), `expected a form page, got ${page.url()}: ${await problems(page)}`);
    const pageId = path.slice(formPath.length);
    if (pageId === 'pruefen') break;
    assert.ok(pages.length < 60, `the journey does not end: ${pages.join(', ')}`);
    pages.push(pageId);
    await s.checkPage();
    await fillPage(page, application.answers, {
      keyboard,
      addOneTooMany,
      onRepeatChange: () => s.checkPage(),
    });
    await activate(page, questionForm(page).getByRole('button', { name: 'Weiter', exact: true }), keyboard);
    assert.notEqual(
      new URL(page.url()).pathname,
      path,
      `page ${pageId} was not accepted: ${await problems(page)}`,
    );
  }

  await s.checkPage();
  await application.onCheckAnswers?.(page);
  await activate(page, page.getByRole('link', { name: 'Weiter zur Erklärung' }), keyboard);

  assert.equal(new URL(page.url()).pathname, `${formPath}erklaerung`);
  await s.checkPage();
  const declaration = formByButton(page, 'Antrag verbindlich absenden');
  await fillPage(page, { declaration: 'yes' }, { keyboard, form: declaration });
  await activate(page, declaration.getByRole('button', { name: 'Antrag verbindlich absenden' }), keyboard);

  assert.match(page.url(), /\/antraege\/[^/]+\/bestaetigung$/, await problems(page));
  await s.checkPage();
  const reference = (await page.locator('.app-reference').textContent()) ?? '';
  return { reference, pages };
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The answers the app ends up with. validateJourney walks the pages once (deciding conditions on answers of
 * the same page with the posted answers, as the app does), so a field whose condition depends on an answer
 * of a later page stays unasked; the app shows it when check-your-answers sends the citizen back to that
 * page. So the pages are validated again with the answers so far until nothing changes.
 */
function finalAnswers(pkg: CompiledPackage, raw: RawAnswers, today: string) {
  const env = { locale: 'de' as const, today, codeLists: pkg.definition.codeLists ?? {} };
  let answers = validateJourney(pkg, raw, env).answers;
  for (let round = 0; round < 10; round++) {
    const context = evaluationContext(pkg, answers, today);
    const next = Object.assign(
      {},
      ...visiblePages(pkg, context).map(
        (page) =>
          validatePage(page, raw, context, env, (posted) =>
            evaluationContext(pkg, { ...answers, ...posted }, today),
          ).values,
      ),
    );
    if (isDeepStrictEqual(next, answers)) break;
    answers = next;
  }
  return { answers, context: evaluationContext(pkg, answers, today) };
}

/**
 * Check-your-answers shows what the form engine makes of the answers: every row, in order, and the
 * computed amounts. An upload is compared by its file name (the test uploads a file of its own size).
 */
export async function assertCheckAnswers(
  page: Page,
  pkg: CompiledPackage,
  answers: RawAnswers,
  today: string,
): Promise<void> {
  const journey = finalAnswers(pkg, answers, today);
  const files = new Set(
    pkg.pages.flatMap((p) =>
      p.def.fields.flatMap((f) =>
        f.kind === 'file'
          ? [f.name]
          : f.kind === 'repeat' && f.fields.some((i) => i.kind === 'file')
            ? [f.name]
            : [],
      ),
    ),
  );
  const expected = summaryRows(pkg, journey.answers, today, 'de').map((row) => ({
    label: normalise(row.label),
    value: normalise(row.value || 'Keine Angabe'),
    file: files.has(row.name),
  }));
  for (const computed of pkg.computed) {
    const value = journey.context[computed.name];
    if (computed.format === 'money' && typeof value === 'number')
      expected.push({ label: computed.label.de, value: normalise(plainMoney(value)), file: false });
  }
  const shown = await page.locator('main .kern-description-list-item').evaluateAll((items) =>
    items.map((item) => ({
      label: item.querySelector('dt')?.textContent ?? '',
      value: item.querySelector('dd')?.textContent ?? '',
    })),
  );
  assert.deepEqual(
    shown.map((row, i) => {
      const label = normalise(row.label);
      const value = normalise(row.value);
      // "schein.pdf (3 kB)": the size is the uploaded file's, the name must be the one chosen.
      const file = expected[i]?.file && value.startsWith(expected[i]?.value.replace(/ \(.*\)$/, '') ?? '');
      return { label, value: file ? expected[i]?.value : value };
    }),
    expected.map(({ label, value }) => ({ label, value })),
    `check-your-answers on ${page.url()}`,
  );
}
