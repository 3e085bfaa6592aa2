import { describe, expect, it } from 'vitest';
import { readPolygons, unwrap } from './polygon-input';
import type { PolygonProblem } from './polygon-problem';

describe('unwrap', () => {
  it('takes the geometry out of a Feature', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [] };
    expect(unwrap({ type: 'Feature', properties: null, geometry })).toEqual({ geometry });
  });

  it('names what came instead of a polygon', () => {
    expect(unwrap(null)).toMatchObject({
      code: 'malformed',
      message: 'geometry: expected a GeoJSON Polygon or MultiPolygon object, got null',
    });
    expect(unwrap({ type: 'Feature', geometry: null })).toMatchObject({ code: 'malformed' });
    expect(unwrap({ type: 'GeometryCollection', geometries: [] })).toMatchObject({ code: 'not_polygonal' });
  });
});

describe('readPolygons', () => {
  it('reads a Polygon as one polygon and drops altitudes', () => {
    const problems: PolygonProblem[] = [];
    const rings = [
      [
        [120, 30, 5],
        [121, 30, 5],
        [121, 31, 5],
        [120, 30, 5],
      ],
    ];
    expect(readPolygons({ type: 'Polygon', coordinates: rings }, problems)).toEqual([
      [
        [
          [120, 30],
          [121, 30],
          [121, 31],
          [120, 30],
        ],
      ],
    ]);
    expect(problems).toEqual([]);
  });

  it('reports a position that is not a pair of finite numbers, with its polygon, ring and vertex', () => {
    const problems: PolygonProblem[] = [];
    const coordinates = [
      [
        [
          [120, 30],
          [121, 30],
          [121, 31],
          [120, 30],
        ],
      ],
      [
        [
          [120, 30],
          [Number.NaN, 30],
          [121, 31],
          [120, 30],
        ],
      ],
    ];
    readPolygons({ type: 'MultiPolygon', coordinates }, problems);
    expect(problems).toEqual([
      {
        code: 'malformed',
        message: 'polygon 1, ring 0, vertex 1: expected [lng, lat] numbers, got [null,30]',
        where: 'polygon 1, ring 0, vertex 1',
      },
    ]);
  });
});
