import type { XY } from './local-frame';
import { DINGQIAO_COMMUNITIES, DINGQIAO_VILLAGES, freshStem, placeStem } from './place-names';
import type { Ring } from './planar';
import type { Rng } from './prng';
import type { VillageTile } from './village-tiles';

export type VillageKind = 'village' | 'community';

export interface Village {
  code: string;
  name: string;
  kind: VillageKind;
  /** 城乡结合部: nearest the city, where unlicensed business concentrates. */
  fringe: boolean;
  /** A key village where the plan's pilots run in the first year. */
  pilot: boolean;
  ring: Ring;
  centre: XY;
}

export interface RosterOptions {
  /** 12-digit township code; villages take its first 9 digits. */
  townshipCode: string;
  /** Use the real-style names of 丁桥镇 rather than made-up ones. */
  dingqiao: boolean;
  /** Name stems already used by other townships of this run (extended here). */
  takenStems: Set<string>;
}

/** Southwest-ness: the city of Hangzhou lies that way from the township. */
const towardCity = (c: XY) => -(c[0] + c[1]);

/**
 * Names, kinds, codes and flags for the tiles: the tile at the middle is the town-centre
 * community, its nearest neighbours and the most urban fringe tile are communities, the fringe is
 * the southwest, the pilots are the centre, one fringe village and one or two others.
 */
export function villageRoster(rng: Rng, tiles: VillageTile[], options: RosterOptions): Village[] {
  const order = tiles.map((_, i) => i);
  const byCentre = [...order].sort((a, b) => Math.hypot(...tiles[a].centre) - Math.hypot(...tiles[b].centre));
  const centre = byCentre[0];
  const fringeCount = rng.int(3, 5);
  const bySouthwest = [...order].sort((a, b) => towardCity(tiles[b].centre) - towardCity(tiles[a].centre));
  const fringe = new Set(bySouthwest.slice(0, fringeCount));
  const communities = [
    centre,
    ...byCentre
      .slice(1)
      .filter((i) => !fringe.has(i))
      .slice(0, 2),
  ];
  const mostUrbanFringe = bySouthwest[0];
  if (!communities.includes(mostUrbanFringe)) communities.push(mostUrbanFringe);

  const fringeVillages = [...fringe].filter((i) => !communities.includes(i));
  const others = order.filter((i) => !fringe.has(i) && i !== centre);
  const pilots = new Set([centre, rng.pick(fringeVillages.length ? fringeVillages : [...fringe])]);
  const pilotTarget = rng.int(3, 4);
  for (const i of rng.shuffle([...others])) if (pilots.size < pilotTarget && !pilots.has(i)) pilots.add(i);

  const names = new Map<number, string>();
  if (options.dingqiao) {
    if (tiles.length - communities.length > DINGQIAO_VILLAGES.length) {
      throw new Error(`too many villages for the 丁桥 names: ${tiles.length}`);
    }
    communities.forEach((i, k) => {
      names.set(i, DINGQIAO_COMMUNITIES[k]);
      options.takenStems.add(placeStem(DINGQIAO_COMMUNITIES[k]));
    });
    // 沿山村 and 皋城村 sit under the hills, so they take the two northernmost tiles.
    const villageTiles = order.filter((i) => !communities.includes(i));
    const north = [...villageTiles].sort((a, b) => tiles[b].centre[1] - tiles[a].centre[1]);
    const rest = rng.shuffle(north.slice(2));
    [...north.slice(0, 2), ...rest].forEach((i, k) => {
      names.set(i, DINGQIAO_VILLAGES[k]);
      options.takenStems.add(placeStem(DINGQIAO_VILLAGES[k]));
    });
  } else {
    for (const i of order) {
      names.set(i, `${freshStem(rng, options.takenStems)}${communities.includes(i) ? '社区' : '村'}`);
    }
  }

  // National scheme: 社区 (居委会) 001–199, 村 (村委会) 200–399; numbered north to south.
  const prefix = options.townshipCode.slice(0, 9);
  const northFirst = (a: number, b: number) => tiles[b].centre[1] - tiles[a].centre[1];
  const codes = new Map<number, string>();
  const numbered = (indexes: number[], first: number) => {
    indexes.sort(northFirst).forEach((i, k) => {
      codes.set(i, `${prefix}${String(first + k).padStart(3, '0')}`);
    });
  };
  numbered([...communities], 1);
  numbered(
    order.filter((i) => !communities.includes(i)),
    201,
  );

  return order
    .map((i) => ({
      code: codes.get(i) as string,
      name: names.get(i) as string,
      kind: (communities.includes(i) ? 'community' : 'village') as VillageKind,
      fringe: fringe.has(i),
      pilot: pilots.has(i),
      ring: tiles[i].ring,
      centre: tiles[i].centre,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
