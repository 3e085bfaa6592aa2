import { choroplethCeilings } from '@domain/choropleth-ceilings';
import type { GroupTally } from '@domain/tally';
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

/** The choropleth's ceilings from the whole layer on the page (see choroplethCeilings). */
export function metricCeilings(data: PremisesData, areaKm2ById: ReadonlyMap<number, number>) {
  return { ...choroplethCeilings(data, areaKm2ById), progress: 1 } satisfies Record<ChoroplethMetric, number>;
}
