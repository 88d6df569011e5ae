import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MaturityModelError } from './errors.ts';
import { loadMaturityModel, MATURITY_MODELS } from './models.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests break model data on purpose, in ways no type allows
type Loose = any;

test('both shipped models load, frozen, with their verified structure', () => {
  const v1 = MATURITY_MODELS['1.1'];
  const v2 = MATURITY_MODELS['2.0'];
  assert.equal(v1.levels.length, 5);
  assert.equal(v1.criteria.length, 10);
  assert.deepEqual(
    v1.criteria.filter((c) => c.verified).map((c) => c.id),
    ['leistungsbeschreibung', 'antrag', 'nutzerkonto', 'authentifizierung', 'bezahlung', 'nachweise'],
  );
  assert.equal(v2.levels.length, 8);
  assert.equal(v2.criteria.length, 13);
  assert.ok(
    v2.criteria.every((c) => !c.verified),
    'the 2.0 criteria are provisional',
  );
  assert.ok(Object.isFrozen(v1.criteria[0]?.options[0]));
});

const broken = (): Loose => ({
  id: '1.1',
  name: 'Test',
  validFrom: '2020-06',
  sources: [{ url: 'https://example.org', note: 'n' }],
  levels: [
    { level: 0, name: 'A', description: 'a', verified: true },
    { level: 1, name: 'B', description: 'b', verified: true },
  ],
  criteria: [
    {
      id: 'one',
      name: 'Eins',
      question: 'Frage?',
      verified: false,
      source: 'https://example.org',
      derivedFrom: 'teleportation',
      options: [
        { id: 'yes', label: 'Ja', maxLevel: 5, when: { teleportation: true } },
        { id: 'yes', label: 'Ja', maxLevel: 1, when: { teleportation: false } },
      ],
    },
    {
      id: 'one',
      name: 'Eins',
      question: 'F?',
      verified: false,
      source: 's',
      options: [{ id: 'a', label: 'A', maxLevel: 0 }],
    },
  ],
});

const problemsOf = (data: unknown): string[] => {
  try {
    loadMaturityModel(data, 'inline');
  } catch (error) {
    if (error instanceof MaturityModelError) return [...error.problems];
    throw error;
  }
  return [];
};

test('a broken model lists each problem with its place', () => {
  const problems = problemsOf(broken());
  assert.deepEqual(problems, [
    'criteria: the id "one" is used twice',
    'criteria "one": the option id "yes" is used twice',
    'criteria "one": derivedFrom names the unknown fact "teleportation"',
    'criteria "one" option "yes": maxLevel 5 is above level 1',
    'criteria "one" option "yes": "when" names the unknown fact "teleportation"',
    'criteria "one" option "yes": "when" names the unknown fact "teleportation"',
  ]);
});

test('schema problems name their path, and the error message names the source', () => {
  const data = broken();
  delete data.levels[1].name;
  assert.throws(
    () => loadMaturityModel(data, 'inline.yaml'),
    (error: unknown) =>
      error instanceof MaturityModelError &&
      error.message.startsWith('inline.yaml:') &&
      error.problems.some((p) => p.startsWith('/levels/1')),
  );
});

test('a derived criterion needs "when" naming its fact on every option; staff criteria may not use "when"', () => {
  const data = broken();
  data.criteria = [
    {
      id: 'login',
      name: 'Login',
      question: 'F?',
      verified: false,
      source: 's',
      derivedFrom: 'login',
      options: [
        { id: 'a', label: 'A', maxLevel: 1, when: { fee: true } },
        { id: 'b', label: 'B', maxLevel: 1 },
      ],
    },
    {
      id: 'staff',
      name: 'S',
      question: 'F?',
      verified: false,
      source: 's',
      options: [{ id: 'c', label: 'C', maxLevel: 0, when: { login: true } }],
    },
  ];
  assert.deepEqual(problemsOf(data), [
    'criteria "login" option "a": "when" must name "login"',
    'criteria "login" option "b": a derived criterion needs "when" on each option',
    'criteria "staff" option "c": "when" is only allowed with derivedFrom',
  ]);
});

test('levels must count up from 0', () => {
  const data = broken();
  data.criteria = [data.criteria[1]];
  data.levels[1].level = 2;
  assert.deepEqual(problemsOf(data), ['levels[1]: level 2, expected 1']);
});
