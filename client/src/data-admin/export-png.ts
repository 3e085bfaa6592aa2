import { drawMapPicture } from '../lib/png-export-draw';
import {
  captureRatio,
  coverCrop,
  type LegendItem,
  metersPerPixel,
  pictureLayout,
  scaleBar,
} from '../lib/png-export-layout';
import { MAP_FONT_FAMILY } from '../map/layers/layer-state';
import type { MapController } from '../map/map-controller';

export interface PictureText {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendItem[];
}

/** The largest canvas side asked of WebGL while capturing (software renderers allow about this). */
const MAX_CAPTURE_SIDE = 4096;

/**
 * The current map view as a PNG of `width` × `height`: the map rendered sharp for that size and
 * cropped to fill it, with title, legend, north arrow and scale bar drawn over it.
 */
export async function mapPicture(
  controller: MapController,
  width: number,
  height: number,
  text: PictureText,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const allText = [text.title, text.subtitle, text.legendTitle, ...text.legend.map((l) => l.label)].join('');
  // The Chinese font loads by subsets as glyphs are used; make sure these are in before drawing.
  await Promise.all([
    document.fonts.load(`700 32px ${MAP_FONT_FAMILY}`, allText),
    document.fonts.load(`400 18px ${MAP_FONT_FAMILY}`, allText),
  ]).catch(() => undefined);
  const measure = (s: string, px: number) => {
    ctx.font = `400 ${px}px ${MAP_FONT_FAMILY}`;
    return ctx.measureText(s).width;
  };
  const layout = pictureLayout(width, height, text.legendTitle, text.legend, measure);
  const css = controller.size;
  const ratio = captureRatio(css.width, css.height, layout.map, {
    screenRatio: window.devicePixelRatio || 1,
    maxSide: MAX_CAPTURE_SIDE,
  });
  const shot = await controller.capture(ratio);
  const crop = coverCrop(shot.canvas.width, shot.canvas.height, layout.map.width, layout.map.height);
  const metersPerOutputPixel = metersPerPixel(shot.lat, shot.zoom) / shot.pixelRatio / crop.scale;
  drawMapPicture(ctx, layout, {
    map: shot.canvas,
    crop,
    title: text.title,
    subtitle: text.subtitle,
    legendTitle: text.legendTitle,
    scale: scaleBar(metersPerOutputPixel, layout.scaleBar.maxPixels),
    fontFamily: MAP_FONT_FAMILY,
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  );
}

/** Saves a blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
