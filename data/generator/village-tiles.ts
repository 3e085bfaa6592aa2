import { featureCollection, intersect, point, polygon, voronoi } from '@turf/turf';
import type { XY } from './local-frame';
import { bboxOf, distance, pointInRing, type Ring, ringArea } from './planar';
import type { Rng } from './prng';

export interface VillageTile {
  /** The tile's boundary in local metres, closed and counter-clockwise. */
  ring: Ring;
  /** The village seat (村委会/社区 office): the Voronoi seed, always inside the tile. */
  centre: XY;
}

/** Seeds at least `minGap` metres apart inside the outline (dart throwing), fewer if space runs out. */
function scatterSeeds(rng: Rng, outline: Ring, count: number, minGap: number): XY[] {
  const [minX, minY, maxX, maxY] = bboxOf(outline);
  const seeds: XY[] = [];
  for (let attempt = 0; attempt < count * 400 && seeds.length < count; attempt++) {
    const p: XY = [rng.range(minX, maxX), rng.range(minY, maxY)];
    if (!pointInRing(p[0], p[1], outline)) continue;
    if (seeds.every((s) => distance(s, p) >= minGap)) seeds.push(p);
  }
  return seeds;
}

/** Voronoi cells of the seeds cut by the outline; null when a cut leaves a village in pieces or a sliver. */
function cutTiles(outline: Ring, seeds: XY[]): VillageTile[] | null {
  const [minX, minY, maxX, maxY] = bboxOf(outline);
  const cells = voronoi(featureCollection(seeds.map((s) => point(s))), {
    bbox: [minX - 500, minY - 500, maxX + 500, maxY + 500],
  });
  const township = polygon([outline]);
  const meanArea = Math.abs(ringArea(outline)) / seeds.length;
  const tiles: VillageTile[] = [];
  for (let i = 0; i < seeds.length; i++) {
    const cell = cells.features[i];
    if (!cell) return null;
    const cut = intersect(featureCollection([cell, township]));
    if (cut?.geometry.type !== 'Polygon' || cut.geometry.coordinates.length !== 1) return null;
    const ring = cut.geometry.coordinates[0] as Ring;
    const area = ringArea(ring);
    if (Math.abs(area) < meanArea * 0.3) return null;
    tiles.push({ ring: area > 0 ? ring : [...ring].reverse(), centre: seeds[i] });
  }
  return tiles;
}

/**
 * Splits the township into `count` village tiles that cover it exactly and do not overlap: Voronoi
 * cells of well-spread seeds, intersected with the outline. Retries with fresh seeds until every
 * village is one piece of reasonable size.
 */
export function villageTiles(rng: Rng, outline: Ring, count: number): VillageTile[] {
  const spacing = Math.sqrt(Math.abs(ringArea(outline)) / count);
  for (let attempt = 0; attempt < 200; attempt++) {
    const gap = spacing * Math.max(0.45, 0.8 - attempt * 0.01);
    const seeds = scatterSeeds(rng, outline, count, gap);
    if (seeds.length < count) continue;
    const tiles = cutTiles(outline, seeds);
    if (tiles) return tiles;
  }
  throw new Error(`could not split the township into ${count} single-piece villages`);
}
