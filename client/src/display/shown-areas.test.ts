import { describe, expect, it } from 'vitest';
import type { DisplayAreas } from './display-api';
import { shownAreas } from './shown-areas';

const feature = (id: number) => ({
  type: 'Feature' as const,
  properties: { id, name: `区${id}`, activeFrom: null, activeTo: null, label: [0, 0] },
  geometry: { type: 'Polygon' as const, coordinates: [] },
});
const areas = {
  type: 'FeatureCollection',
  features: [feature(1), feature(2), feature(3)],
} as unknown as DisplayAreas;
const counts = { surveyed: 5, unlicensed: 1, progress: 0.2 };

describe('shownAreas', () => {
  it('draws only the areas the frame has counts for, in the order of the collection', () => {
    const frame = {
      areas: new Map([
        [3, counts],
        [1, counts],
      ]),
    };
    expect(shownAreas(areas, frame).map((f) => f.properties.id)).toEqual([1, 3]);
  });

  it('draws nothing before there is a frame', () => {
    expect(shownAreas(areas, null)).toEqual([]);
    expect(shownAreas(null, { areas: new Map([[1, counts]]) })).toEqual([]);
  });
});
