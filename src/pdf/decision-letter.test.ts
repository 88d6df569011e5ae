import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { type DecisionLetterInput, renderDecisionLetter } from './decision-letter.ts';
import { extractPdfPages, extractPdfText } from './extract-text.ts';

const input: DecisionLetterInput = {
  letterhead: {
    name: 'Stadt Musterstadt',
    department: 'Straßenverkehrsbehörde',
    street: 'Hauptstraße 1',
    postalCode: '12345',
    city: 'Musterstadt',
  },
  recipient: { name: 'Herrn Jörg Müller', addressLines: ['Lindenstraße 5', '12345 Musterstadt'] },
  reference: 'AW-2026-000417',
  serviceTitle: 'Anwohnerparkausweis',
  decidedAt: new Date('2026-11-24T23:30:00Z'),
  outcome: 'approved',
  tenor: 'Ihnen wird ein Anwohnerparkausweis für die Zone B bis zum 30.11.2027 erteilt.',
  reason: 'Sie sind in der Zone B mit Hauptwohnsitz gemeldet (§ 45 Abs. 1b Nr. 2a StVO).',
  legalRemedy:
    'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. ' +
    'Der Widerspruch ist bei der Stadt Musterstadt, Hauptstraße 1, 12345 Musterstadt, einzulegen.',
  caseworkerName: 'Erika Mustermann',
};

const flat = (text: string) => text.replace(/\s+/g, ' ');

test('renders a PDF file', async () => {
  const bytes = await renderDecisionLetter(input);
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
});

test('contains letterhead, address, reference, date and every part of the decision', async () => {
  const text = flat(await extractPdfText(await renderDecisionLetter(input)));
  for (const expected of [
    'Stadt Musterstadt',
    'Straßenverkehrsbehörde',
    'Herrn Jörg Müller',
    'Lindenstraße 5',
    'AW-2026-000417',
    '25.11.2026',
    'Bescheid über Ihren Antrag: Anwohnerparkausweis',
    input.tenor,
    input.reason,
    input.legalRemedy,
    'Mit freundlichen Grüßen',
    'Im Auftrag',
    'Erika Mustermann',
    'Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
  ]) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
});

test('puts the sections in the order Entscheidung, Begründung, Rechtsbehelfsbelehrung', async () => {
  const text = flat(await extractPdfText(await renderDecisionLetter(input)));
  const positions = ['Entscheidung', input.tenor, 'Begründung', input.reason, 'Rechtsbehelfsbelehrung'].map(
    (part) => text.indexOf(part),
  );
  assert.ok(positions.every((position) => position >= 0));
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
  );
});

test('a reason of 400 lines spans several numbered pages and loses nothing', async () => {
  const reason = Array.from({ length: 400 }, (_, i) => `Begründungszeile ${i + 1}: geprüft.`).join('\n');
  const pages = await extractPdfPages(await renderDecisionLetter({ ...input, reason }));
  assert.ok(pages.length >= 8, `only ${pages.length} pages`);
  const text = flat(pages.join('\n'));
  for (let i = 1; i <= 400; i++) assert.ok(text.includes(`Begründungszeile ${i}: geprüft.`), `line ${i}`);
  assert.ok(text.indexOf('Begründungszeile 400: geprüft.') < text.indexOf('Rechtsbehelfsbelehrung'));
  assert.ok(text.includes(flat(input.legalRemedy)));
  pages.forEach((page, index) => {
    assert.ok(page.includes(`Seite ${index + 1} von ${pages.length}`), `page number on ${index + 1}`);
  });
});

test('characters outside WinAnsi anywhere do not throw', async () => {
  const odd = 'Łódź ✓ 漢';
  const bytes = await renderDecisionLetter({
    ...input,
    letterhead: { ...input.letterhead, name: odd, department: odd },
    recipient: { name: odd, addressLines: [odd, '\u200b\t'] },
    serviceTitle: odd,
    tenor: odd,
    reason: odd,
    legalRemedy: odd,
    caseworkerName: odd,
  });
  assert.ok(flat(await extractPdfText(bytes)).includes('Bescheid über Ihren Antrag: Lódz ? ?'));
});

test('a long address keeps to the six lines of the envelope window', async () => {
  const addressLines = Array.from({ length: 8 }, (_, i) => `Adresszeile ${i + 1}`);
  const text = await extractPdfText(
    await renderDecisionLetter({ ...input, recipient: { name: 'A', addressLines } }),
  );
  assert.ok(text.includes('Adresszeile 5'));
  assert.ok(!text.includes('Adresszeile 6'));
});

test('sets metadata from the decision and is deterministic', async () => {
  const bytes = await renderDecisionLetter(input);
  assert.deepEqual(await renderDecisionLetter(input), bytes);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  assert.equal(doc.getTitle(), 'Bescheid über Ihren Antrag: Anwohnerparkausweis');
  assert.equal(doc.getAuthor(), 'Stadt Musterstadt');
  assert.equal(doc.getSubject(), 'Bewilligung – Aktenzeichen AW-2026-000417');
  assert.equal(doc.getCreationDate()?.toISOString(), input.decidedAt.toISOString());
});
