import { areaSeries, areaShape, areaStats } from '../areas/area-stats';
import type { Polygonal } from '../areas/point-in-polygon';
import type { PremiseColumns } from '../premise-columns';

/**
 * Below this many premises an area's counts are withheld on the public screen: a shape drawn
 * tightly round one shop must not tell the hall whether that shop is licensed.
 */
export const MIN_AREA_PREMISES = 5;

/** What the screen may know of a key area: its name and shape, nothing of the leaders' notes. */
export interface DisplayAreaInput {
  id: number;
  name: string;
  activeFrom: string | null;
  activeTo: string | null;
  geometry: Polygonal;
}

/** Headline counts of an area on a day; all null when it holds too few premises to show. */
export interface AreaHeadline {
  id: number;
  surveyed: number | null;
  unlicensed: number | null;
  progress: number | null;
}

/** Headline counts per day of the replay; null on the days it holds too few premises. */
export interface AreaFrames {
  id: number;
  surveyed: (number | null)[];
  unlicensed: (number | null)[];
  progress: (number | null)[];
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function headline(id: number, surveyed: number, unlicensed: number, progress: number): AreaHeadline {
  if (surveyed < MIN_AREA_PREMISES) return { id, surveyed: null, unlicensed: null, progress: null };
  return { id, surveyed, unlicensed, progress: round4(progress) };
}

/** Each area's headline counts on `day`. */
export function areaHeadlines(
  cols: PremiseColumns,
  areas: readonly DisplayAreaInput[],
  day: number,
): AreaHeadline[] {
  return areas.map((a) => {
    const s = areaStats(cols, areaShape(a.geometry), day);
    return headline(a.id, s.surveyed, s.unlicensed, s.progress);
  });
}

/** Each area's headline counts on every replay frame (same days as statusSeries with `stepDays`). */
export function areaFrames(
  cols: PremiseColumns,
  areas: readonly DisplayAreaInput[],
  startDay: number,
  endDay: number,
  stepDays: number,
): AreaFrames[] {
  return areas.map((a) => {
    const s = areaSeries(cols, areaShape(a.geometry), startDay, endDay, stepDays);
    const frames: AreaFrames = { id: a.id, surveyed: [], unlicensed: [], progress: [] };
    s.days.forEach((_, j) => {
      const surveyed = Object.values(s.byStatus).reduce((sum, col) => sum + col[j], 0);
      const h = headline(a.id, surveyed, s.unlicensed[j], s.progress[j]);
      frames.surveyed.push(h.surveyed);
      frames.unlicensed.push(h.unlicensed);
      frames.progress.push(h.progress);
    });
    return frames;
  });
}
