import { describe, expect, it } from 'vitest';
import { planGoals } from '../campaign';
import { scoreVillage } from './scorecard';
import { defaultTargets, targetsFor, yearTargetsSchema } from './targets';

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

describe('targets from the plan', () => {
  it('gives each campaign year the plan goal’s progress, and pilots year one’s lead', () => {
    const targets = defaultTargets(planGoals(2008), ['330104010201']);
    expect(targets.map((t) => [t.year, t.village.progress])).toEqual([
      [2008, 0.3],
      [2009, 0.8],
      [2010, 0.95],
    ]);
    expect(targetsFor(targets[0], '330104010201')).toMatchObject({
      pilot: true,
      progress: 0.8,
      modelSites: 1,
    });
    expect(targetsFor(targets[0], '330104010202')).toMatchObject({ pilot: false, progress: 0.3 });
    expect(targetsFor({ ...targets[1], villageOverrides: { X: { progress: 0.5 } } }, 'X').progress).toBe(0.5);
  });

  it('refuses impossible targets saying, in English and Chinese, what each figure must be', () => {
    const [year] = defaultTargets(planGoals(2008));
    const bad = {
      ...year,
      village: { ...year.village, progress: 1.5, overdueOrders: 2.5 },
      passMark: 120,
      trades: { ...year.trades, nosuch: { modelSites: 1, progress: 0.5 } },
    };
    const issues = yearTargetsSchema.safeParse(bad).error?.issues ?? [];
    const said = Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
    expect(said).toEqual({
      'village.progress': 'expected a share from 0 to 1, e.g. 0.8 (整治完成率应为 0 到 1 之间的比例，如 0.8)',
      'village.overdueOrders': 'expected a whole number, 0 or more (逾期未整改数应为不小于 0 的整数)',
      passMark: 'expected a score from 0 to 100 (通过分数线应为 0 到 100 之间的分数)',
      trades: `expected each trade's code (${Object.keys(year.trades).join(', ')}) with its targets (行业应为已有的行业代码，每个行业填写示范点数和完成率)`,
    });
    const { grocery: _, ...missing } = year.trades;
    const noGrocery = yearTargetsSchema.safeParse({ ...year, trades: missing }).error?.issues ?? [];
    expect(noGrocery.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'trades.grocery',
        'expected { modelSites, progress } for the trade (每个行业都要填写示范点数和完成率)',
      ],
    ]);
  });
});

describe('scoreVillage', () => {
  const targets = { filedShare: 1, progress: 0.8, unlicensedShare: 0.2, overdueOrders: 3, modelSites: 1 };

  it('meets every target with full points, and names the premises behind each figure', () => {
    const card = scoreVillage(
      { surveyed: 10, filed: ids(10), progress: 0.9, unlicensed: [3], overdue: [4, 5], models: [7] },
      targets,
    );
    expect(card.meetsTargets).toBe(true);
    expect(card.computed).toBe(100);
    expect(card.lines.find((l) => l.item === 'overdueOrders')).toMatchObject({
      actual: 2,
      met: true,
      premises: [4, 5],
    });
  });

  it('gives partial points below a target and adds the team’s adjustments, within 0–100', () => {
    const card = scoreVillage(
      { surveyed: 10, filed: ids(8), progress: 0.4, unlicensed: ids(4), overdue: ids(6), models: [] },
      targets,
      [{ item: 'modelSites', points: 5, remark: '示范点已申报，待复核' }],
    );
    expect(card.meetsTargets).toBe(false);
    const points = Object.fromEntries(card.lines.map((l) => [l.item, l.points]));
    expect(points).toEqual({
      filedShare: 16,
      progress: 15,
      unlicensedShare: 10,
      overdueOrders: 7.5,
      modelSites: 0,
    });
    expect(card.computed).toBe(48.5);
    expect(card.adjusted).toBe(53.5);
  });
});
