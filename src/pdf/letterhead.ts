import { BODY_SIZE, CONTENT_WIDTH, GREY, type Layout, lineHeight, MARGIN, mm, PAGE_WIDTH } from './layout.ts';
import type { Letterhead } from './types.ts';

// DIN 5008 form B geometry, measured from the page's top-left corner.
const RIGHT_COLUMN_X = mm(125);
const RIGHT_COLUMN_WIDTH = PAGE_WIDTH - MARGIN.right - RIGHT_COLUMN_X;
const WINDOW_TOP = mm(45);
const ADDRESS_ZONE_TOP = mm(45 + 17.7);
const WINDOW_TEXT_WIDTH = mm(75);
const ADDRESS_SIZE = 10;
const ADDRESS_PITCH = mm(4.23);
// The address zone of a window envelope shows six lines; more would be hidden by the envelope.
const MAX_ADDRESS_LINES = 6;
const INFO_BLOCK_TOP = mm(50);
const BODY_TOP = mm(98.5);

export interface Recipient {
  name: string;
  addressLines: string[];
}

/** The authority's name and department on the left, its address and contacts on the right. */
export function drawLetterhead(layout: Layout, letterhead: Letterhead): void {
  const top = layout.position;
  const contacts = contactLines(letterhead).flatMap((line) =>
    layout.wrapLines(line, { size: 9, width: RIGHT_COLUMN_WIDTH }),
  );
  contacts.forEach((line, index) => {
    layout.textAt(line, RIGHT_COLUMN_X, top + 9 + index * lineHeight(9), { size: 9, color: GREY });
  });
  const leftWidth = RIGHT_COLUMN_X - MARGIN.left - mm(5);
  layout.paragraph(letterhead.name, { size: 14, bold: true, width: leftWidth });
  layout.paragraph(letterhead.department, { size: BODY_SIZE, width: leftWidth });
  layout.moveDownTo(top + contacts.length * lineHeight(9));
  layout.space(mm(3));
  layout.ruleAt(MARGIN.left, layout.position, CONTENT_WIDTH);
  layout.space(mm(6));
}

function contactLines(letterhead: Letterhead): string[] {
  const lines = [letterhead.street, `${letterhead.postalCode} ${letterhead.city}`];
  if (letterhead.phone) lines.push(`Telefon: ${letterhead.phone}`);
  if (letterhead.email) lines.push(`E-Mail: ${letterhead.email}`);
  return lines;
}

/** Return address and recipient placed for a DIN 5008 window envelope (form B). */
export function drawAddressWindow(layout: Layout, letterhead: Letterhead, recipient: Recipient): void {
  layout.moveDownTo(WINDOW_TOP);
  const sender = `${letterhead.name} · ${letterhead.street} · ${letterhead.postalCode} ${letterhead.city}`;
  const [returnAddress = ''] = layout.wrapLines(sender, { size: 7, width: WINDOW_TEXT_WIDTH });
  layout.textAt(returnAddress, MARGIN.left, ADDRESS_ZONE_TOP - mm(2.5), { size: 7, color: GREY });
  layout.ruleAt(MARGIN.left, ADDRESS_ZONE_TOP - mm(1.5), WINDOW_TEXT_WIDTH, 0.3);
  const lines = [recipient.name, ...recipient.addressLines]
    .flatMap((line) => layout.wrapLines(line, { size: ADDRESS_SIZE, width: WINDOW_TEXT_WIDTH }))
    .slice(0, MAX_ADDRESS_LINES);
  lines.forEach((line, index) => {
    const baseline = ADDRESS_ZONE_TOP + mm(3.5) + index * ADDRESS_PITCH;
    layout.textAt(line, MARGIN.left, baseline, { size: ADDRESS_SIZE });
  });
  layout.moveDownTo(BODY_TOP);
}

/** Label/value pairs beside the address window ("Aktenzeichen", "Datum", ...). */
export function drawInfoBlock(layout: Layout, entries: ReadonlyArray<readonly [string, string]>): void {
  let fromTop = INFO_BLOCK_TOP;
  for (const [label, value] of entries) {
    layout.textAt(label, RIGHT_COLUMN_X, fromTop + 8, { size: 8, color: GREY });
    fromTop += lineHeight(8);
    for (const line of layout.wrapLines(value, { size: ADDRESS_SIZE, width: RIGHT_COLUMN_WIDTH })) {
      layout.textAt(line, RIGHT_COLUMN_X, fromTop + ADDRESS_SIZE, { size: ADDRESS_SIZE });
      fromTop += lineHeight(ADDRESS_SIZE);
    }
    fromTop += mm(1.5);
  }
  layout.moveDownTo(Math.max(BODY_TOP, fromTop + mm(8)));
}
