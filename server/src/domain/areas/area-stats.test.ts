import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../dates';
import { buildColumns } from '../premise-columns';
import { STATUS_KEYS } from '../statuses';
import { areaSeries, areaShape, areaStats, MU_PER_KM2 } from './area-stats';
import type { Polygonal } from './point-in-polygon';
import { randomPremises, START_DAY } from './random-premises.fixture';

const cols = buildColumns(randomPremises(1500, 3));

const rect = (x0: number, y0: number, x1: number, y1: number): Polygonal => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

describe('areaStats', () => {
  const shape = areaShape(rect(120.22, 30.32, 120.26, 30.36));
  const day = START_DAY + 600;

  it('gives the land in km² and mu, and densities per km²', () => {
    const s = areaStats(cols, shape, day);
    expect(s.at).toBe(formatDay(day));
    expect(s.areaKm2).toBeCloseTo(area(shape.geometry) / 1e6, 9);
    expect(s.areaKm2).toBeGreaterThan(15);
    expect(s.areaKm2).toBeLessThan(18);
    expect(s.areaMu).toBeCloseTo(s.areaKm2 * MU_PER_KM2, 6);
    expect(s.surveyed).toBeGreaterThan(0);
    expect(s.densityPerKm2).toBeCloseTo(s.surveyed / s.areaKm2, 9);
    expect(s.unlicensedPerKm2).toBeCloseTo(s.unlicensed / s.areaKm2, 9);
  });

  it('has the /api/stats keys, with byStatus adding up', () => {
    const s = areaStats(cols, shape, day);
    expect(Object.keys(s.byStatus).sort()).toEqual([...STATUS_KEYS].sort());
    expect(Object.values(s.byStatus).reduce((a, b) => a + b, 0)).toBe(s.surveyed);
    expect(Object.values(s.byCategory).reduce((a, c) => a + c.unlicensed, 0)).toBe(s.unlicensed);
    expect(Object.values(s.byVillage).reduce((a, c) => a + c.surveyed, 0)).toBe(s.surveyed);
  });

  it('lists touched villages, with zeros for those without premises inside', () => {
    const villages = [
      { id: 100, name: '甲村', geometry: rect(120.2, 30.3, 120.225, 30.4) },
      { id: 999, name: '空村', geometry: rect(120.259, 30.359, 120.3, 30.4) },
      { id: 998, name: '远村', geometry: rect(121, 31, 121.1, 31.1) },
    ];
    const s = areaStats(cols, shape, day, villages);
    expect(s.villagesTouched.map((v) => v.id)).toEqual([100, 999]);
    expect(s.byVillage['999'].surveyed).toBe(0);
    expect(s.byVillage['998']).toBeUndefined();
  });

  it('is all zeros before anything is surveyed', () => {
    const s = areaStats(cols, shape, START_DAY - 10);
    expect(s.surveyed).toBe(0);
    expect(s.progress).toBe(0);
    expect(s.densityPerKm2).toBe(0);
  });
});

describe('areaSeries', () => {
  it('agrees with areaStats on the sampled days', () => {
    const shape = areaShape(rect(120.21, 30.31, 120.27, 30.37));
    const series = areaSeries(cols, shape, START_DAY, START_DAY + 1095, 30);
    expect(series.days[0]).toBe(START_DAY);
    expect(series.days.at(-1)).toBe(START_DAY + 1095);
    for (const j of [0, 5, 17, series.days.length - 1]) {
      const s = areaStats(cols, shape, series.days[j]);
      expect(series.unlicensed[j]).toBe(s.unlicensed);
      expect(series.progress[j]).toBeCloseTo(s.progress, 12);
      for (const k of STATUS_KEYS) expect(series.byStatus[k][j]).toBe(s.byStatus[k]);
    }
  });
});
