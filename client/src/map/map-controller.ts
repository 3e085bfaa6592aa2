import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapView } from '../lib/url-state';
import type { DrawSession, DrawStatus } from './draw/draw-types';
import { GLYPH_MIN_ZOOM, MAP_FONT_FAMILY } from './layers/layer-state';
import { type PreviewCollection, previewLayer } from './layers/preview-layer';
import { captureMap, type MapCapture } from './map-capture';
import { type LngLat, startPinPlacement } from './pin-placement';

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
  /** Called on every change of the drawing (tool, shape, undo), once drawing has started. */
  onDrawStatus(status: DrawStatus): void;
}

const loadDrawSession = () => import('./draw/draw-session');

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
  private readonly styleReady: Promise<void>;
  private drawSession: Promise<DrawSession> | null = null;
  private session: DrawSession | null = null;
  /** A drawing tool is in hand: clicks and hovers belong to it, not to the premises. */
  private drawingActive = false;
  private destroyed = false;
  /** The layers from state, and an import preview drawn over them. */
  private baseLayers: Layer[] = [];
  private preview: Layer | null = null;
  /** A pin is being placed by hand: clicks belong to it, not to the premises. */
  private placingActive = false;

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
    this.styleReady = new Promise((resolve) => this.map.once('style.load', () => resolve()));
    this.showGlyphs = this.map.getZoom() >= GLYPH_MIN_ZOOM;
    this.overlay = new MapLibreOverlay({
      interleaved: false,
      layers: [],
      getTooltip: (info) => (this.drawingActive || this.placingActive ? null : opts.getTooltip(info)),
      onClick: (info) => {
        if (!this.drawingActive && !this.placingActive) opts.onClick(info);
      },
      onAfterRender: () => this.afterRender(),
    });
    this.map.addControl(this.overlay);
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
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
    this.baseLayers = layers;
    this.overlay.setProps({ layers: this.preview ? [...layers, this.preview] : layers });
  }

  /** Shows features of an upload over the map (e.g. boundaries before they are committed); null hides them. */
  setPreviewGeoJSON(collection: PreviewCollection | null): void {
    this.preview = collection ? previewLayer(collection) : null;
    this.setLayers(this.baseLayers, this.premisesLoaded);
  }

  /**
   * Lets a person place a pin by clicking or dragging (shown first at `start`); each placement is
   * reported through `onPlace`. Returns the function that ends it.
   */
  startPlacing(start: LngLat | null, onPlace: (lngLat: LngLat) => void): () => void {
    this.placingActive = true;
    const stop = startPinPlacement(this.map, start, onPlace);
    return () => {
      stop();
      this.placingActive = false;
    };
  }

  /** Eases the map to a point at (at least) the given zoom. */
  flyTo(lngLat: LngLat, zoom: number): void {
    this.map.easeTo({ center: lngLat, zoom: Math.max(zoom, this.map.getZoom()), duration: 700 });
  }

  /** What the map shows: [west, south, east, north] and the zoom (a big record's premises are fetched by it). */
  viewBox(): { box: [number, number, number, number]; zoom: number } {
    const b = this.map.getBounds();
    return { box: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: this.map.getZoom() };
  }

  /** The map's size in CSS pixels. */
  get size(): { width: number; height: number } {
    const c = this.map.getContainer();
    return { width: c.clientWidth, height: c.clientHeight };
  }

  /** The current view as a picture (basemap and layers), rendered at `pixelRatio`. */
  capture(pixelRatio: number): Promise<MapCapture> {
    return captureMap(this.map, this.overlay, pixelRatio);
  }

  /** Eases the map to show the given bounds. */
  fitBounds(bounds: [number, number, number, number]): void {
    this.map.fitBounds(bounds, { padding: 48, duration: 900, maxZoom: 16 });
  }

  /** Eases the map to the given bounds unless they are already wholly in view. */
  revealBounds(bounds: [number, number, number, number]): void {
    const view = this.map.getBounds();
    if (view.contains([bounds[0], bounds[1]]) && view.contains([bounds[2], bounds[3]])) return;
    this.fitBounds(bounds);
  }

  resize(): void {
    this.map.resize();
  }

  /** The drawing session if a tool has been used on this map, else null (nothing is loaded for it). */
  get drawingIfStarted(): DrawSession | null {
    return this.session;
  }

  /** Fetches the drawing code ahead of use (e.g. when the pointer reaches the toolbar). */
  preloadDrawing(): void {
    void loadDrawSession().catch(() => undefined);
  }

  /**
   * The drawing tools on this map. Their code (terra-draw) loads on the first call; the session
   * starts once the style has loaded, and only once per map, however often this is called.
   */
  drawing(): Promise<DrawSession> {
    if (!this.drawSession) {
      const session = Promise.all([loadDrawSession(), this.styleReady]).then(([{ createDrawSession }]) => {
        if (this.destroyed) throw new Error('the map was closed before drawing could start');
        this.session = createDrawSession(this.map, (status) => {
          this.drawingActive = status.mode !== null;
          this.opts.onDrawStatus(status);
        });
        return this.session;
      });
      // A tool is in hand from the click that asked for it: clicks while its code loads are not premise clicks.
      this.drawingActive = true;
      // A failed load (e.g. the network dropped) may be retried by calling again.
      session.catch(() => {
        if (this.drawSession === session) this.drawSession = null;
        this.drawingActive = false;
      });
      this.drawSession = session;
    }
    return this.drawSession;
  }

  destroy(): void {
    this.destroyed = true;
    this.session?.stop();
    this.overlay.finalize();
    this.map.remove();
  }

  private afterRender(): void {
    if (this.premisesLoaded) this.framesSinceData++;
    // Data that arrives once the map is still (a big record's cells) draws one frame and no more:
    // the browser's next frame is the one after it.
    if (this.framesSinceData === 1)
      requestAnimationFrame(() => {
        if (this.destroyed || this.framesSinceData !== 1) return;
        this.framesSinceData++;
        this.checkReady();
      });
    this.checkReady();
  }

  /** Ready once the style has loaded and a frame has drawn after the one that uploaded the points. */
  private checkReady(): void {
    if (this.readyFired || !this.styleLoaded || !this.premisesLoaded || this.framesSinceData < 2) return;
    this.readyFired = true;
    this.opts.onReady();
  }
}
