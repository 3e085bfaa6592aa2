import { areaSeries, areaShape, areaStats } from '../areas/area-stats';
import type { Polygonal } from '../areas/point-in-polygon';
import { formatDay } from '../dates';
import type { PremiseColumns } from '../premise-columns';
import { K_ANONYMITY } from './k-anonymity';

/** What the screen may know of a key area: its name and shape, nothing of the leaders' notes. */
export interface DisplayAreaInput {
  id: number;
  name: string;
  activeFrom: string | null;
  activeTo: string | null;
  geometry: Polygonal;
}

/** Headline counts of an area shown on a day. */
export interface AreaHeadline {
  id: number;
  surveyed: number;
  unlicensed: number;
  progress: number;
}

/** Headline counts per day of the replay; null on the frames the area is not shown. */
export interface AreaFrames {
  id: number;
  surveyed: (number | null)[];
  unlicensed: (number | null)[];
  progress: (number | null)[];
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Whether an area is in force on a YYYY-MM-DD date: its period is inclusive, a null end is open. */
export function areaActiveOn(area: Pick<DisplayAreaInput, 'activeFrom' | 'activeTo'>, date: string): boolean {
  return (
    (area.activeFrom === null || area.activeFrom <= date) && (area.activeTo === null || date <= area.activeTo)
  );
}

/**
 * Whether the screen shows an area on a day: in force, and holding at least K_ANONYMITY premises.
 * A shape drawn round one shop would otherwise tell the hall whether that shop is licensed, and
 * its label would point at it: so under the threshold it is not shown at all, not even by name.
 */
function shown(a: DisplayAreaInput, date: string, surveyed: number): boolean {
  return surveyed >= K_ANONYMITY && areaActiveOn(a, date);
}

/** The headline counts of each area shown on `day`; the others are left out. */
export function areaHeadlines(
  cols: PremiseColumns,
  areas: readonly DisplayAreaInput[],
  day: number,
): AreaHeadline[] {
  const date = formatDay(day);
  return areas.flatMap((a) => {
    if (!areaActiveOn(a, date)) return [];
    const s = areaStats(cols, areaShape(a.geometry), day);
    if (!shown(a, date, s.surveyed)) return [];
    return [{ id: a.id, surveyed: s.surveyed, unlicensed: s.unlicensed, progress: round4(s.progress) }];
  });
}

/**
 * Each area's headline counts on every replay frame (same days as statusSeries with `stepDays`),
 * null where it is not shown; an area shown on no frame is left out.
 */
export function areaFrames(
  cols: PremiseColumns,
  areas: readonly DisplayAreaInput[],
  startDay: number,
  endDay: number,
  stepDays: number,
): AreaFrames[] {
  return areas.flatMap((a) => {
    const s = areaSeries(cols, areaShape(a.geometry), startDay, endDay, stepDays);
    const frames: AreaFrames = { id: a.id, surveyed: [], unlicensed: [], progress: [] };
    s.days.forEach((d, j) => {
      const surveyed = s.surveyed[j];
      const on = shown(a, formatDay(d), surveyed);
      frames.surveyed.push(on ? surveyed : null);
      frames.unlicensed.push(on ? s.unlicensed[j] : null);
      frames.progress.push(on ? round4(s.progress[j]) : null);
    });
    return frames.surveyed.some((n) => n !== null) ? [frames] : [];
  });
}
