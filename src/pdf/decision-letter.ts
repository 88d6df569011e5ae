import { formatDate } from './format-date.ts';
import { BODY_SIZE, GREY, Layout, lineHeight } from './layout.ts';
import { drawAddressWindow, drawInfoBlock, drawLetterhead } from './letterhead.ts';
import type { Letterhead } from './types.ts';

export interface DecisionLetterInput {
  letterhead: Letterhead;
  recipient: { name: string; addressLines: string[] };
  reference: string;
  serviceTitle: string;
  decidedAt: Date;
  outcome: 'approved' | 'rejected';
  tenor: string;
  reason: string;
  legalRemedy: string;
  caseworkerName: string;
}

const OUTCOME_LABEL = { approved: 'Bewilligung', rejected: 'Ablehnung' } as const;

/** Renders a Bescheid: letterhead, window address, decision, reasons and legal remedy. */
export async function renderDecisionLetter(input: DecisionLetterInput): Promise<Uint8Array> {
  const subject = `Bescheid über Ihren Antrag: ${input.serviceTitle}`;
  const layout = await Layout.create({
    title: subject,
    author: input.letterhead.name,
    subject: `${OUTCOME_LABEL[input.outcome]} – Aktenzeichen ${input.reference}`,
    createdAt: input.decidedAt,
    runningHeader: `${input.letterhead.name} · Bescheid vom ${formatDate(input.decidedAt)} · Aktenzeichen ${input.reference}`,
  });
  drawLetterhead(layout, input.letterhead);
  drawAddressWindow(layout, input.letterhead, input.recipient);
  drawInfoBlock(layout, [
    ['Aktenzeichen', input.reference],
    ['Bearbeitet von', input.caseworkerName],
    ['Datum', formatDate(input.decidedAt)],
  ]);
  layout.paragraph(subject, { bold: true });
  layout.space(12);
  // The recipient's name may carry an address form ("Herrn ..."), so the salutation stays neutral.
  layout.paragraph('Sehr geehrte Damen und Herren,');
  layout.space(6);
  layout.paragraph('über Ihren Antrag haben wir wie folgt entschieden:');
  writeSections(layout, input);
  writeClosing(layout, input.caseworkerName);
  return layout.finish();
}

function writeSections(layout: Layout, input: DecisionLetterInput): void {
  const sections = [
    ['Entscheidung', input.tenor],
    ['Begründung', input.reason],
    ['Rechtsbehelfsbelehrung', input.legalRemedy],
  ] as const;
  for (const [heading, text] of sections) {
    layout.heading(heading, 12);
    layout.paragraph(text);
  }
}

function writeClosing(layout: Layout, caseworkerName: string): void {
  layout.space(16);
  // Keeps greeting, signature block and note together on one page.
  layout.ensureSpace(4 * lineHeight(BODY_SIZE) + 2 * lineHeight(9) + 28);
  layout.paragraph('Mit freundlichen Grüßen');
  layout.space(12);
  layout.paragraph('Im Auftrag');
  layout.paragraph(caseworkerName);
  layout.space(16);
  // § 37 Abs. 3 VwVfG: the official's name ("Namenswiedergabe") may stand in for a signature.
  layout.paragraph('Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift gültig.', {
    size: 9,
    color: GREY,
  });
}
