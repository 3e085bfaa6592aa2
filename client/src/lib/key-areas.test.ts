import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { keyAreaCollection, keyAreaLabels } from './key-areas';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 30],
      [120.1, 30],
      [120.1, 30.1],
      [120, 30.1],
      [120, 30],
    ],
  ],
};
// A C shape: its centre of mass lies in the gap, outside the shape.
const cShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [121, 30],
      [121.3, 30],
      [121.3, 30.05],
      [121.05, 30.05],
      [121.05, 30.25],
      [121.3, 30.25],
      [121.3, 30.3],
      [121, 30.3],
      [121, 30],
    ],
  ],
};

describe('keyAreaCollection', () => {
  it('makes one feature per area, without the hidden one', () => {
    const areas = [
      { id: 1, name: '甲', geometry: square },
      { id: 2, name: '乙', geometry: cShape },
    ];
    expect(keyAreaCollection(areas).features.map((f) => f.properties)).toEqual([
      { id: 1, name: '甲' },
      { id: 2, name: '乙' },
    ]);
    expect(keyAreaCollection(areas, 1).features.map((f) => f.properties.id)).toEqual([2]);
  });
});

describe('keyAreaLabels', () => {
  it('writes each name inside its shape, even where the centre of mass falls outside', () => {
    const areas = keyAreaCollection([
      { id: 1, name: '甲', geometry: square },
      { id: 2, name: '乙', geometry: cShape },
    ]);
    const labels = keyAreaLabels(areas);
    expect(labels[0].position[0]).toBeCloseTo(120.05, 6);
    expect(labels[0].position[1]).toBeCloseTo(30.05, 6);
    expect(booleanPointInPolygon(labels[1].position, cShape)).toBe(true);
  });
});
