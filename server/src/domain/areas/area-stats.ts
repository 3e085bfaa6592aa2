import { area } from '@turf/turf';
import { formatDay } from '../dates';
import type { PremiseColumns } from '../premise-columns';
import { type Series, statusSeries } from '../series';
import { emptyGroup, type GroupTally, type Tally } from '../tally';
import { countInside, rowsInside } from './area-count';
import { areaIndexFor } from './area-index';
import { type Polygonal, type ShapeEdges, shapeEdges } from './point-in-polygon';
import { type VillageShape, villagesTouched } from './villages-touched';

/** 1 km² = 1,500 亩 (mu), the unit Chinese land records use. */
export const MU_PER_KM2 = 1500;

/** A validated shape, ready for queries: its geometry, its edges and its area. */
export interface AreaShape {
  geometry: Polygonal;
  edges: ShapeEdges;
  areaKm2: number;
}

/** What a key area holds on a day: the /api/stats counts for the premises inside, and the land. */
export interface AreaStats extends Tally {
  at: string;
  areaKm2: number;
  areaMu: number;
  /** Premises surveyed by `at` per km². */
  densityPerKm2: number;
  unlicensedPerKm2: number;
  villagesTouched: { id: number; name: string }[];
}

/** Prepares a (validated) Polygon or MultiPolygon for queries. */
export function areaShape(geometry: Polygonal): AreaShape {
  return { geometry, edges: shapeEdges(geometry), areaKm2: area(geometry) / 1e6 };
}

const perKm2 = (n: number, km2: number) => (km2 > 0 ? n / km2 : 0);

/**
 * The premises inside the shape on `day` (boundary included) by status, category and village;
 * every village the shape touches is in byVillage, with zeros if none of its premises is inside.
 */
export function areaStats(
  cols: PremiseColumns,
  shape: AreaShape,
  day: number,
  villages: readonly VillageShape[] = [],
): AreaStats {
  const counts = countInside(areaIndexFor(cols), shape.edges, day);
  const withPremises = new Set(Object.keys(counts.byVillage).map(Number));
  const touched = villagesTouched(shape.geometry, shape.edges, villages, withPremises);
  const byVillage: Record<string, GroupTally> = {};
  for (const v of touched) byVillage[String(v.id)] = counts.byVillage[String(v.id)] ?? emptyGroup();
  // premises whose recorded village the shape does not reach (placed by hand near a border)
  for (const [id, g] of Object.entries(counts.byVillage)) byVillage[id] ??= g;
  return {
    at: formatDay(day),
    ...counts,
    byVillage,
    areaKm2: shape.areaKm2,
    areaMu: shape.areaKm2 * MU_PER_KM2,
    densityPerKm2: perKm2(counts.surveyed, shape.areaKm2),
    unlicensedPerKm2: perKm2(counts.unlicensed, shape.areaKm2),
    villagesTouched: touched,
  };
}

/** Counts inside the shape at every `stepDays` over [startDay, endDay], for the area's chart. */
export function areaSeries(
  cols: PremiseColumns,
  shape: AreaShape,
  startDay: number,
  endDay: number,
  stepDays = 7,
): Series {
  return statusSeries(cols, startDay, endDay, stepDays, {
    rows: rowsInside(areaIndexFor(cols), shape.edges),
  });
}
