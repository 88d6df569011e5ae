/**
 * Every page of every branch of every shipped package in a real Chromium: the branches are the package's
 * own valid test cases (each walks a path of pages), answered through the browser from their raw answers.
 * On every page: axe-core (WCAG 2.2 AA) without violations, no CSP violation, no server error. Per package,
 * a few branches that together show every page, answer every question and press every repeat button that
 * any branch does (a greedy set cover) are walked by keyboard alone, and again without JavaScript at 320 px;
 * the test fails if the walks that passed leave out a step of any branch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { isoDateInBerlin } from '../src/forms/display.ts';
import type { CompiledPackage } from '../src/packages/compile.ts';
import type { PackageTestCase } from '../src/packages/schema.ts';
import {
  applyInBrowser,
  assertCheckAnswers,
  assertCovered,
  coveringWalks,
  type Walk,
  walkOf,
} from './helpers/apply-in-browser.ts';
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

// Drafts are kept per citizen and service, and each walk ends with a submission, which deletes its draft.
// The walks with JavaScript take turns with two test persons; those without, at the same time, use the third.
const PERSONS = ['test-erika-mustermann', 'test-ozan-yilmaz'];
const NARROW_PERSON = 'test-jana-kowalski';

interface Branch extends Walk {
  testCase: PackageTestCase;
}

/** The valid test cases, with the walk each takes; cases written for another day are left out. */
function branchesOf(t: TestContext, pkg: CompiledPackage, today: string): Branch[] {
  return pkg.definition.tests.flatMap((testCase) => {
    if (testCase.expect.valid !== true) return [];
    if (testCase.today !== undefined && testCase.today !== today) {
      t.diagnostic(`left out "${testCase.name}": its date bounds are for ${testCase.today}, not ${today}`);
      return [];
    }
    return [{ testCase, ...walkOf(pkg, testCase.answers, today, testCase.name) }];
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

const NARROW_WITHOUT_JAVASCRIPT: ScenarioOptions = {
  javaScriptEnabled: false,
  viewport: { width: 320, height: 800 },
};

const names = (branches: Branch[]) => branches.map((b) => `"${b.testCase.name}"`).join(', ');

// The packages, and in each the walks with and without JavaScript, run side by side: the browser, the server
// and PostgreSQL each wait for one another otherwise.
describe('shipped packages', { concurrency: true }, () => {
  for (const serviceId of ['bewohnerparkausweis', 'hundesteuer', 'bibliotheksausweis']) {
    const name = `${serviceId}: every page of every branch in the browser, by keyboard, without JavaScript and at 320 px`;
    test(name, { concurrency: true }, async (t) => {
      const pkg = platform.services.find(serviceId);
      assert.ok(pkg, `${serviceId} is offered`);
      const branches = branchesOf(t, pkg, isoDateInBerlin(new Date()));
      assert.ok(branches.length > 0);
      const cover = coveringWalks(branches);
      const unreached = pkg.pages.filter((p) => !branches.some((b) => b.pages.includes(p.def.id)));
      if (unreached.length > 0)
        t.diagnostic(`pages no valid test case reaches: ${unreached.map((p) => p.def.id).join(', ')}`);
      t.diagnostic(
        `${new Set(branches.flatMap((b) => b.pages)).size} pages, ${new Set(branches.flatMap((b) => b.steps)).size} steps, ` +
          `all by keyboard alone and without JavaScript at 320 px in ${names(cover)}`,
      );

      const byKeyboard: Branch[] = [];
      const withoutJavaScript: Branch[] = [];
      await Promise.all([
        t.test('with JavaScript', async (t) => {
          for (const [index, branch] of branches.entries()) {
            const keyboard = cover.includes(branch);
            await t.test(`${branch.testCase.name}${keyboard ? ' (keyboard only)' : ''}`, async () => {
              await walk(pkg, branch, PERSONS[index % PERSONS.length] ?? '', { keyboard });
              if (keyboard) byKeyboard.push(branch);
            });
          }
        }),
        t.test('without JavaScript, 320 px', async (t) => {
          for (const branch of cover) {
            await t.test(branch.testCase.name, async () => {
              await walk(pkg, branch, NARROW_PERSON, NARROW_WITHOUT_JAVASCRIPT);
              withoutJavaScript.push(branch);
            });
          }
        }),
      ]);
      assertCovered(byKeyboard, branches, 'by keyboard alone');
      assertCovered(withoutJavaScript, branches, 'without JavaScript at 320 px');
    });
  }
});
