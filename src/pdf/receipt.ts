import { formatDateTime } from './format-date.ts';
import { CONTENT_WIDTH, GREY, Layout } from './layout.ts';
import { drawLetterhead } from './letterhead.ts';
import type { AnswerLine, Letterhead } from './types.ts';

export interface ReceiptInput {
  letterhead: Letterhead;
  serviceTitle: string;
  reference: string;
  submittedAt: Date;
  applicantName: string;
  answers: AnswerLine[];
}

const TITLE = 'Eingangsbestätigung';

/** Renders the Eingangsbestätigung the applicant receives for a submitted application. */
export async function renderReceipt(input: ReceiptInput): Promise<Uint8Array> {
  const layout = await Layout.create({
    title: `${TITLE}: ${input.serviceTitle}`,
    author: input.letterhead.name,
    subject: `${TITLE} – Aktenzeichen ${input.reference}`,
    createdAt: input.submittedAt,
    runningHeader: `${input.letterhead.name} · ${TITLE} · Aktenzeichen ${input.reference}`,
  });
  drawLetterhead(layout, input.letterhead);
  layout.heading(TITLE, 16);
  layout.paragraph(input.serviceTitle, { size: 12, bold: true });
  layout.space(8);
  layout.table(
    [
      { label: 'Aktenzeichen:', value: input.reference },
      { label: 'Eingegangen am:', value: formatDateTime(input.submittedAt) },
      { label: 'Antragsteller/in:', value: input.applicantName },
    ],
    CONTENT_WIDTH * 0.3,
    11,
  );
  layout.heading('Ihre Angaben', 12);
  layout.table(input.answers);
  layout.space(12);
  layout.paragraph('Bitte bewahren Sie diese Bestätigung auf. Sie erhalten den Bescheid in Ihr Postfach.', {
    color: GREY,
  });
  return layout.finish();
}
