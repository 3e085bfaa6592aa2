import { describe, expect, it } from 'vitest';
import { decodePremises } from './premises-binary';
import { encodePremisesForTest } from './premises-fixture';

describe('decodePremises', () => {
  it('reads the columns back', () => {
    const buffer = encodePremisesForTest({
      startDay: 13879,
      premises: [
        { id: 7, lng: 120.1, lat: 30.2, category: 2, village: 11 },
        { id: 9, lng: 120.3, lat: 30.4, category: 0, village: 12 },
      ],
      intervals: [
        { premise: 0, status: 0, unlicensed: 1, from: 3, to: 40 },
        { premise: 0, status: 2, unlicensed: 0, from: 40, to: 9_999_999 },
        { premise: 1, status: 1, unlicensed: 1, from: 10, to: 9_999_999 },
      ],
    });
    const data = decodePremises(buffer);
    expect(data.premiseCount).toBe(2);
    expect(data.intervalCount).toBe(3);
    expect(data.startDay).toBe(13879);
    expect([...data.id]).toEqual([7, 9]);
    expect(data.position[2]).toBeCloseTo(120.3, 4);
    expect(data.position[3]).toBeCloseTo(30.4, 4);
    expect([...data.category]).toEqual([2, 0]);
    expect([...data.village]).toEqual([11, 12]);
    expect([...data.premise]).toEqual([0, 0, 1]);
    expect([...data.status]).toEqual([0, 2, 1]);
    expect([...data.unlicensed]).toEqual([1, 0, 1]);
    expect([...data.from]).toEqual([3, 40, 10]);
    expect(data.to[1]).toBe(9_999_999);
  });

  it('rejects a buffer with the wrong magic', () => {
    const bytes = new Uint8Array(16);
    bytes.set([88, 88, 88, 88]);
    expect(() => decodePremises(bytes.buffer)).toThrow(/SXP1/);
  });

  it('rejects a column that runs past the end', () => {
    const buffer = encodePremisesForTest({
      startDay: 0,
      premises: [{ id: 1, lng: 0, lat: 0, category: 0, village: 1 }],
      intervals: [{ premise: 0, status: 0, unlicensed: 0, from: 0, to: 1 }],
    });
    expect(() => decodePremises(buffer.slice(0, buffer.byteLength - 4))).toThrow(/past the end/);
  });
});
