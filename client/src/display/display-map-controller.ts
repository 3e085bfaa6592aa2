import type { Layer } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Bounds } from './display-geo';
import { DISPLAY_MAP_FONT } from './display-layers';

// Without this MapLibre 6 cannot start its workers under Vite, and GeoJSON sources silently stay empty.
setWorkerUrl(workerUrl);

export interface DisplayMapOptions {
  container: HTMLElement;
  styleUrl: string;
  bounds: Bounds;
  /** Canvas pixels per CSS pixel of the (unscaled) stage: devicePixelRatio × stage scale. */
  pixelRatio: number;
  /** Called once: the basemap has loaded and a frame with data has drawn. */
  onReady(): void;
}

/** Our API is always on the page's own origin, whatever host name the server wrote into the style. */
function sameOrigin(url: string): { url: string } {
  const u = new URL(url, location.href);
  return { url: u.pathname.startsWith('/api/') ? `${location.origin}${u.pathname}${u.search}` : u.href };
}

/** Padding around what the map shows, in stage pixels. */
const PADDING = 36;

/**
 * Owns the big screen's MapLibre map and deck.gl overlay. Nobody touches the map: it has no
 * controls and moves only when the tour or the focus asks.
 */
export class DisplayMapController {
  private readonly map: MapLibreMap;
  private readonly overlay: MapLibreOverlay;
  private styleLoaded = false;
  private hasData = false;
  private framesWithData = 0;
  private readyFired = false;

  constructor(private readonly opts: DisplayMapOptions) {
    this.map = new MapLibreMap({
      container: opts.container,
      style: sameOrigin(opts.styleUrl).url,
      bounds: opts.bounds,
      fitBoundsOptions: { padding: PADDING },
      interactive: false,
      attributionControl: false,
      pixelRatio: opts.pixelRatio,
      fadeDuration: 0,
      localIdeographFontFamily: DISPLAY_MAP_FONT,
      transformRequest: sameOrigin,
    });
    this.overlay = new MapLibreOverlay({
      interleaved: false,
      layers: [],
      useDevicePixels: opts.pixelRatio,
      onAfterRender: () => {
        if (this.hasData) this.framesWithData++;
        this.checkReady();
      },
    });
    this.map.addControl(this.overlay);
    this.map.on('load', () => {
      this.styleLoaded = true;
      this.checkReady();
    });
  }

  /** Replaces the layers (same ids: deck.gl diffs them and keeps its buffers). */
  setLayers(layers: Layer[], hasData: boolean): void {
    if (hasData && !this.hasData) this.framesWithData = 0;
    this.hasData = hasData;
    this.overlay.setProps({ layers });
  }

  setPixelRatio(pixelRatio: number): void {
    if (this.map.getPixelRatio() === pixelRatio) return;
    this.map.setPixelRatio(pixelRatio);
    this.overlay.setProps({ useDevicePixels: pixelRatio });
  }

  /** Flies to show `bounds` (the township when the tour comes back round), clear of a card on the right. */
  show(bounds: Bounds, durationMs: number, cardWidth = 0): void {
    const p = PADDING * 2;
    this.map.fitBounds(bounds, {
      padding: { top: p, bottom: p, left: p, right: p + cardWidth },
      duration: durationMs,
      maxZoom: 16,
      essential: true,
    });
  }

  destroy(): void {
    this.overlay.finalize();
    this.map.remove();
  }

  private checkReady(): void {
    if (this.readyFired || !this.styleLoaded || this.framesWithData < 1) return;
    this.readyFired = true;
    this.opts.onReady();
  }
}
