import { villageSlots } from './village-slots';

/** What the ceilings are read from: premises with their village, and status intervals with their premise. */
export interface CeilingInput {
  premiseCount: number;
  /** Village id per premise. */
  village: Uint32Array;
  intervalCount: number;
  /** Premise (its index) per interval. */
  premise: ArrayLike<number>;
  /** 1 where the interval's premise lacks a required licence. */
  unlicensed: ArrayLike<number>;
  /** Whole days; the interval holds on days d with from <= d < to. */
  from: ArrayLike<number>;
  to: ArrayLike<number>;
}

/**
 * Ceilings that keep the choropleth's classes still while the timeline moves: for density every
 * premise a village ever had per km²; for unlicensed the most a village had unlicensed at once.
 * The page computes them from the whole layer; the server from its columns for a record too big
 * for the page to take whole (`/api/layers/premises/info`).
 */
export function choroplethCeilings(
  data: CeilingInput,
  areaKm2ById: ReadonlyMap<number, number>,
): { density: number; unlicensed: number } {
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
  return { density, unlicensed };
}
