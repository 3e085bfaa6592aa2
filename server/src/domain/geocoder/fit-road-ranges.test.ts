import { describe, expect, it } from 'vitest';
import { DEFAULT_METERS_PER_NUMBER, fitRoadRanges } from './fit-road-ranges';
import { localFrame } from './local-metres';

const frame = localFrame([120.2, 30.3]);
/** 2 km due east. */
const line: [number, number][] = [
  frame.toLngLat([0, 0]),
  frame.toLngLat([1000, 0]),
  frame.toLngLat([2000, 0]),
];
/** Door `n` sits n × 5 m along, 15 m off the line, odd left and even right. */
const plate = (n: number, start = 0) => ({
  road: '长睦路',
  number: n,
  lngLat: frame.toLngLat([start + n * 5, n % 2 ? 15 : -15]),
});

describe('fitRoadRanges', () => {
  it('learns the range from the plates known along the road', () => {
    const [road] = fitRoadRanges(
      [{ name: '长睦路', line }],
      [10, 50, 120, 200, 333].map((n) => plate(n)),
    );
    expect(road.fromNumber).toBeCloseTo(0, 0);
    expect(road.toNumber).toBeCloseTo(400, 0);
    expect(road.line).toEqual(line);
  });

  it('turns the line round when the numbers grow the other way', () => {
    const reversed = [...line].reverse();
    const [road] = fitRoadRanges(
      [{ name: '长睦路', line: reversed }],
      [10, 50, 120, 200].map((n) => plate(n)),
    );
    expect(road.line).toEqual(line);
    expect(road.fromNumber).toBeCloseTo(0, 0);
  });

  it('is not tilted by one misplaced plate', () => {
    const plates = [10, 30, 50, 70, 90, 110].map((n) => plate(n));
    plates.push({ road: '长睦路', number: 20, lngLat: frame.toLngLat([1900, 10]) });
    const [road] = fitRoadRanges([{ name: '长睦路', line }], plates);
    expect(road.toNumber).toBeCloseTo(400, -1);
  });

  it('ignores plates of other roads and plates far from the line', () => {
    const [road] = fitRoadRanges(
      [{ name: '长睦路', line }],
      [
        { road: '同协路', number: 999, lngLat: frame.toLngLat([100, 0]) },
        { road: '长睦路', number: 999, lngLat: frame.toLngLat([100, 500]) },
      ],
    );
    expect(road.fromNumber).toBe(1);
    expect(road.toNumber).toBeCloseTo(1 + 2000 / DEFAULT_METERS_PER_NUMBER, 0);
  });

  it('hangs the default spacing on a single known plate', () => {
    const [road] = fitRoadRanges(
      [{ name: '长睦路', line }],
      [{ road: '长睦路', number: 101, lngLat: frame.toLngLat([500, 10]) }],
    );
    expect(road.fromNumber).toBeCloseTo(101 - 500 / DEFAULT_METERS_PER_NUMBER, 0);
  });

  it('fits the pieces of one road apart', () => {
    const west: [number, number][] = [frame.toLngLat([0, 0]), frame.toLngLat([1000, 0])];
    const east: [number, number][] = [frame.toLngLat([1500, 0]), frame.toLngLat([2500, 0])];
    const roads = fitRoadRanges(
      [
        { name: '长睦路', line: west },
        { name: '长睦路', line: east },
      ],
      [20, 100, 180, 320, 400, 480].map((n) => plate(n)),
    );
    expect(roads[0].toNumber).toBeCloseTo(200, -1);
    expect(roads[1].fromNumber).toBeCloseTo(300, -1);
  });
});
