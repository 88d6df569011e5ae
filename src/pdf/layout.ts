import { type Color, PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { AnswerLine } from './types.ts';
import { createSanitizer, type Sanitizer } from './win-ansi.ts';
import { wrapText } from './wrap-text.ts';

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

export const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
// DIN 5008: 25 mm on the left (punching, filing), at least 20 mm on the right.
export const MARGIN = { top: mm(20), right: mm(20), bottom: mm(25), left: mm(25) } as const;
export const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;

export const BODY_SIZE = 11;
/** Space between the columns of a `dataTable`. */
export const TABLE_GAP = mm(3);
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
const LINE_FACTOR = 1.35;

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
  /** Printed atop every page but the first, so that a loose page can be matched to its document. */
  runningHeader?: string;
}

/** A column of `Layout.dataTable`: its header label, share of the content width and alignment. */
export interface TableColumn {
  label: string;
  /** Fraction of the content width (0–1); the fractions of a table should add up to at most 1. */
  width: number;
  /** 'right' for numbers, so that digits line up. */
  align?: 'left' | 'right';
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Color;
  /** Left edge in points from the page's left edge; defaults to the left margin. */
  x?: number;
  /** Available width in points; defaults to the rest of the line. */
  width?: number;
}

/** A flowing A4 document: text is set from top to bottom and new pages are added as needed. */
export class Layout {
  private page: PDFPage;
  /** Top of the next line, in points from the bottom of the page (PDF coordinates). */
  private y = PAGE_HEIGHT - MARGIN.top;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly runningHeader: string,
    readonly sanitize: Sanitizer,
  ) {
    this.page = doc.addPage(PageSizes.A4);
  }

  static async create(meta: DocumentMeta): Promise<Layout> {
    // updateMetadata: false keeps pdf-lib from stamping "now": equal input gives equal bytes.
    const doc = await PDFDocument.create({ updateMetadata: false });
    setMetadata(doc, meta);
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    return new Layout(doc, regular, bold, meta.runningHeader ?? '', createSanitizer(regular));
  }

  font(bold = false): PDFFont {
    return bold ? this.bold : this.regular;
  }

  /** The cursor: top of the next line, in points below the page's top edge. */
  get position(): number {
    return PAGE_HEIGHT - this.y;
  }

  /** Moves the cursor down to `fromTop` points below the page's top edge (never up). */
  moveDownTo(fromTop: number): void {
    this.y = Math.min(this.y, PAGE_HEIGHT - fromTop);
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin; true if it did. */
  ensureSpace(height: number): boolean {
    if (this.y - height >= MARGIN.bottom) return false;
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN.top;
    return true;
  }

  /** Draws one line of text at a fixed position, `fromTop` being its baseline below the top edge. */
  textAt(text: string, x: number, fromTop: number, style: TextStyle = {}): void {
    const size = style.size ?? BODY_SIZE;
    this.page.drawText(this.sanitize(text), {
      x,
      y: PAGE_HEIGHT - fromTop,
      size,
      font: this.font(style.bold),
      color: style.color ?? BLACK,
    });
  }

  ruleAt(x: number, fromTop: number, width: number, thickness = 0.5): void {
    const y = PAGE_HEIGHT - fromTop;
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color: GREY });
  }

  /** Wraps text (with "\n" as hard breaks) to the width, breaking pages between lines. */
  paragraph(text: string, style: TextStyle = {}): void {
    for (const line of this.wrapLines(text, style)) this.line(line, style);
  }

  /** A bold heading that is never left alone at the bottom of a page. */
  heading(text: string, size = 13): void {
    const style = { size, bold: true };
    const lines = this.wrapLines(text, style);
    this.space(size * 0.6);
    this.ensureSpace(lines.length * lineHeight(size) + 2 * lineHeight(BODY_SIZE));
    for (const line of lines) this.line(line, style);
    this.space(size * 0.25);
  }

  /** Two columns, label in bold on the left and its value on the right; rows may span pages. */
  table(rows: readonly AnswerLine[], labelWidth = CONTENT_WIDTH * 0.4, size = 10): void {
    const gap = mm(4);
    const label = { size, bold: true, width: labelWidth - gap };
    const value = { size, x: MARGIN.left + labelWidth, width: CONTENT_WIDTH - labelWidth };
    for (const row of rows) {
      const labelLines = this.wrapLines(row.label, label);
      const valueLines = this.wrapLines(row.value.trim() === '' ? '–' : row.value, value);
      for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
        this.ensureSpace(lineHeight(size));
        this.textAt(labelLines[i] ?? '', MARGIN.left, this.baseline(size), label);
        this.line(valueLines[i] ?? '', value);
      }
      this.space(size * 0.5);
    }
  }

  /**
   * A table with a bold header row and any number of columns. Cells wrap within their column; a row is
   * kept on one page where it fits, and the header is repeated on every page the table continues on.
   */
  dataTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], size = 9.5): void {
    const gap = TABLE_GAP;
    let left = MARGIN.left;
    const cells = columns.map((column) => {
      const width = column.width * CONTENT_WIDTH;
      const cell = { x: left, width: width - gap, align: column.align ?? 'left' };
      left += width;
      return cell;
    });
    const header = columns.map((column) => column.label);
    const rowHeight = (row: readonly string[], bold: boolean) =>
      Math.max(
        1,
        ...cells.map((c, i) => this.wrapLines(row[i] ?? '', { size, bold, width: c.width }).length),
      ) * lineHeight(size);
    const drawHeader = () => {
      this.tableRow(cells, header, size, true);
      this.ruleAt(MARGIN.left, this.position + size * 0.1, left - MARGIN.left - gap);
      this.space(size * 0.4);
    };
    // The header never stands alone at the bottom of a page.
    this.ensureSpace(rowHeight(header, true) + rowHeight(rows[0] ?? [], false) + size);
    drawHeader();
    for (const row of rows) {
      if (this.ensureSpace(rowHeight(row, false))) drawHeader();
      this.tableRow(cells, row, size, false);
      this.space(size * 0.2);
    }
  }

  private tableRow(
    cells: readonly { x: number; width: number; align: 'left' | 'right' }[],
    row: readonly string[],
    size: number,
    bold: boolean,
  ): void {
    const lines = cells.map((c, i) => this.wrapLines(row[i] ?? '', { size, bold, width: c.width }));
    for (let i = 0; i < Math.max(1, ...lines.map((l) => l.length)); i++) {
      this.ensureSpace(lineHeight(size));
      cells.forEach((cell, column) => {
        const text = lines[column]?.[i] ?? '';
        if (text === '') return;
        const x =
          cell.align === 'right'
            ? cell.x + cell.width - this.font(bold).widthOfTextAtSize(text, size)
            : cell.x;
        this.textAt(text, x, this.baseline(size), { size, bold });
      });
      this.y -= lineHeight(size);
    }
  }

  /** Numbers every page ("Seite 1 von 2") and serializes the document; call it once, last. */
  async finish(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const size = 8;
    pages.forEach((page, index) => {
      this.page = page;
      const text = `Seite ${index + 1} von ${pages.length}`;
      const x = PAGE_WIDTH - MARGIN.right - this.regular.widthOfTextAtSize(text, size);
      this.textAt(text, x, PAGE_HEIGHT - mm(12), { size, color: GREY });
      if (index > 0) this.textAt(this.runningHeader, MARGIN.left, mm(12), { size, color: GREY });
    });
    return this.doc.save();
  }

  /** Sanitizes and wraps text to the style's width without setting it. */
  wrapLines(text: string, style: TextStyle): string[] {
    const width = style.width ?? PAGE_WIDTH - MARGIN.right - (style.x ?? MARGIN.left);
    return wrapText(this.sanitize(text), this.font(style.bold), style.size ?? BODY_SIZE, width);
  }

  /** Sets one already wrapped line at the cursor and advances the cursor. */
  private line(text: string, style: TextStyle): void {
    const size = style.size ?? BODY_SIZE;
    this.ensureSpace(lineHeight(size));
    if (text !== '') this.textAt(text, style.x ?? MARGIN.left, this.baseline(size), style);
    this.y -= lineHeight(size);
  }

  private baseline(size: number): number {
    return PAGE_HEIGHT - this.y + size;
  }
}

export function lineHeight(size: number): number {
  return size * LINE_FACTOR;
}

function setMetadata(doc: PDFDocument, meta: DocumentMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setCreator('Amtsweg');
  doc.setProducer('Amtsweg (pdf-lib)');
  doc.setLanguage('de-DE');
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);
}
