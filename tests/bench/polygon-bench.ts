/**
 * Polygon stats at scale (DESIGN §5): p50/p95 of what POST /api/areas/stats does without HTTP —
 * validate the shape, prepare it, count what is inside on a date — for a small (~1% of premises),
 * a medium (~10%) and a township-wide shape, each over 60 dates across the campaign.
 */
import type { AppContext } from '../../server/src/context';
import { listTownships, listVillages } from '../../server/src/db/geography';
import { rowsInside } from '../../server/src/domain/areas/area-count';
import { areaIndexFor } from '../../server/src/domain/areas/area-index';
import { areaShape, areaStats } from '../../server/src/domain/areas/area-stats';
import type { Polygonal } from '../../server/src/domain/areas/point-in-polygon';
import { validatePolygon } from '../../server/src/domain/areas/polygon-validation';
import type { PremiseColumns } from '../../server/src/domain/premise-columns';
import { round, timeRuns } from './stats';

const RUNS = 60;

/** A 64-vertex, slightly wavy (so concave) disc of `radiusDeg` around a centre, square on the ground. */
function blob([cx, cy]: [number, number], radiusDeg: number): Polygonal {
  const ring: [number, number][] = [];
  const squash = Math.cos((cy * Math.PI) / 180);
  for (let i = 0; i < 64; i++) {
    const a = (2 * Math.PI * i) / 64;
    const r = radiusDeg * (1 + 0.08 * Math.sin(5 * a));
    ring.push([cx + (r * Math.cos(a)) / squash, cy + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length >> 1];
}

/** A blob round the premises' median position holding about `fraction` of them (radius by bisection). */
function blobHolding(cols: PremiseColumns, fraction: number): Polygonal {
  const centre: [number, number] = [median(cols.lng), median(cols.lat)];
  const index = areaIndexFor(cols);
  const target = fraction * cols.count;
  let [lo, hi] = [0, 2];
  for (let step = 0; step < 30; step++) {
    const mid = (lo + hi) / 2;
    const inside = rowsInside(index, areaShape(blob(centre, mid)).edges).length;
    if (inside < target) lo = mid;
    else hi = mid;
  }
  return blob(centre, hi);
}

/** The shapes measured: ~1 % and ~10 % of the premises round their middle, and the first township. */
export function benchShapes(ctx: AppContext): { name: string; geometry: Polygonal }[] {
  const cols = ctx.model.columns;
  const townships = listTownships(ctx.db).map((tw) => tw.geometry);
  return [
    { name: 'small (~1%)', geometry: blobHolding(cols, 0.01) },
    { name: 'medium (~10%)', geometry: blobHolding(cols, 0.1) },
    { name: `township-wide (1 of ${townships.length})`, geometry: townships[0] },
  ];
}

export async function benchPolygonStats(
  ctx: AppContext,
): Promise<{ name: string; p50Ms: number; p95Ms: number; premisesInside: number }[]> {
  const cols = ctx.model.columns;
  const memBefore = process.memoryUsage();
  const t = performance.now();
  areaIndexFor(cols);
  const buildMs = performance.now() - t;
  const memAfter = process.memoryUsage();
  const index = areaIndexFor(cols);
  const indexBytes =
    index.rows.byteLength +
    index.cellStart.byteLength +
    index.cellGroupStart.byteLength +
    index.groupRowStart.byteLength +
    index.groupCategory.byteLength +
    index.groupVillage.byteLength +
    index.groupEventStart.byteLength +
    index.eventDay.byteLength +
    index.eventCounts.byteLength;
  console.error(
    `  area index: built in ${round(buildMs)} ms, ${round(indexBytes / 2 ** 20, 1)} MB of arrays ` +
      `(RSS +${round((memAfter.rss - memBefore.rss) / 2 ** 20, 1)} MB), ${index.grid.nx}×${index.grid.ny} cells, ` +
      `${index.groupCategory.length.toLocaleString('en')} groups, ${index.eventDay.length.toLocaleString('en')} events`,
  );

  const townships = listTownships(ctx.db).map((tw) => tw.geometry);
  const villages = listVillages(ctx.db).map((v) => ({ id: v.id, name: v.name, geometry: v.geometry }));
  const shapes = benchShapes(ctx);
  const results = [];
  for (const { name, geometry } of shapes) {
    const premisesInside = rowsInside(index, areaShape(geometry).edges).length;
    const request = (i: number) => {
      const valid = validatePolygon(geometry, { township: townships });
      if (!valid.ok) throw new Error(`${name}: ${valid.problems[0].message}`);
      return areaStats(cols, areaShape(valid.geometry), ctx.startDay + ((i * 37) % 1096), villages);
    };
    for (let i = 0; i < 5; i++) request(i);
    const timing = await timeRuns(RUNS, request);
    results.push({ name, p50Ms: timing.p50, p95Ms: timing.p95, premisesInside });
  }
  return results;
}
