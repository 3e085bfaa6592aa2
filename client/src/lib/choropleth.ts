import type { GroupTally } from '@domain/tally';
import { villageSlots } from '@domain/village-slots';
import type { PremisesData } from './premises-binary';
import type { ChoroplethMetric } from './url-state';

export type Rgba = [number, number, number, number];

/** Five classes per metric, light to dark; progress runs from red (behind) to green (done). */
const RAMPS: Record<ChoroplethMetric, Rgba[]> = {
  density: [
    [255, 255, 204, 150],
    [254, 217, 118, 160],
    [253, 141, 60, 170],
    [227, 26, 28, 180],
    [128, 0, 38, 190],
  ],
  unlicensed: [
    [254, 229, 217, 150],
    [252, 174, 145, 160],
    [251, 106, 74, 170],
    [222, 45, 38, 180],
    [165, 15, 21, 190],
  ],
  progress: [
    [215, 48, 39, 160],
    [252, 141, 89, 160],
    [254, 224, 139, 160],
    [145, 207, 96, 170],
    [26, 152, 80, 180],
  ],
};

const NO_DATA: Rgba = [200, 200, 200, 60];

/** A village's value for the metric: premises per km², unlicensed premises, or progress (0–1). */
export function metricValue(
  metric: ChoroplethMetric,
  t: GroupTally | undefined,
  areaKm2: number,
): number | null {
  if (!t || t.surveyed === 0) return metric === 'progress' ? null : 0;
  if (metric === 'density') return areaKm2 > 0 ? t.surveyed / areaKm2 : null;
  if (metric === 'unlicensed') return t.unlicensed;
  return t.progress;
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above x (at least 1). */
export function niceCeil(x: number): number {
  if (!(x > 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** Four class limits splitting [0, ceiling] into five equal classes (fixed for progress). */
export function metricBreaks(metric: ChoroplethMetric, ceiling: number): number[] {
  if (metric === 'progress') return [0.2, 0.4, 0.6, 0.8];
  const top = niceCeil(ceiling);
  return [1, 2, 3, 4].map((i) => (top * i) / 5);
}

/** The fill colour of a value: the class it falls in (a value on a limit goes to the upper class). */
export function metricColor(metric: ChoroplethMetric, value: number | null, breaks: readonly number[]): Rgba {
  if (value === null) return NO_DATA;
  let cls = 0;
  while (cls < breaks.length && value >= breaks[cls]) cls++;
  return RAMPS[metric][cls];
}

/** The legend swatches of a metric, light to dark. */
export function metricRamp(metric: ChoroplethMetric): readonly Rgba[] {
  return RAMPS[metric];
}

/**
 * Ceilings that keep the classes still while the timeline moves: for density every premise the
 * village ever had per km²; for unlicensed the most the village had unlicensed at once.
 */
export function metricCeilings(data: PremisesData, areaKm2ById: ReadonlyMap<number, number>) {
  const { ids, slotOf } = villageSlots(data.village);
  const premises = new Int32Array(ids.length);
  for (let p = 0; p < data.premiseCount; p++) premises[slotOf[p]]++;
  let density = 0;
  ids.forEach((id, v) => {
    const area = areaKm2ById.get(id) ?? 0;
    if (area > 0) density = Math.max(density, premises[v] / area);
  });
  // Sweep the unlicensed intervals in day order; an end on day t comes before a start on t. Each
  // step is one number, (2·day + start?1:0)·V + village, so a native typed-array sort orders them
  // (days are whole; an array of tuples sorted by a comparator took 300 ms at 50k premises).
  const V = Math.max(1, ids.length);
  let n = 0;
  for (let k = 0; k < data.intervalCount; k++) if (data.unlicensed[k]) n++;
  const steps = new Float64Array(n * 2);
  for (let k = 0, i = 0; k < data.intervalCount; k++) {
    if (!data.unlicensed[k]) continue;
    const v = slotOf[data.premise[k]];
    steps[i++] = (2 * data.from[k] + 1) * V + v;
    steps[i++] = 2 * data.to[k] * V + v;
  }
  steps.sort();
  const running = new Int32Array(ids.length);
  let unlicensed = 0;
  for (let i = 0; i < steps.length; i++) {
    const v = ((steps[i] % V) + V) % V;
    const isStart = (((steps[i] - v) / V) & 1) !== 0;
    running[v] += isStart ? 1 : -1;
    if (running[v] > unlicensed) unlicensed = running[v];
  }
  return { density, unlicensed, progress: 1 } satisfies Record<ChoroplethMetric, number>;
}
