/**
 * Every page of every branch of every shipped package in a real Chromium: the branches are the package's
 * own valid test cases (each walks a path of pages), answered through the browser from their raw answers.
 * On every page: axe-core (WCAG 2.2 AA), no CSP violation, no server error. Per package, a few branches that
 * together show every page, answer every question and press every repeat button of the package are walked
 * by keyboard alone, and again without JavaScript at 320 px; the test fails if a step of the package is left
 * out that is not listed below, with its reason, as one no valid test case reaches.
 */
import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import { isoDateInBerlin } from '../src/forms/display.ts';
import type { CompiledPackage } from '../src/packages/compile.ts';
import { type BrowserPlatform, startBrowserPlatform } from './helpers/browser.ts';
import type { TestPlatform } from './helpers/platform.ts';
import { type NotReached, type Walk, walkEveryWay, walkOf } from './helpers/walk-every-way.ts';

let env: BrowserPlatform;
let platform: TestPlatform;

before(async () => {
  env = await startBrowserPlatform();
  ({ platform } = env);
});

after(() => env?.close());

/**
 * Steps of a shipped package that no valid test case of it takes: the walks answer exactly what a case
 * answers (answering more would test answers the package never checks).
 */
const NOT_REACHED: Record<string, NotReached> = {
  hundesteuer: {
    'konto/bic':
      'optional (only needed for accounts outside Germany) and answered by no valid test case; version 1.0.0 ' +
      'is shipped and never changes, a new version would add a case',
  },
};

/** The valid test cases, with the walk each takes; cases written for another day are left out. */
function branchesOf(t: TestContext, pkg: CompiledPackage, today: string): Walk[] {
  return pkg.definition.tests.flatMap((testCase) => {
    if (testCase.expect.valid !== true) return [];
    if (testCase.today !== undefined && testCase.today !== today) {
      t.diagnostic(`left out "${testCase.name}": its date bounds are for ${testCase.today}, not ${today}`);
      return [];
    }
    return [walkOf(pkg, testCase.answers, today, testCase.name)];
  });
}

// The packages, and in each the walks with and without JavaScript, run side by side: the browser, the server
// and PostgreSQL each wait for one another otherwise.
describe('shipped packages', { concurrency: true }, () => {
  for (const serviceId of ['bewohnerparkausweis', 'hundesteuer', 'bibliotheksausweis']) {
    const name = `${serviceId}: every page and question in the browser, by keyboard, without JavaScript and at 320 px`;
    test(name, { concurrency: true }, async (t) => {
      const pkg = platform.services.find(serviceId);
      assert.ok(pkg, `${serviceId} is offered`);
      await walkEveryWay(t, env, {
        pkg,
        walks: branchesOf(t, pkg, isoDateInBerlin(new Date())),
        notReached: NOT_REACHED[serviceId] ?? {},
        persons: {
          withJavaScript: ['test-erika-mustermann', 'test-ozan-yilmaz'],
          withoutJavaScript: 'test-jana-kowalski',
        },
      });
    });
  }
});
