import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';
import type { LocalFrame, XY } from './local-frame';
import type { TownshipLayout } from './township-layout';
import type { BasemapProperties, TownshipProperties, VillageProperties } from './types';

/** Longitude/latitude of a line or ring, rounded, without the repeats rounding can make. */
function toPositions(frame: LocalFrame, points: readonly XY[]): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const q = frame.toLngLat(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function polygonOf(frame: LocalFrame, ring: readonly XY[]): Polygon {
  return { type: 'Polygon', coordinates: [toPositions(frame, ring)] };
}

export function townshipCollection(
  layouts: readonly TownshipLayout[],
): FeatureCollection<Polygon, TownshipProperties> {
  return {
    type: 'FeatureCollection',
    features: layouts.map((l) => ({
      type: 'Feature',
      properties: { code: l.code, name: l.name },
      geometry: polygonOf(l.frame, l.outline),
    })),
  };
}

export function villageCollection(
  layouts: readonly TownshipLayout[],
): FeatureCollection<Polygon, VillageProperties> {
  return {
    type: 'FeatureCollection',
    features: layouts.flatMap((l) =>
      l.villages.map(
        (v): Feature<Polygon, VillageProperties> => ({
          type: 'Feature',
          properties: {
            code: v.code,
            name: v.name,
            kind: v.kind,
            townshipCode: l.code,
            ...(v.fringe ? { fringe: true as const } : {}),
            ...(v.pilot ? { pilot: true as const } : {}),
          },
          geometry: polygonOf(l.frame, v.ring),
        }),
      ),
    ),
  };
}

type BasemapFeature = Feature<LineString | Polygon | Point, BasemapProperties>;

function layoutBasemap(l: TownshipLayout): BasemapFeature[] {
  const line = (points: readonly XY[]): LineString => ({
    type: 'LineString',
    coordinates: toPositions(l.frame, points),
  });
  const point = (xy: XY): Point => ({ type: 'Point', coordinates: l.frame.toLngLat(xy) });
  const named = (name?: string) => (name ? { name } : {});
  return [
    ...l.hills.map(
      (h): BasemapFeature => ({
        type: 'Feature',
        properties: { layer: 'hill', class: 'hill', name: h.name },
        geometry: polygonOf(l.frame, h.ring),
      }),
    ),
    ...l.waterways.map(
      (w): BasemapFeature => ({
        type: 'Feature',
        properties: { layer: 'water', class: w.class, name: w.name, widthMeters: w.widthMeters },
        geometry: line(w.line),
      }),
    ),
    ...l.roads.map(
      (r): BasemapFeature => ({
        type: 'Feature',
        properties: { layer: 'road', class: r.class, ...named(r.name), widthMeters: r.widthMeters },
        geometry: line(r.line),
      }),
    ),
    {
      type: 'Feature',
      properties: { layer: 'place', class: 'market', name: `${l.stem}农贸市场` },
      geometry: point(l.market),
    },
    ...l.villages.map(
      (v): BasemapFeature => ({
        type: 'Feature',
        properties: { layer: 'place', class: 'village_centre', name: v.name },
        geometry: point(v.centre),
      }),
    ),
  ];
}

/** Hills, water, roads and places of every township, drawn in that order. */
export function basemapCollection(
  layouts: readonly TownshipLayout[],
): FeatureCollection<LineString | Polygon | Point, BasemapProperties> {
  return { type: 'FeatureCollection', features: layouts.flatMap(layoutBasemap) };
}
