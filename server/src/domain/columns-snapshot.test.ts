import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from './columns-snapshot';
import { day } from './dates';
import { buildColumns } from './premise-columns';

const cols = buildColumns(
  [1, 2, 3].map((id) => ({
    id: id * 10,
    lng: 120.2 + id / 100,
    lat: 30.3 + id / 100,
    category: 'restaurant' as const,
    villageId: id,
    events: [
      { day: day('2008-02-01'), type: 'surveyed' as const },
      { day: day('2009-02-01'), type: 'upgraded' as const },
    ],
  })),
);

const stamp = { dbId: '5f0c1e8a9b3d4c2e8f7a6b5c4d3e2f10', dataVersion: 42 };

describe('model snapshot', () => {
  it('round-trips the columns and the spatial index', () => {
    const back = decodeSnapshot(encodeSnapshot(cols, stamp), stamp);
    if (!back) throw new Error('snapshot refused');
    for (const key of [
      'id',
      'lng',
      'lat',
      'category',
      'villageId',
      'intervalStart',
      'status',
      'fromDay',
      'toDay',
    ] as const) {
      expect([...back[key]], key).toEqual([...cols[key]]);
    }
    expect(back.count).toBe(3);
    expect(back.intervalCount).toBe(cols.intervalCount);
    expect(back.rowOf.get(20)).toBe(1);
    expect(back.index.range(120.215, 30.315, 120.225, 30.325)).toEqual([1]);
  });

  it('is refused when the data version moved on or the bytes are not a snapshot', () => {
    expect(decodeSnapshot(encodeSnapshot(cols, stamp), { ...stamp, dataVersion: 43 })).toBeNull();
    expect(decodeSnapshot(new TextEncoder().encode('garbage!garbage!'), stamp)).toBeNull();
  });

  it('is refused for another database whose counter happens to be the same', () => {
    const other = { dbId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', dataVersion: 42 };
    expect(decodeSnapshot(encodeSnapshot(cols, stamp), other)).toBeNull();
  });
});
