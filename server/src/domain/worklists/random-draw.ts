import { seededRandom, uniformBelow } from './seeded-random';

/** The name of the method below, stored with every draw so a later version cannot re-judge an old one. */
export const DRAW_METHOD =
  'sx-draw-1: sfc32(cyrb128(seed)); premises, then each team, by partial Fisher–Yates';

export interface DrawInput {
  /** Premise ids to draw from; drawn in ascending order whatever order they come in. */
  candidates: readonly number[];
  /** How many premises to draw. */
  premises: number;
  /** The inspectors to draw teams from, in the order given (the order is part of the draw). */
  pool: readonly string[];
  perTeam: number;
  seed: string;
}

export interface DrawPick {
  premiseId: number;
  /** Distinct members of the pool, in the order drawn. */
  team: string[];
}

/** Why a draw cannot be made; the message says what to change. */
export class DrawRefused extends Error {
  constructor(
    readonly code: 'too_few_candidates' | 'pool_too_small' | 'bad_draw',
    message: string,
    /** The same in Chinese, for the page. */
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/** The first `k` of `items` after a partial Fisher–Yates shuffle driven by `next`. */
function drawWithout<T>(items: readonly T[], k: number, next: () => number): T[] {
  const a = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(next, a.length - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

/**
 * 双随机: `premises` distinct premises drawn from the candidates and, for each in the order drawn, a
 * team of `perTeam` distinct inspectors drawn from the pool — every premise equally likely, every
 * team equally likely. Pure: the same input gives the same picks on any machine, so a stored draw
 * can be re-run and checked.
 */
export function randomDraw(input: DrawInput): DrawPick[] {
  const { premises, perTeam, pool, seed } = input;
  const candidates = [...input.candidates].sort((a, b) => a - b);
  if (!Number.isInteger(premises) || premises < 1)
    throw new DrawRefused(
      'bad_draw',
      `premises: draw at least 1 premise, not ${premises}`,
      `抽取户数：至少抽取 1 户经营户，不能是 ${premises}`,
    );
  if (!Number.isInteger(perTeam) || perTeam < 1)
    throw new DrawRefused(
      'bad_draw',
      `perTeam: a team has at least 1 inspector, not ${perTeam}`,
      `每组人数：每组至少 1 名检查人员，不能是 ${perTeam}`,
    );
  if (candidates.some((id, i) => i > 0 && id === candidates[i - 1]))
    throw new DrawRefused('bad_draw', 'candidates: a premise is listed twice', '候选经营户中有重复的经营户');
  if (new Set(pool).size !== pool.length)
    throw new DrawRefused(
      'bad_draw',
      'pool: an inspector is listed twice',
      '检查人员名单中有人重复，请去掉重复的人员',
    );
  if (premises > candidates.length)
    throw new DrawRefused(
      'too_few_candidates',
      `premises: ${premises} asked for, but only ${candidates.length} premises match the filter`,
      `抽取户数：要抽取 ${premises} 户，但符合条件的经营户只有 ${candidates.length} 户；请减少抽取户数或放宽筛选条件`,
    );
  if (perTeam > pool.length)
    throw new DrawRefused(
      'pool_too_small',
      `pool: a team of ${perTeam} needs at least ${perTeam} inspectors; the pool has ${pool.length}`,
      `检查人员：每组 ${perTeam} 人，至少需要 ${perTeam} 名检查人员，名单中只有 ${pool.length} 名；请增加人员或减少每组人数`,
    );
  const next = seededRandom(seed);
  const picked = drawWithout(candidates, premises, next);
  return picked.map((premiseId) => ({ premiseId, team: drawWithout(pool, perTeam, next) }));
}
