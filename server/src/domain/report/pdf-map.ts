import type PDFDocument from 'pdfkit';
import { STATUSES } from '../statuses';
import { type Box, type MapFrame, mapFrame, projectLine } from './map-frame';
import type { Polygonal, ReportMap, Rgb } from './report-model';

export type Doc = InstanceType<typeof PDFDocument>;

/** The names the report's fonts are registered under in the document. */
export interface PdfFonts {
  regular: string;
  bold: string;
}

const INK = '#1f2a37';
/** The key area's outline, in the colour the page's map draws key areas in. */
export const KEY_AREA_RGB: Rgb = [106, 27, 154];
const KEY_AREA = hex(KEY_AREA_RGB);

function hex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Traces a polygon's rings as one path (holes by the even-odd rule when filled). */
function tracePolygon(doc: Doc, frame: MapFrame, geometry: Polygonal): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const pts = projectLine(frame, ring);
      if (pts.length < 3) continue;
      doc.moveTo(pts[0][0], pts[0][1]);
      for (let i = 1; i < pts.length; i++) doc.lineTo(pts[i][0], pts[i][1]);
      doc.closePath();
    }
  }
}

function traceLine(doc: Doc, frame: MapFrame, geometry: GeoJSON.LineString | GeoJSON.MultiLineString): void {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  for (const line of lines) {
    const pts = projectLine(frame, line);
    if (pts.length < 2) continue;
    doc.moveTo(pts[0][0], pts[0][1]);
    for (let i = 1; i < pts.length; i++) doc.lineTo(pts[i][0], pts[i][1]);
  }
}

const WATER_WIDTH: Record<string, number> = { river: 2.4, canal: 1.4 };
const ROAD_STYLE: Record<string, { color: string; width: number }> = {
  main: { color: '#d6a85a', width: 1.8 },
  village: { color: '#c4c4c4', width: 0.6 },
};

/** A dot's radius: smaller as the map holds more of them, so a crowded village stays legible. */
export function dotRadius(count: number, box: Box, k = 1): number {
  const perDot = (box.width * box.height) / Math.max(count, 1);
  return Math.max(0.9 * k, Math.min(2.4 * k, Math.sqrt(perDot) / 9));
}

/**
 * A label centred on a point, kept inside the box; with `backing`, on a pale band so that it reads
 * over dots and dark fills (a band, not a stroked halo: a halo is a second copy of the text for
 * search and copy).
 */
