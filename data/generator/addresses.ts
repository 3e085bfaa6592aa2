import { placeStem } from './place-names';
import type { Placement } from './placement';
import type { Rng } from './prng';
import type { Village } from './village-roster';

const ESTATE_SUFFIXES = ['苑', '雅苑', '花园', '新村', '家园'];

/** How much of 杭州市江干区丁桥镇 a person writes before the rest. */
function prefix(rng: Rng, township: string, alwaysTownship: boolean): string {
  const x = rng.next();
  if (x < 0.27) return `杭州市江干区${township}`;
  if (x < 0.36) return `江干区${township}`;
  if (alwaysTownship || x < 0.7) return township;
  return '';
}

/** 村民小组 (组) from the bearing around the village seat; 门牌 from the distance. */
function groupAndNumber(rng: Rng, village: Village, placement: Placement): [number, number] {
  const dx = placement.xy[0] - village.centre[0];
  const dy = placement.xy[1] - village.centre[1];
  const groups = 6 + (Number(village.code.slice(-3)) % 9);
  const group = Math.min(groups, 1 + Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * groups));
  return [group, Math.min(199, 1 + Math.floor(Math.hypot(dx, dy) / 8)) + rng.int(0, 4)];
}

/**
 * The address as people write it on a survey list: 杭州市江干区丁桥镇沿山村3组58号, 丁桥镇长睦路126号,
 * 皋城村5组12号, 蕙兰社区蕙兰雅苑3幢12号 — more or less of the prefix, as it comes.
 */
export function premiseAddress(rng: Rng, township: string, marketName: string, placement: Placement): string {
  const { village, road, houseNumber } = placement;
  if (road?.name && houseNumber !== undefined) {
    const head = road.class === 'village' && rng.chance(0.5) ? village.name : prefix(rng, township, true);
    return `${head}${road.name}${houseNumber}号`;
  }
  if (placement.anchor === 'market' && rng.chance(0.7)) {
    return `${prefix(rng, township, false)}${marketName}${rng.int(1, 120)}号`;
  }
  const [group, number] = groupAndNumber(rng, village, placement);
  if (village.kind === 'community') {
    const stem = placeStem(village.name);
    const estate = `${stem}${ESTATE_SUFFIXES[(Number(village.code.slice(-3)) + (group % 2)) % ESTATE_SUFFIXES.length]}`;
    const building = 1 + ((group * 7 + number) % 30);
    return rng.chance(0.6)
      ? `${prefix(rng, township, false)}${village.name}${estate}${building}幢${number}号`
      : `${estate}${building}幢${number}号商铺`;
  }
  return `${prefix(rng, township, false)}${village.name}${group}组${number}号`;
}
