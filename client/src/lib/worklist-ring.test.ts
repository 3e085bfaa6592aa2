import { describe, expect, it } from 'vitest';
import { premisesForTest } from './premises-fixture';
import { ringBounds, worklistRing } from './worklist-ring';

const data = premisesForTest({
  startDay: 0,
  premises: [
    { id: 11, lng: 120.1, lat: 30.1, category: 0, village: 1 },
    { id: 12, lng: 120.2, lat: 30.3, category: 1, village: 1 },
    { id: 13, lng: 120.4, lat: 30.2, category: 2, village: 2 },
  ],
  intervals: [
    { premise: 0, status: 0, unlicensed: 1, from: 5, to: 40 },
    { premise: 0, status: 1, unlicensed: 1, from: 40, to: 90 },
    { premise: 1, status: 0, unlicensed: 0, from: 10, to: 1e6 },
    { premise: 2, status: 4, unlicensed: 0, from: 0, to: 1e6 },
  ],
});

describe('worklistRing', () => {
  it('rings the listed premises in list order, each once, at their points', () => {
    const ring = worklistRing(data, 'overdue', [12, 11, 12]);
    expect(ring.list).toBe('overdue');
    expect(ring.length).toBe(2);
    expect([...ring.ids]).toEqual([12, 11]);
    expect([...ring.positions]).toEqual([...Float32Array.from([120.2, 30.3, 120.1, 30.1])]);
  });

  it("spans each ring over its premise's days on the map, for the GPU date filter", () => {
    const ring = worklistRing(data, 'overdue', [11, 12]);
    expect([...ring.filterValues]).toEqual([5, 90, 10, 1e6]);
  });

  it('leaves out premises the map does not hold', () => {
    const ring = worklistRing(data, 'rebound', [99, 13]);
    expect([...ring.ids]).toEqual([13]);
  });

  it('gives the bounds around the rings, or null for none', () => {
    const b = ringBounds(worklistRing(data, 'overdue', [11, 13])) as number[];
    expect(b.map((x) => Number(x.toFixed(4)))).toEqual([120.1, 30.1, 120.4, 30.2]);
    expect(ringBounds(worklistRing(data, 'overdue', []))).toBeNull();
  });
});
