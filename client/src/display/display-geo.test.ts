import { describe, expect, it } from 'vitest';
import type { DisplayVillages } from './display-api';
import { geometryBounds, insideVillages, progressColor } from './display-geo';

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

  it('tells a position inside any village from one outside them all', () => {
    const square = (x: number): GeoJSON.Polygon => ({
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
    });
    const villages = {
      type: 'FeatureCollection',
      features: [0, 1].map((x) => ({ type: 'Feature', properties: { id: x }, geometry: square(x) })),
    } as unknown as DisplayVillages;
    const inside = insideVillages(villages);
    expect([inside(0.5, 0.5), inside(1.5, 0.5), inside(1, 0.5), inside(2.5, 0.5), inside(0.5, 1.5)]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
