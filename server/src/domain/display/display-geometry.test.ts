import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { labelPoint, roundGeometry } from './display-geometry';

describe('display geometry', () => {
  it('rounds every coordinate to a metre', () => {
    const g = roundGeometry({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [120.2101049, 30.3417771],
            [120.2, 30.3],
            [120.21, 30.35],
            [120.2101049, 30.3417771],
          ],
        ],
      ],
    });
    expect(g.coordinates[0][0][0]).toEqual([120.2101, 30.34178]);
  });

  it('labels a concave polygon inside itself', () => {
    // a U shape whose centre of mass falls in the gap
    const u: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(booleanPointInPolygon(labelPoint(u), u)).toBe(true);
  });
});
