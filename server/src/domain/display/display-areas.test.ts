import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import { buildColumns, type PremiseInput } from '../premise-columns';
import { areaFrames, areaHeadlines, MIN_AREA_PREMISES } from './display-areas';

const shop = (id: number, lng: number): PremiseInput => ({
  id,
  lng,
  lat: 30.3,
  category: 'grocery',
  villageId: 1,
  events: [{ day: day('2008-03-01'), type: 'surveyed' }],
});
const box = (w: number, e: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, 30.29],
      [e, 30.29],
      [e, 30.31],
      [w, 30.31],
      [w, 30.29],
    ],
  ],
});
// six shops from 120.201 to 120.206
const cols = buildColumns([1, 2, 3, 4, 5, 6].map((i) => shop(i, 120.2 + i / 1000)));
const area = (id: number, w: number, e: number) => ({
  id,
  name: `区${id}`,
  activeFrom: null,
  activeTo: null,
  geometry: box(w, e),
});

describe('key areas on the public screen', () => {
  it('shows the counts of an area that holds enough premises', () => {
    const [h] = areaHeadlines(cols, [area(1, 120.2, 120.21)], day('2009-01-01'));
    expect(h).toEqual({ id: 1, surveyed: 6, unlicensed: 6, progress: 0 });
  });

  it(`withholds the counts of an area with fewer than ${MIN_AREA_PREMISES} premises`, () => {
    const [h] = areaHeadlines(cols, [area(2, 120.2005, 120.2015)], day('2009-01-01'));
    expect(h).toEqual({ id: 2, surveyed: null, unlicensed: null, progress: null });
  });

  it('withholds per frame: nothing before the survey, counts after', () => {
    const [f] = areaFrames(cols, [area(1, 120.2, 120.21)], day('2008-01-01'), day('2008-12-31'), 30);
    expect(f.surveyed[0]).toBeNull();
    expect(f.surveyed.at(-1)).toBe(6);
  });
});
