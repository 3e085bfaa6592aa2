import { useEffect, useMemo, useRef, useState } from 'react';
import { useFontsReady } from '../map/use-fonts-ready';
import { DISPLAY_STYLE_PATH } from './display-api';
import { type Bounds, geometryBounds } from './display-geo';
import { buildDisplayLayers, DISPLAY_MAP_FONT } from './display-layers';
import { DisplayMapController } from './display-map-controller';
import { useDisplayStore } from './display-store';
import { useStageScale } from './stage';

const FLY_MS = 2500;
/** The village card's width plus its margin (see .dsp-village-card). */
const CARD_PX = 320;

/** The township map: village progress, the unlicensed heatmap, key areas, names. */
export function DisplayMap({ focus }: { focus: number | null }) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<DisplayMapController | null>(null);
  const [ready, setReady] = useState(false);
  const campaign = useDisplayStore((s) => s.campaign);
  const villages = useDisplayStore((s) => s.villages);
  const areas = useDisplayStore((s) => s.areas);
  const frame = useDisplayStore((s) => s.frame);
  const scale = useStageScale();
  const pixelRatio = (window.devicePixelRatio || 1) * scale;
  const chars = useMemo(
    () =>
      [
        ...(villages?.features.map((f) => f.properties.name) ?? []),
        ...(areas?.features.map((f) => f.properties.name) ?? []),
      ].join('') || '村',
    [villages, areas],
  );
  const fontsReady = useFontsReady(DISPLAY_MAP_FONT, chars);
  const townshipBounds = campaign?.bbox as Bounds | undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once with the first bounds; later changes go through the controller
  useEffect(() => {
    if (!container.current || !townshipBounds) return;
    const c = new DisplayMapController({
      container: container.current,
      styleUrl: DISPLAY_STYLE_PATH,
      bounds: townshipBounds,
      pixelRatio,
      onReady: () => setReady(true),
    });
    controller.current = c;
    return () => {
      controller.current = null;
      c.destroy();
    };
  }, [townshipBounds !== undefined]);

  useEffect(() => {
    controller.current?.setPixelRatio(pixelRatio);
  }, [pixelRatio]);

  useEffect(() => {
    controller.current?.setLayers(
      buildDisplayLayers({ villages, areas, frame, focus, fontsReady }),
      villages !== null && frame !== null,
    );
  }, [villages, areas, frame, focus, fontsReady]);

  const focusBounds = useMemo(() => {
    const f = villages?.features.find((v) => v.properties.id === focus);
    return f ? geometryBounds(f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon) : null;
  }, [villages, focus]);
  const shown = useRef<Bounds | null>(null);
  useEffect(() => {
    const target = focusBounds ?? townshipBounds;
    // The map opens on the township: only fly once the focus moves away from it (or back).
    if (!target || (shown.current === null && focusBounds === null)) return;
    shown.current = target;
    controller.current?.show(target, FLY_MS, focusBounds ? CARD_PX : 0);
  }, [focusBounds, townshipBounds]);

  return (
    <div
      ref={container}
      className="dsp-map"
      data-testid="display-map"
      data-ready={ready ? 'true' : 'false'}
    />
  );
}
