import { type ScaleBar, scaleBar } from '@domain/report/scale-bar';

export { type ScaleBar, scaleBar };
/** Sizes offered for the map picture, in pixels. A4 landscape at 300 dpi is 3508 × 2480. */
export const PNG_SIZES = [
  { key: 'hd', width: 1920, height: 1080 },
  { key: 'uhd', width: 3840, height: 2160 },
  { key: 'a4', width: 3508, height: 2480 },
] as const;
export type PngSizeKey = (typeof PNG_SIZES)[number]['key'];

const EARTH_CIRCUMFERENCE_METERS = 40_075_016.686;
/** MapLibre's zoom levels are for 512-pixel tiles. */
const TILE_PIXELS = 512;

/** Ground metres per CSS pixel of a Web-Mercator map at a latitude and zoom. */
export function metersPerPixel(latDegrees: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_METERS * Math.cos((latDegrees * Math.PI) / 180)) / (TILE_PIXELS * 2 ** zoom);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of a source picture that covers the target box (centred crop), and the scale it is drawn at. */
export function coverCrop(
  sourceWidth: number,
  sourceHeight: number,
  targetWidth: number,
  targetHeight: number,
): Rect & { scale: number } {
  const scale = Math.max(targetWidth / sourceWidth, targetHeight / sourceHeight);
  const width = targetWidth / scale;
  const height = targetHeight / scale;
  return { x: (sourceWidth - width) / 2, y: (sourceHeight - height) / 2, width, height, scale };
}

/**
 * How many device pixels per CSS pixel to render the map at so the picture is sharp, kept under the
 * largest canvas side WebGL allows (and at least the screen's own ratio).
 */
export function captureRatio(
  cssWidth: number,
  cssHeight: number,
  mapBox: { width: number; height: number },
  opts: { screenRatio?: number; maxSide?: number } = {},
): number {
  const { screenRatio = 1, maxSide = 4096 } = opts;
  const wanted = Math.max(mapBox.width / cssWidth, mapBox.height / cssHeight);
  const allowed = maxSide / Math.max(cssWidth, cssHeight);
  return Math.min(Math.max(wanted, screenRatio), allowed);
}

export interface LegendItem {
  label: string;
  color: readonly [number, number, number];
}

export interface PictureLayout {
  /** Size unit: 1 at 1080 pixels on the short side. */
  unit: number;
  titleBand: Rect;
  map: Rect;
  title: { x: number; y: number; fontPx: number };
  subtitle: { x: number; y: number; fontPx: number };
  legend: Rect & {
    padding: number;
    fontPx: number;
    headingPx: number;
    rowPx: number;
    swatchPx: number;
    rows: { label: string; color: readonly [number, number, number]; x: number; y: number }[];
  };
  northArrow: { x: number; y: number; size: number };
  scaleBar: { x: number; y: number; maxPixels: number; fontPx: number };
}

/**
 * Where everything goes on a picture of `width` × `height`: a title band on top, the map below it,
 * the legend bottom-left, the north arrow top-right and the scale bar bottom-right of the map.
 * `measure` gives a text's width in pixels at a font size (the canvas's measureText in the page).
 */
export function pictureLayout(
  width: number,
  height: number,
  legendTitle: string,
  items: readonly LegendItem[],
  measure: (text: string, fontPx: number) => number,
): PictureLayout {
  const unit = Math.min(width, height) / 1080;
  const bandHeight = Math.round(84 * unit);
  const margin = 24 * unit;
  const map = { x: 0, y: bandHeight, width, height: height - bandHeight };

  const fontPx = 18 * unit;
  const headingPx = 20 * unit;
  const rowPx = 28 * unit;
  const swatchPx = 16 * unit;
  const padding = 14 * unit;
  const textWidth = Math.max(
    measure(legendTitle, headingPx),
    ...items.map((i) => swatchPx + 10 * unit + measure(i.label, fontPx)),
  );
  const legendWidth = padding * 2 + textWidth;
  const legendHeight = padding * 2 + headingPx * 1.4 + rowPx * items.length;
  const legendX = map.x + margin;
  const legendY = map.y + map.height - margin - legendHeight;
  const rowsTop = legendY + padding + headingPx * 1.4;

  const arrowSize = 64 * unit;
  return {
    unit,
    titleBand: { x: 0, y: 0, width, height: bandHeight },
    map,
    title: { x: margin, y: bandHeight * 0.47, fontPx: 32 * unit },
    subtitle: { x: margin, y: bandHeight * 0.8, fontPx: 17 * unit },
    legend: {
      x: legendX,
      y: legendY,
      width: legendWidth,
      height: legendHeight,
      padding,
      fontPx,
      headingPx,
      rowPx,
      swatchPx,
      rows: items.map((item, i) => ({
        label: item.label,
        color: item.color,
        x: legendX + padding,
        y: rowsTop + i * rowPx + rowPx / 2,
      })),
    },
    northArrow: { x: map.x + map.width - margin - arrowSize / 2, y: map.y + margin, size: arrowSize },
    scaleBar: {
      x: map.x + map.width - margin,
      y: map.y + map.height - margin,
      maxPixels: 220 * unit,
      fontPx: 17 * unit,
    },
  };
}

/** The picture's file name for a date: map-YYYY-MM-DD.png. */
export function pictureFileName(at: string): string {
  return `map-${at}.png`;
}

/** Width and height from a PNG's header (IHDR), or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
