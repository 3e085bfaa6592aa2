import type { AppContext } from '../context';
import { addTargetVersion, targetVersions } from '../db/acceptance';
import { listVillageRefs } from '../db/geography';
import { campaignYearOf } from '../domain/acceptance/campaign-year-of';
import { defaultTargets, type YearTargets, yearTargetsSchema } from '../domain/acceptance/targets';
import { campaignGoals } from '../domain/campaign';
import { formatDay, todayInChina } from '../domain/dates';
import { ApiError } from '../http/api-error';

/** One version of a year's targets. Version 0 is the plan's, used until someone writes their own. */
export interface TargetsVersion {
  year: number;
  version: number;
  source: 'plan' | 'edited';
  targets: YearTargets;
  note: string;
  createdBy: string | null;
  createdAt: string | null;
}

/** The years the campaign's plan sets goals for: the years accepted. */
export function campaignYears(ctx: AppContext): number[] {
  return campaignGoals(ctx.campaign).map((g) => g.year);
}

/**
 * The campaign year a question without one is about: the year holding today, or the nearest
 * campaign year before or after the campaign.
 */
export function liveCampaignYear(ctx: AppContext, todayDay: number = todayInChina()): number {
  const years = campaignYears(ctx);
  return campaignYearOf(Number(formatDay(todayDay).slice(0, 4)), years);
}

/**
 * `year` (a number, or the text of a query or path) when the campaign has it, else a 400 that names
 * the campaign's years.
 */
export function campaignYear(ctx: AppContext, year: number | string | undefined): number {
  const years = campaignYears(ctx);
  const n = typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : year;
  if (typeof n !== 'number' || !years.includes(n)) {
    const given = year === undefined || year === '' ? 'is required' : `${year} is not a year of the campaign`;
    throw new ApiError(
      400,
      'bad_request',
      `year: ${given}; expected one of the campaign's years: ${years.join(', ')}`,
      { years },
      `年度${year === undefined || year === '' ? '未填写' : ` ${year} 不在整治期内`}，应为 ${years.join('、')} 年之一`,
    );
  }
  return n;
}

/** The plan's targets for a year: its goals, with the villages flagged as pilots (重点村) piloting in year one. */
export function planTargets(ctx: AppContext, year: number): TargetsVersion {
  const pilots = listVillageRefs(ctx.db)
    .filter((v) => v.pilot)
    .map((v) => v.code);
  const targets = defaultTargets(campaignGoals(ctx.campaign), pilots).find((t) => t.year === year);
  if (!targets) throw new Error(`the campaign has no goals for ${year}`);
  return {
    year,
    version: 0,
    source: 'plan',
    targets,
    note: '依据整治方案的年度目标',
    createdBy: null,
    createdAt: null,
  };
}

/** Every version of a year's targets, newest first, the plan's last. */
export function targetHistory(ctx: AppContext, year: number): TargetsVersion[] {
  const stored = targetVersions(ctx.db, year).map(
    (t): TargetsVersion => ({
      year,
      version: t.version,
      source: 'edited',
      targets: yearTargetsSchema.parse(t.data),
      note: t.note,
      createdBy: t.createdBy,
      createdAt: t.createdAt,
    }),
  );
  return [...stored, planTargets(ctx, year)];
}

/** The targets a year is held to now: the latest version written, else the plan's. */
export function currentTargets(ctx: AppContext, year: number): TargetsVersion {
  return targetHistory(ctx, year)[0];
}

/**
 * Writes a new version of a year's targets after checking that the villages it names exist
 * (a 400 naming the field otherwise); returns it. The caller audits and runs the transaction.
 */
export function writeTargets(
  ctx: AppContext,
  year: number,
  targets: YearTargets,
  note: string,
  createdBy: string | null,
): TargetsVersion {
  const codes = new Set(listVillageRefs(ctx.db).map((v) => v.code));
  const unknown = (path: string, code: string) =>
    new ApiError(
      400,
      'bad_request',
      `${path}: no village has the code ${code}`,
      [{ path, message: `no village has the code ${code}` }],
      `没有代码为 ${code} 的村（社区）（${path}）`,
    );
  targets.pilotVillages.forEach((code, i) => {
    if (!codes.has(code)) throw unknown(`pilotVillages.${i}`, code);
  });
  for (const code of Object.keys(targets.villageOverrides)) {
    if (!codes.has(code)) throw unknown(`villageOverrides.${code}`, code);
  }
  const data = { ...targets, year };
  const version = addTargetVersion(ctx.db, { year, data, note, createdBy });
  return targetHistory(ctx, year).find((t) => t.version === version) as TargetsVersion;
}
