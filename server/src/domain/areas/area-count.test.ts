import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildColumns, type PremiseColumns } from '../premise-columns';
import { tally } from '../tally';
import { countInside, rowsInside } from './area-count';
import { buildAreaIndex } from './area-index';
import { type Polygonal, shapeEdges } from './point-in-polygon';
import { randomPremises, START_DAY } from './random-premises.fixture';

type Pos = [number, number];

const rect = (x0: number, y0: number, x1: number, y1: number): Pos[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

function bruteRows(cols: PremiseColumns, geometry: Polygonal): number[] {
  const rows: number[] = [];
  for (let r = 0; r < cols.count; r++)
    if (booleanPointInPolygon([cols.lng[r], cols.lat[r]], geometry)) rows.push(r);
  return rows;
}

const cols = buildColumns(randomPremises(3000, 7));
const days = [START_DAY - 1, START_DAY + 200, START_DAY + 500, START_DAY + 900, START_DAY + 2000];

const shapes: Record<string, Polygonal> = {
  // edges on the 0.005° lattice: a third of the premises sit exactly on lines like these
  'lattice rectangle': { type: 'Polygon', coordinates: [rect(120.22, 30.31, 120.27, 30.355)] },
  'rectangle with a lattice hole': {
    type: 'Polygon',
    coordinates: [rect(120.205, 30.305, 120.295, 30.395), rect(120.23, 30.33, 120.26, 30.37)],
  },
  'concave L': {
    type: 'Polygon',
    coordinates: [
      [
        [120.21, 30.31],
        [120.29, 30.31],
        [120.29, 30.33],
        [120.2337, 30.33],
        [120.2337, 30.39],
        [120.21, 30.39],
        [120.21, 30.31],
      ],
    ],
  },
  'diagonal triangle': {
    type: 'Polygon',
    coordinates: [
      [
        [120.2, 30.3],
        [120.3, 30.35],
        [120.22, 30.4],
        [120.2, 30.3],
      ],
    ],
  },
  multipolygon: {
    type: 'MultiPolygon',
    coordinates: [
      [rect(120.2, 30.3, 120.24, 30.34)],
      [rect(120.25, 30.35, 120.3, 30.4), rect(120.26, 30.36, 120.28, 30.38)],
    ],
  },
  'far bigger than the data': { type: 'Polygon', coordinates: [rect(119, 29, 121, 31)] },
  'tiny, around one lattice point': {
    type: 'Polygon',
    coordinates: [rect(120.2499, 30.3499, 120.2501, 30.3501)],
  },
  'outside the data': { type: 'Polygon', coordinates: [rect(121, 31, 121.1, 31.1)] },
};

describe('countInside', () => {
  for (const premisesPerCell of [1, 5, 24, 500]) {
    it(`equals tally over the brute-force rows, for every shape and day (${premisesPerCell} per cell)`, () => {
      const index = buildAreaIndex(cols, { premisesPerCell });
      for (const [name, geometry] of Object.entries(shapes)) {
        const rows = bruteRows(cols, geometry);
        const shape = shapeEdges(geometry);
        expect([...rowsInside(index, shape)], name).toEqual(rows);
        for (const day of days) {
          expect(countInside(index, shape, day), `${name} on day ${day}`).toEqual(tally(cols, day, { rows }));
        }
      }
    });
  }

  it('holds premises exactly on the edges of the lattice rectangle', () => {
    const index = buildAreaIndex(cols);
    const geometry = shapes['lattice rectangle'];
    const onEdge = bruteRows(cols, geometry).filter((r) => cols.lng[r] === 120.22 || cols.lat[r] === 30.355);
    expect(onEdge.length).toBeGreaterThan(10);
    const inside = new Set(rowsInside(index, shapeEdges(geometry)));
    for (const r of onEdge) expect(inside.has(r)).toBe(true);
  });

  it('counts nothing for empty columns', () => {
    const index = buildAreaIndex(buildColumns([]));
    const shape = shapeEdges(shapes['far bigger than the data']);
    expect(countInside(index, shape, START_DAY + 500).surveyed).toBe(0);
    expect(rowsInside(index, shape)).toHaveLength(0);
  });

  it('counts the whole set for a shape around everything, like tally over all rows', () => {
    const index = buildAreaIndex(cols);
    const shape = shapeEdges(shapes['far bigger than the data']);
    expect(countInside(index, shape, START_DAY + 700)).toEqual(tally(cols, START_DAY + 700));
  });
});
