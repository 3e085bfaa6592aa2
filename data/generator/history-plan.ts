import { type CategoryCode, categoryByCode } from '../../server/src/domain/categories';
import { dayParts } from '../../server/src/domain/dates';
import type { LicenceType } from '../../server/src/domain/licences';
import { addYears, dayBetween, on } from './calendar';
import { licenceNumber } from './licence-numbers';
import type { Rng } from './prng';

/** How a premise's campaign ends, decided up front so the township's totals follow the plan. */
export type Fate = 'compliant' | 'model' | 'closed' | 'converted' | 'demolished' | 'unfinished';

/** A licence the premise already held when it was surveyed. */
export interface SurveyLicence {
  licence: LicenceType;
  licenceNo: string;
  validToDay?: number;
}

export interface HistoryPlan {
  surveyDay: number;
  /** Opened during the campaign, rather than found by the first survey. */
  opened: boolean;
  held: SurveyLicence[];
  /** Day of the first rectification inspection; null if it never comes within the campaign. */
  roundDay: number | null;
  fate: Fate;
  /** One of its category's first model sites, made in the pilot year. */
  model2008: boolean;
  incident: boolean;
  reopen: boolean;
}

export interface PlanInput {
  category: CategoryCode;
  fringe: boolean;
  pilot: boolean;
}

const UNLICENSED_FACTOR: Partial<Record<CategoryCode, number>> = {
  pharmacy: 0.5,
  food_workshop: 1.25,
  passenger_transport: 1.3,
  audio_video: 1.2,
  lpg_point: 1.15,
};

const CLOSE_FACTOR: Partial<Record<CategoryCode, number>> = {
  audio_video: 2.5,
  lpg_point: 2,
  food_workshop: 1.5,
  passenger_transport: 1.4,
  grocery: 0.9,
  pharmacy: 0.4,
  market: 0.5,
};

function surveyDay(rng: Rng, input: PlanInput, opened: boolean, model2008: boolean): number {
  if (opened) {
    return rng.chance(0.25)
      ? dayBetween(rng, '2009-03-01', '2009-11-30')
      : dayBetween(rng, '2010-04-01', '2010-09-30');
  }
  if (model2008) return dayBetween(rng, '2008-01-15', '2008-05-20');
  if (rng.chance(input.fringe ? 0.08 : 0.05)) return dayBetween(rng, '2008-10-06', '2009-06-30');
  if (input.pilot) return dayBetween(rng, '2008-01-15', '2008-05-31');
  return input.fringe
    ? dayBetween(rng, '2008-03-01', '2008-09-30')
    : dayBetween(rng, '2008-02-15', '2008-09-26');
}

/** Licences held at the survey: all, only the business licence, or none; old permits may already have run out. */
function surveyLicences(rng: Rng, input: PlanInput, survey: number, opened: boolean): SurveyLicence[] {
  const base = opened ? (input.fringe ? 0.55 : 0.3) : input.fringe ? 0.72 : 0.3;
  const unlicensed = rng.chance(Math.min(0.95, base * (UNLICENSED_FACTOR[input.category] ?? 1)));
  const required = categoryByCode(input.category)?.licences ?? [];
  const wanted = unlicensed ? (rng.chance(0.45) ? [] : required.filter((l) => l === 'business')) : required;
  const held: SurveyLicence[] = [];
  const surveyYear = dayParts(survey).year;
  for (const licence of wanted) {
    const year = opened ? surveyYear : rng.int(2002, 2007);
    let validToDay: number | undefined;
    if (licence !== 'business') {
      validToDay = opened
        ? addYears(survey - rng.int(0, 120), 3) - 1
        : dayBetween(rng, '2008-03-01', '2012-12-31');
    } else if (!opened && rng.chance(0.3)) {
      validToDay = dayBetween(rng, '2008-03-01', '2013-12-31');
    }
    if (validToDay !== undefined && validToDay < survey + 15) continue; // ran out before the survey
    held.push({
      licence,
      licenceNo: licenceNumber(rng, licence, year),
      ...(validToDay === undefined ? {} : { validToDay }),
    });
  }
  return held;
}

