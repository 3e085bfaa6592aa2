import { bbox, booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../../../tests/helpers/test-app';
import { boot } from '../../boot';
import { listTownships, listVillages } from '../../db/geography';
import { day } from '../dates';
import type { PremiseColumns } from '../premise-columns';
import { tally } from '../tally';
import { countInside, rowsInside } from './area-count';
import { areaIndexFor, buildAreaIndex } from './area-index';
import { type Polygonal, shapeEdges } from './point-in-polygon';
import { validatePolygon } from './polygon-validation';
import { seededRandom } from './random-premises.fixture';

type Pos = [number, number];
type Ring = Pos[];

const METRE = 1 / 111_000;

let cols: PremiseColumns;
let township: Polygonal;
let villages: Polygonal[];

beforeAll(async () => {
  const { db, ctx } = await boot(':memory:', DEMO_DIR);
  cols = ctx.model.columns;
  township = listTownships(db)[0].geometry;
  villages = listVillages(db).map((v) => v.geometry);
});

/** A star-shaped ring (so never self-intersecting): concave when the radii vary. */
function star(rnd: () => number, [cx, cy]: Pos, radius: number, vertices: number, jag: number): Ring {
  const ring: Ring = [];
  const turn = rnd() * 2 * Math.PI;
  for (let i = 0; i < vertices; i++) {
    const a = turn + (2 * Math.PI * i) / vertices;
    const r = radius * (1 - jag * rnd());
    ring.push([cx + (r * Math.cos(a)) / Math.cos((cy * Math.PI) / 180), cy + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Random shapes of many kinds over the township, each a valid key-area shape. */
function randomShapes(count: number, seed: number): { kind: string; geometry: Polygonal }[] {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const [w, s, e, n] = bbox(township);
  const somewhere = (): Pos => [w + rnd() * (e - w), s + rnd() * (n - s)];
  const premise = (): Pos => {
    const r = int(cols.count);
    return [cols.lng[r], cols.lat[r]];
  };
  const spanM = (n - s) / METRE;
  const out: { kind: string; geometry: Polygonal }[] = [
    { kind: 'township', geometry: township },
    {
      kind: 'around the township',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w - 0.01, s - 0.01],
            [e + 0.01, s - 0.01],
            [e + 0.01, n + 0.01],
            [w - 0.01, n + 0.01],
            [w - 0.01, s - 0.01],
          ],
        ],
      },
    },
    ...villages.map((geometry) => ({ kind: 'village', geometry })),
    {
      kind: '5,000 vertices',
      geometry: {
        type: 'Polygon',
        coordinates: [star(rnd, [(w + e) / 2, (s + n) / 2], (n - s) * 0.4, 5000, 0.6)],
      },
    },
  ];
  const kinds = [
    'star',
    'star with holes',
    'multipolygon',
    'rectangle through premises',
    'premise polygon',
    'tiny',
  ];
  while (out.length < count) {
    const kind = kinds[out.length % kinds.length];
    if (kind === 'star') {
      const radius = (50 + rnd() * spanM * 0.4) * METRE;
      out.push({
        kind,
        geometry: { type: 'Polygon', coordinates: [star(rnd, somewhere(), radius, 5 + int(80), rnd())] },
      });
    } else if (kind === 'star with holes') {
      const c = somewhere();
      const radius = (300 + rnd() * spanM * 0.3) * METRE;
      const rings = [star(rnd, c, radius, 12 + int(40), 0.3)];
      // holes on a circle around the centre, small enough never to meet each other or the outer ring
      const holes = 1 + int(3);
      for (let h = 0; h < holes; h++) {
        const a = (2 * Math.PI * h) / holes;
        const hc: Pos = [
          c[0] + (0.35 * radius * Math.cos(a)) / Math.cos((c[1] * Math.PI) / 180),
          c[1] + 0.35 * radius * Math.sin(a),
        ];
        rings.push(star(rnd, hc, radius * 0.15, 4 + int(12), rnd() * 0.8));
      }
      out.push({ kind, geometry: { type: 'Polygon', coordinates: rings } });
    } else if (kind === 'multipolygon') {
      const c = somewhere();
      const radius = (200 + rnd() * spanM * 0.15) * METRE;
      const dx = (3 * radius) / Math.cos((c[1] * Math.PI) / 180);
      const parts: Ring[][] = [
        // a polygon with a hole holding an island: the island is a part of its own
        [star(rnd, c, radius, 20, 0.2), star(rnd, c, radius * 0.5, 10, 0.1)],
        [star(rnd, c, radius * 0.3, 8, 0.3)],
        [star(rnd, [c[0] + dx, c[1]], radius, 6 + int(20), rnd())],
      ];
      if (rnd() < 0.5) parts.push([star(rnd, [c[0] - dx, c[1] + 2 * radius], radius, 3 + int(9), 0)]);
      out.push({ kind, geometry: { type: 'MultiPolygon', coordinates: parts } });
    } else if (kind === 'rectangle through premises') {
      const [a, b] = [premise(), premise()];
      const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
      const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
      if (x0 === x1 || y0 === y1) continue;
      const ring: Ring = [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ];
      out.push({ kind, geometry: { type: 'Polygon', coordinates: [ring] } });
    } else if (kind === 'premise polygon') {
      // vertices on premises, ordered by angle round their centroid: diagonal edges through premises
      const pts = Array.from({ length: 3 + int(8) }, premise);
      const cx = pts.reduce((t, p) => t + p[0], 0) / pts.length;
      const cy = pts.reduce((t, p) => t + p[1], 0) / pts.length;
      pts.sort((p, q) => Math.atan2(p[1] - cy, p[0] - cx) - Math.atan2(q[1] - cy, q[0] - cx));
      const geometry: Polygonal = { type: 'Polygon', coordinates: [[...pts, pts[0]]] };
      if (validatePolygon(geometry).ok) out.push({ kind, geometry });
    } else {
      const radius = (1 + rnd() * 30) * METRE;
      const c = premise();
      out.push({
        kind,
        geometry: { type: 'Polygon', coordinates: [star(rnd, c, radius, 3 + int(10), rnd() * 0.5)] },
      });
    }
  }
  return out;
}

function bruteRows(geometry: Polygonal): number[] {
  const rows: number[] = [];
  for (let r = 0; r < cols.count; r++) {
    if (booleanPointInPolygon([cols.lng[r], cols.lat[r]], geometry, { ignoreBoundary: false })) rows.push(r);
  }
  return rows;
}

describe('polygon counts against brute force over the demo township', () => {
  it('agrees with turf booleanPointInPolygon + tally for 240 random shapes on several dates', () => {
    const shapes = randomShapes(240, 2008);
    const fine = buildAreaIndex(cols, { premisesPerCell: 2 });
    const rnd = seededRandom(99);
    const fixedDays = ['2007-12-31', '2008-03-01', '2009-06-30', '2010-12-31', '2012-01-01'].map(day);
    const seen = { inside: 0, empty: 0, kinds: new Set<string>() };
    for (const [i, { kind, geometry }] of shapes.entries()) {
      expect(validatePolygon(geometry).ok, `shape ${i} (${kind}) is valid`).toBe(true);
      const rows = bruteRows(geometry);
      const shape = shapeEdges(geometry);
      seen.kinds.add(kind);
      if (rows.length > 0) seen.inside++;
      else seen.empty++;
      for (const index of [areaIndexFor(cols), fine]) {
        expect([...rowsInside(index, shape)], `shape ${i} (${kind}) rows`).toEqual(rows);
        for (const d of [...fixedDays, day('2008-01-01') + Math.floor(rnd() * 1100)]) {
          expect(countInside(index, shape, d), `shape ${i} (${kind}) on day ${d}`).toEqual(
            tally(cols, d, { rows }),
          );
        }
      }
    }
    expect(seen.kinds.size).toBe(10);
    expect(seen.inside).toBeGreaterThan(150);
  });

  it('puts premises exactly on the edge of a rectangle inside it', () => {
    const [a, b] = [0, Math.floor(cols.count / 2)];
    const ring: Ring = [
      [Math.min(cols.lng[a], cols.lng[b]), Math.min(cols.lat[a], cols.lat[b])],
      [Math.max(cols.lng[a], cols.lng[b]), Math.min(cols.lat[a], cols.lat[b])],
      [Math.max(cols.lng[a], cols.lng[b]), Math.max(cols.lat[a], cols.lat[b])],
      [Math.min(cols.lng[a], cols.lng[b]), Math.max(cols.lat[a], cols.lat[b])],
    ];
    ring.push(ring[0]);
    const rows = rowsInside(areaIndexFor(cols), shapeEdges({ type: 'Polygon', coordinates: [ring] }));
    expect(rows).toContain(a);
    expect(rows).toContain(b);
  });
});
