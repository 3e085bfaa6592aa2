import { type Polygonal, pointInShape, shapeEdges } from '../../../server/src/domain/areas/point-in-polygon';
import type { DisplayVillages } from './display-api';

export type Bounds = [number, number, number, number];

/** [west, south, east, north] of a Polygon or MultiPolygon. */
export function geometryBounds(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/** Whether a position lies in one of the villages: the township, as far as premises go. */
export function insideVillages(villages: DisplayVillages): (lng: number, lat: number) => boolean {
  const shapes = villages.features.map((f) => shapeEdges(f.geometry as Polygonal));
  return (lng, lat) => shapes.some((shape) => pointInShape(shape, lng, lat));
}

type Rgba = [number, number, number, number];

const PROGRESS_STOPS: [number, Rgba][] = [
  [0, [30, 45, 80, 170]],
  [0.5, [30, 95, 160, 170]],
  [0.8, [20, 150, 190, 170]],
  [1, [40, 210, 200, 180]],
];

/** Village fill by progress: dim navy where little is done, bright teal where all is. */
export function progressColor(progress: number): Rgba {
  const p = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  for (let i = 1; i < PROGRESS_STOPS.length; i++) {
    const [p1, c1] = PROGRESS_STOPS[i];
    if (p <= p1) {
      const [p0, c0] = PROGRESS_STOPS[i - 1];
      const t = (p - p0) / (p1 - p0);
      return c0.map((v, k) => Math.round(v + (c1[k] - v) * t)) as Rgba;
    }
  }
  return PROGRESS_STOPS[PROGRESS_STOPS.length - 1][1];
}

/** The legend's CSS gradient for the same ramp. */
export function progressGradientCss(): string {
  const stops = PROGRESS_STOPS.map(([p, [r, g, b]]) => `rgb(${r},${g},${b}) ${p * 100}%`);
  return `linear-gradient(90deg, ${stops.join(', ')})`;
}
