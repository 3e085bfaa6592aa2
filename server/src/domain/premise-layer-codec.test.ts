import { describe, expect, it } from 'vitest';
import { day } from './dates';
import { buildColumns } from './premise-columns';
import { decodePremiseLayer, encodePremiseLayer, WIRE_OPEN_END } from './premise-layer-codec';

describe('premise layer codec', () => {
  const start = day('2008-01-01');
  const cols = buildColumns([
    {
      id: 41,
      lng: 120.231234,
      lat: 30.351234,
      category: 'pharmacy',
      villageId: 3,
      events: [
        { day: day('2008-03-01'), type: 'surveyed' },
        { day: day('2009-01-10'), type: 'closed' },
      ],
    },
    { id: 42, lng: 120.24, lat: 30.36, category: 'lpg_point', villageId: 4, events: [] },
  ]);

  it('round-trips the columns, with days counted from the campaign start', () => {
    const bytes = encodePremiseLayer(cols, start);
    const { header, columns } = decodePremiseLayer(bytes.buffer.slice(0) as ArrayBuffer);
    expect(header).toMatchObject({ premiseCount: 2, intervalCount: 2, startDay: start });
    expect([...columns.id]).toEqual([41, 42]);
    expect(columns.position[0]).toBeCloseTo(120.231234, 5);
    expect(columns.position[1]).toBeCloseTo(30.351234, 5);
    expect([...columns.category]).toEqual([3, 9]);
    expect([...columns.village]).toEqual([3, 4]);
    expect([...columns.premise]).toEqual([0, 0]);
    expect([...columns.status]).toEqual([0, 4]);
    expect([...columns.from]).toEqual([day('2008-03-01') - start, day('2009-01-10') - start]);
    expect([...columns.to]).toEqual([day('2009-01-10') - start, WIRE_OPEN_END]);
    for (const c of header.columns) expect(c.byteOffset % 8).toBe(0);
  });

  it('refuses a buffer that is not a premises layer', () => {
    expect(() =>
      decodePremiseLayer(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer as ArrayBuffer),
    ).toThrow(/bad magic/);
  });
});
