import { describe, expect, it } from 'vitest';
import { emptyTestStore } from '../../../tests/helpers/test-store';
import { insertTownship, insertVillage } from './geography';
import type { Db } from './open-database';
import {
  eventInserter,
  premiseInserter,
  premiseUpdatedAt,
  streamPremiseInputs,
  updatePremise,
} from './premises';

/** An empty store with one township and one village in it. */
async function storeWithVillage() {
  const db = await emptyTestStore();
  const square: GeoJSON.Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [119.9, 29.9],
        [120.1, 29.9],
        [120.1, 30.1],
        [119.9, 29.9],
      ],
    ],
  };
  const townshipId = insertTownship(db, { code: '330100000001', name: '乙镇', geometry: square });
  const villageId = insertVillage(db, {
    code: '330100000001001',
    name: '甲村',
    kind: 'village',
    townshipId,
    areaKm2: 1,
    fringe: false,
    pilot: false,
    geometry: square,
  });
  return { db, villageId };
}

/** A grocery in the village, with nothing but its archive number. */
function premiseOf(db: Db, villageId: number, archiveNo: string, lng = 120): number {
  return premiseInserter(db)({
    archiveNo,
    name: '店',
    operator: null,
    phone: null,
    idNumber: null,
    address: '路1号',
    villageId,
    category: 'grocery',
    lng,
    lat: 30,
    crs: 'WGS84',
    geocodeMethod: 'manual',
    keyObject: false,
    areaM2: null,
    staff: null,
    notes: null,
  });
}

describe('updatePremise', () => {
  it('always moves updated_at forward, even within one millisecond, so a stale editor is always told', async () => {
    const { db, villageId } = await storeWithVillage();
    const id = premiseOf(db, villageId, 'SX2024-0001');
    db.prepare("UPDATE premises SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(id);
    const first = updatePremise(db, id, { notes: '一' });
    const second = updatePremise(db, id, { notes: '二', keyObject: true });
    expect([first, second]).toEqual(['2099-01-01T00:00:00.001Z', '2099-01-01T00:00:00.002Z']);
    expect(premiseUpdatedAt(db, id)).toBe(second);
  });
});

// On both stores: PostgreSQL reads the whole record by COPY, a part of it through a cursor.
describe('streamPremiseInputs', () => {
  it('reads every premise with its records in order, the same whole as a part at a time', async () => {
    const { db, villageId } = await storeWithVillage();
    const ids = ['A-1', 'A-2', 'A-3', 'A-4'].map((a, i) => premiseOf(db, villageId, a, 120 + i / 100));
    const add = eventInserter(db);
    // Out of order (the read puts them by day, then as recorded), with every optional field, texts
    // COPY escapes (tab, newline, backslash, a lone \N), and a premise without records. The
    // licence's number and the note are not read: the status fold has no use for them.
    add(ids[1], { day: 30, type: 'reinspected', passed: false, note: 'a\tb\nc\\d \\N' });
    add(ids[0], { day: 20, type: 'ordered', problems: ['unlicensed', 'unsanitary'], deadlineDay: 40 });
    add(ids[0], { day: 10, type: 'surveyed' });
    add(ids[1], {
      day: 5,
      type: 'licence_obtained',
      licence: 'business',
      licenceNo: '33\\01',
      validToDay: 400,
    });
    add(ids[3], { day: 7, type: 'reinspected', passed: true, note: '' });
    add(ids[0], { day: 20, type: 'closed' });
    const whole = [...streamPremiseInputs(db)];
    const inParts = [
      ...streamPremiseInputs(db, { fromId: 0, toId: ids[1] }),
      ...streamPremiseInputs(db, { fromId: ids[2], toId: ids[3] }),
    ];
    expect(whole).toEqual(inParts);
    expect(whole.map((p) => p.id)).toEqual(ids);
    expect(whole[0].events.map((e) => [e.day, e.type])).toEqual([
      [10, 'surveyed'],
      [20, 'ordered'],
      [20, 'closed'],
    ]);
    expect(whole[0].events[1]).toMatchObject({ problems: ['unlicensed', 'unsanitary'], deadlineDay: 40 });
    expect(whole[1].events[0]).toEqual({
      id: expect.any(Number),
      day: 5,
      type: 'licence_obtained',
      licence: 'business',
      validToDay: 400,
    });
    expect(whole[1].events[1]).toEqual({
      id: expect.any(Number),
      day: 30,
      type: 'reinspected',
      passed: false,
    });
    expect(whole[2].events).toEqual([]);
    expect(whole[3].events[0].passed).toBe(true);
    expect(whole.map((p) => p.category)).toEqual(inParts.map((p) => p.category));
  });
});
