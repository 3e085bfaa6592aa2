import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './auth/accounts';
import { failuresInDatabase, LoginLimiter } from './auth/login-limiter';
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
  /** Where uploaded files live: photos under DATA_DIR/photos (a temporary folder for ':memory:'). */
  files: { photosDir: string };
}

export function makeContext(
  db: Db,
  model: CampaignModel,
  campaign: StoredCampaign,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  files: AppContext['files'] = { photosDir: temporaryPhotosDir() },
): AppContext {
  return {
    db,
    model,
    campaign,
    startDay: day(campaign.start),
    endDay: day(campaign.end),
    // Failed logins are counted in the record: every server on it counts the same attempts.
    auth: { limits, limiter: new LoginLimiter(failuresInDatabase(db)) },
    files,
  };
}

/** A folder of its own for a record that lives in memory (tests); made on the first photo, not before. */
export function temporaryPhotosDir(): string {
  return join(tmpdir(), `shixiao-photos-${randomUUID()}`);
}

/** Puts a revised campaign in place for every route at once, and tells what derives from its dates. */
export function setContextCampaign(ctx: AppContext, campaign: StoredCampaign): void {
  ctx.campaign = campaign;
  ctx.startDay = day(campaign.start);
  ctx.endDay = day(campaign.end);
  ctx.model.touch();
}
