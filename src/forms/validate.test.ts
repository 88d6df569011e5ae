import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeText } from './validate.ts';

describe('normalizeText', () => {
  test('trims and folds runs of white space into one space', () => {
    assert.equal(normalizeText('  Erika \t  Maria\n\nMustermann  '), 'Erika Maria Mustermann');
  });

  test('removes NUL and other control characters, which jsonb and logs cannot take', () => {
    assert.equal(normalizeText('Erika\u0000'), 'Erika');
    assert.equal(normalizeText('Er\u0000ika'), 'Er ika');
    assert.equal(normalizeText('\u0007Mainz\u001b\u007f'), 'Mainz');
    assert.equal(normalizeText('a\u0001\u0002\u001fb'), 'a b');
  });

  test('keeps umlauts and other letters as they are', () => {
    assert.equal(normalizeText('Müller-Lüdenscheidt Yılmaz ß'), 'Müller-Lüdenscheidt Yılmaz ß');
  });

  test('turns anything that is not a string into the empty string', () => {
    for (const raw of [undefined, null, 42, ['Erika'], { value: 'Erika' }])
      assert.equal(normalizeText(raw), '');
  });
});
