import type { Box, MapFrame } from './map-frame';
import type { Doc, PdfFonts } from './pdf-map';
import type { ReportMap, Rgb } from './report-model';

const INK = '#1f2a37';

/** A colour as PDFKit takes it: [r, g, b] → #rrggbb. */
export function hex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** North arrow: a split arrowhead over an N, `size` tall, its top centre at (x, y). */
export function drawNorthArrow(doc: Doc, x: number, y: number, size: number, fonts: PdfFonts): void {
  const half = size * 0.28;
  const tip = y;
  const base = y + size * 0.62;
  const notch = y + size * 0.48;
  doc.save();
  doc
    .moveTo(x, tip)
    .lineTo(x - half, base)
    .lineTo(x, notch)
    .closePath()
    .fill(INK);
  doc
    .moveTo(x, tip)
    .lineTo(x + half, base)
    .lineTo(x, notch)
    .closePath()
    .lineWidth(0.6)
    .stroke(INK);
  doc
    .font(fonts.bold)
    .fontSize(size * 0.3)
    .fillColor(INK);
  const w = doc.widthOfString('N');
  doc.text('N', x - w / 2, base + size * 0.02, { lineBreak: false });
  doc.restore();
}

/** A scale bar whose right end is at (right, bottom), alternating black and white halves. */
export function drawScaleBar(
  doc: Doc,
  frame: MapFrame,
  right: number,
  bottom: number,
  fonts: PdfFonts,
  k = 1,
): void {
  const bar = frame.scaleBar(Math.min(120 * k, frame.box.width * 0.28));
  const h = 3.5 * k;
  const left = right - bar.pixels;
  doc.save();
  doc
    .rect(left - 4 * k, bottom - h - 14 * k, bar.pixels + 8 * k, h + 17 * k)
    .fillOpacity(0.85)
    .fill('#ffffff');
  doc.fillOpacity(1);
  doc.rect(left, bottom - h, bar.pixels / 2, h).fill(INK);
  doc
    .rect(left + bar.pixels / 2, bottom - h, bar.pixels / 2, h)
    .lineWidth(0.6)
    .stroke(INK);
  doc
    .rect(left, bottom - h, bar.pixels, h)
    .lineWidth(0.6)
    .stroke(INK);
  doc
    .font(fonts.regular)
    .fontSize(7 * k)
    .fillColor(INK);
  doc.text('0', left - doc.widthOfString('0') / 2, bottom - h - 10 * k, { lineBreak: false });
  doc.text(bar.label, right - doc.widthOfString(bar.label) / 2, bottom - h - 10 * k, { lineBreak: false });
  doc.restore();
}

/** The legend in the map's bottom-left corner. */
export function drawLegend(
  doc: Doc,
  map: ReportMap,
  box: Box,
  fonts: PdfFonts,
  counts: number[] | null,
  k: number,
): void {
  const fontSize = 7.5 * k;
  const row = 11 * k;
  const pad = 6 * k;
  doc.font(fonts.regular).fontSize(fontSize);
  // Counts go with the dot entries (one per status, in order); other entries are just named.
  const labels = map.legend.map((e, i) =>
    counts && e.shape === 'dot' && counts[i] !== undefined ? `${e.label}  ${counts[i]}` : e.label,
  );
  doc.font(fonts.bold).fontSize(8 * k);
  const titleWidth = doc.widthOfString(map.legendTitle);
  doc.font(fonts.regular).fontSize(fontSize);
  const width = pad * 2 + Math.max(titleWidth, ...labels.map((l) => 12 * k + doc.widthOfString(l)));
  const height = pad * 2 + 12 * k + row * labels.length;
  const x = box.x + 6 * k;
  const y = box.y + box.height - 6 * k - height;
  doc.save();
  doc.rect(x, y, width, height).fillOpacity(0.9).fill('#ffffff');
  doc.fillOpacity(1).rect(x, y, width, height).lineWidth(0.5).stroke('#9aa7b4');
  doc
    .font(fonts.bold)
    .fontSize(8 * k)
    .fillColor(INK)
    .text(map.legendTitle, x + pad, y + pad, { lineBreak: false });
  doc.font(fonts.regular).fontSize(fontSize);
  map.legend.forEach((e, i) => {
    const cy = y + pad + 12 * k + row * i + row / 2;
    if (e.shape === 'dot') doc.circle(x + pad + 3.5 * k, cy, 3 * k).fill(hex(e.color));
    else if (e.shape === 'line')
      doc
        .rect(x + pad, cy - 3.5 * k, 8 * k, 7 * k)
        .lineWidth(1.6 * k)
        .stroke(hex(e.color));
    else
      doc
        .lineWidth(0.3)
        .rect(x + pad, cy - 3.5 * k, 8 * k, 7 * k)
        .fillAndStroke(hex(e.color), '#888888');
    doc.fillColor(INK).text(labels[i], x + pad + 12 * k, cy - fontSize * 0.72, { lineBreak: false });
  });
  doc.restore();
}
