import type { ScaleBar } from './scale-bar';
import { scaleBar } from './scale-bar';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const EARTH_RADIUS_METERS = 6_378_137;
const RAD = Math.PI / 180;

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/** A map drawn into a box: positions projected (Web Mercator, north up), and the ground size of a unit. */
export interface MapFrame {
  box: Box;
  /** [x, y] in the box's units (y down) of a longitude and latitude. */
  project(lng: number, lat: number): [number, number];
  /** Ground metres per drawing unit at the frame's centre. */
  metersPerUnit: number;
  scaleBar(maxUnits: number): ScaleBar;
}

/**
 * Frames `bbox` [west, south, east, north] in `box`, as large as fits inside `padding`, centred, in
 * Web Mercator as the page's map draws it (so a printed map has the on-screen map's shape).
 */
export function mapFrame(bbox: readonly [number, number, number, number], box: Box, padding = 0): MapFrame {
  const [w, s, e, n] = bbox;
  const x0 = w * RAD;
  const spanX = Math.max((e - w) * RAD, 1e-9);
  const yTop = mercatorY(n);
  const spanY = Math.max(yTop - mercatorY(s), 1e-9);
  const k = Math.min((box.width - 2 * padding) / spanX, (box.height - 2 * padding) / spanY);
  const offsetX = box.x + (box.width - spanX * k) / 2;
  const offsetY = box.y + (box.height - spanY * k) / 2;
  const midLat = (s + n) / 2;
  const metersPerUnit = (EARTH_RADIUS_METERS * Math.cos(midLat * RAD)) / k;
  return {
    box,
    project: (lng, lat) => [offsetX + (lng * RAD - x0) * k, offsetY + (yTop - mercatorY(lat)) * k],
    metersPerUnit,
    scaleBar: (maxUnits) => scaleBar(metersPerUnit, maxUnits),
  };
}

/** A bbox grown by a share of its size on every side (at least `minDegrees` across). */
export function padBbox(
  bbox: readonly [number, number, number, number],
  share: number,
  minDegrees = 0.002,
): [number, number, number, number] {
  const [w, s, e, n] = bbox;
  const dx = Math.max(e - w, minDegrees) * share + Math.max(0, minDegrees - (e - w)) / 2;
  const dy = Math.max(n - s, minDegrees) * share + Math.max(0, minDegrees - (n - s)) / 2;
  return [w - dx, s - dy, e + dx, n + dy];
}

/** Whether two bboxes overlap. */
export function bboxesMeet(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** [west, south, east, north] of any geometry's positions. */
export function geometryBbox(geometry: GeoJSON.Geometry): [number, number, number, number] {
  const out: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < out[0]) out[0] = x;
      if (y < out[1]) out[1] = y;
      if (x > out[2]) out[2] = x;
      if (y > out[3]) out[3] = y;
    } else for (const inner of c as unknown[]) visit(inner);
  };
  if (geometry.type === 'GeometryCollection') {
    for (const g of geometry.geometries) {
      const [w, s, e, n] = geometryBbox(g);
      visit([
        [w, s],
        [e, n],
      ]);
    }
  } else visit(geometry.coordinates);
  return out;
}

/**
 * A ring or line as drawing points, dropping points nearer than `minUnits` to the last one kept
 * (the end is always kept): a survey-grade boundary of thousands of vertices prints the same in a
 * fraction of the bytes.
 */
export function projectLine(
  frame: MapFrame,
  positions: readonly GeoJSON.Position[],
  minUnits = 0.35,
): [number, number][] {
  const out: [number, number][] = [];
  const min2 = minUnits * minUnits;
  for (let i = 0; i < positions.length; i++) {
    const p = frame.project(positions[i][0], positions[i][1]);
    const last = out[out.length - 1];
    if (last && i < positions.length - 1) {
      const dx = p[0] - last[0];
      const dy = p[1] - last[1];
      if (dx * dx + dy * dy < min2) continue;
    }
    out.push(p);
  }
  return out;
}
