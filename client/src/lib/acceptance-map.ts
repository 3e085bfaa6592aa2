import { campaignYearOf } from '@domain/acceptance/campaign-year-of';
import type { AcceptanceResult } from '@domain/acceptance/scorecard';
import { pointInShape, type ShapeEdges, shapeEdges } from '@domain/areas/point-in-polygon';
import type { Rgba } from './choropleth';
import type { VillageCollection } from './village-types';

/** A village's fill by its acceptance result: passed green, failed red, not signed grey (paler green when its record meets every target). */
export const RESULT_COLORS: Record<AcceptanceResult, Rgba> = {
  passed: [46, 125, 50, 170],
  failed: [198, 40, 40, 170],
  meets_targets: [174, 213, 129, 150],
  not_signed: [158, 158, 158, 110],
};

/** The map's village fills for a year's acceptance; villages the answer does not name are left clear. */
export function acceptanceColors(
  villages: readonly { id: number; result: AcceptanceResult }[],
): Map<number, Rgba> {
  return new Map(villages.map((v) => [v.id, RESULT_COLORS[v.result]]));
}

/** The campaign year a date falls in, or the nearest of the campaign's years. */
export function acceptanceYearOf(at: string, years: readonly number[]): number {
  return campaignYearOf(Number(at.slice(0, 4)), years);
}

const edgesCache = new WeakMap<VillageCollection, { id: number; shape: ShapeEdges }[]>();

/** The village whose boundary holds a point, or null (a click between villages or outside the township). */
export function villageAt(villages: VillageCollection, lngLat: readonly [number, number]): number | null {
  let shapes = edgesCache.get(villages);
  if (!shapes) {
    shapes = villages.features.map((f) => ({ id: f.properties.id, shape: shapeEdges(f.geometry) }));
    edgesCache.set(villages, shapes);
  }
  const [x, y] = lngLat;
  for (const { id, shape } of shapes) {
    const [w, s, e, n] = shape.bbox;
    if (x >= w && x <= e && y >= s && y <= n && pointInShape(shape, x, y)) return id;
  }
  return null;
}
