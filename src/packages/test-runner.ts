/** Runs a package's own test cases through the same form engine citizens use; reports each case green or red. */
import { isDeepStrictEqual } from 'node:util';
import { isoDateInBerlin } from '../forms/display.ts';
import { summaryRows, validateJourney } from '../forms/engine.ts';
import type { CompiledPackage } from './compile.ts';
import type { PackageTestCase } from './schema.ts';

export interface TestCaseResult {
  name: string;
  passed: boolean;
  failures: string[];
}

const covers = (expected: string, field: string) => field === expected || field.startsWith(`${expected}.`);
const show = (value: unknown) => JSON.stringify(value);

export function runTestCase(pkg: CompiledPackage, testCase: PackageTestCase, now: Date): TestCaseResult {
  const today = testCase.today ?? isoDateInBerlin(now);
  const env = { locale: 'de' as const, today, codeLists: pkg.definition.codeLists ?? {} };
  const result = validateJourney(pkg, testCase.answers, env);
  const { expect } = testCase;
  const failures: string[] = [];
  const actualFields = result.errors.map((e) => e.field);
  if (expect.valid === true && result.errors.length > 0)
    failures.push(
      `expected no errors, got: ${result.errors.map((e) => `${e.field} (${e.message})`).join('; ')}`,
    );
  if (expect.valid === false && result.errors.length === 0) failures.push('expected errors, got none');
  if (expect.errors) {
    for (const field of expect.errors)
      if (!actualFields.some((f) => covers(field, f)))
        failures.push(`expected an error on ${field}, got ${show(actualFields)}`);
    for (const field of actualFields)
      if (!expect.errors.some((e) => covers(e, field))) failures.push(`unexpected error on ${field}`);
  }
  if (expect.pages && !isDeepStrictEqual(result.pages, expect.pages))
    failures.push(`expected pages ${show(expect.pages)}, got ${show(result.pages)}`);
  for (const [name, value] of Object.entries(expect.computed ?? {})) {
    if (!isDeepStrictEqual(result.context[name], value))
      failures.push(`expected ${name} = ${show(value)}, got ${show(result.context[name])}`);
  }
  if (expect.summary) {
    const rows = summaryRows(pkg, result.answers, today, 'de').map(({ label, value }) => ({ label, value }));
    for (const row of expect.summary)
      if (!rows.some((r) => isDeepStrictEqual(r, row)))
        failures.push(`summary lacks ${show(row)}; it has ${show(rows)}`);
  }
  return { name: testCase.name, passed: failures.length === 0, failures };
}

export function runPackageTests(pkg: CompiledPackage, now = new Date()): TestCaseResult[] {
  return pkg.definition.tests.map((testCase) => runTestCase(pkg, testCase, now));
}
