import { describe, expect, it } from 'vitest';
import type { Polygonal } from './point-in-polygon';
import { shapeEdges } from './point-in-polygon';
import { villagesTouched } from './villages-touched';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygonal => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

const villages = [
  { id: 1, name: '东村', geometry: rect(0, 0, 10, 10) },
  { id: 2, name: '西村', geometry: rect(-10, 0, 0, 10) },
  { id: 3, name: '南村', geometry: rect(0, -10, 10, 0) },
  { id: 4, name: '远村', geometry: rect(50, 50, 60, 60) },
];

const touched = (geometry: Polygonal, withPremises?: Set<number>) =>
  villagesTouched(geometry, shapeEdges(geometry), villages, withPremises).map((v) => v.id);

describe('villagesTouched', () => {
  it('finds a village holding the whole shape', () => {
    expect(touched(rect(2, 2, 3, 3))).toEqual([1]);
  });

  it('finds villages inside the shape', () => {
    expect(touched(rect(-20, -20, 20, 20))).toEqual([1, 2, 3]);
  });

  it('finds a village that a thin sliver crosses without holding any of its vertices', () => {
    expect(touched(rect(4, -20, 4.1, 20))).toEqual([1, 3]);
  });

  it('counts sharing a boundary point as touching', () => {
    expect(touched(rect(10, 10, 12, 12))).toEqual([1]);
  });

  it('leaves out a village inside a hole of the shape', () => {
    const ring = (x0: number, y0: number, x1: number, y1: number) =>
      (rect(x0, y0, x1, y1) as GeoJSON.Polygon).coordinates[0];
    const donut: Polygonal = { type: 'Polygon', coordinates: [ring(40, 40, 70, 70), ring(45, 45, 65, 65)] };
    expect(touched(donut)).toEqual([]);
  });

  it('takes villages known to have premises inside without testing them', () => {
    expect(touched(rect(100, 100, 101, 101), new Set([4]))).toEqual([4]);
  });
});
