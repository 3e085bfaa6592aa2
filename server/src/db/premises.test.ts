import { describe, expect, it } from 'vitest';
import { emptyTestStore } from '../../../tests/helpers/test-store';
import { insertTownship, insertVillage } from './geography';
import { premiseInserter, premiseUpdatedAt, updatePremise } from './premises';

describe('updatePremise', () => {
  it('always moves updated_at forward, even within one millisecond, so a stale editor is always told', async () => {
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
    const id = premiseInserter(db)({
      archiveNo: 'SX2024-0001',
      name: '店',
      operator: null,
      phone: null,
      idNumber: null,
      address: '路1号',
      villageId,
      category: 'grocery',
      lng: 120,
      lat: 30,
      crs: 'WGS84',
      geocodeMethod: 'manual',
      keyObject: false,
      areaM2: null,
      staff: null,
      notes: null,
    });
    db.prepare("UPDATE premises SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(id);
    const first = updatePremise(db, id, { notes: '一' });
    const second = updatePremise(db, id, { notes: '二', keyObject: true });
    expect([first, second]).toEqual(['2099-01-01T00:00:00.001Z', '2099-01-01T00:00:00.002Z']);
    expect(premiseUpdatedAt(db, id)).toBe(second);
  });
});
