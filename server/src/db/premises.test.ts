import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { premiseInserter, premiseUpdatedAt, updatePremise } from './premises';

describe('updatePremise', () => {
  it('always moves updated_at forward, even within one millisecond, so a stale editor is always told', () => {
    const db = openDatabase(':memory:');
    db.exec(`INSERT INTO townships (id, code, name, geometry) VALUES (1, '1', 't', '{}');
      INSERT INTO villages (id, code, name, kind, township_id, area_km2, geometry) VALUES (1, '1', 'v', 'village', 1, 1, '{}')`);
    const id = premiseInserter(db)({
      archiveNo: 'SX2024-0001',
      name: '店',
      operator: null,
      phone: null,
      idNumber: null,
      address: '路1号',
      villageId: 1,
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
