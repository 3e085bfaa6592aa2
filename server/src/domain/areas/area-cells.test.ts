import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../premise-columns';
import { BOUNDARY, coverCells, INSIDE, OUTSIDE } from './area-cells';
import { buildAreaIndex } from './area-index';
import { shapeEdges } from './point-in-polygon';
import { randomPremises } from './random-premises.fixture';

describe('coverCells', () => {
  const cols = buildColumns(randomPremises(4000, 5));
  const index = buildAreaIndex(cols, { premisesPerCell: 4 });
  const geometry: GeoJSON.Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [120.21, 30.31],
        [120.29, 30.32],
        [120.27, 30.39],
        [120.24, 30.35],
        [120.22, 30.38],
        [120.21, 30.31],
      ],
    ],
  };

  it('marks whole cells in or out only when every premise in them agrees', () => {
    const cover = coverCells(index, shapeEdges(geometry));
    if (!cover) throw new Error('expected cells under the shape');
    const seen = new Set<number>();
    for (let r = cover.r0; r <= cover.r1; r++) {
      for (let c = cover.c0; c <= cover.c1; c++) {
        const state = cover.state[(r - cover.r0) * cover.width + c - cover.c0];
        seen.add(state);
        if (state === BOUNDARY) continue;
        const cell = r * index.grid.nx + c;
        for (let i = index.cellStart[cell]; i < index.cellStart[cell + 1]; i++) {
          const row = index.rows[i];
          expect(booleanPointInPolygon([cols.lng[row], cols.lat[row]], geometry)).toBe(state === INSIDE);
        }
      }
    }
    expect([...seen].sort()).toEqual([OUTSIDE, INSIDE, BOUNDARY].sort());
  });

  it('has no cells for a shape away from every premise', () => {
    const far: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [100, 10],
          [100.1, 10],
          [100.1, 10.1],
          [100, 10],
        ],
      ],
    };
    expect(coverCells(index, shapeEdges(far))).toBeNull();
  });
});
