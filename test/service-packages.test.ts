/** Every shipped service package loads and passes all of its own test cases; the runner can fail. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPackageDirectory } from '../src/packages/load.ts';
import { runPackageTests, runTestCase } from '../src/packages/test-runner.ts';

const packages = await loadPackageDirectory(join(import.meta.dirname, '..', 'services'));

test('the three sample packages ship', () => {
  assert.deepEqual(packages.map((p) => p.definition.id).sort(), [
    'bewohnerparkausweis',
    'bibliotheksausweis',
    'hundesteuer',
  ]);
});

for (const pkg of packages) {
  test(`${pkg.definition.id}: at least 10 test cases, all green`, () => {
    const results = runPackageTests(pkg);
    assert.ok(results.length >= 10, `${results.length} test cases`);
    const red = results.filter((r) => !r.passed);
    assert.deepEqual(red, []);
  });
}

test('a wrong expectation turns a test case red with a reason', () => {
  const pkg = packages.find((p) => p.definition.id === 'hundesteuer');
  assert.ok(pkg);
  const [first] = pkg.definition.tests;
  assert.ok(first);
  const result = runTestCase(
    pkg,
    { ...first, expect: { ...first.expect, computed: { annualTax: 1 } } },
    new Date(),
  );
  assert.equal(result.passed, false);
  assert.match(result.failures.join(), /expected annualTax = 1, got 9000/);
});
