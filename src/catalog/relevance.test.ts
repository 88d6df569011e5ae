import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMunicipal, leikaTypeParts } from './relevance.ts';

test('types a municipality may execute are municipal', () => {
  for (const type of ['2', '2/3', '2b', '3', '3b', '2/3b', '4', '4b', '5']) {
    assert.equal(isMunicipal(type), true, type);
  }
});

test('types only the Bund or the Land executes, and information types, are not municipal', () => {
  for (const type of ['1', '2a', '3a', '2/3a', '4a', '6', '7', '8', '9', '10', '11', '12', '', '44']) {
    assert.equal(isMunicipal(type), false, type);
  }
});

test('a combined type is municipal when one of its parts is', () => {
  assert.equal(isMunicipal('1, 2/3'), true);
  assert.equal(isMunicipal('1;2/3'), true);
  assert.equal(isMunicipal('1, 2a'), false);
  assert.equal(isMunicipal(' 2 / 3B '), true);
  assert.deepEqual(leikaTypeParts('1, 2 / 3B'), ['1', '2/3b']);
});
