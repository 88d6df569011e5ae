import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageItem } from '../packages/compile.ts';
import { applyRepeatAction, parseRepeatAction, pathAfterAction, readPageBody } from './raw-input.ts';
import { hasUploads } from './repeat-uploads.ts';

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
  assert.ok(action);
  assert.deepEqual(applyRepeatAction([dogs], raw, action).dogs, [
    { name: 'Bello', proof: ID },
    { name: 'Rex', proof: undefined },
  ]);
  // Only a file field can be emptied this way.
  const name = { kind: 'removeFile', name: 'dogs', index: 0, field: 'name' } as const;
  assert.deepEqual(applyRepeatAction([dogs], raw, name), raw);
});

test('"remove-file:proof:<id>" empties a file field of the page itself, and only a file field', () => {
  const proof: PageItem = {
    kind: 'file',
    name: 'proof',
    label: { de: 'Nachweis' },
    mediaTypes: ['application/pdf'],
  };
  const name: PageItem = { kind: 'text', name: 'name', label: { de: 'Name' } };
  const action = parseRepeatAction(`remove-file:proof:${ID}`);
  assert.deepEqual(action, { kind: 'removePageFile', name: 'proof', documentId: ID });
  // Without the id of the file the page showed (or with anything else in its place) it is no action.
  for (const value of ['remove-file:proof', 'remove-file:proof:0', `remove-file::${ID}`, 'remove-file:'])
    assert.equal(parseRepeatAction(value), undefined, value);
  const file = { documentId: ID, filename: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 1 };
  const raw = { name: 'Bello', proof: file };
  assert.ok(action);
  assert.deepEqual(applyRepeatAction([name, proof], raw, action), { name: 'Bello', proof: undefined });
  const other = { kind: 'removePageFile', name: 'name', documentId: ID } as const;
  assert.deepEqual(applyRepeatAction([name, proof], raw, other), raw);
});

test('an input keeps its place after an action, or moves up with its item, or goes with it', () => {
  const remove = { kind: 'remove', name: 'dogs', index: 1 } as const;
  assert.equal(pathAfterAction(remove, 'dogs.0.proof'), 'dogs.0.proof');
  assert.equal(pathAfterAction(remove, 'dogs.1.proof'), undefined);
  assert.equal(pathAfterAction(remove, 'dogs.2.proof'), 'dogs.1.proof');
  assert.equal(pathAfterAction(remove, 'cats.2.proof'), 'cats.2.proof');
  const removeFile = { kind: 'removeFile', name: 'dogs', index: 1, field: 'proof' } as const;
  assert.equal(pathAfterAction(removeFile, 'dogs.1.proof'), undefined);
  assert.equal(pathAfterAction(removeFile, 'dogs.2.proof'), 'dogs.2.proof');
  assert.equal(pathAfterAction({ kind: 'add', name: 'dogs' }, 'dogs.1.proof'), 'dogs.1.proof');
});
