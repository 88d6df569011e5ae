/**
 * Every page of every branch of every shipped package in a real Chromium: the branches are the package's
 * own valid test cases (each walks a path of pages), answered through the browser from their raw answers.
 * On every page: axe-core (WCAG 2.2 AA) without violations, no CSP violation, no server error. Per package
 * the first branch is done by keyboard alone, and the longest again without JavaScript at 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { isoDateInBerlin } from '../src/forms/display.ts';
import { validateJourney } from '../src/forms/engine.ts';
import type { CompiledPackage } from '../src/packages/compile.ts';
import type { PackageTestCase } from '../src/packages/schema.ts';
import { applyInBrowser, assertCheckAnswers } from './helpers/apply-in-browser.ts';
import {
  type BrowserPlatform,
  openScenario,
  type ScenarioOptions,
  startBrowserPlatform,
} from './helpers/browser.ts';
import type { TestPlatform } from './helpers/platform.ts';

let env: BrowserPlatform;
let platform: TestPlatform;
let browser: Browser;
let baseURL: string;

before(async () => {
  env = await startBrowserPlatform();
  ({ platform, browser, baseURL } = env);
});

after(() => env?.close());

// Drafts are kept per citizen and service; each branch ends with a submission, which deletes its draft.
const PERSONS = ['test-erika-mustermann', 'test-ozan-yilmaz', 'test-jana-kowalski'];

interface Branch {
  testCase: PackageTestCase;
  pages: string[];
}

/** The valid test cases, with the pages each walks; cases written for another day are left out. */
function branchesOf(t: TestContext, pkg: CompiledPackage, today: string): Branch[] {
  const env = { locale: 'de' as const, today, codeLists: pkg.definition.codeLists ?? {} };
  return pkg.definition.tests.flatMap((testCase) => {
    if (testCase.expect.valid !== true) return [];
    if (testCase.today !== undefined && testCase.today !== today) {
      t.diagnostic(`left out "${testCase.name}": its date bounds are for ${testCase.today}, not ${today}`);
      return [];
    }
    const journey = validateJourney(pkg, testCase.answers, env);
    assert.deepEqual(journey.errors, [], `"${testCase.name}" is valid`);
    return [{ testCase, pages: journey.pages }];
  });
}

async function walk(
  pkg: CompiledPackage,
  branch: Branch,
  person: string,
  options: ScenarioOptions & { keyboard?: boolean },
) {
  const today = isoDateInBerlin(new Date());
  const s = await openScenario(browser, baseURL, options);
  try {
    const submitted = await applyInBrowser(s, {
      serviceId: pkg.definition.id,
      person,
      answers: branch.testCase.answers,
      keyboard: options.keyboard,
      onCheckAnswers: (page) => assertCheckAnswers(page, pkg, branch.testCase.answers, today),
    });
    assert.deepEqual(submitted.pages, branch.pages, 'the pages shown');
    assert.match(
      submitted.reference,
      new RegExp(`^${pkg.definition.metadata.referencePrefix}-\\d{4}-\\d{6}$`),
    );
  } finally {
    await s.close();
  }
}

// The packages run side by side: the browser, the server and PostgreSQL each wait for one another otherwise.
describe('shipped packages', { concurrency: true }, () => {
  for (const serviceId of ['bewohnerparkausweis', 'hundesteuer', 'bibliotheksausweis']) {
    test(`${serviceId}: every branch in the browser, by keyboard, without JavaScript and at 320 px`, async (t) => {
      const pkg = platform.services.find(serviceId);
      assert.ok(pkg, `${serviceId} is offered`);
      const branches = branchesOf(t, pkg, isoDateInBerlin(new Date()));
      assert.ok(branches.length > 0);
      for (const [index, branch] of branches.entries()) {
        const keyboard = index === 0;
        await t.test(`${branch.testCase.name}${keyboard ? ' (keyboard only)' : ''}`, () =>
          walk(pkg, branch, PERSONS[index % PERSONS.length] ?? '', { keyboard }),
        );
      }
      const longest = branches.reduce((a, b) => (b.pages.length > a.pages.length ? b : a));
      await t.test(`${longest.testCase.name} (without JavaScript, 320 px)`, () =>
        walk(pkg, longest, PERSONS[0] ?? '', {
          javaScriptEnabled: false,
          viewport: { width: 320, height: 800 },
        }),
      );
    });
  }
});
