import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { pointInShape, shapeEdges } from './point-in-polygon';
import { validatePolygon } from './polygon-validation';

type Pos = [number, number];

const square = (x0: number, y0: number, size: number): Pos[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

const polygon = (...rings: Pos[][]): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: rings });

/** A star with `n` points around (120.2, 30.3): concave, simple. */
function star(n: number, radius = 0.01): Pos[] {
  const ring: Pos[] = [];
  for (let i = 0; i < n; i++) {
    const r = i % 2 === 0 ? radius : radius * 0.4;
    const a = (2 * Math.PI * i) / n;
    ring.push([120.2 + r * Math.cos(a), 30.3 + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

function problemsOf(input: unknown, options = {}) {
  const result = validatePolygon(input, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validatePolygon', () => {
  it('accepts a polygon, a polygon with a hole, a multipolygon and a Feature', () => {
    expect(validatePolygon(polygon(square(120, 30, 0.1))).ok).toBe(true);
    expect(validatePolygon(polygon(square(120, 30, 0.1), square(120.02, 30.02, 0.01))).ok).toBe(true);
    const multi = { type: 'MultiPolygon', coordinates: [[square(120, 30, 0.1)], [square(121, 30, 0.1)]] };
    expect(validatePolygon(multi).ok).toBe(true);
    const feature = { type: 'Feature', properties: {}, geometry: polygon(star(40)) };
    const result = validatePolygon(feature);
    expect(result.ok && result.geometry.type).toBe('Polygon');
  });

  it('drops altitudes and keeps repeated vertices harmless', () => {
    const ring: number[][] = square(120, 30, 0.1).map(([x, y]) => [x, y, 12]);
    ring.splice(1, 0, ring[1]);
    const result = validatePolygon({ type: 'Polygon', coordinates: [ring] });
    expect(result.ok && result.geometry.coordinates[0][0]).toEqual([120, 30]);
  });

  it('names the type of anything that is not a polygon', () => {
    expect(problemsOf({ type: 'LineString', coordinates: [] })[0]).toMatchObject({
      code: 'not_polygonal',
      message: 'geometry: expected a Polygon or MultiPolygon, got LineString',
    });
    expect(
      problemsOf({ type: 'Feature', geometry: { type: 'Point', coordinates: [120, 30] } })[0].message,
    ).toContain('Feature with Point geometry');
    expect(problemsOf({ type: 'FeatureCollection', features: [] })[0].message).toContain('FeatureCollection');
    expect(problemsOf('POLYGON((0 0, 1 0, 1 1, 0 0))')[0].code).toBe('malformed');
    expect(problemsOf({ type: 'Circle' })[0].message).toContain('"Circle"');
  });

  it('says where a position is malformed', () => {
    const ring: unknown[] = square(120, 30, 0.1);
    ring[2] = [120.1, 'north'];
    expect(problemsOf({ type: 'Polygon', coordinates: [ring] })[0]).toMatchObject({
      code: 'malformed',
      where: 'ring 0, vertex 2',
    });
    expect(problemsOf({ type: 'Polygon', coordinates: [] })[0].code).toBe('malformed');
  });

  it('refuses coordinates that are not longitude/latitude, and says why it thinks so', () => {
    const swapped = square(120, 30, 0.1).map(([x, y]): Pos => [y, x]);
    const [p] = problemsOf(polygon(swapped));
    expect(p).toMatchObject({ code: 'not_lng_lat', where: 'ring 0, vertex 0' });
    expect(p.message).toContain('[lat, lng]');
    expect(p.message).toContain('and 4 more positions');
    const metres = square(40_500_000, 3_350_000, 1000);
    expect(problemsOf(polygon(metres))[0].message).toContain('projected metres');
  });

  it('refuses more than 5,000 vertices', () => {
    const [p] = problemsOf(polygon(star(5002)));
    expect(p).toMatchObject({ code: 'too_many_vertices' });
    expect(p.message).toContain('5,002 vertices; at most 5,000');
    expect(validatePolygon(polygon(star(5000))).ok).toBe(true);
  });

  it('refuses an unclosed ring, naming the ring', () => {
    const open = square(120, 30, 0.1).slice(0, 4);
    const [p] = problemsOf({
      type: 'MultiPolygon',
      coordinates: [[square(121, 30, 0.1)], [square(120, 30, 0.2), open]],
    });
    expect(p).toMatchObject({ code: 'unclosed_ring', where: 'polygon 1, ring 1' });
  });

  it('refuses a ring with fewer than 3 distinct points', () => {
    const [p] = problemsOf(
      polygon([
        [120, 30],
        [120.1, 30],
        [120.1, 30],
        [120, 30],
      ]),
    );
    expect(p).toMatchObject({ code: 'too_few_points' });
    expect(p.message).toBe('ring 0: only 2 distinct points; a ring needs at least 3');
  });

  it('refuses a ring of zero area', () => {
    const line: Pos[] = [
      [120, 30],
      [120.1, 30.1],
      [120.2, 30.2],
      [120, 30],
    ];
    expect(problemsOf(polygon(line))[0].code).toBe('zero_area');
  });

  it('finds a bow tie and says at which vertex', () => {
    const bowtie: Pos[] = [
      [120, 30],
      [120.1, 30],
      [120, 30.1],
      [120.1, 30.1],
      [120, 30],
    ];
    const [p] = problemsOf(polygon(bowtie));
    expect(p).toMatchObject({
      code: 'self_intersection',
      where: 'ring 0, vertex 1',
      lngLat: [120.05, 30.05],
    });
    expect(p.message).toBe(
      'ring 0, vertex 1: self-intersection: the edge from vertex 1 crosses the edge from vertex 3 at [120.05,30.05]',
    );
  });

  it('finds a ring that touches itself and a spike that doubles back', () => {
    const figureEight: Pos[] = [
      [120, 30],
      [120.1, 30],
      [120.05, 30.05],
      [120.1, 30.1],
      [120, 30.1],
      [120.05, 30.05],
      [120, 30],
    ];
    expect(problemsOf(polygon(figureEight))[0].message).toContain(
      'touches the edge from vertex 5 at [120.05,30.05]',
    );
    const spike: Pos[] = [
      [120, 30],
      [120.1, 30],
      [120.1, 30.1],
      [120.1, 30.05],
      [120, 30.1],
      [120, 30],
    ];
    expect(problemsOf(polygon(spike))[0]).toMatchObject({ code: 'self_intersection' });
  });

  it('finds a hole crossing its outer ring, a hole outside it, and overlapping parts', () => {
    const crossing = problemsOf(polygon(square(120, 30, 0.1), square(120.05, 30.05, 0.1)))[0];
    expect(crossing.code).toBe('self_intersection');
    expect(crossing.message).toContain('ring 1');
    expect(problemsOf(polygon(square(120, 30, 0.1), square(120.5, 30.5, 0.1)))[0].code).toBe('hole_outside');
    const nested = {
      type: 'MultiPolygon',
      coordinates: [[square(120, 30, 0.1)], [square(120.02, 30.02, 0.01)]],
    };
    expect(problemsOf(nested)[0]).toMatchObject({ code: 'overlapping_polygons', where: 'polygon 1' });
  });

  it('finds a self-intersection in a 5,000-vertex outline quickly', () => {
    const ring = star(4998);
    // pull one vertex across to the far side: its two edges now cut through the outline there
    ring[2001] = [120.22, 30.29];
    const t = performance.now();
    const problems = problemsOf(polygon(ring));
    expect(performance.now() - t).toBeLessThan(1000);
    expect(problems[0].code).toBe('self_intersection');
    expect(problems[0].where).toMatch(/^ring 0, vertex 200[01]$/);
  });

  it('refuses a shape entirely outside the township, and accepts one that overlaps it', () => {
    const township = [polygon(square(120, 30, 0.1))];
    expect(problemsOf(polygon(square(121, 31, 0.1)), { township })[0].code).toBe('outside_township');
    expect(validatePolygon(polygon(square(120.05, 30.05, 0.1)), { township }).ok).toBe(true);
    expect(validatePolygon(polygon(square(119, 29, 2)), { township }).ok).toBe(true);
  });
});

describe('validatePolygon with MultiPolygon parts that meet', () => {
  const multi = (...parts: Pos[][][]) => ({ type: 'MultiPolygon', coordinates: parts });
  const accepted = (input: unknown) => {
    const result = validatePolygon(input);
    if (!result.ok) throw new Error(result.problems[0].message);
    return result;
  };

  it('merges parts that share an edge or overlap, says so, and the merged shape passes again as it is', () => {
    const merged = accepted(multi([square(120, 30, 0.1)], [square(120.1, 30, 0.1)]));
    expect(merged.dissolved).toEqual({ partsBefore: 2, partsAfter: 1 });
    expect(merged.geometry.type).toBe('Polygon');
    const again = accepted(merged.geometry);
    expect(again.dissolved).toBeNull();
    expect(again.geometry).toEqual(merged.geometry);
  });

  it('counts a point where the parts overlapped once: inside, not cancelled out by parity', () => {
    const input = multi([square(120, 30, 0.1)], [square(120.05, 30, 0.1)]);
    const [x, y] = [120.07, 30.05];
    // parity over both parts' rings, as it was before merging, would leave the overlap out
    expect(pointInShape(shapeEdges(input as GeoJSON.MultiPolygon), x, y)).toBe(false);
    expect(pointInShape(shapeEdges(accepted(input).geometry), x, y)).toBe(true);
  });

  it('accepts parts touching at a corner and a hole touching its outer ring at a vertex, unchanged', () => {
    const corner = accepted(multi([square(120, 30, 0.1)], [square(120.1, 30.1, 0.1)]));
    expect(corner.dissolved).toBeNull();
    expect(corner.geometry.coordinates).toHaveLength(2);
    const hole: Pos[] = [
      [120, 30],
      [120.05, 30.02],
      [120.02, 30.05],
      [120, 30],
    ];
    expect(accepted(polygon(square(120, 30, 0.1), hole)).dissolved).toBeNull();
    // parity over all rings still answers as turf does, at the touching points too
    for (const shape of [corner.geometry, polygon(square(120, 30, 0.1), hole)]) {
      const edges = shapeEdges(shape);
      for (let i = 0; i <= 40; i++) {
        for (let j = 0; j <= 40; j++) {
          const p: Pos = [120 + i * 0.005, 30 + j * 0.005];
          const turf = booleanPointInPolygon(p, shape, { ignoreBoundary: false });
          expect(pointInShape(edges, ...p), `${p}`).toBe(turf);
        }
      }
    }
  });

  it('passes its own merge of parts that enclose a hole touching the outer ring', () => {
    // a U, and a lid sharing the top of its east arm and touching its west arm at a corner
    const u: Pos[] = [
      [120, 30],
      [120.3, 30],
      [120.3, 30.2],
      [120.2, 30.2],
      [120.2, 30.1],
      [120.1, 30.1],
      [120.1, 30.2],
      [120, 30.2],
      [120, 30],
    ];
    const lid: Pos[] = [
      [120.1, 30.2],
      [120.3, 30.2],
      [120.3, 30.3],
      [120.1, 30.3],
      [120.1, 30.2],
    ];
    const merged = accepted(multi([u], [lid]));
    expect(merged.dissolved).toEqual({ partsBefore: 2, partsAfter: 1 });
    expect(merged.geometry.coordinates).toHaveLength(2);
    expect(accepted(merged.geometry).dissolved).toBeNull();
  });

  it('still refuses rings that pass through each other at vertices, and a part inside another', () => {
    // a hole leaving its outer ring through two of its corners: no edges cross between vertices
    const through: Pos[] = [
      [120.05, 30.05],
      [120.1, 30],
      [120.15, 30.05],
      [120.1, 30.1],
      [120.05, 30.05],
    ];
    const [p] = problemsOf(polygon(square(120, 30, 0.1), through));
    expect(p.code).toBe('self_intersection');
    expect(p.message).toMatch(
      /^ring 0, vertex \d: self-intersection: the edge from vertex \d touches the edge from ring 1/,
    );
    // a part inside another that touches it at a corner only: a hole written as a part, not merged
    const inner: Pos[] = [
      [120, 30],
      [120.05, 30.02],
      [120.02, 30.05],
      [120, 30],
    ];
    expect(problemsOf(multi([square(120, 30, 0.1)], [inner]))[0]).toMatchObject({
      code: 'overlapping_polygons',
      where: 'polygon 1',
      lngLat: [120.05, 30.02],
    });
  });

  it('does not merge a broken part into its neighbour: a bow tie is refused as before', () => {
    const bowtie: Pos[] = [
      [120.1, 30],
      [120.2, 30],
      [120.1, 30.1],
      [120.2, 30.1],
      [120.1, 30],
    ];
    const [p] = problemsOf(multi([square(120, 30, 0.1)], [bowtie]));
    expect(p).toMatchObject({ code: 'self_intersection', where: 'polygon 1, ring 0, vertex 1' });
    expect(p.message).toContain('crosses the edge from vertex 3 at [120.15,30.05]');
  });
});
