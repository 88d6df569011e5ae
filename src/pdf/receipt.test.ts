import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { extractPdfPages, extractPdfText } from './extract-text.ts';
import { type ReceiptInput, renderReceipt } from './receipt.ts';

const input: ReceiptInput = {
  letterhead: {
    name: 'Stadt Musterstadt',
    department: 'Bürgeramt',
    street: 'Hauptstraße 1',
    postalCode: '12345',
    city: 'Musterstadt',
    phone: '0123 456-0',
    email: 'buergeramt@musterstadt.de',
  },
  serviceTitle: 'Anwohnerparkausweis beantragen',
  reference: 'AW-2026-000417',
  submittedAt: new Date('2026-11-25T13:05:00Z'),
  applicantName: 'Jörg Müller',
  answers: [
    { label: 'Straße und Hausnummer', value: 'Lindenstraße 5' },
    { label: 'Kennzeichen', value: 'M-ÖÄ 123' },
    { label: 'Gebühr', value: '30,70 €' },
    { label: 'Bemerkung', value: '' },
  ],
};

/** Text with all runs of whitespace collapsed, so that wrapped lines still match. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

test('renders a PDF file', async () => {
  const bytes = await renderReceipt(input);
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
});

test('shows title, service, reference, Berlin time, applicant, umlauts and the note', async () => {
  const text = flat(await extractPdfText(await renderReceipt(input)));
  for (const expected of [
    'Eingangsbestätigung',
    'Anwohnerparkausweis beantragen',
    'AW-2026-000417',
    '25.11.2026, 14:05 Uhr',
    'Jörg Müller',
    'Stadt Musterstadt',
    'Hauptstraße 1',
    'Bitte bewahren Sie diese Bestätigung auf. Sie erhalten den Bescheid in Ihr Postfach.',
    'Seite 1 von 1',
  ]) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
});

test('lists every answer with its label', async () => {
  const text = flat(await extractPdfText(await renderReceipt(input)));
  for (const { label, value } of input.answers) {
    assert.ok(text.includes(label), `missing label "${label}"`);
    assert.ok(text.includes(value), `missing value "${value}"`);
  }
});

test('an answer of 400 lines continues over several pages without losing a line', async () => {
  const value = Array.from({ length: 400 }, (_, i) => `Zeile ${i + 1} von 400`).join('\n');
  const answers = [...input.answers, { label: 'Lange Antwort', value }];
  const pages = await extractPdfPages(await renderReceipt({ ...input, answers }));
  assert.ok(pages.length >= 5, `only ${pages.length} pages`);
  const text = pages.join('\n');
  for (let i = 1; i <= 400; i++) assert.ok(text.includes(`Zeile ${i} von 400`), `line ${i} lost`);
  assert.ok(pages.at(-1)?.includes(`Seite ${pages.length} von ${pages.length}`));
  assert.ok(pages[1]?.includes('Aktenzeichen AW-2026-000417'), 'running header on page 2');
});

test('characters outside WinAnsi do not throw and are replaced', async () => {
  const odd = 'Łódź ✓ 漢 😀';
  const bytes = await renderReceipt({
    ...input,
    applicantName: odd,
    serviceTitle: odd,
    answers: [{ label: odd, value: odd }],
  });
  assert.ok((await extractPdfText(bytes)).includes('Lódz ? ? ?'));
});

test('sets metadata and is deterministic for equal input', async () => {
  const bytes = await renderReceipt(input);
  assert.deepEqual(await renderReceipt(input), bytes);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  assert.equal(doc.getTitle(), 'Eingangsbestätigung: Anwohnerparkausweis beantragen');
  assert.equal(doc.getAuthor(), 'Stadt Musterstadt');
  assert.equal(doc.getCreationDate()?.toISOString(), input.submittedAt.toISOString());
  const lang = doc.catalog.lookup(PDFName.of('Lang'), PDFString);
  assert.equal(lang.decodeText(), 'de-DE');
});
