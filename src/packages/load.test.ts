import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { PackageError } from './errors.ts';
import { loadPackage, parsePackageText } from './load.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests break parsed YAML on purpose, in ways no type allows
type Loose = any;

const sample = async () =>
  parsePackageText(
    await readFile(join(import.meta.dirname, '..', '..', 'services', 'hundesteuer', 'package.yaml'), 'utf8'),
    'hundesteuer',
  ) as Loose;

const problemsOf = (data: unknown): string[] => {
  try {
    loadPackage(data, 'test');
  } catch (error) {
    if (error instanceof PackageError) return [...error.problems];
    throw error;
  }
  return [];
};

test('a shipped package loads', async () => {
  const pkg = loadPackage(await sample(), 'hundesteuer');
  assert.equal(pkg.definition.id, 'hundesteuer');
  assert.ok(Object.isFrozen(pkg.definition.form.pages[0]));
});

test('schema problems are listed with their path', async () => {
  const data = await sample();
  data.metadata.referencePrefix = 'hst';
  delete data.form.declaration;
  const problems = problemsOf(data);
  assert.ok(
    problems.some((p) => p.startsWith('/metadata/referencePrefix')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.includes('declaration')),
    problems.join('\n'),
  );
});

test('a name used twice is refused', async () => {
  const data = await sample();
  data.form.pages[1].fields[1].name = 'givenName';
  assert.match(problemsOf(data).join('\n'), /"givenName" is used twice/);
});

test('a FEEL condition with a typo is refused, naming where it is', async () => {
  const data = await sample();
  data.form.pages[2].condition = 'acton = "anmeldung"';
  assert.match(problemsOf(data).join('\n'), /form\.pages\[2\]\.condition: .*unknown name/);
});

test('a FEEL syntax error is refused', async () => {
  const data = await sample();
  data.form.computed[0].expression = 'if action = then 1';
  assert.match(problemsOf(data).join('\n'), /form\.computed\[0\]\.expression: .*syntax error/);
});

const check = (expression: string, field: string) => ({ expression, field, message: { de: 'Falsch.' } });

test('a check naming a field not on its page, or not a value field, is refused with page and check named', async () => {
  const data = await sample();
  data.form.pages[1].checks = [check('givenName != familyName', 'givenName'), check('true', 'action')];
  data.form.pages[2].checks = [check('count(dogs) < 5', 'dogs')];
  const problems = problemsOf(data).join('\n');
  assert.doesNotMatch(problems, /checks\[0\] \(page "halter"\)/);
  assert.match(
    problems,
    /form\.pages\[1\]\.checks\[1\] \(page "halter"\): field "action" is not a value field/,
  );
  assert.match(problems, /form\.pages\[2\]\.checks\[0\] \(page "hunde"\): field "dogs" is not a value field/);
});

test('a check whose expression names an unknown answer or does not parse is refused, naming where it is', async () => {
  const data = await sample();
  data.form.pages[1].checks = [
    check('givenName != familyNme', 'familyName'),
    check('givenName !=', 'givenName'),
  ];
  const problems = problemsOf(data).join('\n');
  assert.match(problems, /form\.pages\[1\]\.checks\[0\] \(page "halter"\)\.expression: .*unknown name/);
  assert.match(problems, /form\.pages\[1\]\.checks\[1\] \(page "halter"\)\.expression: .*syntax error/);
});

test('a code list field needs its code list in the package', async () => {
  const data = await sample();
  data.form.pages[0].fields.push({
    kind: 'codeList',
    name: 'state',
    label: { de: 'Land' },
    codeList: 'bundesland',
  });
  assert.match(problemsOf(data).join('\n'), /code list "bundesland"/);
});

test('a test case expecting an error on a field that does not exist is refused', async () => {
  const data = await sample();
  data.tests[0].expect.errors = ['dgs'];
  assert.match(problemsOf(data).join('\n'), /unknown field "dgs"/);
});

test('YAML that is not valid is reported, not thrown raw', () => {
  assert.throws(
    () => parsePackageText('a: [1, 2', 'broken.yaml'),
    (error: unknown) => error instanceof PackageError && /not valid YAML/.test(error.message),
  );
});
