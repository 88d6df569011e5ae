/** Conditions on answers of the same page: validation with the posted answers (engine) and the reveal layout. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilePackage } from '../packages/compile.ts';
import type { ServicePackage } from '../packages/schema.ts';
import { evaluationContext, orderedItems, validateJourney, validatePage } from './engine.ts';
import { pageLayout } from './reveal.ts';

const text = (name: string, label: string, condition?: string) => ({
  kind: 'text',
  name,
  label: { de: label },
  ...(condition ? { condition } : {}),
});

const pkg = compilePackage({
  id: 'gleiche-seite',
  version: '1.0.0',
  form: {
    pages: [
      {
        id: 'start',
        title: { de: 'Start' },
        fields: [
          {
            kind: 'choice',
            name: 'region',
            label: { de: 'Wo wohnen Sie?' },
            options: [
              { value: 'nord', label: { de: 'Im Norden' } },
              { value: 'sued', label: { de: 'Im Süden' } },
            ],
          },
        ],
      },
      {
        id: 'antrag',
        title: { de: 'Antrag' },
        fields: [
          { kind: 'yesNo', name: 'minor', label: { de: 'Ist die antragstellende Person minderjährig?' } },
          text('note', 'Bemerkung'),
          text('guardianName', 'Name der erziehungsberechtigten Person', 'minor = true'),
          text('guardianPhone', 'Telefon der erziehungsberechtigten Person', 'guardianName != null'),
          {
            kind: 'choice',
            name: 'cardKind',
            label: { de: 'Welchen Ausweis brauchen Sie?' },
            options: [
              { value: 'neu', label: { de: 'Einen neuen' } },
              { value: 'ersatz', label: { de: 'Einen Ersatz' } },
              { value: 'verlaengerung', label: { de: 'Eine Verlängerung' } },
            ],
          },
          text('oldNumber', 'Nummer des bisherigen Ausweises', 'cardKind in ("ersatz", "verlaengerung")'),
          text('school', 'Name der Schule', 'minor = true and cardKind = "neu"'),
          text('employer', 'Arbeitgeber', 'isAdult'),
          text('northOnly', 'Bibliothek im Norden', 'minor = true and region = "nord"'),
          {
            kind: 'multiChoice',
            name: 'media',
            label: { de: 'Was möchten Sie ausleihen?' },
            optional: true,
            options: [
              { value: 'buch', label: { de: 'Bücher' } },
              { value: 'film', label: { de: 'Filme' } },
              { value: 'spiel', label: { de: 'Spiele' } },
            ],
          },
          text('filmAge', 'Altersfreigabe', 'list contains(media, "film")'),
          { kind: 'info', text: { de: 'Spiele gibt es im ersten Stock.' }, condition: 'count(media) = 3' },
        ],
      },
    ],
    computed: [
      { name: 'isAdult', label: { de: 'Volljährig' }, format: 'boolean', expression: 'minor = false' },
    ],
    declaration: { de: 'Stimmt.' },
    applicantName: '"Test"',
  },
} as unknown as ServicePackage);
const today = '2026-11-25';
const env = { locale: 'de' as const, today, codeLists: {} };
const page = pkg.pages[1] ?? assert.fail('page "antrag"');
const required = { minor: 'no', cardKind: 'neu', note: 'Keine' };

/** Validates page "antrag" as the citizen's post does, after page "start" was answered with `region`. */
function post(raw: Record<string, unknown>, region = 'nord') {
  const answers = { region };
  const context = evaluationContext(pkg, answers, today);
  return validatePage(page, raw, context, env, (posted) =>
    evaluationContext(pkg, { ...answers, ...posted }, today),
  );
}

function layout(answers: Record<string, unknown> = { region: 'nord' }) {
  const context = evaluationContext(pkg, answers, today);
  return pageLayout(page, context, (posted) => evaluationContext(pkg, { ...answers, ...posted }, today));
}

test('the compiler finds which answers of its own page a condition refers to, also through computed values', () => {
  const refs = Object.fromEntries(page.items.map((item, i) => [i, item.pageRefs]));
  assert.deepEqual(refs, {
    0: [],
    1: [],
    2: ['minor'],
    3: ['guardianName'],
    4: [],
    5: ['cardKind'],
    6: ['minor', 'cardKind'],
    7: ['minor'],
    8: ['minor'],
    9: [],
    10: ['media'],
    11: ['media'],
  });
});

test('an answer whose condition is false with the posted answers is dropped, never validated', () => {
  const result = post({
    ...required,
    guardianName: 'Eva Muster',
    guardianPhone: 'kein Telefon',
    oldNumber: '',
  });
  assert.deepEqual(result.errors, [
    { field: 'employer', message: 'Bitte füllen Sie das Feld „Arbeitgeber“ aus.' },
  ]);
  assert.equal('guardianName' in result.values, false);
  assert.equal('guardianPhone' in result.values, false, 'a chain: hidden with the question it depends on');
  assert.equal('oldNumber' in result.values, false);
  for (const name of ['guardianName', 'guardianPhone', 'oldNumber', 'school', 'northOnly', 'filmAge'])
    assert.ok(result.dropped.includes(name), `${name} is dropped`);
});

