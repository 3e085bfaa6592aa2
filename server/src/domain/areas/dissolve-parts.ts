import { area, featureCollection, length, lineString, polygon, union } from '@turf/turf';
import { type Polygonal, polygonsOf } from './point-in-polygon';
import { onlyTouch } from './ring-contact';
import { dedupeRing, findIntersections, type Ring } from './segment-intersections';

type Pos = GeoJSON.Position;

export interface DissolvedParts {
  geometry: Polygonal;
  /** Whether some parts were merged (the geometry is then turf's union of them). */
  dissolved: boolean;
  partsBefore: number;
  partsAfter: number;
  /** For each part of the result, the indices of the input parts it was made from. */
  sources: number[][];
}

/**
 * A hole the merge leaves that is narrower than this on average (2 × area / perimeter) is a
 * rounding gap between neighbours' shared edge, not land anyone left out on purpose: it is filled.
 */
export const SLIVER_METERS = 0.1;

/** Groups of parts whose insides meet or whose outlines share a stretch (touching at points does not join). */
function joinedParts(parts: Pos[][][]): number[][] {
  const rings: Ring[] = [];
  const partOf: number[] = [];
  parts.forEach((part, pi) => {
    for (const ring of part) {
      rings.push(dedupeRing(ring as [number, number][]).ring);
      partOf.push(pi);
    }
  });
  const parent = parts.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // every meeting is passed over (none is a problem here); those that join two parts are noted
  findIntersections(rings, Number.POSITIVE_INFINITY, (hit) => {
    const a = root(partOf[hit.a.ring]);
    const b = root(partOf[hit.b.ring]);
    if (a !== b && !onlyTouch(rings, hit)) parent[Math.max(a, b)] = Math.min(a, b);
    return true;
  });
  const groups = new Map<number, number[]>();
  parts.forEach((_, i) => {
    const group = groups.get(root(i));
    if (group) group.push(i);
    else groups.set(root(i), [i]);
  });
  return [...groups.values()];
}

const sliver = (ring: Pos[]) =>
  (2 * area(polygon([ring]))) / length(lineString(ring), { units: 'meters' }) < SLIVER_METERS;

/** The union of some parts, as polygons without the slivers the merge leaves between them. */
function merge(parts: Pos[][][]): Pos[][][] {
  const merged = union(featureCollection(parts.map((rings) => polygon(rings))));
  if (!merged) throw new Error('the union of overlapping parts came out empty');
  return polygonsOf(merged.geometry).map(([outer, ...holes]) => [outer, ...holes.filter((h) => !sliver(h))]);
}

/**
 * Merges the parts of a MultiPolygon that touch along an edge, share part of one, or overlap
 * (turf's union, exact arithmetic, so an overlap of any width merges); parts that are apart, or
 * touch only at single points, stay as they are. Expects each part valid on its own and positions
 * as [lng, lat]; a Polygon, or parts that need no merging, come back unchanged.
 */
export function dissolveParts(geometry: Polygonal): DissolvedParts {
  const parts = polygonsOf(geometry);
  const groups = parts.length < 2 ? [[0]] : joinedParts(parts);
  const unchanged = {
    geometry,
    dissolved: false,
    partsBefore: parts.length,
    partsAfter: parts.length,
    sources: parts.map((_, i) => [i]),
  };
  if (groups.every((g) => g.length === 1)) return unchanged;
  const out: Pos[][][] = [];
  const sources: number[][] = [];
  for (const group of groups) {
    const polygons = group.length === 1 ? [parts[group[0]]] : merge(group.map((i) => parts[i]));
    for (const p of polygons) {
      out.push(p);
      sources.push(group);
    }
  }
  return {
    geometry:
      out.length === 1
        ? { type: 'Polygon', coordinates: out[0] }
        : { type: 'MultiPolygon', coordinates: out },
    dissolved: true,
    partsBefore: parts.length,
    partsAfter: out.length,
    sources,
  };
}

/** What merging did, as a sentence in English and in Chinese, for answers and import notes. */
export function dissolvedMessage(d: { partsBefore: number; partsAfter: number }) {
  return {
    message: `${d.partsBefore} touching or overlapping parts dissolved into ${d.partsAfter}`,
    messageZh:
      d.partsAfter === 1
        ? `${d.partsBefore}个相邻或重叠的部分已合并为一个区域`
        : `相邻或重叠的部分已合并：${d.partsBefore}个部分合并为${d.partsAfter}个`,
  };
}
