import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import { buildColumns, type PremiseInput } from '../premise-columns';
import { areaActiveOn, areaFrames, areaHeadlines } from './display-areas';
import { K_ANONYMITY } from './k-anonymity';

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
const area = (id: number, w: number, e: number, activeFrom: string | null = null) => ({
  id,
  name: `区${id}`,
  activeFrom,
  activeTo: null,
  geometry: box(w, e),
});

describe('key areas on the public screen', () => {
  it('shows the counts of an area that holds enough premises', () => {
    const [h] = areaHeadlines(cols, [area(1, 120.2, 120.21)], day('2009-01-01'));
    expect(h).toEqual({ id: 1, surveyed: 6, unlicensed: 6, progress: 0 });
  });

  it(`leaves out an area with fewer than ${K_ANONYMITY} premises, and one not in force`, () => {
    // 120.2005 … 120.2045 holds shops 1 to 4
    const few = area(2, 120.2005, 120.2045);
    const later = area(3, 120.2, 120.21, '2010-01-01');
    expect(areaHeadlines(cols, [few, later], day('2009-01-01'))).toEqual([]);
    expect(areaHeadlines(cols, [few, later], day('2010-01-01')).map((h) => h.id)).toEqual([3]);
  });

  it('withholds per frame: nothing before the survey, counts after', () => {
    const [f] = areaFrames(cols, [area(1, 120.2, 120.21)], day('2008-01-01'), day('2008-12-31'), 30);
    expect(f.surveyed[0]).toBeNull();
    expect(f.unlicensed[0]).toBeNull();
    expect(f.progress[0]).toBeNull();
    expect(f.surveyed.at(-1)).toBe(6);
  });

  it('leaves out an area shown on no frame at all', () => {
    const frames = areaFrames(
      cols,
      [area(1, 120.2, 120.21), area(2, 120.2005, 120.2045)],
      day('2008-01-01'),
      day('2010-12-31'),
      7,
    );
    expect(frames.map((f) => f.id)).toEqual([1]);
  });

  it('holds an area in force over its inclusive period, always when open-ended', () => {
    const a = { activeFrom: '2009-01-01', activeTo: '2009-12-31' };
    expect(areaActiveOn(a, '2008-12-31')).toBe(false);
    expect(areaActiveOn(a, '2009-01-01')).toBe(true);
    expect(areaActiveOn(a, '2009-12-31')).toBe(true);
    expect(areaActiveOn(a, '2010-01-01')).toBe(false);
    expect(areaActiveOn({ activeFrom: null, activeTo: null }, '2030-01-01')).toBe(true);
  });
});
