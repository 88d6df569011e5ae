import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageItem } from '../packages/compile.ts';
import { documentIdsIn, fileAnswersIn, withoutMissingFiles } from './file-answers.ts';

const proof: PageItem = {
  kind: 'file',
  name: 'proof',
  label: { de: 'Nachweis' },
  mediaTypes: ['application/pdf'],
};
const dogs: PageItem = {
  kind: 'repeat',
  name: 'dogs',
  label: { de: 'Hunde' },
  itemLabel: { de: 'Hund' },
  min: 1,
  max: 3,
  fields: [
    { kind: 'text', name: 'name', label: { de: 'Name' } },
    { kind: 'file', name: 'insurance', label: { de: 'Versicherung' }, mediaTypes: ['application/pdf'] },
  ],
};
const file = (documentId: string, filename: string) => ({
  documentId,
  filename,
  mediaType: 'application/pdf',
  sizeBytes: 1,
});

test('files gone before their page was saved are asked for again, at their own inputs', () => {
  const raw = {
    proof: file('a', 'a.pdf'),
    dogs: [
      { name: 'Bello', insurance: file('b', 'b.pdf') },
      { name: 'Rex', insurance: file('c', 'c.pdf') },
    ],
  };
  const missing = [
    { path: 'proof', filename: 'a.pdf' },
    { path: 'dogs.1.insurance', filename: 'c.pdf' },
  ];
  const { raw: cleared, errors } = withoutMissingFiles([proof, dogs], raw, missing, 'de');
  assert.deepEqual(cleared, {
    proof: undefined,
    dogs: [
      { name: 'Bello', insurance: file('b', 'b.pdf') },
      { name: 'Rex', insurance: undefined },
    ],
  });
  assert.deepEqual(errors, [
    {
      field: 'proof',
      message: '„Nachweis“: Die Datei „a.pdf“ ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.',
    },
    {
      field: 'dogs.1.insurance',
      message: '„Versicherung“: Die Datei „c.pdf“ ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.',
    },
  ]);
  assert.equal(raw.dogs[1]?.insurance?.filename, 'c.pdf', 'the raw page itself is unchanged');
});

test('a file whose record is gone too is asked for without its name, in German and English', () => {
  const raw = { dogs: [{ name: 'Bello', insurance: undefined }] };
  const missing = [{ path: 'dogs.0.insurance' }];
  assert.deepEqual(withoutMissingFiles([dogs], raw, missing, 'de').errors, [
    {
      field: 'dogs.0.insurance',
      message: '„Versicherung“: Die Datei ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.',
    },
  ]);
  assert.equal(
    withoutMissingFiles([dogs], raw, missing, 'en').errors[0]?.message,
    '“Versicherung”: the file no longer exists. Please upload it again.',
  );
});

test('file answers are found at any depth, with their input paths and ids', () => {
  const answers = { proof: file('a', 'a.pdf'), dogs: [{ name: 'Bello' }, { insurance: file('c', 'c.pdf') }] };
  assert.deepEqual(
    fileAnswersIn(answers).map(({ path, file }) => [path, file.documentId]),
    [
      ['proof', 'a'],
      ['dogs.1.insurance', 'c'],
    ],
  );
  assert.deepEqual([...documentIdsIn([answers, { dogs: [] }, { other: file('a', 'a.pdf') }])], ['a', 'c']);
});
