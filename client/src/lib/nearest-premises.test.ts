import { describe, expect, it } from 'vitest';
import { boundsPolygon, metersBetween, nearestPremises, snappedBounds } from './nearest-premises';
import { decodePremises } from './premises-binary';
import { encodePremisesForTest } from './premises-fixture';

const HERE: [number, number] = [120.25, 30.35];
/** A point `meters` north of HERE (1° of latitude ≈ 111,195 m on the sphere used). */
const north = (meters: number): [number, number] => [HERE[0], HERE[1] + meters / 111_195];

function layer() {
  const premises = [
    { id: 11, lng: north(500)[0], lat: north(500)[1], category: 2, village: 1 },
    { id: 12, lng: north(40)[0], lat: north(40)[1], category: 1, village: 2 },
    { id: 13, lng: north(120)[0], lat: north(120)[1], category: 0, village: 1 },
    { id: 14, lng: north(10)[0], lat: north(10)[1], category: 0, village: 1 },
  ];
  return decodePremises(
    encodePremisesForTest({
      startDay: 0,
      premises,
      intervals: [
        { premise: 0, status: 0, unlicensed: 0, from: 0, to: 1e6 },
        { premise: 1, status: 0, unlicensed: 1, from: 0, to: 10 },
        { premise: 1, status: 1, unlicensed: 0, from: 10, to: 1e6 },
        { premise: 2, status: 2, unlicensed: 0, from: 0, to: 1e6 },
        // surveyed only on day 50: not on the map before
        { premise: 3, status: 0, unlicensed: 0, from: 50, to: 1e6 },
      ],
    }),
  );
}

describe('nearestPremises', () => {
  it('answers the premises on the map that day, nearest first, with metres and the status of the day', () => {
    const near = nearestPremises(layer(), HERE, { limit: 10, day: 20 });
    expect(near.map((n) => n.id)).toEqual([12, 13, 11]);
    expect(near.map((n) => Math.round(n.meters))).toEqual([40, 120, 500]);
    expect(near[0]).toMatchObject({ status: 1, category: 1, village: 2 });
    expect(nearestPremises(layer(), HERE, { limit: 10, day: 60 })[0].id).toBe(14);
  });

  it('keeps to a village and to the limit', () => {
    expect(nearestPremises(layer(), HERE, { limit: 10, day: 60, village: 1 }).map((n) => n.id)).toEqual([
      14, 13, 11,
    ]);
    expect(nearestPremises(layer(), HERE, { limit: 2, day: 60 }).map((n) => n.id)).toEqual([14, 12]);
  });
});

describe('metersBetween', () => {
  it('measures a degree of longitude at 30° N as about 96 km, and nothing between a point and itself', () => {
    expect(metersBetween([120, 30], [121, 30])).toBeCloseTo(96_297, -2);
    expect(metersBetween(HERE, HERE)).toBe(0);
  });
});

describe('snappedBounds', () => {
  it('pushes the edges out to the grid, so nearby positions ask for the same rectangle', () => {
    const p: [number, number] = [120.2512, 30.3513];
    const a = snappedBounds([p, [p[0], p[1] + 0.001]], 0.005);
    const b = snappedBounds(
      [
        [p[0] + 0.0001, p[1] + 0.0001],
        [p[0], p[1] + 0.0012],
      ],
      0.005,
    );
    expect(a).toEqual(b);
    expect(a).toEqual([120.25, 30.35, 120.255, 30.355]);
    expect(snappedBounds([], 0.005)).toBeNull();
  });

  it('makes a closed GeoJSON ring', () => {
    const ring = boundsPolygon([1, 2, 3, 4]).coordinates[0];
    expect(ring[0]).toEqual(ring[4]);
    expect(ring).toHaveLength(5);
  });
});
