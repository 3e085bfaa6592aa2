import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The map as a picture (basemap with the deck.gl layers on top) and what is needed to measure it. */
export interface MapCapture {
  canvas: HTMLCanvasElement;
  /** Device pixels per CSS pixel the picture was rendered at. */
  pixelRatio: number;
  /** The view: centre latitude and zoom (for the scale bar); the map is never rotated. */
  lat: number;
  zoom: number;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves once the map has drawn everything it has to (tiles, sources), or at once if it already has. */
function idle(map: MapLibreMap): Promise<void> {
  if (map.loaded() && !map.isMoving()) return nextFrame();
  return new Promise((resolve) => map.once('idle', () => resolve()));
}

/**
 * Renders the map at `pixelRatio` and copies it into a fresh canvas. MapLibre's drawing buffer is
 * not preserved (that would cost every frame), so its canvas is copied inside the `render` event of
 * a frame drawn for this purpose; deck.gl's canvas preserves its buffer (luma.gl's default) and is
 * copied once it has drawn at the same size.
 */
export async function captureMap(
  map: MapLibreMap,
  overlay: MapLibreOverlay,
  pixelRatio: number,
): Promise<MapCapture> {
  const before = map.getPixelRatio();
  const resized = Math.abs(before - pixelRatio) > 1e-3;
  if (resized) {
    map.setPixelRatio(pixelRatio);
    overlay.setProps({ useDevicePixels: pixelRatio });
  }
  try {
    await idle(map);
    const out = document.createElement('canvas');
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    await new Promise<void>((resolve) => {
      map.once('render', () => {
        const source = map.getCanvas();
        out.width = source.width;
        out.height = source.height;
        ctx.drawImage(source, 0, 0);
        resolve();
      });
      map.triggerRepaint();
    });
    const deck = overlay.getCanvas();
    if (deck) {
      // deck.gl resizes its canvas on its own next frame; wait for it to match, then for a frame drawn at that size.
      for (let i = 0; i < 60 && (deck.width !== out.width || deck.height !== out.height); i++) {
        map.triggerRepaint();
        await nextFrame();
      }
      map.triggerRepaint();
      await nextFrame();
      await nextFrame();
      ctx.drawImage(deck, 0, 0, out.width, out.height);
    }
    return { canvas: out, pixelRatio, lat: map.getCenter().lat, zoom: map.getZoom() };
  } finally {
    if (resized) {
      map.setPixelRatio(before);
      overlay.setProps({ useDevicePixels: true });
    }
  }
}
