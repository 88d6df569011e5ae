import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { wrapText } from './wrap-text.ts';

const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
const width = 120;
const fitsWidth = (line: string) => font.widthOfTextAtSize(line, 10) <= width;

test('wraps between words, every line within the width, no word lost', () => {
  const text = 'Die Gebühr für den Anwohnerparkausweis beträgt nach der Gebührenordnung 30,70 Euro im Jahr.';
  const lines = wrapText(text, font, 10, width);
  assert.ok(lines.length > 1);
  assert.ok(lines.every(fitsWidth));
  assert.equal(lines.join(' '), text);
});

test('breaks a word that is wider than a line between characters', () => {
  const word = 'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung';
  const lines = wrapText(word, font, 10, width);
  assert.ok(lines.length > 1);
  assert.ok(lines.every(fitsWidth));
  assert.equal(lines.join(''), word);
});

test('keeps hard line breaks and empty lines', () => {
  assert.deepEqual(wrapText('erste\n\ndritte', font, 10, width), ['erste', '', 'dritte']);
  assert.deepEqual(wrapText('', font, 10, width), ['']);
});
