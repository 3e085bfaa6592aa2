import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapView } from '../lib/url-state';
import { GLYPH_MIN_ZOOM, MAP_FONT_FAMILY } from './layers/layer-state';

// Without this MapLibre 6 cannot start its workers under Vite, and GeoJSON sources silently stay empty.
setWorkerUrl(workerUrl);

type Tooltip = { text: string; className?: string } | null;

export interface MapControllerOptions {
  container: HTMLElement;
  styleUrl: string;
  /** Fitted when no view is given: [west, south, east, north]. */
  bounds: [number, number, number, number];
  view: MapView | null;
  onViewChange(view: MapView): void;
  onGlyphZoomChange(showGlyphs: boolean): void;
  onClick(info: PickingInfo): void;
  getTooltip(info: PickingInfo): Tooltip;
  /** Called once: the basemap style has loaded and the premises layer has drawn. */
  onReady(): void;
}

/** Our API is always on the page's own origin, whatever host name the server wrote into the style. */
function sameOrigin(url: string): { url: string } {
  const u = new URL(url, location.href);
  return { url: u.pathname.startsWith('/api/') ? `${location.origin}${u.pathname}${u.search}` : u.href };
}

/**
 * Owns the MapLibre map and the deck.gl overlay. React creates one and pushes layers in;
 * nothing else touches the map.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private readonly overlay: MapLibreOverlay;
  private styleLoaded = false;
  private premisesLoaded = false;
  private framesSinceData = 0;
  private readyFired = false;
  private showGlyphs: boolean;

  constructor(private readonly opts: MapControllerOptions) {
    const { container, view, bounds } = opts;
    this.map = new MapLibreMap({
      container,
      style: sameOrigin(opts.styleUrl).url,
      ...(view
        ? { center: [view.lng, view.lat], zoom: view.zoom }
        : { bounds, fitBoundsOptions: { padding: 24 } }),
      localIdeographFontFamily: MAP_FONT_FAMILY,
      transformRequest: sameOrigin,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 19,
    });
    this.map.touchZoomRotate.disableRotation();
    this.showGlyphs = this.map.getZoom() >= GLYPH_MIN_ZOOM;
    this.overlay = new MapLibreOverlay({
      interleaved: false,
      layers: [],
      getTooltip: (info) => opts.getTooltip(info),
      onClick: (info) => opts.onClick(info),
      onAfterRender: () => this.afterRender(),
    });
    this.map.addControl(this.overlay);
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.map.on('load', () => {
      this.styleLoaded = true;
      this.checkReady();
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      opts.onViewChange({ lng: c.lng, lat: c.lat, zoom: this.map.getZoom() });
    });
    this.map.on('zoom', () => {
      const show = this.map.getZoom() >= GLYPH_MIN_ZOOM;
      if (show !== this.showGlyphs) {
        this.showGlyphs = show;
        opts.onGlyphZoomChange(show);
      }
    });
  }

  /** Whether the current zoom shows the category glyphs. */
  get glyphsShown(): boolean {
    return this.showGlyphs;
  }

  /** Replaces the deck.gl layers; `premisesLoaded` says the premises data is in them. */
  setLayers(layers: Layer[], premisesLoaded: boolean): void {
    if (premisesLoaded && !this.premisesLoaded) this.framesSinceData = 0;
    this.premisesLoaded = premisesLoaded;
    this.overlay.setProps({ layers });
  }

  /** Eases the map to show the given bounds. */
  fitBounds(bounds: [number, number, number, number]): void {
    this.map.fitBounds(bounds, { padding: 48, duration: 900, maxZoom: 16 });
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.overlay.finalize();
    this.map.remove();
  }

  private afterRender(): void {
    if (this.premisesLoaded) this.framesSinceData++;
    this.checkReady();
  }

  /** Ready once the style has loaded and a frame has drawn after the one that uploaded the points. */
  private checkReady(): void {
    if (this.readyFired || !this.styleLoaded || !this.premisesLoaded || this.framesSinceData < 2) return;
    this.readyFired = true;
    this.opts.onReady();
  }
}