function roundDay(rng: Rng, input: PlanInput, plan: Omit<HistoryPlan, 'roundDay'>): number | null {
  const s = plan.surveyDay;
  if (plan.fate === 'unfinished') {
    return rng.chance(0.65) ? Math.max(s + 10, dayBetween(rng, '2010-09-01', '2010-12-20')) : null;
  }
  if (plan.opened) return s + rng.int(20, 100);
  if (plan.model2008) return Math.max(s + 7, dayBetween(rng, '2008-06-01', '2008-08-10'));
  let r: number;
  if (input.pilot && rng.chance(0.88)) r = dayBetween(rng, '2008-08-15', '2008-10-31');
  else {
    const x = rng.next();
    const early = input.fringe ? 0.05 : 0.13;
    const late = input.fringe ? 0.18 : 0.07;
    if (x < early) r = dayBetween(rng, '2008-07-01', '2008-12-10');
    else if (x < 1 - late) r = dayBetween(rng, '2009-02-16', '2009-11-30');
    else r = dayBetween(rng, '2010-01-04', '2010-08-31');
  }
  return Math.max(r, s + rng.int(10, 40));
}

function fate(rng: Rng, input: PlanInput, opened: boolean, licensed: boolean): Fate {
  if (opened) return rng.chance(0.05) ? 'closed' : rng.chance(0.05) ? 'unfinished' : 'compliant';
  const closeWeight =
    (licensed ? 0.45 : 1.7) * (input.fringe ? 1.2 : 1) * (CLOSE_FACTOR[input.category] ?? 1);
  const pClosed = 0.05 * closeWeight;
  const pConverted = 0.027 * closeWeight;
  const pUnfinished = input.fringe ? 0.03 : 0.015;
  const pModel = 0.035 * (input.pilot ? 2 : 1) * (licensed ? 1.3 : 0.5);
  const odds: [Fate, number][] = [
    ['closed', pClosed],
    ['converted', pConverted],
    ['unfinished', pUnfinished],
    ['model', pModel],
  ];
  let x = rng.next();
  for (const [outcome, p] of odds) {
    if (x < p) return outcome === 'closed' && input.fringe && rng.chance(0.35) ? 'demolished' : outcome;
    x -= p;
  }
  return 'compliant';
}

/** Each category's first model sites: a few premises, pilot villages first, scaled to the category's size. */
function pickModel2008(rng: Rng, inputs: readonly PlanInput[]): Set<number> {
  const picked = new Set<number>();
  const byCategory = new Map<CategoryCode, number[]>();
  inputs.forEach((input, i) => {
    const list = byCategory.get(input.category) ?? [];
    list.push(i);
    byCategory.set(input.category, list);
  });
  for (const list of byCategory.values()) {
    const want = Math.min(3, Math.max(1, Math.round(list.length / 120)));
    const ordered = [
      ...rng.shuffle(list.filter((i) => inputs[i].pilot)),
      ...rng.shuffle(list.filter((i) => !inputs[i].pilot)),
    ];
    for (const i of ordered.slice(0, want)) picked.add(i);
  }
  return picked;
}

function pickSome(rng: Rng, eligible: number[], count: number): number[] {
  return rng.shuffle(eligible).slice(0, count);
}

/**
 * The shape of every premise's history in one township: when it is surveyed, what it holds, when
 * rectification reaches it and how it ends, plus the handful of incidents and reopenings.
 */
export function planHistories(rng: Rng, inputs: readonly PlanInput[]): HistoryPlan[] {
  const model2008 = pickModel2008(rng, inputs);
  const plans = inputs.map((input, i): HistoryPlan => {
    const isModel = model2008.has(i);
    const opened = !isModel && rng.chance(0.05);
    const survey = surveyDay(rng, input, opened, isModel);
    const held = surveyLicences(rng, input, survey, opened);
    const licensed = held.length === (categoryByCode(input.category)?.licences.length ?? 0);
    const partial = {
      surveyDay: survey,
      opened,
      held,
      fate: isModel ? ('model' as const) : fate(rng, input, opened, licensed),
      model2008: isModel,
      incident: false,
      reopen: false,
    };
    return { ...partial, roundDay: roundDay(rng, input, partial) };
  });
  const n = plans.length;
  const early = (plan: HistoryPlan, by: string) =>
    !plan.opened && plan.roundDay !== null && plan.roundDay <= on(by);
  if (n >= 200) {
    const incidents = plans
      .map((p, i) => ((p.fate === 'compliant' || p.fate === 'model') && early(p, '2010-03-01') ? i : -1))
      .filter((i) => i >= 0);
    for (const i of pickSome(rng, incidents, Math.max(2, Math.round(n * 0.003)))) plans[i].incident = true;
    const reopens = plans
      .map((p, i) => (p.fate === 'closed' && early(p, '2009-08-31') ? i : -1))
      .filter((i) => i >= 0);
    for (const i of pickSome(rng, reopens, Math.max(1, Math.round(n * 0.0015)))) plans[i].reopen = true;
  }
  return plans;
}
