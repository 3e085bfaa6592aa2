import type { CategoryCode } from '../../server/src/domain/categories';
import type { XY } from './local-frame';
import { bboxOf, pointAlong, pointInPolygon, pointInRing, polylineLength } from './planar';
import type { Rng } from './prng';
import type { Road } from './roads';
import type { TownshipLayout } from './township-layout';
import type { Village } from './village-roster';

export type Anchor = 'village' | 'main_road' | 'village_road' | 'market' | 'scattered';

export interface Placement {
  xy: XY;
  lngLat: [number, number];
  village: Village;
  anchor: Anchor;
  /** For road frontage: the road and the house number its position gives (odd on one side). */
  road?: Road;
  houseNumber?: number;
}

const ANCHORS: readonly Anchor[] = ['village', 'main_road', 'village_road', 'market', 'scattered'];
const DEFAULT_ODDS = [0.42, 0.26, 0.17, 0.08, 0.07];
const ANCHOR_ODDS: Partial<Record<CategoryCode, number[]>> = {
  market: [0.7, 0.1, 0, 0.2, 0],
  passenger_transport: [0.2, 0.6, 0, 0.2, 0],
  agri_supply: [0.45, 0.1, 0.25, 0, 0.2],
  lpg_point: [0.2, 0.1, 0.4, 0, 0.3],
  food_workshop: [0.45, 0.1, 0.3, 0, 0.15],
};

interface Lookup {
  village: Village;
  ring: [number, number][];
  bbox: [number, number, number, number];
}

/**
 * Places premises the way small shops sit: around village seats, along the main roads' frontage,
 * along village lanes, around the market, and a few out in the fields; never on a hill or outside
 * the township. The village is whichever village polygon (as written, rounded) holds the point.
 */
export class PremisePlacer {
  private readonly lookups: Lookup[];
  private readonly villageWeights: number[];
  private readonly mains: Road[];
  private readonly lanes: Road[];
  private readonly mainLengths: number[];
  private readonly laneLengths: number[];

  constructor(
    private readonly layout: TownshipLayout,
    rng: Rng,
  ) {
    this.lookups = layout.villages.map((village) => {
      const ring = village.ring.map((p) => layout.frame.toLngLat(p));
      return { village, ring, bbox: bboxOf(ring) };
    });
    this.villageWeights = layout.villages.map(
      (v) => (v.kind === 'community' ? 1.5 : 1) * (v.fringe ? 2.4 : 1) * rng.range(0.7, 1.3),
    );
    this.mains = layout.roads.filter((r) => r.class === 'main');
    this.lanes = layout.roads.filter((r) => r.class === 'village');
    this.mainLengths = this.mains.map((r) => polylineLength(r.line));
    this.laneLengths = this.lanes.map((r) => polylineLength(r.line));
  }

  /** The village whose polygon holds this longitude/latitude, if any. */
  villageAt(lngLat: [number, number]): Village | undefined {
    const [x, y] = lngLat;
    for (const l of this.lookups) {
      if (x < l.bbox[0] || x > l.bbox[2] || y < l.bbox[1] || y > l.bbox[3]) continue;
      if (pointInRing(x, y, l.ring)) return l.village;
    }
    return undefined;
  }

  private onHill(xy: XY): boolean {
    return this.layout.hills.some((h) => pointInPolygon(xy[0], xy[1], [h.ring]));
  }

  private frontage(rng: Rng, roads: Road[], lengths: number[], setback: [number, number]) {
    const k = rng.weightedIndex(lengths);
    const s = rng.range(0, lengths[k]);
    const { xy, dir } = pointAlong(roads[k].line, s);
    const side = rng.chance(0.5) ? 1 : -1;
    const off = side * rng.range(setback[0], setback[1]);
    const p: XY = [xy[0] - dir[1] * off, xy[1] + dir[0] * off];
    return { xy: p, road: roads[k], houseNumber: 2 * Math.floor(s / 22) + (side > 0 ? 1 : 2) };
  }

  private candidate(rng: Rng, anchor: Anchor): { xy: XY; road?: Road; houseNumber?: number } {
    const { villages, market, outline } = this.layout;
    switch (anchor) {
      case 'village': {
        const v = villages[rng.weightedIndex(this.villageWeights)];
        const sigma = v.kind === 'community' ? 260 : 340;
        return { xy: [v.centre[0] + rng.normal() * sigma, v.centre[1] + rng.normal() * sigma] };
      }
      case 'main_road':
        if (this.mains.length) return this.frontage(rng, this.mains, this.mainLengths, [8, 35]);
        return this.candidate(rng, 'village');
      case 'village_road':
        if (this.lanes.length) return this.frontage(rng, this.lanes, this.laneLengths, [5, 25]);
        return this.candidate(rng, 'village');
      case 'market':
        return { xy: [market[0] + rng.normal() * 120, market[1] + rng.normal() * 120] };
      case 'scattered': {
        const [minX, minY, maxX, maxY] = bboxOf(outline);
        return { xy: [rng.range(minX, maxX), rng.range(minY, maxY)] };
      }
    }
  }

  place(rng: Rng, category: CategoryCode): Placement {
    const anchor = ANCHORS[rng.weightedIndex(ANCHOR_ODDS[category] ?? DEFAULT_ODDS)];
    for (let attempt = 0; attempt < 40; attempt++) {
      const c = this.candidate(rng, attempt < 30 ? anchor : 'village');
      if (this.onHill(c.xy)) continue;
      const lngLat = this.layout.frame.toLngLat(c.xy);
      const village = this.villageAt(lngLat);
      if (village) return { ...c, lngLat, village, anchor: attempt < 30 ? anchor : 'village' };
    }
    return this.nearSeat(rng, rng.pick(this.layout.villages), 0);
  }

  /** A point within `metres` of a village seat (where geocoding falls back to), inside that village. */
  nearSeat(rng: Rng, village: Village, metres: number): Placement {
    for (let attempt = 0; attempt < 20; attempt++) {
      const r = attempt < 19 ? metres : 0;
      const xy: XY = [village.centre[0] + rng.range(-r, r), village.centre[1] + rng.range(-r, r)];
      const lngLat = this.layout.frame.toLngLat(xy);
      if (this.villageAt(lngLat) === village) return { xy, lngLat, village, anchor: 'village' };
    }
    throw new Error(`village seat of ${village.name} is not inside its own polygon`);
  }
}