test('an answer whose condition is true with the posted answers is validated and kept', () => {
  const result = post({
    ...required,
    minor: 'yes',
    cardKind: 'ersatz',
    guardianName: '',
    oldNumber: 'B-123',
    media: ['buch', 'film'],
    filmAge: 'ab 12',
  });
  assert.deepEqual(
    result.errors.map((e) => e.field),
    ['guardianName', 'northOnly'],
  );
  assert.equal(result.values.oldNumber, 'B-123');
  assert.equal(result.values.filmAge, 'ab 12');
  assert.ok(!('employer' in result.values), 'a computed value (isAdult) follows the posted answer');

  const filled = post({
    ...required,
    minor: 'yes',
    guardianName: 'Eva Muster',
    guardianPhone: '0123 456789',
    school: 'Grundschule',
    northOnly: 'Mitte',
  });
  assert.deepEqual(filled.errors, []);
  assert.equal(filled.values.guardianName, 'Eva Muster');
  assert.equal(filled.values.guardianPhone, '0123 456789');
  assert.equal(filled.values.school, 'Grundschule');
  assert.ok(!filled.dropped.includes('guardianName'));
});

test('a journey over the raw answers decides same-page conditions in one walk', () => {
  const journey = validateJourney(
    pkg,
    { region: 'sued', ...required, minor: 'yes', guardianName: 'Eva' },
    env,
  );
  assert.deepEqual(
    journey.errors.map((e) => e.field),
    ['guardianPhone', 'school'],
  );
});

test('a dependent item comes directly after the question it depends on', () => {
  const names = orderedItems(page).map(({ def }) => ('name' in def ? def.name : 'info'));
  assert.deepEqual(names, [
    'minor',
    'guardianName',
    'guardianPhone',
    'employer',
    'northOnly',
    'note',
    'cardKind',
    'oldNumber',
    // After the last of the two questions it depends on.
    'school',
    'media',
    'filmAge',
    'info',
  ]);
});

test('reveal: the values of the controlling question for which an item applies, and its hint', () => {
  const { items, reveals } = layout();
  const reveal = (name: string) => {
    const item = items.find((i) => 'name' in i && i.name === name);
    return item && reveals.get(item);
  };
  assert.deepEqual(reveal('guardianName'), {
    id: 'reveal-guardianName',
    field: 'minor',
    states: [['yes']],
    hint: 'Nur ausfüllen, wenn Sie bei ‚Ist die antragstellende Person minderjährig?‘ ‚Ja‘ gewählt haben.',
  });
  assert.deepEqual(reveal('oldNumber'), {
    id: 'reveal-oldNumber',
    field: 'cardKind',
    states: [['ersatz'], ['verlaengerung']],
    hint: 'Nur ausfüllen, wenn Sie bei ‚Welchen Ausweis brauchen Sie?‘ ‚Einen Ersatz‘ oder ‚Eine Verlängerung‘ gewählt haben.',
  });
  // Through the computed value isAdult, recomputed for each answer.
  assert.deepEqual(reveal('employer')?.states, [['no']]);
  // Chained: applies when something (anything) is filled in the question before, which has no finite values.
  assert.deepEqual(reveal('guardianPhone'), {
    id: 'reveal-guardianPhone',
    hint: 'Nur ausfüllen, wenn es auf Sie zutrifft.',
  });
  // Two questions of the page: not precomputed, simply shown.
  assert.deepEqual(reveal('school'), {
    id: 'reveal-school',
    hint: 'Nur ausfüllen, wenn es auf Sie zutrifft.',
  });
  // Checkboxes: every set of ticks that contains "Filme".
  assert.deepEqual(reveal('filmAge'), {
    id: 'reveal-filmAge',
    field: 'media',
    states: [['film'], ['buch', 'film'], ['film', 'spiel'], ['buch', 'film', 'spiel']],
    hint: 'Nur ausfüllen, wenn Sie bei ‚Was möchten Sie ausleihen?‘ ‚Filme‘ angekreuzt haben.',
  });
  const info = items.find((i) => i.kind === 'info');
  assert.deepEqual(info && reveals.get(info), {
    id: 'reveal-info-11',
    field: 'media',
    states: [['buch', 'film', 'spiel']],
    hint: 'Gilt nur, wenn es auf Sie zutrifft.',
  });
  const note = items.find((i) => 'name' in i && i.name === 'note');
  assert.ok(note && !reveals.has(note), 'an unconditional question has no reveal');
});

test('reveal: other answers count as they are; an item no answer on the page can make apply is left out', () => {
  const north = layout({ region: 'nord' });
  const south = layout({ region: 'sued' });
  const names = (l: typeof north) => l.items.map((i) => ('name' in i ? i.name : 'info'));
  assert.ok(names(north).includes('northOnly'));
  assert.ok(!names(south).includes('northOnly'));
  const item = north.items.find((i) => 'name' in i && i.name === 'northOnly');
  assert.deepEqual(item && north.reveals.get(item)?.states, [['yes']]);
});

test('reveal hints in English, with the package texts in German where it has no English', () => {
  const answers = { region: 'nord' };
  const context = evaluationContext(pkg, answers, today);
  const { items, reveals } = pageLayout(
    page,
    context,
    (posted) => evaluationContext(pkg, { ...answers, ...posted }, today),
    'en',
  );
  const hint = (name: string) => {
    const item = items.find((i) => 'name' in i && i.name === name);
    return item && reveals.get(item)?.hint;
  };
  assert.equal(
    hint('guardianName'),
    'Only fill in if you chose ‘Yes’ for ‘Ist die antragstellende Person minderjährig?’.',
  );
  assert.equal(
    hint('oldNumber'),
    'Only fill in if you chose ‘Einen Ersatz’ or ‘Eine Verlängerung’ for ‘Welchen Ausweis brauchen Sie?’.',
  );
  assert.equal(hint('school'), 'Only fill in if it applies to you.');
});
