import { measureLine, projectOnLine } from './local-metres';
import type { GazetteerRoad } from './types';

/**
 * Metres of road per door number when nothing on the road is known yet: numbers go up by one every
 * ~10 m (one plate per ~20 m plot on each side, odd left, even right), starting at 1 at the line's
 * first vertex. The first door plates known on the road replace this guess.
 */
export const DEFAULT_METERS_PER_NUMBER = 10;

/** A door plate known on a road, where it is (from an address point or a located premise). */
export interface RoadObservation {
  road: string;
  number: number;
  lngLat: [number, number];
}

/** Observations further than this from a line are not about that piece of road (metres). */
const MAX_OFFSET_METERS = 80;
/** At most this many pairs go into the median slope; more add nothing but time. */
const MAX_PAIRS = 4000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Theil–Sen fit of number = a + b · metres-along: the median of pairwise slopes, so one misplaced
 * premise does not tilt the whole road. Null when the points do not span two distinct positions.
 */
function fitLine(samples: { along: number; number: number }[]): { a: number; b: number } | null {
  const slopes: number[] = [];
  const n = samples.length;
  const step = Math.max(1, Math.floor((n * (n - 1)) / 2 / MAX_PAIRS));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (k++ % step !== 0) continue;
      const ds = samples[j].along - samples[i].along;
      if (Math.abs(ds) > 1) slopes.push((samples[j].number - samples[i].number) / ds);
    }
  }
  if (slopes.length === 0) return null;
  const b = median(slopes);
  if (b === 0) return null;
  return { a: median(samples.map((s) => s.number - b * s.along)), b };
}

/**
 * Number ranges for named road lines, learnt from the door plates known along them. Each piece is
 * fitted on its own (a road may be cut in pieces); its line is turned round when the numbers grow
 * the other way, so every returned road runs from its low-number end. With one known plate the
 * default spacing is hung on it; with none, numbers start at 1 at the first vertex.
 */
export function fitRoadRanges(
  lines: readonly { name: string; line: [number, number][] }[],
  observations: readonly RoadObservation[],
): GazetteerRoad[] {
  const measured = lines.map((l) => ({ ...l, m: measureLine(l.line) }));
  const samples = measured.map(() => [] as { along: number; number: number }[]);
  for (const o of observations) {
    let best = -1;
    let bestOffset = MAX_OFFSET_METERS;
    let bestAlong = 0;
    measured.forEach((l, i) => {
      if (l.name !== o.road) return;
      const p = projectOnLine(l.m, o.lngLat);
      if (p.offset <= bestOffset) {
        best = i;
        bestOffset = p.offset;
        bestAlong = p.along;
      }
    });
    if (best >= 0) samples[best].push({ along: bestAlong, number: o.number });
  }
  return measured.map((l, i) => {
    const length = l.m.length;
    const fit =
      fitLine(samples[i]) ??
      (samples[i].length > 0
        ? {
            b: 1 / DEFAULT_METERS_PER_NUMBER,
            a: median(samples[i].map((s) => s.number - s.along / DEFAULT_METERS_PER_NUMBER)),
          }
        : { a: 1, b: 1 / DEFAULT_METERS_PER_NUMBER });
    const atStart = fit.a;
    const atEnd = fit.a + fit.b * length;
    return atEnd >= atStart
      ? { name: l.name, line: l.line, fromNumber: round1(atStart), toNumber: round1(atEnd) }
      : { name: l.name, line: [...l.line].reverse(), fromNumber: round1(atEnd), toNumber: round1(atStart) };
  });
}
