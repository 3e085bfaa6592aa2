import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  type GeoJSONStoreFeatures,
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawFreehandMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  TerraDrawUndoRedoKeyboardShortcuts,
  ValidateNotSelfIntersecting,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { DrawListener, DrawMode, DrawSession, DrawStatus } from './draw-types';

// This module is the only one that imports terra-draw; MapController loads it with import() on first
// use, so none of it is in the page's first load.

const INK = '#e65100';
const HANDLE = '#ffffff';

/** A shape that crosses itself cannot be a key area (the server refuses it): refuse it while drawing. */
const noSelfIntersection: ConstructorParameters<typeof TerraDrawPolygonMode>[0] = {
  validation: (feature, { updateType }) =>
    String(updateType) === 'provisional' ? { valid: true } : ValidateNotSelfIntersecting(feature),
};

const shapeStyles = { fillColor: INK, fillOpacity: 0.12, outlineColor: INK, outlineWidth: 2.5 } as const;

/** Editable in select mode: drag the shape, drag a vertex, drag a midpoint to add one, delete a vertex. */
const editable = {
  feature: {
    draggable: true,
    selfIntersectable: false,
    coordinates: { draggable: true, midpoints: true, deletable: true },
  },
};

function createDraw(map: MapLibreMap): TerraDraw {
  // Escape is the page's (see DrawToolbar): it cancels whichever element has the focus.
  const keys = { cancel: null, finish: 'Enter' };
  const dragOrClick = 'click-move-or-drag' as const;
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'key-area-draw' }),
    modes: [
      new TerraDrawPolygonMode({
        ...noSelfIntersection,
        keyEvents: keys,
        pointerDistance: 30,
        styles: {
          ...shapeStyles,
          closingPointColor: HANDLE,
          closingPointOutlineColor: INK,
          closingPointWidth: 6,
          closingPointOutlineWidth: 2,
        },
      }),
      new TerraDrawRectangleMode({ keyEvents: keys, drawInteraction: dragOrClick, styles: shapeStyles }),
      new TerraDrawCircleMode({ keyEvents: keys, drawInteraction: dragOrClick, styles: shapeStyles }),
      new TerraDrawFreehandMode({ keyEvents: keys, drawInteraction: dragOrClick, styles: shapeStyles }),
      new TerraDrawSelectMode({
        flags: { polygon: editable, rectangle: editable, circle: editable, freehand: editable },
        keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
        pointerDistance: 30,
        styles: {
          selectedPolygonColor: INK,
          selectedPolygonFillOpacity: 0.16,
          selectedPolygonOutlineColor: INK,
          selectedPolygonOutlineWidth: 3,
          selectionPointColor: HANDLE,
          selectionPointOutlineColor: INK,
          selectionPointWidth: 6,
          selectionPointOutlineWidth: 2,
          midPointColor: INK,
          midPointOutlineColor: HANDLE,
          midPointWidth: 4,
        },
      }),
    ],
    undoRedo: {
      modeLevel: new TerraDrawModeUndoRedo(),
      keyboardShortcuts: new TerraDrawUndoRedoKeyboardShortcuts(),
    },
  });
}

const isDrawnPolygon = (f: GeoJSONStoreFeatures) =>
  f.geometry.type === 'Polygon' && !f.properties.currentlyDrawing;

/** Terra Draw on the MapLibre map, one closed shape at a time. Create it once the style has loaded. */
class TerraDrawSession implements DrawSession {
  private readonly draw: TerraDraw;
  private shape: Polygon | null = null;
  private origin: DrawStatus['origin'] = null;
  private stopped = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly listener: DrawListener,
  ) {
    this.draw = createDraw(map);
    this.draw.start();
    this.draw.on('finish', (id, context) => {
      if (context.action === 'draw') {
        // A new shape replaces the previous one, and is selected so its vertices can be moved at once.
        const others = this.draw.getSnapshot().filter((f) => f.id !== id && f.id !== undefined);
        if (others.length > 0) this.draw.removeFeatures(others.map((f) => f.id as string));
        this.draw.setMode('select');
        this.draw.selectFeature(id);
        this.origin = 'drawn';
      }
      this.readShape();
    });
    this.draw.on('change', (_ids, type) => {
      if (type === 'delete') this.readShape();
      else this.emit();
    });
    this.draw.on('history', () => this.emit());
    // A new style (another basemap) drops our layers: start again with the same features.
    map.on('style.load', this.restart);
  }

  setMode(mode: DrawMode | null): void {
    this.draw.setMode(mode ?? 'static');
    if (mode === 'select') {
      const [first] = this.draw.getSnapshot().filter(isDrawnPolygon);
      if (first?.id !== undefined) this.draw.selectFeature(first.id);
    }
    this.emit();
  }

  undo(): void {
    this.draw.undo();
    this.emit();
  }

  cancel(): void {
    const mode = this.draw.getMode();
    const wasDrawing = this.draw.getModeState() === 'drawing';
    // Leaving a mode drops the shape it was drawing; coming back keeps the tool in hand.
    this.draw.setMode('static');
    if (wasDrawing) this.draw.setMode(mode);
    this.emit();
  }

  clear(): void {
    this.draw.clear();
    this.readShape();
  }

  edit(shape: Polygon): void {
    this.draw.clear();
    this.draw.setMode('select');
    const [result] = this.draw.addFeatures([
      { type: 'Feature', geometry: structuredClone(shape), properties: { mode: 'polygon' } },
    ]);
    if (result?.valid) this.draw.selectFeature(result.id as string);
    this.origin = 'edited';
    this.readShape();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.map.off('style.load', this.restart);
    this.draw.stop();
  }

  private readonly restart = () => {
    if (this.stopped) return;
    const features = this.draw.getSnapshot().filter(isDrawnPolygon);
    const mode = this.draw.getMode();
    this.draw.stop();
    this.draw.start();
    this.draw.addFeatures(features);
    this.draw.setMode(mode);
  };

  private readShape(): void {
    const [first] = this.draw.getSnapshot().filter(isDrawnPolygon);
    this.shape = first ? (structuredClone(first.geometry) as Polygon) : null;
    if (!this.shape) this.origin = null;
    this.emit();
  }

  private status(): DrawStatus {
    const mode = this.draw.getMode();
    return {
      mode: mode === 'static' ? null : (mode as DrawMode),
      drawing: this.draw.getModeState() === 'drawing',
      canUndo: this.draw.canUndo(),
      shape: this.shape,
      origin: this.shape ? this.origin : null,
    };
  }

  private emit(): void {
    if (!this.stopped) this.listener(this.status());
  }
}

/** Starts drawing on `map` (its style loaded), reporting every change to `listener`. */
export function createDrawSession(map: MapLibreMap, listener: DrawListener): DrawSession {
  return new TerraDrawSession(map, listener);
}
