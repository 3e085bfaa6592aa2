import type PDFDocument from 'pdfkit';
import { STATUSES } from '../statuses';
import { type Box, type MapFrame, mapFrame, projectLine } from './map-frame';
import { drawLegend, drawNorthArrow, drawScaleBar, hex } from './map-furniture';
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
function dotRadius(count: number, box: Box, k = 1): number {
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
