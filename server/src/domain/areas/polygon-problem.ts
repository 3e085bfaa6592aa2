/** Problems found in a key-area shape, and how their locations are written. */

export type PolygonProblemCode =
  | 'not_polygonal'
  | 'malformed'
  | 'not_lng_lat'
  | 'too_many_vertices'
  | 'unclosed_ring'
  | 'too_few_points'
  | 'zero_area'
  | 'self_intersection'
  | 'hole_outside'
  | 'overlapping_polygons'
  | 'outside_township';

/** One thing wrong with a shape: what, and where (`polygon 1, ring 0, vertex 17`). */
export interface PolygonProblem {
  code: PolygonProblemCode;
  /** The whole sentence, location first, for a person to act on. */
  message: string;
  where?: string;
  lngLat?: [number, number];
}

export type Pos = [number, number];

/** A value as short JSON, for quoting back what was sent. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `polygon 1, ring 0, vertex 17` (the polygon only for MultiPolygons, whose parts need telling apart). */
export function place(multi: boolean, polygon: number, ring?: number, vertex?: number): string {
  const parts = multi ? [`polygon ${polygon}`] : [];
  if (ring !== undefined) parts.push(`ring ${ring}`);
  if (vertex !== undefined) parts.push(`vertex ${vertex}`);
  return parts.join(', ') || 'polygon';
}

export function problem(code: PolygonProblemCode, where: string, what: string, lngLat?: Pos): PolygonProblem {
  return { code, message: `${where}: ${what}`, where, ...(lngLat ? { lngLat } : {}) };
}
