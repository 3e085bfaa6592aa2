import { type AppContext, setContextCampaign } from '../context';
import { audit } from '../db/audit';
import { type StoredCampaign, writeCampaign } from '../db/campaign';
import { listTownships, renameTownship } from '../db/geography';
import { firstEventDay } from '../db/premises';
import type { CampaignSetup } from '../domain/campaign-setup';
import { day, formatDay } from '../domain/dates';
import { ApiError } from '../http/api-error';

/**
 * Sets the township and its campaign up, or revises them: writes the campaign (one transaction,
 * audited), renames the township on record to match, and puts the new dates in place for every
 * route. A start after the first supervision record on file is refused: those records would fall
 * before the campaign.
 */
export function setUpCampaign(ctx: AppContext, setup: CampaignSetup, actor: string | null): StoredCampaign {
  const first = firstEventDay(ctx.db);
  if (first !== null && first < day(setup.start)) {
    throw new ApiError(
      409,
      'conflict',
      `start: the record holds supervision records from ${formatDay(first)}; the campaign cannot start after its first record`,
      undefined,
      `开始日期：系统中已有 ${formatDay(first)} 起的监管记录，整治开始日期不能晚于第一条记录；请把开始日期提前`,
    );
  }
  const before = ctx.campaign;
  const campaign = ctx.db.transaction(() => {
    const written = writeCampaign(ctx.db, {
      ...setup,
      goals: setup.goals ?? null,
      sample: before.configured && before.sample,
      configured: true,
    });
    const townships = listTownships(ctx.db);
    if (townships.length === 1 && (townships[0].name !== setup.township || setup.townshipCode)) {
      renameTownship(ctx.db, townships[0].id, {
        code: setup.townshipCode || townships[0].code,
        name: setup.township,
      });
    }
    audit(ctx.db, {
      actor,
      action: before.configured ? 'update' : 'setup',
      entity: 'campaign',
      before: before.configured ? before : null,
      after: written,
    });
    return written;
  })();
  setContextCampaign(ctx, campaign);
  return campaign;
}
