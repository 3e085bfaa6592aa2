import { describe, expect, it } from 'vitest';
import { geometryBounds, progressColor } from './display-geo';

describe('display geometry helpers', () => {
  it('bounds polygons and multipolygons', () => {
    expect(
      geometryBounds({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1, 2],
              [3, 2],
              [3, 5],
              [1, 2],
            ],
          ],
          [
            [
              [-1, 0],
              [0, 0],
              [0, 1],
              [-1, 0],
            ],
          ],
        ],
      }),
    ).toEqual([-1, 0, 3, 5]);
  });

  it('colours progress from navy to teal, clamped', () => {
    expect(progressColor(0)).toEqual([30, 45, 80, 170]);
    expect(progressColor(1)).toEqual([40, 210, 200, 180]);
    expect(progressColor(2)).toEqual(progressColor(1));
    expect(progressColor(Number.NaN)).toEqual(progressColor(0));
    expect(progressColor(0.25)).toEqual([30, 70, 120, 170]);
  });
});
