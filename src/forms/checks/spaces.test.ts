import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { removeSpaces, tidySpaces } from './spaces.ts';

// NBSP, narrow NBSP, ideographic space, tab, line break; then soft hyphen, zero-width space and BOM.
const spaces = '\u00a0\u202f\u3000\t\n';
const invisible = '\u00ad\u200b\ufeff';

describe('removeSpaces', () => {
  test('removes every kind of space and the invisible characters copy-and-paste brings', () => {
    assert.equal(removeSpaces(` DE89${spaces}3704${invisible}0044 `), 'DE8937040044');
  });
});

describe('tidySpaces', () => {
  test('trims, folds runs of spaces into one plain space and drops invisible characters', () => {
    assert.equal(tidySpaces(`  MZ${spaces}AB${invisible} 123 `), 'MZ AB 123');
  });
});
