import { areaShape, areaStats } from '@domain/areas/area-stats';
import type { Polygonal } from '@domain/areas/point-in-polygon';
import { randomPremises, START_DAY } from '@domain/areas/random-premises.fixture';
import { describe, expect, it } from 'vitest';
import { areaDailyOn, areaTallyAt, areaTrend, buildAreaDaily } from './area-daily';
import { premisesInShape } from './premises-in-shape';
import { townshipLayer } from './township-fixture';

const { cols, layer } = townshipLayer(randomPremises(1500, 3));
const geometry: Polygonal = {
  type: 'Polygon',
  coordinates: [
    [
      [120.2127, 30.3125],
      [120.2775, 30.3125],
      [120.2875, 30.3725],
      [120.2127, 30.3925],
      [120.2127, 30.3125],
    ],
  ],
};
const shape = areaShape(geometry);
const { inside } = premisesInShape(layer, geometry);
const LAST = 1095;

/** The server's answer without the parts the client table leaves to the server (land, villages). */
function serverCounts(day: number) {
  const { surveyed, unlicensed, progress, byStatus, byCategory } = areaStats(cols, shape, START_DAY + day);
  return { surveyed, unlicensed, progress, byStatus, byCategory };
}

describe('buildAreaDaily', () => {
  const daily = buildAreaDaily(layer, inside, LAST);

  it('equals the server area stats on every day of the campaign', () => {
    for (let d = 0; d <= LAST; d += 7) expect(areaDailyOn(daily, d)).toEqual(serverCounts(d));
    expect(areaDailyOn(daily, LAST)).toEqual(serverCounts(LAST));
  });

  it('keeps only the total in a headline table', () => {
    const headline = buildAreaDaily(layer, inside, LAST, false);
    const full = areaDailyOn(daily, 600);
    expect(areaDailyOn(headline, 600)).toEqual({ ...full, byCategory: {} });
  });

  it('declines days outside the table, which areaTallyAt counts directly', () => {
    expect(areaDailyOn(daily, -1)).toBeNull();
    expect(areaDailyOn(daily, LAST + 1)).toBeNull();
    expect(areaTallyAt(layer, inside, LAST + 200)).toEqual(serverCounts(LAST + 200));
    expect(areaTallyAt(layer, inside, -5).surveyed).toBe(0);
    expect(areaTallyAt(layer, inside, 321)).toEqual(serverCounts(321));
  });
});

describe('areaTrend', () => {
  it('samples unlicensed and progress every step and on the last day', () => {
    const trend = areaTrend(buildAreaDaily(layer, inside, LAST, false), 30);
    expect(trend.days[0]).toBe(0);
    expect(trend.days.at(-1)).toBe(LAST);
    expect(trend.days[1]).toBe(30);
    for (const j of [0, 10, trend.days.length - 1]) {
      const s = serverCounts(trend.days[j]);
      expect(trend.unlicensed[j]).toBe(s.unlicensed);
      expect(trend.progress[j]).toBe(s.progress);
    }
  });
});
