const METRES_PER_DEGREE = 111_319.49;

/**
 * A flat frame in metres around a reference point (equirectangular): plenty for a township, where
 * the error over 10 km is centimetres, and cheap enough for every address of a bulk import.
 */
export interface LocalFrame {
  toXY(lngLat: readonly [number, number]): [number, number];
  toLngLat(xy: readonly [number, number]): [number, number];
}

export function localFrame(origin: readonly [number, number]): LocalFrame {
  const kx = METRES_PER_DEGREE * Math.cos((origin[1] * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  return {
    toXY: ([lng, lat]) => [(lng - origin[0]) * kx, (lat - origin[1]) * ky],
    toLngLat: ([x, y]) => [origin[0] + x / kx, origin[1] + y / ky],
  };
}

/** Distance in metres between two lng/lat points (flat approximation, fine below a few tens of km). */
export function distanceMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const [x, y] = localFrame(a).toXY(b);
  return Math.hypot(x, y);
}

/** A line in a local frame with the distance along it at each vertex. */
export interface MeasuredLine {
  frame: LocalFrame;
  xy: [number, number][];
  /** Cumulative metres at each vertex; the last is the length. */
  along: number[];
  length: number;
}

export function measureLine(line: readonly [number, number][]): MeasuredLine {
  const frame = localFrame(line[0]);
  const xy = line.map((p) => frame.toXY(p));
  const along = [0];
  for (let i = 1; i < xy.length; i++) {
    along.push(along[i - 1] + Math.hypot(xy[i][0] - xy[i - 1][0], xy[i][1] - xy[i - 1][1]));
  }
  return { frame, xy, along, length: along[along.length - 1] };
}

/** The point `s` metres along the line (clamped to its ends) and the unit direction there. */
export function pointAlong(m: MeasuredLine, s: number): { xy: [number, number]; dir: [number, number] } {
  const at = Math.min(Math.max(s, 0), m.length);
  let i = 1;
  while (i < m.along.length - 1 && m.along[i] < at) i++;
  const [x0, y0] = m.xy[i - 1];
  const [x1, y1] = m.xy[i];
  const seg = m.along[i] - m.along[i - 1];
  const t = seg > 0 ? (at - m.along[i - 1]) / seg : 0;
  const dir: [number, number] = seg > 0 ? [(x1 - x0) / seg, (y1 - y0) / seg] : [1, 0];
  return { xy: [x0 + t * (x1 - x0), y0 + t * (y1 - y0)], dir };
}

/** Where a point projects onto the line: metres along it, and metres away from it. */
export function projectOnLine(
  m: MeasuredLine,
  lngLat: readonly [number, number],
): { along: number; offset: number } {
  const [px, py] = m.frame.toXY(lngLat);
  let best = { along: 0, offset: Number.POSITIVE_INFINITY };
  for (let i = 1; i < m.xy.length; i++) {
    const [x0, y0] = m.xy[i - 1];
    const [x1, y1] = m.xy[i];
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - x0) * dx + (py - y0) * dy) / len2)) : 0;
    const offset = Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    if (offset < best.offset) best = { along: m.along[i - 1] + t * Math.sqrt(len2), offset };
  }
  return best;
}
