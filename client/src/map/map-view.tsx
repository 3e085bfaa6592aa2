import { bbox } from '@turf/turf';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { acceptanceMapClick } from '../acceptance/acceptance-store';
import { BASEMAP_STYLE_PATH } from '../api';
import { useCampaignData } from '../campaign-data';
import type { CampaignDay } from '../lib/campaign-days';
import { cellHeatAt, type HeatPoints } from '../lib/cell-points';
import type { Rgba } from '../lib/choropleth';
import { premiseIndexOf } from '../lib/premise-lookup';
import { type PremiseSelection, unlicensedPositionsAt } from '../lib/premise-selection';
import { useStore } from '../store';
import { usePremiseFilter } from '../use-day-state';
import { useWorklistRing } from '../worklists/worklist-ring-store';
import { NO_DRAWING, useDrawStore } from './draw/draw-store';
import { buildLayers } from './layers/build-layers';
import { GLYPH_CHARACTERS } from './layers/glyph-layer';
import { type LayerState, MAP_FONT_FAMILY } from './layers/layer-state';
import { labelCharacters } from './layers/village-layers';
import { MapController } from './map-controller';
import { MapControllerContext } from './map-controller-context';
import { pickedPremise, premiseTooltip } from './premise-tooltip';
import { useFontsReady } from './use-fonts-ready';
import { useKeyAreaLayers } from './use-key-area-layers';
import { usePixelScale } from './use-pixel-scale';
import { useViewportPremises } from './use-viewport-premises';

interface Props {
  day: CampaignDay;
  points: PremiseSelection;
  modelPoints: PremiseSelection;
  heatPositions: Float32Array;
  villageColors: ReadonlyMap<number, Rgba>;
  /** Overlays on the map that use its controller (drawing tools, area panel). */
  children?: ReactNode;
}

type Bounds = [number, number, number, number];

/** The map: creates the MapController once and pushes the layers built from state into it. */
export function MapView({ day, points, modelPoints, heatPositions, villageColors, children }: Props) {
  const data = useCampaignData();
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const [ready, setReady] = useState(false);
  const [showGlyphs, setShowGlyphs] = useState(false);
  const layers = useStore((s) => s.layers);
  const village = useStore((s) => s.village);
  const premise = useStore((s) => s.premise);
  const lang = useStore((s) => s.lang);
  const characters = useMemo(() => GLYPH_CHARACTERS + labelCharacters(data.labels), [data]);
  const fontsReady = useFontsReady(MAP_FONT_FAMILY, characters);
  const pixelScale = usePixelScale();
  const keyAreaState = useKeyAreaLayers(controllerRef);
  const worklistRing = useWorklistRing((s) => s.ring);
  // A record too big to take whole: cells zoomed out, the premises in view zoomed in.
  const filter = usePremiseFilter();
  const categoryCodes = useStore((s) => s.categories);
  const statusKeys = useStore((s) => s.statuses);
  const codes = useMemo(
    () => ({ categories: categoryCodes, statuses: statusKeys, village }),
    [categoryCodes, statusKeys, village],
  );
  const viewport = useViewportPremises(controller, !data.wholeLayer, filter, codes);
  const shownPoints = data.wholeLayer ? points : viewport.points;
  // A big record's heat: zoomed out from the cells (weighted by their unlicensed premises), zoomed
  // in from the premises in view — on the slider date, and only while the heatmap is on.
  const heatmapOn = layers.includes('heatmap');
  const viewportHeat = useMemo((): HeatPoints | null => {
    if (data.wholeLayer || !heatmapOn) return null;
    if (viewport.cells) return cellHeatAt(viewport.cells, day);
    if (viewport.premises && viewport.rows)
      return { positions: unlicensedPositionsAt(viewport.premises, viewport.rows, day), weights: null };
    return null;
  }, [data.wholeLayer, heatmapOn, viewport.cells, viewport.premises, viewport.rows, day]);
  const premises = data.wholeLayer ? data.premises : (viewport.premises ?? data.premises);

  // Callbacks read the latest values through a ref: the controller is created once.
  // The data too: an import reloads the premises layer, and that must not recreate the map.
  const latest = useRef({ points: shownPoints, premises, lang, data });
  latest.current = { points: shownPoints, premises, lang, data };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { setView, setPremise, setArea } = useStore.getState();
    const villageName = (id: number) => latest.current.data.villageById.get(id)?.properties.name ?? '';
    const controller = new MapController({
      container,
      styleUrl: BASEMAP_STYLE_PATH,
      bounds: latest.current.data.campaign.bbox as Bounds,
      view: useStore.getState().view,
      onViewChange: setView,
      onGlyphZoomChange: setShowGlyphs,
      onClick: (info) => {
        const { points, premises, data } = latest.current;
        const p = pickedPremise(info, points, premises);
        if (p >= 0) setPremise(premises.id[p]);
        else if (info.layer?.id === 'key-areas' && info.object) setArea(info.object.properties.id);
        else if (info.coordinate) acceptanceMapClick(data.villages, info.coordinate);
      },
      getTooltip: (info) =>
        premiseTooltip(
          info,
          latest.current.points,
          latest.current.premises,
          villageName,
          latest.current.lang,
        ),
      onReady: () => setReady(true),
      onDrawStatus: (status) => useDrawStore.setState(status),
    });
    controllerRef.current = controller;
    setController(controller);
    setShowGlyphs(controller.glyphsShown);
    const resize = new ResizeObserver(() => controller.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      controller.destroy();
      controllerRef.current = null;
      setController(null);
      useDrawStore.setState(NO_DRAWING);
    };
  }, []);

  // Zoom to a village when it becomes the filter (not on first load: the URL's view wins then).
  const shownVillage = useRef(village);
  useEffect(() => {
    if (village === shownVillage.current) return;
    shownVillage.current = village;
    const feature = village === null ? null : data.villageById.get(village);
    controllerRef.current?.fitBounds(feature ? (bbox(feature) as Bounds) : (data.campaign.bbox as Bounds));
  }, [village, data]);

  const selectedPosition = useMemo((): [number, number] | null => {
    const p = premise === null ? -1 : premiseIndexOf(premises, premise);
    return p < 0 ? null : [premises.position[p * 2], premises.position[p * 2 + 1]];
  }, [premise, premises]);

  const state: LayerState = {
    day,
    layers,
    points: shownPoints,
    cells: viewport.cells,
    modelPoints: data.wholeLayer ? modelPoints : viewport.modelPoints,
    heatPositions: viewportHeat ? viewportHeat.positions : heatPositions,
    heatWeights: viewportHeat?.weights ?? null,
    villages: data.villages,
    labels: data.labels,
    villageColors,
    selectedVillage: village,
    selectedPosition,
    worklistRing,
    ...keyAreaState,
    showGlyphs,
    fontsReady,
    pixelScale,
  };
  useEffect(() => {
    // The map is ready (data-ready) once the premises have drawn, not while their layer is on its way.
    controllerRef.current?.setLayers(buildLayers(state), data.premisesReady || viewport.loaded);
  });

  return (
    <div className="map-frame" data-testid="map" data-ready={ready ? 'true' : 'false'}>
      <div ref={containerRef} className="map-canvas" />
      <MapControllerContext.Provider value={controller}>{children}</MapControllerContext.Provider>
    </div>
  );
}
