import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { distanceMeters } from './local-metres';
import { squareVillage } from './test-gazetteer.fixture';
import type { GazetteerVillage } from './types';
import { FALLBACK_SPREAD_METERS, villageAnchor, villageFallback } from './village-fallback';

/** An L-shaped village whose centroid lies outside it. */
const lShape: GazetteerVillage = {
  id: 9,
  code: '330104010209',
  name: '拐角村',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [120.2, 30.3],
        [120.22, 30.3],
        [120.22, 30.302],
        [120.202, 30.302],
        [120.202, 30.32],
        [120.2, 30.32],
        [120.2, 30.3],
      ],
    ],
  },
};

describe('villageFallback', () => {
  it('is the same point for the same address', () => {
    const v = squareVillage(1, '大唐村', 120.2, 30.3);
    expect(villageFallback(v, '大唐村5组12号')).toEqual(villageFallback(v, '大唐村5组12号'));
  });

  it('spreads different addresses apart, around the seat and inside the village', () => {
    const v = { ...squareVillage(1, '大唐村', 120.2, 30.3), seat: [120.203, 30.303] as [number, number] };
    const points = Array.from({ length: 200 }, (_, i) => villageFallback(v, `大唐村${i}号`));
    expect(new Set(points.map((p) => p.join())).size).toBe(200);
    for (const p of points) {
      expect(booleanPointInPolygon(p, v.geometry)).toBe(true);
      expect(distanceMeters(p, v.seat)).toBeLessThanOrEqual(FALLBACK_SPREAD_METERS + 1);
    }
  });

  it('separates premises sharing one address by the seed', () => {
    const v = squareVillage(1, '大唐村', 120.2, 30.3);
    expect(villageFallback(v, '大唐村', 1)).not.toEqual(villageFallback(v, '大唐村', 2));
  });

  it('stays inside a village whose centroid is outside it', () => {
    expect(booleanPointInPolygon(villageAnchor(lShape), lShape.geometry)).toBe(true);
    for (let i = 0; i < 100; i++) {
      expect(booleanPointInPolygon(villageFallback(lShape, `拐角村${i}号`), lShape.geometry)).toBe(true);
    }
  });

  it('ignores a seat outside the polygon', () => {
    const v = { ...squareVillage(1, '大唐村', 120.2, 30.3), seat: [121, 31] as [number, number] };
    expect(booleanPointInPolygon(villageAnchor(v), v.geometry)).toBe(true);
  });
});