function centredText(
  doc: Doc,
  text: string,
  at: { x: number; y: number; color: string },
  box: Box,
  backing = false,
): void {
  const w = doc.widthOfString(text);
  const h = doc.currentLineHeight();
  const left = Math.min(Math.max(at.x - w / 2, box.x + 2), box.x + box.width - w - 2);
  const top = at.y - h / 2;
  if (backing) {
    const pad = h * 0.15;
    doc.save();
    doc
      .roundedRect(left - pad * 2, top - pad * 0.2, w + pad * 4, h * 0.95, pad * 2)
      .fillOpacity(0.72)
      .fill('#ffffff');
    doc.restore();
  }
  doc.fillColor(at.color).text(text, left, top, { lineBreak: false });
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
function drawLegend(
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

/**
 * The report's map as vector paths: the township, the villages (the report's own outlined, the
 * others faint or filled by progress), water and roads, a key area, premises as dots by status,
 * names, then legend, north arrow and scale bar — everything clipped to the box and framed by a
 * thin line. `k` scales the lettering, symbols and furniture (1 on A4; more on a wall map).
 */
export function drawReportMap(doc: Doc, map: ReportMap, box: Box, fonts: PdfFonts, k = 1): MapFrame {
  const frame = mapFrame(map.bbox, box, 4);
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.rect(box.x, box.y, box.width, box.height).fill('#f1efe8');
  if (map.township) {
    tracePolygon(doc, frame, map.township);
    doc.fill('#ffffff', 'even-odd');
  }
  for (const v of map.villages) {
    if (v.focus) continue;
    tracePolygon(doc, frame, v.geometry);
    if (v.fill) doc.fillColor(hex(v.fill)).fill('even-odd');
    else doc.fillColor('#f4f4f2').fill('even-odd');
    tracePolygon(doc, frame, v.geometry);
    doc.lineWidth(0.5).strokeColor('#b0b0b0').stroke();
  }
  for (const v of map.villages.filter((x) => x.focus)) {
    tracePolygon(doc, frame, v.geometry);
    doc.fillColor(v.fill ? hex(v.fill) : '#fffef8').fill('even-odd');
  }
  for (const w of map.water) {
    traceLine(doc, frame, w.geometry);
    doc
      .lineWidth(WATER_WIDTH[w.class] ?? 1.2)
      .lineCap('round')
      .lineJoin('round')
      .strokeColor('#86b7de')
      .stroke();
  }
  for (const cls of ['village', 'main']) {
    const style = ROAD_STYLE[cls];
    for (const r of map.roads.filter((x) => (ROAD_STYLE[x.class] ? x.class : 'village') === cls)) {
      traceLine(doc, frame, r.geometry);
      doc.lineWidth(style.width).lineCap('round').lineJoin('round').strokeColor(style.color).stroke();
    }
  }
  if (map.township) {
    tracePolygon(doc, frame, map.township);
    doc.lineWidth(1.2).dash(4, { space: 2 }).strokeColor('#6b7785').stroke();
    doc.undash();
  }
  for (const v of map.villages.filter((x) => x.focus)) {
    tracePolygon(doc, frame, v.geometry);
    doc
      .lineWidth(1.8 * k)
      .strokeColor('#b03a2e')
      .stroke();
  }
  if (map.keyArea) {
    tracePolygon(doc, frame, map.keyArea.geometry);
    doc
      .lineWidth(2 * k)
      .dash(6 * k, { space: 3 * k })
      .strokeColor(KEY_AREA)
      .stroke();
    doc.undash();
  }
  let counts: number[] | null = null;
  if (map.dots) {
    const { lng, lat, status } = map.dots;
    const r = dotRadius(lng.length, box, k);
    counts = STATUSES.map(() => 0);
    // One path per status: a few thousand circles fill as one operator each.
    STATUSES.forEach((s, si) => {
      let any = false;
      for (let i = 0; i < lng.length; i++) {
        if (status[i] !== si) continue;
        const [x, y] = frame.project(lng[i], lat[i]);
        doc.circle(x, y, r);
        any = true;
        (counts as number[])[si]++;
      }
      if (any) doc.lineWidth(0.35).fillAndStroke(hex(s.color), '#ffffff');
    });
  }
  for (const v of map.villages) {
    if (!v.label) continue;
    const [x, y] = frame.project(v.label[0], v.label[1]);
    const size = (v.focus ? 9 : map.dots ? 7 : 8) * k;
    const color = map.dots && !v.focus ? '#4a5563' : INK;
    doc.font(v.focus || !map.dots ? fonts.bold : fonts.regular).fontSize(size);
    centredText(doc, v.name, { x, y: v.note ? y - size * 0.6 : y, color }, box, true);
    if (v.note) {
      doc.font(fonts.regular).fontSize(size - 1);
      centredText(doc, v.note, { x, y: y + size * 0.65, color }, box, true);
    }
  }
  doc.restore();
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).lineWidth(0.8).stroke('#4a5563');
  doc.restore();
  drawLegend(doc, map, box, fonts, map.dots ? counts : null, k);
  drawNorthArrow(doc, box.x + box.width - 18 * k, box.y + 8 * k, 26 * k, fonts);
  drawScaleBar(doc, frame, box.x + box.width - 10 * k, box.y + box.height - 8 * k, fonts, k);
  return frame;
}
