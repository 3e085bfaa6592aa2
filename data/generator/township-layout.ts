import { LocalFrame, type XY } from './local-frame';
import { outlineThroughTiles } from './outline-through-tiles';
import { chineseNumber, DINGQIAO_MAIN_ROADS, freshStem, HILL_NAMES } from './place-names';
import { bboxOf, pointInRing, type Ring } from './planar';
import { mixSeed, Rng } from './prng';
import { mainRoads, type Road, villageRoads } from './roads';
import { townshipOutline } from './township-outline';
import { type Village, villageRoster } from './village-roster';
import { villageTiles } from './village-tiles';
import { type Hill, hills, type Waterway, waterways } from './water-and-hills';

/** Where the demo township lies: 丁桥, northeast of Hangzhou's old city. */
const DINGQIAO_CENTRE: readonly [number, number] = [120.23, 30.35];

/** Everything about one township's ground, in its own local metres. */
export interface TownshipLayout {
  index: number;
  code: string;
  name: string;
  /** The name without 镇, as it appears in other names (丁桥农贸市场). */
  stem: string;
  /** Archive numbers start with this: DQ2008-0001, or DQ02-2008-0001 for a second township. */
  archivePrefix: string;
  frame: LocalFrame;
  outline: Ring;
  villages: Village[];
  market: XY;
  roads: Road[];
  waterways: Waterway[];
  hills: Hill[];
}

const PER_ROW = 5;
const GAP_METRES = 1500;

/** Origins (in the first township's frame) that lay the outlines side by side in rows, west to east. */
function origins(outlines: Ring[]): XY[] {
  const boxes = outlines.map(bboxOf);
  const rowStep = Math.max(...boxes.map((b) => b[3] - b[1])) + GAP_METRES;
  const out: XY[] = [];
  let west = boxes[0][0];
  boxes.forEach((box, k) => {
    if (k % PER_ROW === 0) west = boxes[0][0];
    const x = west - box[0];
    out.push([x, -Math.floor(k / PER_ROW) * rowStep]);
    west = x + box[2] + GAP_METRES;
  });
  return out;
}

/** Lays out `count` townships from the seed: outline, villages, roads, water and hills. */
export function townshipLayouts(seed: number, count: number): TownshipLayout[] {
  const rngs = Array.from({ length: count }, (_, k) => new Rng(mixSeed(seed, 1000 + k)));
  const outlines = rngs.map((rng) => townshipOutline(rng, rng.range(28e6, 32e6)));
  const base = new LocalFrame(DINGQIAO_CENTRE[0], DINGQIAO_CENTRE[1]);
  const takenStems = new Set<string>(['丁桥']);
  return origins(outlines).map((origin, k) => {
    const rng = rngs[k];
    const outline = outlines[k];
    const dingqiao = k === 0;
    const [lng, lat] = base.toLngLat(origin);
    const code = `330104${String(10 + k).padStart(3, '0')}000`;
    const name = dingqiao ? '丁桥镇' : `丁桥镇${chineseNumber(k + 1)}`;
    const tiles = villageTiles(rng, outline, rng.int(16, 20));
    const villages = villageRoster(rng, tiles, { townshipCode: code, dingqiao, takenStems });
    const boundary = outlineThroughTiles(
      outline,
      tiles.map((t) => t.ring),
    );
    // The town seat is the village at the middle, as villageRoster makes it.
    const seat = villages.reduce((a, b) => (Math.hypot(...b.centre) < Math.hypot(...a.centre) ? b : a));
    const nearSeat: XY = [seat.centre[0] + rng.range(-150, 150), seat.centre[1] + rng.range(-150, 150)];
    const market = pointInRing(nearSeat[0], nearSeat[1], seat.ring) ? nearSeat : seat.centre;
    const roadNames = dingqiao
      ? DINGQIAO_MAIN_ROADS
      : [
          `${freshStem(rng, takenStems)}路`,
          `${freshStem(rng, takenStems)}路`,
          `${freshStem(rng, takenStems)}大道`,
        ];
    const mains = mainRoads(rng, outline, market, roadNames);
    const water = dingqiao
      ? { river: '上塘河', canal: '备塘河' }
      : { river: `${freshStem(rng, takenStems)}河`, canal: `${freshStem(rng, takenStems)}港` };
    const hillNames = dingqiao ? HILL_NAMES.slice(0, 2) : [`${freshStem(rng, takenStems)}山`];
    return {
      index: k,
      code,
      name,
      stem: name.replace(/镇/, ''),
      archivePrefix: dingqiao ? 'DQ' : `DQ${String(k + 1).padStart(2, '0')}-`,
      frame: new LocalFrame(lng, lat),
      outline: boundary,
      villages,
      market,
      roads: [...mains, ...villageRoads(rng, outline, villages, mains)],
      waterways: waterways(rng, outline, water),
      hills: hills(rng, outline, hillNames),
    };
  });
}
