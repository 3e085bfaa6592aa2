import { describe, expect, it } from 'vitest';
import { findIntersections, segmentsMeet } from './segment-intersections';

type Pos = [number, number];

describe('segmentsMeet', () => {
  it('finds a proper crossing and where it is', () => {
    expect(segmentsMeet([0, 0], [2, 2], [0, 2], [2, 0])).toEqual([1, 1]);
  });

  it('counts touching at an end and overlapping along a line', () => {
    expect(segmentsMeet([0, 0], [1, 1], [1, 1], [2, 0])).toEqual([1, 1]);
    expect(segmentsMeet([0, 0], [2, 0], [1, 0], [3, 0])).toEqual([2, 0]);
    expect(segmentsMeet([0, 0], [2, 0], [1, 0], [1, 5])).toEqual([1, 0]);
  });

  it('keeps apart segments that are parallel, collinear but apart, or just miss', () => {
    expect(segmentsMeet([0, 0], [2, 0], [0, 1], [2, 1])).toBeNull();
    expect(segmentsMeet([0, 0], [1, 0], [2, 0], [3, 0])).toBeNull();
    expect(segmentsMeet([0, 0], [1, 1], [1.0000001, 1], [3, 0])).toBeNull();
  });
});

describe('findIntersections', () => {
  const square = (x: number, y: number, s: number): Pos[] => [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ];

  it('finds nothing in simple rings apart from each other', () => {
    expect(findIntersections([square(0, 0, 10), square(2, 2, 3), square(20, 0, 1)])).toEqual([]);
  });

  it('reports crossings between rings with ring and edge numbers', () => {
    const [hit] = findIntersections([square(0, 0, 10), square(8, 8, 5)]);
    expect(hit.a.ring).toBe(0);
    expect(hit.b.ring).toBe(1);
    expect([hit.a.edge, hit.b.edge]).toEqual([1, 0]);
    expect(hit.lngLat).toEqual([10, 8]);
  });

  it('catches a ring that comes back to one of its own vertices', () => {
    const ring: Pos[] = [
      [0, 0],
      [4, 0],
      [2, 2],
      [4, 4],
      [0, 4],
      [2, 2],
      [0, 0],
    ];
    const hits = findIntersections([ring]);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].lngLat).toEqual([2, 2]);
  });

  it('tells crossing, sharing a stretch and touching at a point apart', () => {
    const kinds = (a: Pos[], b: Pos[]) => findIntersections([a, b], 20).map((h) => h.kind);
    expect(kinds(square(0, 0, 10), square(8, 8, 5))).toEqual(['cross', 'cross']);
    expect(new Set(kinds(square(0, 0, 10), square(10, 2, 5)))).toContain('overlap');
    expect(new Set(kinds(square(0, 0, 10), square(10, 10, 5)))).toEqual(new Set(['touch']));
    // upright edges sharing a stretch are not read as meeting at a point
    expect(new Set(kinds(square(0, 0, 10), square(10, 0, 5)))).toContain('overlap');
  });

  it('passes over what skip answers true for, without counting it towards the limit', () => {
    const touching = [square(0, 0, 10), square(10, 10, 5), square(8, 8, 5)];
    const hits = findIntersections(touching, 1, (h) => h.kind === 'touch');
    expect(hits.map((h) => h.kind)).toEqual(['cross']);
  });

  it('stops at the limit', () => {
    // a zigzag across a bar: many crossings
    const bar = square(0, 0, 100).map(([x, y]): Pos => [x, y / 50]);
    const zig: Pos[] = [];
    for (let i = 0; i < 40; i++) zig.push([i * 2 + 1, i % 2 === 0 ? -1 : 3]);
    zig.push([81, 10], [1, 10], zig[0]);
    expect(findIntersections([bar, zig], 3)).toHaveLength(3);
  });
});
