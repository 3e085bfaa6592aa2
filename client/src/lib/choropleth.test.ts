import type { GroupTally } from '@domain/tally';
import { describe, expect, it } from 'vitest';
import { metricBreaks, metricCeilings, metricColor, metricRamp, metricValue, niceCeil } from './choropleth';
import { premisesForTest } from './premises-fixture';

const t = (surveyed: number, unlicensed: number, progress: number): GroupTally => ({
  surveyed,
  unlicensed,
  progress,
  byStatus: { pending: 0, rectifying: 0, compliant: 0, model: 0, closed: 0, converted: 0 },
});

describe('choropleth', () => {
  it('computes the metric of a village', () => {
    expect(metricValue('density', t(30, 5, 0.5), 2)).toBe(15);
    expect(metricValue('unlicensed', t(30, 5, 0.5), 2)).toBe(5);
    expect(metricValue('progress', t(30, 5, 0.5), 2)).toBe(0.5);
    expect(metricValue('progress', undefined, 2)).toBeNull();
    expect(metricValue('density', undefined, 2)).toBe(0);
  });

  it('rounds ceilings to nice numbers', () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(180)).toBe(200);
    expect(niceCeil(230)).toBe(250);
    expect(niceCeil(500)).toBe(500);
  });

  it('splits into five classes', () => {
    expect(metricBreaks('density', 180)).toEqual([40, 80, 120, 160]);
    expect(metricBreaks('progress', 1)).toEqual([0.2, 0.4, 0.6, 0.8]);
    const ramp = metricRamp('density');
    expect(metricColor('density', 0, [40, 80, 120, 160])).toEqual(ramp[0]);
    expect(metricColor('density', 40, [40, 80, 120, 160])).toEqual(ramp[1]);
    expect(metricColor('density', 999, [40, 80, 120, 160])).toEqual(ramp[4]);
  });

  it('finds the ceilings over the whole campaign', () => {
    const data = premisesForTest({
      startDay: 0,
      premises: [
        { id: 1, lng: 0, lat: 0, category: 0, village: 1 },
        { id: 2, lng: 0, lat: 0, category: 0, village: 1 },
        { id: 3, lng: 0, lat: 0, category: 0, village: 2 },
      ],
      intervals: [
        { premise: 0, status: 0, unlicensed: 1, from: 0, to: 10 },
        { premise: 1, status: 0, unlicensed: 1, from: 10, to: 20 },
        { premise: 2, status: 0, unlicensed: 1, from: 0, to: 5 },
      ],
    });
    const c = metricCeilings(
      data,
      new Map([
        [1, 4],
        [2, 0.5],
      ]),
    );
    expect(c.density).toBe(2);
    // premise 1 ends on day 10 as premise 2 starts: never two at once in village 1
    expect(c.unlicensed).toBe(1);
  });

  it('finds the same unlicensed ceiling as a plain sweep, on random intervals with negative days', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const premises = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      lng: 0,
      lat: 0,
      category: 0,
      village: 1 + rand(7),
    }));
    const intervals = Array.from({ length: 900 }, () => {
      const from = rand(60) - 20;
      return {
        premise: rand(300),
        status: 0,
        unlicensed: rand(3) === 0 ? 0 : 1,
        from,
        to: from + 1 + rand(15),
      };
    });
    const data = premisesForTest({ startDay: 0, premises, intervals });
    let plain = 0;
    for (let d = -25; d < 100; d++) {
      const byVillage = new Map<number, number>();
      for (const iv of intervals) {
        if (!iv.unlicensed || iv.from > d || iv.to <= d) continue;
        const v = premises[iv.premise].village;
        byVillage.set(v, (byVillage.get(v) ?? 0) + 1);
      }
      plain = Math.max(plain, ...byVillage.values());
    }
    expect(plain).toBeGreaterThan(3);
    expect(metricCeilings(data, new Map()).unlicensed).toBe(plain);
  });
});
