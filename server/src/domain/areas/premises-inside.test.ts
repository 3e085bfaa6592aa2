import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../premise-columns';
import { statusAt } from '../status-at';
import { areaShape } from './area-stats';
import type { Polygonal } from './point-in-polygon';
import { premisesInside } from './premises-inside';
import { randomPremises, START_DAY } from './random-premises.fixture';

const premises = randomPremises(800, 9);
const cols = buildColumns(premises);
const triangle: Polygonal = {
  type: 'Polygon',
  coordinates: [
    [
      [120.2, 30.3],
      [120.3, 30.33],
      [120.24, 30.4],
      [120.2, 30.3],
    ],
  ],
};

describe('premisesInside', () => {
  it('lists the premises inside that are on the map that day, by id, with their state', () => {
    const day = START_DAY + 300;
    const list = premisesInside(cols, areaShape(triangle), day);
    const expected = premises
      .filter((p) => booleanPointInPolygon([p.lng, p.lat], triangle))
      .map((p) => ({ p, state: statusAt(p.category, p.events, day) }))
      .filter(({ state }) => state.status !== null)
      .map(({ p, state }) => ({
        id: p.id,
        category: p.category,
        villageId: p.villageId,
        status: state.status,
        unlicensed: state.unlicensed,
      }));
    expect(list.length).toBeGreaterThan(20);
    expect(list).toEqual(expected);
  });

  it('is empty before the survey', () => {
    expect(premisesInside(cols, areaShape(triangle), START_DAY - 1)).toEqual([]);
  });
});
