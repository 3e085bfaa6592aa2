import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { dissolveParts } from './dissolve-parts';
import type { Polygonal } from './point-in-polygon';

type Pos = [number, number];

/** About a kilometre, in degrees, in the demo township. */
const D = 0.01;
const X = 120.2;
const Y = 30.3;

/** The square of side `size` D whose south-west corner is (i, j) D from (X, Y), counter-clockwise. */
const square = (i: number, j: number, size = 1): Pos[] => [
  [X + i * D, Y + j * D],
  [X + (i + size) * D, Y + j * D],
  [X + (i + size) * D, Y + (j + size) * D],
  [X + i * D, Y + (j + size) * D],
  [X + i * D, Y + j * D],
];

const multi = (...parts: Pos[][][]): GeoJSON.MultiPolygon => ({ type: 'MultiPolygon', coordinates: parts });
const km2 = (g: Polygonal) => area(g) / 1e6;

describe('dissolveParts', () => {
  it('merges two squares sharing an edge into one Polygon, and says so', () => {
    const input = multi([square(0, 0)], [square(1, 0)]);
    const out = dissolveParts(input);
    expect(out).toMatchObject({ dissolved: true, partsBefore: 2, partsAfter: 1, sources: [[0, 1]] });
    expect(out.geometry.type).toBe('Polygon');
    const [outer, ...holes] = out.geometry.coordinates as Pos[][];
    expect(holes).toEqual([]);
    // the shared edge is gone: a rectangle's four corners
    expect(new Set(outer.map((p) => p.join()))).toEqual(
      new Set([square(0, 0)[0], square(1, 0)[1], square(1, 0)[2], square(0, 0)[3]].map((p) => p.join())),
    );
    expect(km2(out.geometry)).toBeCloseTo(km2(input), 9);
  });

  it('merges squares sharing part of an edge', () => {
    const input = multi([square(0, 0)], [square(1, 0.5)]);
    const out = dissolveParts(input);
    expect(out).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(out.geometry.type).toBe('Polygon');
    expect(km2(out.geometry)).toBeCloseTo(km2(input), 9);
  });

  it('merges squares sharing an edge that has extra vertices on one side only', () => {
    const left = square(0, 0);
    const [east, north] = [X + D, Y];
    // the left square's east edge runs through three more vertices, on the line, the right one's does not
    left.splice(2, 0, [east, north + 0.25 * D], [east, north + 0.5 * D], [east, north + 0.75 * D]);
    const input = multi([left], [square(1, 0)]);
    const out = dissolveParts(input);
    expect(out).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(out.geometry.coordinates).toHaveLength(1);
    expect(km2(out.geometry)).toBeCloseTo(km2(input), 9);
  });

  it('merges squares that overlap by a rounding sliver, counting the sliver once', () => {
    // the right square's west edge sits 1e-9° (0.1 mm) inside the left one
    const right = square(1, 0).map(([x, y]): Pos => [x === X + D ? x - 1e-9 : x, y]);
    const input = multi([square(0, 0)], [right]);
    const out = dissolveParts(input);
    expect(out).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(out.geometry.coordinates).toHaveLength(1);
    const rectangle: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [[square(0, 0)[0], square(1, 0)[1], square(1, 0)[2], square(0, 0)[3], square(0, 0)[0]]],
    };
    expect(km2(out.geometry)).toBeCloseTo(km2(rectangle), 9);
  });

  it('leaves parts that are apart, or touch only at a corner, as they are', () => {
    const apart = multi([square(0, 0)], [square(2, 0)]);
    expect(dissolveParts(apart)).toEqual({
      geometry: apart,
      dissolved: false,
      partsBefore: 2,
      partsAfter: 2,
      sources: [[0], [1]],
    });
    const corner = multi([square(0, 0)], [square(1, 1)]);
    expect(dissolveParts(corner)).toMatchObject({ geometry: corner, dissolved: false, partsAfter: 2 });
    const polygon: GeoJSON.Polygon = { type: 'Polygon', coordinates: [square(0, 0)] };
    expect(dissolveParts(polygon)).toMatchObject({ geometry: polygon, dissolved: false, partsBefore: 1 });
  });

  it('merges parts whose insides meet through shared vertices only', () => {
    // a diamond hanging off the square's east corners, with its west tip inside the square
    const diamond: Pos[] = [
      [X + D, Y + D],
      [X + 0.5 * D, Y + 0.5 * D],
      [X + D, Y],
      [X + 1.5 * D, Y + 0.5 * D],
      [X + D, Y + D],
    ];
    const out = dissolveParts(multi([square(0, 0)], [diamond]));
    expect(out).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(km2(out.geometry)).toBeCloseTo(km2({ type: 'Polygon', coordinates: [square(0, 0)] }) * 1.25, 6);
  });

  it('keeps the holes of the parts', () => {
    const hole = square(0.25, 0.25, 0.5).reverse();
    const input = multi([square(0, 0), hole], [square(1, 0)]);
    const out = dissolveParts(input);
    expect(out).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(out.geometry.coordinates).toHaveLength(2);
    expect(new Set((out.geometry.coordinates[1] as Pos[]).map((p) => p.join()))).toEqual(
      new Set(hole.map((p) => p.join())),
    );
    expect(km2(out.geometry)).toBeCloseTo(km2(input), 9);
  });

  it('merges the two of three parts that touch, leaving the third untouched', () => {
    const third = square(5, 5);
    const out = dissolveParts(multi([square(0, 0)], [third], [square(0, 1)]));
    expect(out).toMatchObject({ dissolved: true, partsBefore: 3, partsAfter: 2, sources: [[0, 2], [1]] });
    expect(out.geometry.type).toBe('MultiPolygon');
    expect(out.geometry.coordinates[1]).toEqual([third]);
  });

  it('fills a rounding gap left between the parts, and keeps land they enclose', () => {
    // the left square's east edge bows 1e-8° (1 mm) west at its middle: merged, that is a sliver hole
    const left = square(0, 0);
    left.splice(2, 0, [X + D, Y + 0.25 * D], [X + D - 1e-8, Y + 0.5 * D], [X + D, Y + 0.75 * D]);
    const out = dissolveParts(multi([left], [square(1, 0)]));
    expect(out).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(out.geometry.coordinates).toHaveLength(1);
    // a U and a lid over it enclose a square of land between them: a hole that stays
    const u: Pos[] = [
      [X, Y],
      [X + 3 * D, Y],
      [X + 3 * D, Y + 2 * D],
      [X + 2 * D, Y + 2 * D],
      [X + 2 * D, Y + D],
      [X + D, Y + D],
      [X + D, Y + 2 * D],
      [X, Y + 2 * D],
      [X, Y],
    ];
    const ring = dissolveParts(multi([u], [square(0, 2, 3).slice()]));
    expect(ring).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(ring.geometry.coordinates).toHaveLength(2);
  });
});
