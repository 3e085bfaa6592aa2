import type { Doc, PdfFonts } from './pdf-map';

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A table as the reports print it: a header (optionally grouped), rows, and a totals row. */
export interface TableSpec {
  columns: readonly TableColumn[];
  /** Header cells over several columns (其中 over the statuses); the other columns span both header rows. */
  groups?: readonly { label: string; from: number; span: number }[];
  rows: readonly (readonly string[])[];
  /** 合计, bold on a shaded band. */
  totals?: readonly string[];
  fontSize?: number;
  rowHeight?: number;
  /** A text colour for a cell (a target missed in red), or null for the usual ink. */
  cellColor?: (row: number, col: number) => string | null;
}

/** Where a flowing page ends, and how to start the next one (returning its first free y). */
export interface PageFlow {
  bottom: number;
  newPage(): number;
}

const INK = '#1f2a37';
const RULE = '#9aa7b4';
const HEAD_FILL = '#e3ecf5';

/** Text placed in a cell, vertically centred, clipped by shrinking when it is too wide. */
function cellText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
  align: 'left' | 'right' | 'center',
  fontSize: number,
): void {
  const pad = 3;
  let size = fontSize;
  doc.fontSize(size);
  while (size > 5 && doc.widthOfString(text) > width - 2 * pad) {
    size -= 0.5;
    doc.fontSize(size);
  }
  const w = doc.widthOfString(text);
  const left = align === 'left' ? x + pad : align === 'right' ? x + width - pad - w : x + (width - w) / 2;
  doc.text(text, left, y + (height - doc.currentLineHeight()) / 2 + size * 0.05, { lineBreak: false });
}

/** The table's width: the sum of its columns. */
function tableWidth(spec: Pick<TableSpec, 'columns'>): number {
  return spec.columns.reduce((sum, c) => sum + c.width, 0);
}

/** The height the table takes on one page: its header, rows and totals. */
export function tableHeight(spec: TableSpec): number {
  const rowH = spec.rowHeight ?? 15;
  const headerH = (spec.groups?.length ?? 0) > 0 ? rowH * 2 : rowH * 1.3;
  return headerH + rowH * (spec.rows.length + (spec.totals ? 1 : 0));
}

function drawHeader(doc: Doc, spec: TableSpec, x: number, y: number, fonts: PdfFonts, rowH: number): number {
  const grouped = (spec.groups?.length ?? 0) > 0;
  const height = grouped ? rowH * 2 : rowH * 1.3;
  const width = tableWidth(spec);
  const fontSize = spec.fontSize ?? 8.5;
  doc.rect(x, y, width, height).fill(HEAD_FILL);
  doc.font(fonts.bold).fillColor(INK);
  const inGroup = new Set<number>();
  const lefts: number[] = [];
  let cx = x;
  for (const c of spec.columns) {
    lefts.push(cx);
    cx += c.width;
  }
  for (const g of spec.groups ?? []) {
    const gx = lefts[g.from];
    const gw = spec.columns.slice(g.from, g.from + g.span).reduce((s, c) => s + c.width, 0);
    cellText(doc, g.label, gx, y, gw, rowH, 'center', fontSize);
    doc
      .moveTo(gx, y + rowH)
      .lineTo(gx + gw, y + rowH)
      .lineWidth(0.4)
      .stroke(RULE);
    for (let i = g.from; i < g.from + g.span; i++) inGroup.add(i);
  }
  spec.columns.forEach((c, i) => {
    const top = inGroup.has(i) ? y + rowH : y;
    cellText(doc, c.header, lefts[i], top, c.width, y + height - top, 'center', fontSize);
    if (i > 0) {
      doc
        .moveTo(lefts[i], inGroup.has(i) && inGroup.has(i - 1) ? y + rowH : y)
        .lineTo(lefts[i], y + height)
        .lineWidth(0.4)
        .stroke(RULE);
    }
  });
  doc.rect(x, y, width, height).lineWidth(0.6).stroke(RULE);
  return y + height;
}

/**
 * Draws the table from (x, y) and returns the y under it. A row that would cross the page's bottom
 * starts a new page, and the header is drawn again there.
 */
export function drawTable(
  doc: Doc,
  spec: TableSpec,
  x: number,
  y: number,
  fonts: PdfFonts,
  flow: PageFlow,
): number {
  const rowH = spec.rowHeight ?? 15;
  const fontSize = spec.fontSize ?? 8.5;
  const width = tableWidth(spec);
  const headerH = (spec.groups?.length ?? 0) > 0 ? rowH * 2 : rowH * 1.3;
  if (y + headerH + rowH > flow.bottom) y = flow.newPage();
  let top = y;
  y = drawHeader(doc, spec, x, y, fonts, rowH);
  const all = [
    ...spec.rows.map((r) => ({ cells: r, total: false })),
    ...(spec.totals ? [{ cells: spec.totals, total: true }] : []),
  ];
  all.forEach((row, ri) => {
    if (y + rowH > flow.bottom) {
      doc
        .rect(x, top, width, y - top)
        .lineWidth(0.6)
        .stroke(RULE);
      y = flow.newPage();
      top = y;
      y = drawHeader(doc, spec, x, y, fonts, rowH);
    }
    if (row.total) doc.rect(x, y, width, rowH).fill('#eef1f4');
    else if (ri % 2 === 1) doc.rect(x, y, width, rowH).fill('#f8f9fb');
    doc.font(row.total ? fonts.bold : fonts.regular);
    let cx = x;
    spec.columns.forEach((c, ci) => {
      const color = row.total ? null : (spec.cellColor?.(ri, ci) ?? null);
      doc.fillColor(color ?? INK);
      cellText(doc, row.cells[ci] ?? '', cx, y, c.width, rowH, c.align ?? 'right', fontSize);
      cx += c.width;
    });
    doc
      .moveTo(x, y + rowH)
      .lineTo(x + width, y + rowH)
      .lineWidth(row.total ? 0.6 : 0.25)
      .stroke(row.total ? RULE : '#d5dbe1');
    y += rowH;
  });
  doc
    .rect(x, top, width, y - top)
    .lineWidth(0.6)
    .stroke(RULE);
  return y;
}
