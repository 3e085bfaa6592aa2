import type { CategoryCode } from '../../server/src/domain/categories';
import type { Problem } from '../../server/src/domain/event-types';
import type { LicenceType } from '../../server/src/domain/licences';
import { dayBetween } from './calendar';
import type { EventLog } from './event-log';
import type { Fate } from './history-plan';
import type { Rng } from './prng';

/** Chance an inspection finds each problem besides missing licences, by category where it differs. */
const PROBLEM_ODDS: Record<
  Exclude<Problem, 'unlicensed'>,
  Partial<Record<CategoryCode, number>> & { other: number }
> = {
  unsanitary: { restaurant: 0.5, food_workshop: 0.55, market: 0.5, beauty_salon: 0.3, other: 0.22 },
  substandard_facilities: {
    lpg_point: 0.5,
    food_workshop: 0.35,
    restaurant: 0.3,
    passenger_transport: 0.35,
    other: 0.12,
  },
  counterfeit: {
    audio_video: 0.35,
    grocery: 0.12,
    pharmacy: 0.1,
    food_workshop: 0.1,
    agri_supply: 0.12,
    other: 0.04,
  },
  out_of_scope: { pharmacy: 0.1, grocery: 0.08, other: 0.04 },
};

const CLOSED_NOTES = ['整改不到位，责令关停', '场地不符合要求，关停'];
const CONVERTED_NOTES = [
  '转产为仓储',
  '转为便民服务点',
  '转产经营日用百货',
  '退出经营，场地转作他用',
  '转为家庭农场',
];

export interface RoundInput {
  category: CategoryCode;
  day: number;
  /** Required licences not valid on `day`. */
  missing: readonly LicenceType[];
  fate: Fate;
  /** Pilot-year schedule: short deadlines, and the premise passes at the first re-inspection. */
  fast: boolean;
}

export interface RoundOutcome {
  /** Day the premise became compliant, or null. */
  passDay: number | null;
  /** Day it was closed or converted, or null. */
  closeDay: number | null;
}

function findProblems(rng: Rng, input: RoundInput): Problem[] {
  const problems: Problem[] = input.missing.length ? ['unlicensed'] : [];
  for (const [problem, odds] of Object.entries(PROBLEM_ODDS) as [Problem, Record<string, number>][]) {
    if (rng.chance(odds[input.category] ?? odds.other)) problems.push(problem);
  }
  const mustFail = input.fate === 'closed' || input.fate === 'converted' || input.fate === 'unfinished';
  if (mustFail && problems.length === 0) {
    problems.push(rng.pick(['substandard_facilities', 'unsanitary', 'counterfeit'] as const));
  }
  return problems;
}

/** The closing record, its note saying why: given up, or shut for no licence or a failed rectification. */
function leave(rng: Rng, log: EventLog, day: number, input: RoundInput, givenUp: boolean): number {
  if (input.fate === 'converted') log.simple(day, 'converted', rng.pick(CONVERTED_NOTES));
  else if (givenUp) log.simple(day, 'closed', '经营者自行停业');
  else if (input.missing.includes('business')) log.simple(day, 'closed', '无证无照经营，依法取缔');
  else if (input.missing.length) log.simple(day, 'closed', '无证经营，依法取缔');
  else log.simple(day, 'closed', rng.pick(CLOSED_NOTES));
  return day;
}

/**
 * One rectification round from the first inspection: problems found, an order with a deadline,
 * licences applied for, re-inspections — ending compliant, closed or converted, or still open.
 */
export function rectificationRound(rng: Rng, input: RoundInput, log: EventLog): RoundOutcome {
  const problems = findProblems(rng, input);
  log.inspected(input.day, problems);
  if (problems.length === 0) return { passDay: input.day, closeDay: null };

  const orderDay = input.day + rng.int(0, 3);
  const unlicensed = problems.includes('unlicensed');
  const deadline = orderDay + (input.fast ? rng.int(30, 45) : unlicensed ? rng.int(45, 90) : rng.int(30, 60));
  log.ordered(orderDay, deadline, unlicensed ? '限期办理证照' : '限期整改');
  if (input.fate === 'unfinished') return { passDay: null, closeDay: null };

  const firstCheck = Math.max(orderDay + 20, deadline + rng.int(-5, 7));
  if (input.fate === 'closed' || input.fate === 'converted') {
    if (rng.chance(0.3)) {
      // The operator gives up before the deadline.
      return { passDay: null, closeDay: leave(rng, log, orderDay + rng.int(10, 40), input, true) };
    }
    log.reinspected(firstCheck, false, problems);
    let last = firstCheck;
    if (rng.chance(0.5)) {
      const deadline2 = firstCheck + rng.int(30, 60);
      log.ordered(firstCheck, deadline2, '逾期未改，再次责令整改');
      last = deadline2 + rng.int(-2, 7);
      log.reinspected(last, false, problems);
    }
    return { passDay: null, closeDay: leave(rng, log, last + rng.int(3, 30), input, false) };
  }

  if (input.fast || rng.chance(0.78)) {
    for (const licence of input.missing) {
      log.newLicence(rng, dayBetween(rng, orderDay + 7, firstCheck - 1), licence);
    }
    log.reinspected(firstCheck, true);
    return { passDay: firstCheck, closeDay: null };
  }
  const left = problems.filter((p) => p === 'unlicensed' || rng.chance(0.6));
  log.reinspected(firstCheck, false, left.length ? left : problems.slice(0, 1));
  const deadline2 = firstCheck + rng.int(30, 60);
  log.ordered(firstCheck, deadline2, '逾期未改，再次责令整改');
  const secondCheck = Math.max(firstCheck + 20, deadline2 + rng.int(-3, 5));
  for (const licence of input.missing) {
    log.newLicence(rng, dayBetween(rng, firstCheck + 5, secondCheck - 1), licence);
  }
  log.reinspected(secondCheck, true);
  return { passDay: secondCheck, closeDay: null };
}
