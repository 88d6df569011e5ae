import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createSanitizer } from './win-ansi.ts';

const doc = await PDFDocument.create();
const regular = await doc.embedFont(StandardFonts.Helvetica);
const bold = await doc.embedFont(StandardFonts.HelveticaBold);
const sanitize = createSanitizer(regular);

test('keeps German letters, typographic quotes, dashes and the euro sign', () => {
  const german = 'Straße, Müller, ÄÖÜ äöü ß – „Gebühr“: 12,50 € … § 35';
  assert.equal(sanitize(german), german);
});

test('replaces characters outside WinAnsi with look-alikes or "?"', () => {
  assert.equal(sanitize('Łódź ✓ 漢'), 'Lódz ? ?');
  assert.equal(sanitize('😀'), '?');
  assert.equal(sanitize('Straẞe'), 'StraSSe');
});

test('composes decomposed umlauts instead of replacing them', () => {
  assert.equal(sanitize('Mu\u0308ller'), 'Müller');
});

test('drops invisible characters, turns other spaces into blanks and keeps line breaks', () => {
  assert.equal(sanitize('a\u00adb\u200bc\tTab\r\nnext\rline'), 'abc Tab\nnext\nline');
  assert.equal(sanitize('z.\u202fB.'), 'z.\u00a0B.');
});

test('any string becomes text both fonts can measure and encode', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      for (const line of sanitize(text).split('\n')) {
        regular.widthOfTextAtSize(line, 11);
        bold.encodeText(line);
      }
    }),
  );
});
