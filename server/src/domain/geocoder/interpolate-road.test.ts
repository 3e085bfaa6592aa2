import { describe, expect, it } from 'vitest';
import { interpolateRoad, pickRoadPiece } from './interpolate-road';
import { distanceMeters, localFrame } from './local-metres';
import type { GazetteerRoad } from './types';

/** A road 1 km due east from (120.2, 30.3), numbered 1–100. */
function eastRoad(from = 1, to = 100): GazetteerRoad {
  const frame = localFrame([120.2, 30.3]);
  return {
    name: '长睦路',
    line: [frame.toLngLat([0, 0]), frame.toLngLat([500, 0]), frame.toLngLat([1000, 0])],
    fromNumber: from,
    toNumber: to,
  };
}

const xy = (lngLat: [number, number]) => localFrame([120.2, 30.3]).toXY(lngLat);

describe('interpolateRoad', () => {
  it('places a number linearly along the line', () => {
    const [x] = xy(interpolateRoad(eastRoad(), 50.5, 0).lngLat);
    expect(x).toBeCloseTo(500, 0);
  });

  it('puts odd numbers on the left and even on the right, facing the way numbers grow', () => {
    const [, yOdd] = xy(interpolateRoad(eastRoad(), 51, 10).lngLat);
    const [, yEven] = xy(interpolateRoad(eastRoad(), 52, 10).lngLat);
    expect(yOdd).toBeCloseTo(10, 1); // north of an eastbound road is its left
    expect(yEven).toBeCloseTo(-10, 1);
  });

  it('clamps a number beyond the range to the nearer end and says so', () => {
    const at = interpolateRoad(eastRoad(), 300, 0);
    expect(at.inRange).toBe(false);
    expect(xy(at.lngLat)[0]).toBeCloseTo(1000, 0);
    expect(interpolateRoad(eastRoad(), 3, 0).inRange).toBe(true);
  });

  it('follows a bend', () => {
    const frame = localFrame([120.2, 30.3]);
    const bent: GazetteerRoad = {
      name: '沿山街',
      line: [frame.toLngLat([0, 0]), frame.toLngLat([100, 0]), frame.toLngLat([100, 100])],
      fromNumber: 0,
      toNumber: 200,
    };
    const at = interpolateRoad(bent, 150, 0).lngLat;
    expect(distanceMeters(at, frame.toLngLat([100, 50]))).toBeLessThan(0.5);
  });
});

describe('pickRoadPiece', () => {
  it('takes the piece whose range holds the number, else the nearest range', () => {
    const a = eastRoad(1, 100);
    const b = eastRoad(101, 200);
    expect(pickRoadPiece([a, b], 150)).toBe(b);
    expect(pickRoadPiece([a, b], 50)).toBe(a);
    expect(pickRoadPiece([a, b], 260)).toBe(b);
    expect(pickRoadPiece([], 1)).toBeNull();
  });
});
