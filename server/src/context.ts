import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './auth/accounts';
import { LoginLimiter } from './auth/login-limiter';
import type { StoredCampaign } from './db/campaign';
import type { Db } from './db/open-database';
import { day } from './domain/dates';
import type { CampaignModel } from './model';

/** What every route needs: the record, the in-memory model, and the campaign's dates as epoch days. */
export interface AppContext {
  db: Db;
  model: CampaignModel;
  campaign: StoredCampaign;
  startDay: number;
  endDay: number;
  /** How long sessions last, and the failed sign-ins counted per account and address. */
  auth: { limits: SessionLimits; limiter: LoginLimiter };
}

export function makeContext(
  db: Db,
  model: CampaignModel,
  campaign: StoredCampaign,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
): AppContext {
  return {
    db,
    model,
    campaign,
    startDay: day(campaign.start),
    endDay: day(campaign.end),
    auth: { limits, limiter: new LoginLimiter() },
  };
}

/** Puts a revised campaign in place for every route at once, and tells what derives from its dates. */
export function setContextCampaign(ctx: AppContext, campaign: StoredCampaign): void {
  ctx.campaign = campaign;
  ctx.startDay = day(campaign.start);
  ctx.endDay = day(campaign.end);
  ctx.model.touch();
}
