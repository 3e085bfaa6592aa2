import { describe, expect, it } from 'vitest';
import { planGoals } from '../campaign';
import { scoreVillage } from './scorecard';
import { defaultTargets, targetsFor } from './targets';

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
