import { type Tally, tallyOn } from '@domain/tally';
import type { CampaignDay } from './campaign-days';
import { countOnDay, premisesCounted } from './layer-tally';
import type { PremiseFilter } from './premise-filter';
import type { PremisesData } from './premises-binary';

/**
 * Counts premises by status and licence state on campaign day `day`, as /api/stats does (the same
 * table and reading as the server's tally). The status filter is not applied: the counts are what
 * the statuses are.
 */
export function tallyAt(data: PremisesData, day: CampaignDay, filter: PremiseFilter): Tally {
  return tallyOn(countOnDay(data, premisesCounted(data, filter), day, 'villages'), 0);
}
