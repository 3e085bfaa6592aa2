import type { AppContext } from '../context';
import { countAddressPoints } from '../db/gazetteer';
import { countPremises, listTownships, listVillages } from '../db/geography';

/** How far a township's set-up has come, and what is still to do, in the order the set-up takes it. */
export function setupStatus(ctx: AppContext) {
  const plates = countAddressPoints(ctx.db);
  const status = {
    configured: ctx.campaign.configured,
    villages: listVillages(ctx.db).length,
    townshipOutline: listTownships(ctx.db).length > 0,
    addressPoints: plates.import + plates.correction,
    premises: countPremises(ctx.db),
  };
  const next: string[] = [];
  if (!status.configured) next.push('name the township and its campaign: setup --township NAME …');
  if (status.villages === 0) next.push('import the village boundaries: import boundaries FILE');
  if (status.addressPoints === 0)
    next.push('import the door plates (optional, better placing): import addresses FILE');
  if (status.premises === 0) next.push('import the survey lists: import premises FILE');
  return { ...status, next };
}
