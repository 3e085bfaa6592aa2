import { DataFilterExtension } from '@deck.gl/extensions';
import type { CampaignDay } from '../../lib/campaign-days';

/**
 * One shared extension list: a new DataFilterExtension per render would count as an extension
 * change and recompile the shaders on every scrub step.
 */
export const TIME_FILTER_EXTENSIONS = [new DataFilterExtension({ filterSize: 2 })];

const FAR = 1e9;

/**
 * The filter range that keeps the intervals holding `day`: filter value [from, to] passes when
 * from <= day and to >= day + 0.5, i.e. to > day for whole days. Only a uniform changes per step.
 */
export function timeFilterRange(day: CampaignDay): [[number, number], [number, number]] {
  return [
    [-FAR, day],
    [day + 0.5, FAR],
  ];
}
