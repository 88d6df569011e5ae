import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageItem } from '../packages/compile.ts';
import { applyRepeatAction, parseRepeatAction, readPageBody } from './raw-input.ts';
import { documentIdsIn, hasUploads } from './repeat-uploads.ts';

const dogs: PageItem = {
  kind: 'repeat',
  name: 'dogs',
  label: { de: 'Hunde' },
  itemLabel: { de: 'Hund' },
  min: 1,
  max: 3,
  fields: [
    { kind: 'text', name: 'name', label: { de: 'Name' } },
    { kind: 'file', name: 'proof', label: { de: 'Nachweis' }, mediaTypes: ['application/pdf'] },
  ],
};
const ID = '7b0c6a53-1f0e-4c5e-9d55-5c1f0c2b8a10';

test('a file in a repeating group is read as the document id its item carries', () => {
  const raw = readPageBody([dogs], {
    'dogs._count': '2',
    'dogs.0.name': 'Bello',
    'dogs.0.proof._document': ID,
    'dogs.1.name': 'Rex',
    'dogs.1.proof': 'a file name sent without multipart',
  });
  assert.deepEqual(raw.dogs, [
    { name: 'Bello', proof: ID },
    { name: 'Rex', proof: undefined },
  ]);
  assert.equal(hasUploads([dogs]), true);
});

test('"remove-file:dogs:1:proof" empties only that item’s file field', () => {
  const action = parseRepeatAction('remove-file:dogs:1:proof');
  assert.deepEqual(action, { kind: 'removeFile', name: 'dogs', index: 1, field: 'proof' });
  assert.equal(parseRepeatAction('remove-file:dogs:x:proof'), undefined);
  assert.equal(parseRepeatAction('remove-file:dogs:1'), undefined);
  const raw = {
    dogs: [
      { name: 'Bello', proof: ID },
      { name: 'Rex', proof: ID },
    ],
  };
  if (!action) return;
  assert.deepEqual(applyRepeatAction([dogs], raw, action).dogs, [
    { name: 'Bello', proof: ID },
    { name: 'Rex', proof: undefined },
  ]);
  // Only a file field can be emptied this way.
  const name = { kind: 'removeFile', name: 'dogs', index: 0, field: 'name' } as const;
  assert.deepEqual(applyRepeatAction([dogs], raw, name), raw);
});

test('the documents answers refer to are found at any depth', () => {
  const file = { documentId: ID, filename: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 1 };
  const other = { ...file, documentId: 'other' };
  assert.deepEqual(
    [...documentIdsIn([{ proof: file, dogs: [{ name: 'Bello' }, { proof: other }] }, { dogs: [] }])],
    [ID, 'other'],
  );
});

test('"remove-file:proof" empties a file field of the page itself, and only a file field', () => {
  const proof: PageItem = {
    kind: 'file',
    name: 'proof',
    label: { de: 'Nachweis' },
    mediaTypes: ['application/pdf'],
  };
  const name: PageItem = { kind: 'text', name: 'name', label: { de: 'Name' } };
  const action = parseRepeatAction('remove-file:proof');
  assert.deepEqual(action, { kind: 'removePageFile', name: 'proof' });
  assert.equal(parseRepeatAction('remove-file:'), undefined);
  const file = { documentId: ID, filename: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 1 };
  const raw = { name: 'Bello', proof: file };
  if (!action) return;
  assert.deepEqual(applyRepeatAction([name, proof], raw, action), { name: 'Bello', proof: undefined });
  const other = { kind: 'removePageFile', name: 'name' } as const;
  assert.deepEqual(applyRepeatAction([name, proof], raw, other), raw);
});
