import type { Doc, PdfFonts } from './pdf-map';
import type { PageFlow } from './pdf-table';
import type { ReportHeading } from './report-model';
import { chineseDate } from './report-text';

/** A4 portrait in PDF points, and the margin every report keeps. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 36;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** Where the footer line sits; content stops above it. */
const FOOTER_Y = A4.height - 26;
const CONTENT_BOTTOM = FOOTER_Y - 10;

const INK = '#1f2a37';
const MUTED = '#5b6673';

/** The title block: title, a line on what and as of when, a rule. Returns the y under it. */
export function drawHeading(doc: Doc, title: string, h: ReportHeading, fonts: PdfFonts): number {
  let y = MARGIN - 6;
  doc.font(fonts.bold).fontSize(17).fillColor(INK);
  doc.text(title, MARGIN, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  y += 28;
  const parts = [
    `${h.year}年度`,
    `统计截至 ${chineseDate(h.at)}`,
    h.scopeText ? `统计范围：${h.scopeText}` : null,
    h.sample ? '示例数据' : null,
  ].filter((p): p is string => p !== null);
  doc.font(fonts.regular).fontSize(9).fillColor(MUTED);
  doc.text(parts.join('　·　'), MARGIN, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  y += 17;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT_WIDTH, y)
    .lineWidth(1.2)
    .stroke('#1b3a5c');
  return y + 10;
}

export interface Kpi {
  label: string;
  value: string;
  unit: string;
  note?: string;
}

/** Headline numbers as a row of boxes across the page. Returns the y under them. */
export function drawKpis(doc: Doc, items: readonly Kpi[], y: number, fonts: PdfFonts): number {
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (items.length - 1)) / items.length;
  const height = 54;
  items.forEach((k, i) => {
    const x = MARGIN + i * (width + gap);
    doc.rect(x, y, width, height).fill('#f3f6f9');
    doc.rect(x, y, 3, height).fill('#1b3a5c');
    doc
      .font(fonts.regular)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(k.label, x + 9, y + 6, { lineBreak: false });
    doc.font(fonts.bold).fontSize(17).fillColor(INK);
    doc.text(k.value, x + 9, y + 17, { lineBreak: false });
    const valueWidth = doc.widthOfString(k.value);
    doc.font(fonts.regular).fontSize(8.5).fillColor(INK);
    doc.text(k.unit, x + 9 + valueWidth + 2, y + 26, { lineBreak: false });
    if (k.note) {
      doc
        .fontSize(7.5)
        .fillColor(MUTED)
        .text(k.note, x + 9, y + 40, { lineBreak: false, width: width - 12 });
    }
  });
  return y + height + 12;
}

export const SECTION_TITLE_HEIGHT = 20;

/** A section title with a bar before it. Returns the y under it. */
export function drawSectionTitle(doc: Doc, text: string, y: number, fonts: PdfFonts): number {
  doc.rect(MARGIN, y + 2, 3.5, 12).fill('#b03a2e');
  doc
    .font(fonts.bold)
    .fontSize(11)
    .fillColor(INK)
    .text(text, MARGIN + 9, y, { lineBreak: false });
  return y + SECTION_TITLE_HEIGHT;
}

/** The height drawParagraph takes for the text. */
export function paragraphHeight(doc: Doc, text: string, fonts: PdfFonts, size = 9): number {
  doc.font(fonts.regular).fontSize(size);
  return doc.heightOfString(text, { width: CONTENT_WIDTH }) + 4;
}

/** Plain paragraph text within the content width. Returns the y under it. */
export function drawParagraph(doc: Doc, text: string, y: number, fonts: PdfFonts, size = 9): number {
  const height = paragraphHeight(doc, text, fonts, size);
  doc.fillColor(INK).text(text, MARGIN, y, { width: CONTENT_WIDTH });
  return y + height;
}

/** A page flow: content to CONTENT_BOTTOM, each new page headed by a short running title. */
export function pageFlow(doc: Doc, runningTitle: string, fonts: PdfFonts): PageFlow {
  return {
    bottom: CONTENT_BOTTOM,
    newPage: () => {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED);
      doc.text(runningTitle, MARGIN, MARGIN - 12, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      doc
        .moveTo(MARGIN, MARGIN + 2)
        .lineTo(MARGIN + CONTENT_WIDTH, MARGIN + 2)
        .lineWidth(0.5)
        .stroke('#9aa7b4');
      return MARGIN + 12;
    },
  };
}

/** Footers on every page (the document must buffer its pages): the source on the left, 第 n 页 共 m 页 right. */
export function drawFooters(doc: Doc, source: string, fonts: PdfFonts): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .moveTo(MARGIN, FOOTER_Y - 4)
      .lineTo(MARGIN + CONTENT_WIDTH, FOOTER_Y - 4)
      .lineWidth(0.4)
      .stroke('#c4ccd4');
    doc.font(fonts.regular).fontSize(7.5).fillColor(MUTED);
    doc.text(source, MARGIN, FOOTER_Y, { lineBreak: false });
    const page = `第 ${i + 1} 页  共 ${range.count} 页`;
    doc.text(page, MARGIN + CONTENT_WIDTH - doc.widthOfString(page), FOOTER_Y, { lineBreak: false });
  }
}
