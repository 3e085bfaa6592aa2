import { describe, expect, it } from 'vitest';
import { acceptanceColors, acceptanceYearOf, RESULT_COLORS, villageAt } from './acceptance-map';
import type { VillageCollection } from './village-types';

const square = (id: number, x: number): VillageCollection['features'][number] =>
  ({
    type: 'Feature',
    properties: { id, code: String(id), name: `村${id}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
          [x, 0],
        ],
      ],
    },
  }) as unknown as VillageCollection['features'][number];

describe('acceptance on the map', () => {
  it('colours each village by its result and leaves the others clear', () => {
    const colors = acceptanceColors([
      { id: 1, result: 'passed' },
      { id: 2, result: 'failed' },
      { id: 3, result: 'not_signed' },
    ]);
    expect(colors.get(1)).toEqual(RESULT_COLORS.passed);
    expect(colors.get(2)).toEqual(RESULT_COLORS.failed);
    expect(colors.get(3)).toEqual(RESULT_COLORS.not_signed);
    expect(colors.has(4)).toBe(false);
    expect(new Set(Object.values(RESULT_COLORS).map(String)).size).toBe(4);
  });

  it('finds the village under a click, and none between or outside them', () => {
    const villages = {
      type: 'FeatureCollection',
      features: [square(7, 0), square(8, 2)],
    } as VillageCollection;
    expect(villageAt(villages, [0.5, 0.5])).toBe(7);
    expect(villageAt(villages, [2.5, 0.2])).toBe(8);
    expect(villageAt(villages, [1.5, 0.5])).toBeNull();
    expect(villageAt(villages, [9, 9])).toBeNull();
  });

  it('opens on the campaign year of the timeline’s date, the nearest one outside the campaign', () => {
    expect(acceptanceYearOf('2009-06-30', [2008, 2009, 2010])).toBe(2009);
    expect(acceptanceYearOf('2007-03-01', [2008, 2009, 2010])).toBe(2008);
    expect(acceptanceYearOf('2012-01-01', [2008, 2009, 2010])).toBe(2010);
  });
});
