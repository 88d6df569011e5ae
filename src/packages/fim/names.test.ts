import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FimField, FimGroup, FimItem } from './model.ts';
import { nameFromId, placeElements } from './names.ts';

const field = (id: string): FimItem => ({
  min: 1,
  max: 1,
  element: {
    kind: 'field',
    id,
    name: id,
    label: id,
    rules: [],
    feldart: 'input',
    datentyp: 'text',
    praezisierung: {},
    werte: [],
    mediaTypes: [],
  } satisfies FimField,
});
const group = (id: string, items: FimItem[]): FimItem => ({
  min: 1,
  max: 1,
  element: { kind: 'group', id, name: id, label: id, rules: [], items } satisfies FimGroup,
});
const names = (items: FimItem[]) =>
  [...placeElements(items).values()].map((p) => `${p.path} → ${p.name}`).sort();

test('an id used once keeps its plain name', () => {
  assert.deepEqual(names([field('F1'), group('G1', [field('F2')])]), ['F1 → f1', 'G1 → g1', 'G1/F2 → f2']);
});

test('a reused group prefixes its fields with the nearest group ids that differ', () => {
  const address = () => group('G9', [field('F5')]);
  const result = names([group('G1', [address()]), group('G2', [address()])]);
  assert.deepEqual(result, [
    'G1 → g1',
    'G1/G9 → g1_g9',
    'G1/G9/F5 → g1_g9_f5',
    'G2 → g2',
    'G2/G9 → g2_g9',
    'G2/G9/F5 → g2_g9_f5',
  ]);
});

test('the same field in two different groups needs only one prefix', () => {
  const result = names([group('G1', [field('F5')]), group('G2', [field('F5')])]);
  assert.deepEqual(result, ['G1 → g1', 'G1/F5 → g1_f5', 'G2 → g2', 'G2/F5 → g2_f5']);
});

test('the very same path twice is numbered', () => {
  assert.deepEqual(names([field('F1'), field('F1')]), ['F1 → f1', 'F1#2 → f1_2']);
});

test('names are valid answer names even for odd ids', () => {
  assert.equal(nameFromId('F00-4cb0dd14-629c'), 'f00_4cb0dd14_629c');
  assert.equal(nameFromId('123'), 'x123');
});
