import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { pointInShape, shapeEdges } from './point-in-polygon';

const square = (x0: number, y0: number, x1: number, y1: number): GeoJSON.Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

const withHole: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [square(120, 30, 120.1, 30.1), square(120.04, 30.04, 120.06, 30.06)],
};

/** A concave "C": the notch (120.03…120.1, 30.03…30.07) is outside. */
const concave: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 30],
      [120.1, 30],
      [120.1, 30.03],
      [120.03, 30.03],
      [120.03, 30.07],
      [120.1, 30.07],
      [120.1, 30.1],
      [120, 30.1],
      [120, 30],
    ],
  ],
};

describe('pointInShape', () => {
  it('finds points inside, outside, and in a hole', () => {
    const shape = shapeEdges(withHole);
    expect(pointInShape(shape, 120.01, 30.01)).toBe(true);
    expect(pointInShape(shape, 120.05, 30.05)).toBe(false);
    expect(pointInShape(shape, 120.2, 30.05)).toBe(false);
  });

  it('handles a concave ring', () => {
    const shape = shapeEdges(concave);
    expect(pointInShape(shape, 120.05, 30.05)).toBe(false);
    expect(pointInShape(shape, 120.01, 30.05)).toBe(true);
    expect(pointInShape(shape, 120.05, 30.08)).toBe(true);
  });

  it('counts points on any edge or vertex as inside, holes included', () => {
    const shape = shapeEdges(withHole);
    expect(pointInShape(shape, 120, 30.05)).toBe(true);
    expect(pointInShape(shape, 120.1, 30.1)).toBe(true);
    expect(pointInShape(shape, 120.04, 30.05)).toBe(true);
    expect(pointInShape(shape, 120.05, 30.06)).toBe(true);
  });

  it('counts a point on a diagonal edge as inside, exactly', () => {
    const a = [120.0123, 30.0456];
    const b = [120.0789, 30.0987];
    const triangle: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[a, b, [120.0789, 30.0456], a]] };
    const shape = shapeEdges(triangle);
    // midpoint of a power-of-two split is exact in floating point only sometimes; ask turf
    const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    expect(pointInShape(shape, mid[0], mid[1])).toBe(booleanPointInPolygon(mid, triangle));
    expect(pointInShape(shape, a[0], a[1])).toBe(true);
  });

  it('is in any part of a multipolygon, including an island inside another part’s hole', () => {
    const multi: GeoJSON.MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        withHole.coordinates,
        [square(120.045, 30.045, 120.055, 30.055)],
        [square(121, 31, 121.1, 31.1)],
      ],
    };
    const shape = shapeEdges(multi);
    expect(pointInShape(shape, 120.05, 30.05)).toBe(true);
    expect(pointInShape(shape, 120.042, 30.05)).toBe(false);
    expect(pointInShape(shape, 121.05, 31.05)).toBe(true);
    expect(pointInShape(shape, 120.5, 30.5)).toBe(false);
  });

  it('agrees with turf booleanPointInPolygon on a dense grid that hits edges and vertices', () => {
    for (const polygon of [withHole, concave]) {
      const shape = shapeEdges(polygon);
      for (let i = -2; i <= 102; i++) {
        for (let j = -2; j <= 102; j += 3) {
          const x = 120 + i / 1000;
          const y = 30 + j / 1000;
          expect(pointInShape(shape, x, y), `${x},${y}`).toBe(booleanPointInPolygon([x, y], polygon));
        }
      }
    }
  });

  it('ignores zero-length edges from repeated vertices', () => {
    const ring = square(120, 30, 120.1, 30.1);
    ring.splice(2, 0, ring[1]);
    const shape = shapeEdges({ type: 'Polygon', coordinates: [ring] });
    expect(shape.edgeCount).toBe(4);
    expect(pointInShape(shape, 120.05, 30.05)).toBe(true);
  });
});
